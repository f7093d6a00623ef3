"""Records of the story clusterer: what it decided about one article.

The records it stores and logs (:class:`~newsprism.model.StoryState`,
:class:`~newsprism.model.StoryEvent`) live in :mod:`newsprism.model`, because
the stores persist them; they are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EventKind, StoryEvent, StoryState

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
