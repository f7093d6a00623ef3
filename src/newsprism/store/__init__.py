"""Storage behind one small interface: SQLite by default, memory for tests."""

from __future__ import annotations

from ..errors import StoreError
from ._base import (
    Added,
    AnalysisCache,
    ArticleStore,
    ClusteringStore,
    Coordination,
    ResultStore,
    Store,
    StoryStateStore,
)
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = [
    "Added",
    "AnalysisCache",
    "ArticleStore",
    "ClusteringStore",
    "Coordination",
    "MemoryStore",
    "ResultStore",
    "SQLiteStore",
    "Store",
    "StoryStateStore",
    "open_store",
]


def open_store(url: str) -> Store:
    """Open a store from ``--db``: a path, ``sqlite:///path``, ``postgresql://`` or ``:memory:``."""
    if url == ":memory:":
        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # the driver is an extra
            raise StoreError(
                f"{url}: the PostgreSQL store needs its extra: pip install 'newsprism[postgres]'"
            ) from exc
        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)
