"""The web app's reads: story lists, full-text search, dossiers and articles.

The app serves many requests at once from a thread pool, and a database
connection must not be shared between threads mid-query, so each thread gets
its own connection to the store (SQLite's WAL mode lets readers run beside the
worker's writes; PostgreSQL needs nothing special).  Schema and migrations stay
with the store, which is opened once at start-up to bring the database up to
date.  The SQL is written once, for SQLite; only full-text search differs
(FTS5 with BM25 there, a ``tsvector`` with ``ts_rank`` on PostgreSQL).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..model import Article, Dossier, Story, from_dict
from ..report import story_dossier
from ..store import open_store
from ._conn import Connections

__all__ = ["StoryRow", "WebDB", "fts_query", "tsquery"]

_OPEN, _CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the story list or of search results."""

    id: str
    title: str
    articles: int
    outlets: int
    first: str | None
    last: str | None
    updated_at: str
    snippet: str | None = None  # search match, marked with \x02 ... \x03

    def snippet_html(self) -> Markup:
        """The match with the searched words in ``<mark>``, text escaped."""
        if not self.snippet:
            return Markup("")
        text = str(escape(self.snippet))
        return Markup(text.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>"))

    def snippet_text(self) -> str | None:
        return self.snippet.replace(_OPEN, "").replace(_CLOSE, "") if self.snippet else None


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query: every word must appear, each as a prefix.

    Users type free text, not FTS5 syntax; quoting every word means no input can
    be a syntax error or reach FTS5's operators.
    """
    words = _WORD.findall(text)[:12]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def tsquery(text: str) -> str | None:
    """The same words as a PostgreSQL ``to_tsquery`` string: all required, each a prefix.

    Only letters and digits reach it, so no input can be tsquery syntax.
    """
    words = _TSWORD.findall(text)[:12]
    if not words:
        return None
    return " & ".join(f"{w}:*" for w in words)


_TSWORD = re.compile(r"[^\W_]+", re.UNICODE)

_STORY_COLUMNS = """
    s.id, s.title, count(a.id), count(DISTINCT a.outlet), min(a.published), max(a.published),
    s.updated_at
"""
_STORY_JOIN = (
    " JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
)


def _row(r: tuple[object, ...], snippet: str | None = None) -> StoryRow:
    first, last = r[4], r[5]
    return StoryRow(
        id=str(r[0]),
        title=str(r[1]),
        articles=int(str(r[2])),
        outlets=int(str(r[3])),
        first=str(first) if first else None,
        last=str(last) if last else None,
        updated_at=str(r[6]),
        snippet=snippet,
    )


def make_snippet(text: str, words: list[str], width: int = 90) -> str:
    """A window of ``text`` around the first searched word, the words marked.

    Made in Python rather than with FTS5's ``snippet()``, which re-reads and
    re-tokenises each document and cost most of a search's time.
    """
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - width // 2) if first else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + 2 * width)
    window = " ".join(text[start:end].split())
    marked = pattern.sub(lambda m: f"{_OPEN}{m.group(0)}{_CLOSE}", window)
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")


class WebDB:
    """Read access to one store (SQLite path or ``postgresql://`` URL), safe from many threads."""

    def __init__(self, path: str | Path, cache_size: int = 64) -> None:
        self.path = str(path)
        open_store(self.path).close()  # create or migrate
        self._conns = Connections(self.path)
        self.postgres = self._conns.postgres
        self._cache: OrderedDict[tuple[str, str], Dossier] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()
        self._version_lock = threading.Lock()
        self._version_db: sqlite3.Connection | None = None

    def conn(self) -> Connections:
        return self._conns

    # --- change detection (for the read cache) -------------------------------------
    def generation(self) -> object:
        """A value that changes whenever anything is committed to the store, by any process.

        SQLite's ``PRAGMA data_version`` (on a connection of its own, which never
        writes) changes with every commit of another connection; on PostgreSQL
        the current snapshot (``xmin:xmax:in-progress``) changes when a writing
        transaction starts and again when it ends.  Both cost microseconds.
        """
        if self.postgres:
            return self.conn().execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        with self._version_lock:
            if self._version_db is None:
                path = self.path.removeprefix("sqlite:///")
                self._version_db = sqlite3.connect(path, check_same_thread=False, timeout=30)
            return self._version_db.execute("PRAGMA data_version").fetchone()[0]

    def merged_into(self, story_id: str) -> str | None:
        """The standing story ``story_id`` was merged into (following merges), or None."""
        seen = {story_id}
        target = None
        current = story_id
        for _ in range(64):
            row = (
                self.conn()
                .execute("SELECT merged_into FROM story_state WHERE id = ?", (current,))
                .fetchone()
            )
            if row is None or not row[0] or row[0] in seen:
                break
            target = current = str(row[0])
            seen.add(current)
        return target

    # --- stories -------------------------------------------------------------------
    def count_stories(self) -> int:
        row = self.conn().execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchone()
        return int(row[0])

    def list_stories(self, limit: int = 50, offset: int = 0) -> list[StoryRow]:
        """Stories with at least one article, most recently updated first.

        The page is chosen on the ``stories_updated`` index first and only its
        stories are aggregated, so a page costs the same for 100 or 100,000 stories.
        """
        rows = (
            self.conn()
            .execute(
                "WITH page AS (SELECT s.id FROM stories s WHERE EXISTS"
                " (SELECT 1 FROM story_articles x WHERE x.story_id = s.id)"
                " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?)"
                f" SELECT {_STORY_COLUMNS} FROM page JOIN stories s ON s.id = page.id"
                f"{_STORY_JOIN} GROUP BY s.id ORDER BY s.updated_at DESC, s.id",
                (limit, offset),
            )
            .fetchall()
        )
        return [_row(r) for r in rows]

    def search(self, text: str, limit: int = 50) -> list[StoryRow]:
        """Stories whose articles match every word, best match first (BM25).

        Ranking runs over article ids only; snippets, the costly part, are
        made for the one best article of each story returned.
        """
        query = tsquery(text) if self.postgres else fts_query(text)
        if query is None:
            return []
        db = self.conn()
        ranked = (
            # PostgreSQL's generated column holds title and text with one weight,
            # so titles count less there than in FTS5's bm25 (4 to 1)
            "SELECT id AS article_id, -ts_rank(search, q) AS score"
            " FROM articles, to_tsquery('simple', ?) q WHERE search @@ q"
            if self.postgres
            else "SELECT article_id, bm25(articles_fts, 0.0, 4.0, 1.0) AS score"
            " FROM articles_fts WHERE articles_fts MATCH ?"
        )
        hits = db.execute(
            f"SELECT sa.story_id, h.article_id FROM ({ranked} ORDER BY score LIMIT ?) h"
            " JOIN story_articles sa ON sa.article_id = h.article_id ORDER BY h.score",
            (query, limit * 8),
        ).fetchall()
        best: dict[str, str] = {}  # story id -> its best matching article
        for story_id, article_id in hits:
            best.setdefault(story_id, article_id)
            if len(best) >= limit:
                break
        if not best:
            return []
        marks = ",".join("?" * len(best))
        texts = dict(
            db.execute(
                "SELECT id, coalesce(title, '') || '. ' || text FROM articles"
                f" WHERE id IN ({marks})",
                list(best.values()),
            ).fetchall()
        )
        words = _WORD.findall(text)[:12]
        snippets = {aid: make_snippet(body, words) for aid, body in texts.items()}
        rows = db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories s"
            f"{_STORY_JOIN} WHERE s.id IN ({marks}) GROUP BY s.id",
            list(best),
        ).fetchall()
        by_id = {r[0]: _row(r, snippets.get(best[r[0]])) for r in rows}
        return [by_id[s] for s in best if s in by_id]

    def story(self, story_id: str) -> Story | None:
        row = self.conn().execute("SELECT record FROM stories WHERE id = ?", (story_id,)).fetchone()
        return from_dict(Story, json.loads(row[0])) if row else None

    def story_of(self, article_id: str) -> str | None:
        row = (
            self.conn()
            .execute(
                "SELECT story_id FROM story_articles WHERE article_id = ? LIMIT 1", (article_id,)
            )
            .fetchone()
        )
        return str(row[0]) if row else None

    # --- articles and dossiers ---------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = (
            self.conn()
            .execute("SELECT record FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        return from_dict(Article, json.loads(row[0])) if row else None

    def articles(self, ids: tuple[str, ...]) -> list[Article]:
        found = [self.article(i) for i in ids]
        return [a for a in found if a is not None]

    def count_articles(self) -> int:
        return int(self.conn().execute("SELECT count(*) FROM articles").fetchone()[0])

    def dossier_json(self, story_id: str) -> str | None:
        """The story's JSON dossier, served as stored when it is already one story's.

        Workers store per-story dossiers, so most requests skip building
        records and writing them out again.
        """
        row = (
            self.conn()
            .execute("SELECT record FROM dossiers WHERE story_id = ?", (story_id,))
            .fetchone()
        )
        if row is not None:
            stories = json.loads(row[0]).get("stories") or []
            if len(stories) == 1 and stories[0].get("id") == story_id:
                story = self.story(story_id)
                if story is not None and tuple(stories[0].get("articles", ())) == story.articles:
                    return str(row[0])
        dossier = self.dossier(story_id)
        return dossier.to_json(indent=None) if dossier is not None else None

    def dossier(self, story_id: str) -> Dossier | None:
        """The story's dossier, cut to the story; one with only sources if not analysed yet.

        Parsed dossiers are cached by (story, time written): a re-analysis
        writes a new time, so the cache never serves a stale dossier.
        """
        story = self.story(story_id)
        if story is None or not story.articles:
            return None
        row = (
            self.conn()
            .execute("SELECT record, created_at FROM dossiers WHERE story_id = ?", (story_id,))
            .fetchone()
        )
        if row is None:
            return Dossier(
                articles=tuple(self.articles(story.articles)),
                stories=(story,),
                filled=("articles", "stories"),
            )
        key = (story_id, str(row[1]))
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        try:
            dossier = story_dossier(Dossier.from_json(row[0]), story_id)
        except KeyError:  # written before the story was renamed or regrouped
            return Dossier(
                articles=tuple(self.articles(story.articles)),
                stories=(story,),
                filled=("articles", "stories"),
            )
        with self._cache_lock:
            self._cache[key] = dossier
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return dossier
