"""What a batch engine is: inputs in, Parquet tables out, the same for every engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

__all__ = ["BatchResult", "Engine"]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Where the tables went, how many rows each has, and seconds spent per phase."""

    out_dir: Path
    rows: dict[str, int]
    timings: dict[str, float] = field(default_factory=dict)


class Engine(Protocol):
    """Runs the batch pipeline; engines differ in where work runs, never in results."""

    name: str

    def run(self, inputs: Sequence[str], out_dir: str | Path) -> BatchResult: ...
