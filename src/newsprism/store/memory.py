"""A complete in-memory store, for tests and one-shot library use."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..model import Article, ArticleNLP, Story, StoryEvent, StoryState
from ._base import Added, Store
from ._keys import content_hash, unique_id


class MemoryStore:
    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._by_hash: dict[str, str] = {}
        self._by_url: dict[str, str] = {}
        self._nlp: dict[tuple[str, str], ArticleNLP] = {}
        self._stories: dict[str, Story] = {}
        self._dossiers: dict[str, str] = {}
        self._story_states: dict[str, StoryState] = {}
        self._story_events: list[StoryEvent] = []
        self._story_df: dict[str, int] = {}
        self._story_docs = 0
        self._meta: dict[str, str] = {}
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def add_article(self, article: Article) -> Added:
        digest = content_hash(article)
        existing = self._by_hash.get(digest) or (article.url and self._by_url.get(article.url))
        if existing:
            return Added(existing, inserted=False, duplicate_of=existing)
        new_id = unique_id(article.id, digest, self._articles.__contains__)
        if new_id != article.id:
            article = dataclasses.replace(article, id=new_id)
        self._articles[new_id] = article
        self._by_hash[digest] = new_id
        if article.url:
            self._by_url[article.url] = new_id
        return Added(new_id, inserted=True)

    def get_article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            yield from self._articles.values()
            return
        for i in ids:
            if i in self._articles:
                yield self._articles[i]

    def count_articles(self) -> int:
        return len(self._articles)

    def put_nlp(self, record: ArticleNLP, version: str) -> None:
        self._nlp[(record.article, version)] = record

    def get_nlp(self, article_id: str, version: str) -> ArticleNLP | None:
        return self._nlp.get((article_id, version))

    def save_stories(self, stories: Iterable[Story]) -> None:
        for s in stories:
            self._stories[s.id] = s

    def stories(self) -> list[Story]:
        return list(self._stories.values())

    def save_dossier(self, story_id: str, dossier_json: str) -> None:
        self._dossiers[story_id] = dossier_json

    def get_dossier(self, story_id: str) -> str | None:
        return self._dossiers.get(story_id)

    def save_story_states(self, states: Iterable[StoryState]) -> None:
        for st in states:
            self._story_states[st.id] = st

    def story_states(self) -> Iterator[StoryState]:
        yield from sorted(self._story_states.values(), key=lambda st: st.seq)

    def add_story_events(self, events: Iterable[StoryEvent]) -> None:
        self._story_events.extend(events)

    def story_events(self, story_id: str | None = None) -> list[StoryEvent]:
        return [e for e in self._story_events if story_id is None or story_id in (e.story, e.other)]

    def save_story_df(self, df: Mapping[str, int], docs: int) -> None:
        self._story_df.update(df)
        self._story_docs = docs

    def story_df(self) -> tuple[dict[str, int], int]:
        return dict(self._story_df), self._story_docs

    def get_meta(self, key: str) -> str | None:
        return self._meta.get(key)

    def set_meta(self, key: str, value: str) -> None:
        self._meta[key] = value

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            yield

    def close(self) -> None:
        pass


if TYPE_CHECKING:

    def _implements_every_role(store: MemoryStore) -> Store:
        return store  # mypy checks that MemoryStore is a whole Store
