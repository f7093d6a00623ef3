"""The reader interface every source type implements.

A reader turns one source (a file, a URL, a feed, a WARC file) into raw
:class:`~newsprism.model.Article` records, *not yet cleaned*, each with its
:class:`~newsprism.model.Provenance`.  A reader never raises for bad input: it
yields an :class:`IngestFailure` for the bad item and goes on with the rest, so
one broken record never stops a batch.
"""

from __future__ import annotations

import hashlib
import logging
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


@dataclass(frozen=True, slots=True)
class IngestNotice:
    """Something changed or dropped about an input that was still read (a date that is
    not a date, an id already taken); ``str()`` is the one-line report."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Item = Article | IngestFailure

log = logging.getLogger(__name__)
#: Longest exception message quoted in a report: the report stays one line.
_MAX_DETAIL = 160


def unexpected(exc: BaseException) -> str:
    """The one-line reason for an exception no reader expected (a library's bug, a
    pathological input): its kind and the first line of its message, shortened."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read in memory"
    lines = str(exc).strip().splitlines()
    detail = lines[0] if lines else ""
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 1] + "…"
    kind = type(exc).__name__
    return f"could not be read ({kind}: {detail})" if detail else f"could not be read ({kind})"


def guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, with whatever they raise turned into one failure naming ``source``.

    The last line of defence: readers report the inputs they know to be bad
    themselves, item by item; this catches what nobody foresaw (a parser's
    ``RecursionError``, a library's own exception type), so that one input ends
    only itself, never the batch.  The traceback goes to the log at DEBUG.
    """
    try:
        yield from items
    except Exception as exc:  # one input must never stop a batch
        log.debug("unexpected error reading %s", source, exc_info=True)
        yield IngestFailure(source, unexpected(exc))


class Reader(Protocol):
    """Reads one kind of source.  ``name`` goes into ``Provenance.reader``."""

    name: str

    def read(self, source: str) -> Iterator[Item]: ...


def stable_id(*parts: str, prefix: str = "") -> str:
    """A deterministic article id from what identifies it (URL, record id, text)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}" if prefix else digest
