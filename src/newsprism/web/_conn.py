"""Per-thread connections to a store for the web app's reads and its job queue.

Both write their SQL once, in SQLite's dialect with ``?`` placeholders; on
PostgreSQL the placeholders become ``%s`` and ``IS ?`` becomes ``IS NOT DISTINCT
FROM %s``.  A connection must not be shared between threads mid-query, so each
thread gets its own, in autocommit (every statement is its own transaction).
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

__all__ = ["Connections", "is_postgres"]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class Connections:
    """The calling thread's connection to ``url`` (a SQLite path or a ``postgresql://`` URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = is_postgres(url)
        self._local = threading.local()

    def _conn(self) -> Any:
        db = getattr(self._local, "db", None)
        if db is None:
            if self.postgres:
                import psycopg

                db = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            else:
                path = self.url.removeprefix("sqlite:///")
                db = sqlite3.connect(path, timeout=30, isolation_level=None)
                db.execute("PRAGMA busy_timeout = 30000")
            self._local.db = db
        return db

    def execute(self, sql: str, params: Any = ()) -> Any:
        if self.postgres:
            sql = sql.replace("?", "%s").replace(" IS %s", " IS NOT DISTINCT FROM %s")
        return self._conn().execute(sql, tuple(params))

    def close(self) -> None:
        """Close this thread's connection (others close with their threads)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
