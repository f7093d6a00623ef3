"""The reader interface every source type implements.

A reader turns one source (a file, a URL, a feed, a WARC file) into raw
:class:`~newsprism.model.Article` records, *not yet cleaned*, each with its
:class:`~newsprism.model.Provenance`.  A reader never raises for bad input: it
yields an :class:`IngestFailure` for the bad item and goes on with the rest, so
one broken record never stops a batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..model import Article

#: Largest single input accepted, in bytes; larger files/responses are refused.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """One input that could not be read; ``str()`` is the one-line report."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Item = Article | IngestFailure


class Reader(Protocol):
    """Reads one kind of source.  ``name`` goes into ``Provenance.reader``."""

    name: str

    def read(self, source: str) -> Iterator[Item]: ...


def stable_id(*parts: str, prefix: str = "") -> str:
    """A deterministic article id from what identifies it (URL, record id, text)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}" if prefix else digest
