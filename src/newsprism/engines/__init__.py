"""Batch engines: the whole pipeline over a large corpus, written as Parquet tables.

``LocalEngine`` (a process pool, the default) and ``SparkEngine`` run the same
pure functions (:mod:`._core`) and write the same tables (:mod:`.tables`), so two
runs compare row by row.  pyspark is imported only when the Spark engine is used.
"""

from __future__ import annotations

from typing import Any

from .base import BatchResult, Engine
from .local import LocalEngine
from .tables import KEYS, TABLES, compare_outputs, load_into_store, read_rows

__all__ = [
    "KEYS",
    "TABLES",
    "BatchResult",
    "Engine",
    "LocalEngine",
    "compare_outputs",
    "get_engine",
    "load_into_store",
    "read_rows",
]


def get_engine(name: str, **options: Any) -> Engine:
    """``local`` or ``spark`` (imports pyspark, which the ``spark`` extra installs)."""
    if name == "local":
        return LocalEngine(**options)
    if name == "spark":
        from .spark import SparkEngine

        return SparkEngine(**options)
    raise ValueError(f"unknown engine {name!r}: use local or spark")
