"""The default embedded store: one SQLite file, WAL mode, versioned migrations."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..model import Article, ArticleNLP, Story, StoryEvent, StoryState, from_dict, to_dict
from ._base import Added, Store
from ._keys import content_hash, unique_id
from ._schema import SQLITE, migrations

#: the schema (:mod:`._schema`, written once for both stores) in this dialect
MIGRATIONS: tuple[str, ...] = migrations(SQLITE)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """SQLite store.  Every write commits at once, so a crash loses nothing stored."""

    def __init__(self, path: str | Path = "newsprism.db") -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open store {self.path}: {exc}; check that --db names a writable "
                "SQLite file"
            ) from exc

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this newsprism "
                f"({len(MIGRATIONS)}); upgrade newsprism"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            with self._db:
                self._db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    # --- articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> Added:
        digest = content_hash(article)
        with self._lock:
            row = self._db.execute(
                "SELECT id FROM articles WHERE content_hash = ? OR (url IS NOT NULL AND url = ?)",
                (digest, article.url),
            ).fetchone()
            if row:
                return Added(row[0], inserted=False, duplicate_of=row[0])
            new_id = unique_id(article.id, digest, self._has_id)
            if new_id != article.id:
                article = dataclasses.replace(article, id=new_id)
            source = article.provenance.source if article.provenance else None
            with self._db:
                self._db.execute(
                    "INSERT INTO articles (id, content_hash, url, outlet, title, published,"
                    " author, text, record, source, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        new_id,
                        digest,
                        article.url,
                        article.outlet,
                        article.title,
                        article.published,
                        article.author,
                        article.text,
                        json.dumps(to_dict(article), ensure_ascii=False),
                        source,
                        _now(),
                    ),
                )
            return Added(new_id, inserted=True)

    def _has_id(self, article_id: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            cur = self._db.execute("SELECT record FROM articles ORDER BY rowid")
            for (record,) in cur:
                yield from_dict(Article, json.loads(record))
            return
        for article_id in ids:
            art = self.get_article(article_id)
            if art is not None:
                yield art

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # --- per-article analyses ----------------------------------------------------
    def put_nlp(self, record: ArticleNLP, version: str) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO article_nlp (article_id, version, record) VALUES (?, ?, ?)",
                (record.article, version, json.dumps(to_dict(record))),
            )

    def get_nlp(self, article_id: str, version: str) -> ArticleNLP | None:
        row = self._db.execute(
            "SELECT record FROM article_nlp WHERE article_id = ? AND version = ?",
            (article_id, version),
        ).fetchone()
        return from_dict(ArticleNLP, json.loads(row[0])) if row else None

    # --- stories and dossiers ----------------------------------------------------
    def save_stories(self, stories: Iterable[Story]) -> None:
        with self._lock, self._db:
            for story in stories:
                self._db.execute(
                    "INSERT OR REPLACE INTO stories (id, title, record, updated_at)"
                    " VALUES (?, ?, ?, ?)",
                    (story.id, story.title, json.dumps(to_dict(story), ensure_ascii=False), _now()),
                )
                self._db.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                self._db.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                    [(story.id, a) for a in story.articles if self._has_id(a)],
                )

    def stories(self) -> list[Story]:
        rows = self._db.execute("SELECT record FROM stories ORDER BY updated_at, id").fetchall()
        return [from_dict(Story, json.loads(r[0])) for r in rows]

    def save_dossier(self, story_id: str, dossier_json: str) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO dossiers (story_id, record, created_at) VALUES (?, ?, ?)",
                (story_id, dossier_json, _now()),
            )

    def get_dossier(self, story_id: str) -> str | None:
        row = self._db.execute(
            "SELECT record FROM dossiers WHERE story_id = ?", (story_id,)
        ).fetchone()
        return str(row[0]) if row else None

    # --- story clustering state ---------------------------------------------------
    def save_story_states(self, states: Iterable[StoryState]) -> None:
        now = _now()
        rows = [
            (st.id, st.seq, st.merged_into, json.dumps(to_dict(st), ensure_ascii=False), now)
            for st in states
        ]
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO story_state (id, seq, merged_into, record, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def story_states(self) -> Iterator[StoryState]:
        cur = self._db.execute("SELECT record FROM story_state ORDER BY seq")
        for (record,) in cur:
            yield from_dict(StoryState, json.loads(record))

    def add_story_events(self, events: Iterable[StoryEvent]) -> None:
        rows = [
            (e.kind, e.story, e.other, json.dumps(to_dict(e), ensure_ascii=False)) for e in events
        ]
        with self._lock, self._db:
            self._db.executemany(
                "INSERT INTO story_events (kind, story_id, other_id, record) VALUES (?, ?, ?, ?)",
                rows,
            )

    def story_events(self, story_id: str | None = None) -> list[StoryEvent]:
        if story_id is None:
            cur = self._db.execute("SELECT record FROM story_events ORDER BY seq")
        else:
            cur = self._db.execute(
                "SELECT record FROM story_events WHERE story_id = ? OR other_id = ? ORDER BY seq",
                (story_id, story_id),
            )
        return [from_dict(StoryEvent, json.loads(r[0])) for r in cur]

    def save_story_df(self, df: Mapping[str, int], docs: int) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO story_df (term, df) VALUES (?, ?)", list(df.items())
            )
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('story_docs', ?)", (str(docs),)
            )

    def story_df(self) -> tuple[dict[str, int], int]:
        df = {t: int(n) for t, n in self._db.execute("SELECT term, df FROM story_df")}
        docs = self.get_meta("story_docs")
        return df, int(docs) if docs else 0

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """An advisory lock file beside the database, held for the block.

        SQLite's own write lock cannot serve: holding a transaction open across a
        story update would block this process's other writes on the same file.
        ``flock`` locks belong to the open file, so they exclude threads and
        processes alike, and the OS drops them if the holder dies.
        """
        if self.path in ("", ":memory:") or self.path.startswith("file:"):
            with self._lock_for(name):
                yield
            return
        lock_path = f"{self.path}.{name}.lock"
        with open(lock_path, "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _lock_for(self, name: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(name, threading.Lock())

    def close(self) -> None:
        self._db.close()


if TYPE_CHECKING:

    def _implements_every_role(store: SQLiteStore) -> Store:
        return store  # mypy checks that SQLiteStore is a whole Store
