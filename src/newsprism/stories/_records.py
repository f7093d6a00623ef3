"""Records of the story clusterer: what it decided, what it logged, what it stores.

They live beside the clusterer rather than in :mod:`newsprism.model` because
they describe clustering state, not the dossier; the store persists them as it
persists the model's records (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EventKind = Literal["created", "merged", "split"]

__all__ = ["Assignment", "EventKind", "StoryEvent", "StoryState"]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went.  ``score`` is the calibrated probability of the join
    (0.0 for a new story); ``merged`` names stories this article showed to be the
    same event as ``story`` and that were folded into it."""

    article: str
    story: str
    created: bool
    score: float
    merged: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A change in the set of stories, logged so ids are never silently renumbered.

    ``created``: ``story`` began with ``articles``.  ``merged``: ``other`` was
    folded into ``story`` (``other`` resolves to ``story`` from then on).
    ``split``: ``articles`` left ``story`` to form ``other``.
    """

    kind: EventKind
    story: str
    at: str
    other: str | None = None
    articles: tuple[str, ...] = ()
    score: float | None = None


@dataclass(frozen=True, slots=True)
class StoryState:
    """Everything needed to resume clustering a story in a later run.

    ``words`` / ``entities`` / ``marks`` are the story's centroids (sums of its
    members' unit TF-IDF vectors of words, names, and figures and dates, pruned
    to the strongest terms).  ``merged_into`` is set
    on a story that no longer stands on its own.
    """

    id: str
    title: str
    size: int
    articles: tuple[str, ...]
    first: str | None = None
    last: str | None = None
    title_date: str | None = None
    outlets: tuple[str, ...] = ()
    words: tuple[tuple[str, float], ...] = ()
    entities: tuple[tuple[str, float], ...] = ()
    merged_into: str | None = None
    seq: int = 0
    marks: tuple[tuple[str, float], ...] = ()  # last: older positional callers keep working
