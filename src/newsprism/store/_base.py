"""The store interface.  SQLite implements it now; PostgreSQL later, same contract.

Like sqlite-utils' memory databases, :class:`MemoryStore` is a complete
implementation that tests use instead of a mock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..model import Article, ArticleNLP, Story


@dataclass(frozen=True, slots=True)
class Added:
    """What :meth:`Store.add_article` did: ``inserted`` is False for a duplicate."""

    id: str
    inserted: bool
    duplicate_of: str | None = None


class Store(Protocol):
    """Where articles, per-article analyses, stories and dossiers live.

    ``add_article`` commits before returning: an interrupted batch keeps every
    article stored so far, and re-running it skips them (same content hash or
    same URL), which is what makes ingest idempotent and resumable.
    """

    def add_article(self, article: Article) -> Added: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...
    def put_nlp(self, record: ArticleNLP, version: str) -> None: ...
    def get_nlp(self, article_id: str, version: str) -> ArticleNLP | None: ...
    def save_stories(self, stories: Iterable[Story]) -> None: ...
    def stories(self) -> list[Story]: ...
    def save_dossier(self, story_id: str, dossier_json: str) -> None: ...
    def get_dossier(self, story_id: str) -> str | None: ...
    def close(self) -> None: ...
