"""The store's SQL schema, written once for SQLite and PostgreSQL.

Each entry of :data:`_MIGRATIONS` moves the schema one version up, on both
databases alike, so a store's ``version`` means the same tables everywhere.
The two dialects differ in three places only, filled in by :func:`migrations`
from a :class:`Dialect`: how an auto-numbered key is spelt, whether articles
need a column of their own for insertion order (SQLite has ``rowid``), and how
articles are searched (an FTS5 table kept in step by triggers, or a generated
``tsvector`` column with a GIN index).

Never edit a released entry: a store at version *n* has run entries 1..*n*.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["POSTGRES", "SQLITE", "Dialect", "migrations"]


@dataclass(frozen=True, slots=True)
class Dialect:
    """What one database spells differently (the fields are SQL fragments)."""

    name: str
    #: an auto-numbered integer primary key column's type and constraint
    serial_key: str
    #: the ``articles`` column giving insertion order, with its trailing separator
    article_seq: str
    #: full-text search over articles' titles and texts (version 3)
    article_search: str


SQLITE = Dialect(
    name="sqlite",
    serial_key="INTEGER PRIMARY KEY AUTOINCREMENT",
    article_seq="",
    article_search="""CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (article_id, title, text)
        VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE article_id = old.id;
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        DELETE FROM articles_fts WHERE article_id = old.id;
        INSERT INTO articles_fts (article_id, title, text)
        VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    INSERT INTO articles_fts (article_id, title, text)
        SELECT id, coalesce(title, ''), text FROM articles;""",
)

POSTGRES = Dialect(
    name="postgres",
    serial_key="BIGSERIAL PRIMARY KEY",
    article_seq="seq BIGSERIAL UNIQUE,\n        ",
    # a generated tsvector and a GIN index stand in for FTS5
    article_search="""ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || text)
    ) STORED;
    CREATE INDEX articles_search ON articles USING GIN (search);""",
)

_MIGRATIONS: tuple[str, ...] = (
    # 1: articles, their per-article analyses, stories and dossiers
    """
    CREATE TABLE articles (
        {article_seq}id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        outlet TEXT, title TEXT, published TEXT, author TEXT,
        text TEXT NOT NULL,
        record TEXT NOT NULL,
        source TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE article_nlp (
        article_id TEXT NOT NULL REFERENCES articles(id),
        version TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (story_id, article_id)
    );
    CREATE TABLE dossiers (
        story_id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 2: story clustering state (newsprism.stories.persist) and small named values
    """
    CREATE TABLE story_state (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        merged_into TEXT,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_events (
        seq {serial_key},
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        other_id TEXT,
        record TEXT NOT NULL
    );
    CREATE INDEX story_events_story ON story_events(story_id);
    CREATE INDEX story_events_other ON story_events(other_id);
    CREATE TABLE story_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: the web app (newsprism.web): full-text search over articles and the
    # persistent queue of analysis jobs
    """
    {article_search}
    CREATE TABLE jobs (
        id {serial_key},
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        payload TEXT NOT NULL,
        result TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        worker TEXT,
        heartbeat TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
    );
    CREATE INDEX jobs_state ON jobs(state, id);
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE INDEX stories_updated ON stories(updated_at DESC, id);
    """,
)


def migrations(dialect: Dialect) -> tuple[str, ...]:
    """The schema's migration scripts in ``dialect``, oldest first."""
    return tuple(
        script.format(
            serial_key=dialect.serial_key,
            article_seq=dialect.article_seq,
            article_search=dialect.article_search,
        )
        for script in _MIGRATIONS
    )
