"""The store interface, implemented by SQLite, PostgreSQL and memory alike.

Like sqlite-utils' memory databases, :class:`MemoryStore` is a complete
implementation that tests use instead of a mock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from ..model import Article, ArticleNLP, Story, StoryEvent, StoryState


@dataclass(frozen=True, slots=True)
class Added:
    """What :meth:`Store.add_article` did: ``inserted`` is False for a duplicate."""

    id: str
    inserted: bool
    duplicate_of: str | None = None


class ArticleStore(Protocol):
    """Articles, deduplicated on the way in.

    ``add_article`` commits before returning: an interrupted batch keeps every
    article stored so far, and re-running it skips them (same content hash or
    same URL), which is what makes ingest idempotent and resumable.
    """

    def add_article(self, article: Article) -> Added: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...


class AnalysisCache(Protocol):
    """Per-article analyses, cached by article id and the version of their steps."""

    def put_nlp(self, record: ArticleNLP, version: str) -> None: ...
    def get_nlp(self, article_id: str, version: str) -> ArticleNLP | None: ...


class ResultStore(Protocol):
    """What the analysis publishes: the stories and each story's dossier (JSON)."""

    def save_stories(self, stories: Iterable[Story]) -> None: ...
    def stories(self) -> list[Story]: ...
    def save_dossier(self, story_id: str, dossier_json: str) -> None: ...
    def get_dossier(self, story_id: str) -> str | None: ...


class StoryStateStore(Protocol):
    """The story clusterer's state (see :mod:`newsprism.stories.persist`): its
    stories, its log of creations/merges/splits and its document frequencies."""

    def save_story_states(self, states: Iterable[StoryState]) -> None: ...
    def story_states(self) -> Iterator[StoryState]: ...
    def add_story_events(self, events: Iterable[StoryEvent]) -> None: ...
    def story_events(self, story_id: str | None = None) -> list[StoryEvent]: ...
    def save_story_df(self, df: Mapping[str, int], docs: int) -> None: ...
    def story_df(self) -> tuple[dict[str, int], int]: ...


class Coordination(Protocol):
    """What processes sharing a store agree through it: small named values (a
    watched feed's ETag, the stories' time scale) and named locks."""

    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    # a lock across processes sharing the store, for read-modify-write work such
    # as placing articles in stories (a watcher and a web worker at once)
    def exclusive(self, name: str) -> AbstractContextManager[None]: ...


class ClusteringStore(ArticleStore, ResultStore, StoryStateStore, Coordination, Protocol):
    """What placing articles in stories reads and writes (:mod:`newsprism.stories.persist`)."""


class Store(ClusteringStore, AnalysisCache, Protocol):
    """Where articles, per-article analyses, stories and dossiers live: every role
    above, and ``close``.  SQLite, PostgreSQL and memory stores implement it all;
    code that needs one role asks for that role."""

    def close(self) -> None: ...
