"""The server store: PostgreSQL, same interface and schema versions as SQLite.

Why a second implementation rather than an ORM: the store is a dozen small
queries, and the two dialects differ only in upserts, full-text search and how
the schema version is kept.  The schema is written once (:mod:`._schema`, with
the dialects' differences in one place), so ``version`` means the same schema
on both.

Concurrent writers (a watcher and the web app's worker, several batch loaders)
are safe: every write is one transaction; ``add_article`` takes a transaction-level
advisory lock so the duplicate check and the id choice cannot interleave, and the
``UNIQUE`` constraints back that up; migrations run under a session advisory lock
so two processes opening a fresh database do not both create it.

psycopg is imported lazily: the default install has no PostgreSQL driver, and
``open_store`` names the extra to install when it is missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..model import Article, ArticleNLP, Story, StoryEvent, StoryState, from_dict, to_dict
from ._base import Added, Store
from ._keys import content_hash, unique_id
from ._schema import POSTGRES, migrations

if TYPE_CHECKING:
    import psycopg

__all__ = ["MIGRATIONS", "PostgresStore"]

#: the schema (:mod:`._schema`, written once for both stores) in this dialect
MIGRATIONS: tuple[str, ...] = migrations(POSTGRES)

_MIGRATE_LOCK = 0x6E657773  # advisory lock keys ("news", "arts"): any fixed numbers
_ARTICLE_LOCK = 0x61727473


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False)


def _connect(url: str) -> psycopg.Connection[Any]:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise StoreError(
            "the PostgreSQL store needs psycopg: pip install 'newsprism[postgres]'"
        ) from exc
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())  # psycopg's messages span lines
        raise StoreError(f"cannot open PostgreSQL store {url}: {reason}; check --db") from exc


class PostgresStore:
    """PostgreSQL store.  Every write is one committed transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._db = _connect(url)
        self._lock = threading.Lock()  # one connection: one statement at a time
        self._migrate()

    @property
    def version(self) -> int:
        row = self._one("SELECT coalesce(max(version), 0) FROM schema_version")
        return int(row[0]) if row else 0

    def _one(self, sql: str, params: Iterable[Any] = ()) -> tuple[Any, ...] | None:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchone()

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def _migrate(self) -> None:
        with self._lock:
            self._db.execute("SELECT pg_advisory_lock(%s)", (_MIGRATE_LOCK,))
            try:
                self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
                row = self._db.execute(
                    "SELECT coalesce(max(version), 0) FROM schema_version"
                ).fetchone()
                current = int(row[0]) if row else 0
                if current > len(MIGRATIONS):
                    raise StoreError(
                        f"store {self.url} has schema version {current}, newer than this "
                        f"newsprism ({len(MIGRATIONS)}); upgrade newsprism"
                    )
                for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                    with self._db.transaction():
                        self._db.execute(script.encode("utf-8"))
                        self._db.execute("INSERT INTO schema_version VALUES (%s)", (number,))
            finally:
                self._db.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATE_LOCK,))

    # --- articles ---------------------------------------------------------------
    def add_article(self, article: Article) -> Added:
        digest = content_hash(article)
        with self._lock, self._db.transaction():
            db = self._db
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_ARTICLE_LOCK,))
            row = db.execute(
                "SELECT id FROM articles WHERE content_hash = %s"
                " OR (url IS NOT NULL AND url = %s) ORDER BY seq LIMIT 1",
                (digest, article.url),
            ).fetchone()
            if row:
                return Added(row[0], inserted=False, duplicate_of=row[0])

            def taken(article_id: str) -> bool:
                hit = db.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,))
                return hit.fetchone() is not None

            new_id = unique_id(article.id, digest, taken)
            if new_id != article.id:
                article = dataclasses.replace(article, id=new_id)
            source = article.provenance.source if article.provenance else None
            db.execute(
                "INSERT INTO articles (id, content_hash, url, outlet, title, published,"
                " author, text, record, source, ingested_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    new_id,
                    digest,
                    article.url,
                    article.outlet,
                    article.title,
                    article.published,
                    article.author,
                    article.text,
                    _dumps(article),
                    source,
                    _now(),
                ),
            )
            return Added(new_id, inserted=True)

    def get_article(self, article_id: str) -> Article | None:
        row = self._one("SELECT record FROM articles WHERE id = %s", (article_id,))
        return from_dict(Article, json.loads(row[0])) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            for (record,) in self._all("SELECT record FROM articles ORDER BY seq"):
                yield from_dict(Article, json.loads(record))
            return
        for article_id in ids:
            art = self.get_article(article_id)
            if art is not None:
                yield art

    def count_articles(self) -> int:
        row = self._one("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    # --- per-article analyses ----------------------------------------------------
    def put_nlp(self, record: ArticleNLP, version: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO article_nlp (article_id, version, record) VALUES (%s, %s, %s)"
                " ON CONFLICT (article_id, version) DO UPDATE SET record = excluded.record",
                (record.article, version, _dumps(record)),
            )

    def get_nlp(self, article_id: str, version: str) -> ArticleNLP | None:
        row = self._one(
            "SELECT record FROM article_nlp WHERE article_id = %s AND version = %s",
            (article_id, version),
        )
        return from_dict(ArticleNLP, json.loads(row[0])) if row else None

    # --- stories and dossiers ----------------------------------------------------
    def save_stories(self, stories: Iterable[Story]) -> None:
        stories = list(stories)
        now = _now()
        with self._lock, self._db.transaction():
            cur = self._db.cursor()
            for story in stories:
                cur.execute(
                    "INSERT INTO stories (id, title, record, updated_at) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                    " record = excluded.record, updated_at = excluded.updated_at",
                    (story.id, story.title, _dumps(story), now),
                )
                cur.execute("DELETE FROM story_articles WHERE story_id = %s", (story.id,))
                cur.execute(
                    "INSERT INTO story_articles (story_id, article_id)"
                    " SELECT %s, id FROM articles WHERE id = ANY(%s) ON CONFLICT DO NOTHING",
                    (story.id, list(story.articles)),
                )

    def stories(self) -> list[Story]:
        rows = self._all("SELECT record FROM stories ORDER BY updated_at, id")
        return [from_dict(Story, json.loads(r[0])) for r in rows]

    def save_dossier(self, story_id: str, dossier_json: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO dossiers (story_id, record, created_at) VALUES (%s, %s, %s)"
                " ON CONFLICT (story_id) DO UPDATE SET record = excluded.record,"
                " created_at = excluded.created_at",
                (story_id, dossier_json, _now()),
            )

    def get_dossier(self, story_id: str) -> str | None:
        row = self._one("SELECT record FROM dossiers WHERE story_id = %s", (story_id,))
        return str(row[0]) if row else None

    # --- story clustering state ---------------------------------------------------
    def save_story_states(self, states: Iterable[StoryState]) -> None:
        now = _now()
        rows = [(st.id, st.seq, st.merged_into, _dumps(st), now) for st in states]
        with self._lock, self._db.transaction():
            self._db.cursor().executemany(
                "INSERT INTO story_state (id, seq, merged_into, record, updated_at)"
                " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET"
                " seq = excluded.seq, merged_into = excluded.merged_into,"
                " record = excluded.record, updated_at = excluded.updated_at",
                rows,
            )

    def story_states(self) -> Iterator[StoryState]:
        for (record,) in self._all("SELECT record FROM story_state ORDER BY seq"):
            yield from_dict(StoryState, json.loads(record))

    def add_story_events(self, events: Iterable[StoryEvent]) -> None:
        rows = [(e.kind, e.story, e.other, _dumps(e)) for e in events]
        with self._lock, self._db.transaction():
            self._db.cursor().executemany(
                "INSERT INTO story_events (kind, story_id, other_id, record)"
                " VALUES (%s, %s, %s, %s)",
                rows,
            )

    def story_events(self, story_id: str | None = None) -> list[StoryEvent]:
        if story_id is None:
            rows = self._all("SELECT record FROM story_events ORDER BY seq")
        else:
            rows = self._all(
                "SELECT record FROM story_events WHERE story_id = %s OR other_id = %s ORDER BY seq",
                (story_id, story_id),
            )
        return [from_dict(StoryEvent, json.loads(r[0])) for r in rows]

    def save_story_df(self, df: Mapping[str, int], docs: int) -> None:
        with self._lock, self._db.transaction():
            self._db.cursor().executemany(
                "INSERT INTO story_df (term, df) VALUES (%s, %s)"
                " ON CONFLICT (term) DO UPDATE SET df = excluded.df",
                list(df.items()),
            )
            self._set_meta("story_docs", str(docs))

    def story_df(self) -> tuple[dict[str, int], int]:
        df = {str(t): int(n) for t, n in self._all("SELECT term, df FROM story_df")}
        docs = self.get_meta("story_docs")
        return df, int(docs) if docs else 0

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = %s", (key,))
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._set_meta(key, value)

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """A session advisory lock on a connection of its own, held for the block.

        Its own connection, so that waiting for the lock does not hold up this
        store's other statements; the server releases it if the holder dies.
        """
        key = int.from_bytes(
            hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True
        )
        with _connect(self.url) as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", (key,))
            try:
                yield
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", (key,))

    def close(self) -> None:
        self._db.close()


if TYPE_CHECKING:

    def _implements_every_role(store: PostgresStore) -> Store:
        return store  # mypy checks that PostgresStore is a whole Store
