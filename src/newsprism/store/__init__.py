"""Storage behind one small interface: SQLite by default, memory for tests."""

from __future__ import annotations

from ..errors import StoreError
from ._base import Added, Store
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["Added", "MemoryStore", "SQLiteStore", "Store", "open_store"]


def open_store(url: str) -> Store:
    """Open a store from ``--db``: a path, ``sqlite:///path``, or ``:memory:``."""
    if url == ":memory:":
        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            f"{url}: the PostgreSQL store is not available in this version; use a SQLite path"
        )
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)
