"""One record of analysis options, shared by ``analyze``, the CLI, the web worker and the engines.

>>> from newsprism import Options
>>> Options(broad_quotes=True).broad_quotes
True
>>> Options(batch_size=0)
Traceback (most recent call last):
...
newsprism.errors.OptionsError: [E102] batch_size must be a whole number of at least 1, not 0

Collaborators (a store, a fetcher, progress and failure callbacks) are not
options and stay arguments of their own.  ``batch_size`` and ``jobs`` change how
fast a run goes, never what it finds (a batch engine's workers and Spark cores
stay arguments of the engine).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

from .errors import OptionsError

__all__ = ["DEFAULT_BLOCK_DAYS", "DEFAULT_OPTIONS", "Options", "available_cores"]

#: days of the stream one story-clustering task of a batch engine owns (a week)
DEFAULT_BLOCK_DAYS = 7.0


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """What an analysis reads and computes; every field has the default a plain run uses.

    Reading:

    * ``allow_private`` -- let URLs and feeds reach private and loopback addresses;
    * ``manifest`` -- a CSV/JSONL file whose rows add metadata to the files they name.

    Analysing:

    * ``broad_quotes`` -- attribute beliefs and stances as well as speech
      ("officials are wary of ..."), as PolNeAR annotates them: more found, less
      precise (cached apart in the store);
    * ``batch_size`` -- texts per spaCy ``nlp.pipe`` batch (speed only, not results);
    * ``jobs`` -- processes that parse and analyse articles and group claims
      (default the machine's cores; speed only: the records are the same with
      one process).

    Batch engines (``newsprism batch``; ``analyze`` has no blocks and runs every stage):

    * ``block_days`` -- days of the stream one story-clustering task owns;
    * ``parse`` -- False gives empty NLP records: the corpus stages alone (benchmarks);
    * ``story_stages`` -- False stops after the stories (no reuse, statements, claims);
    * ``candidates`` -- False skips the corpus-wide reuse-candidate table.
    """

    allow_private: bool = False
    manifest: str | None = None
    broad_quotes: bool = False
    batch_size: int = 32
    jobs: int = field(default_factory=available_cores)
    block_days: float = DEFAULT_BLOCK_DAYS
    parse: bool = True
    story_stages: bool = True
    candidates: bool = True

    def __post_init__(self) -> None:
        for name in ("allow_private", "broad_quotes", "parse", "story_stages", "candidates"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise OptionsError(f"{name} must be True or False, not {value!r}")
        if self.manifest is not None and (
            not isinstance(self.manifest, str) or not self.manifest.strip()
        ):
            raise OptionsError(
                f"manifest must be the path of a CSV or JSONL file, not {self.manifest!r}"
            )
        for name in ("batch_size", "jobs"):
            size = getattr(self, name)
            if isinstance(size, bool) or not isinstance(size, int) or size < 1:
                raise OptionsError(f"{name} must be a whole number of at least 1, not {size!r}")
        days = self.block_days
        if (
            isinstance(days, bool)
            or not isinstance(days, int | float)
            or not math.isfinite(days)
            or days <= 0
        ):
            raise OptionsError(
                f"block_days must be a positive number of days (7 is a week), not {days!r}"
            )


#: every option at its default: what a plain run uses
DEFAULT_OPTIONS = Options()
