"""Batch engines: the whole pipeline over a large corpus, written as Parquet tables.

``LocalEngine`` (a process pool, the default) and ``SparkEngine`` run the same
pure functions (:mod:`._core`: the pipeline's per-article and per-story stages,
from the same :class:`newsprism.Options` as ``analyze``) and write the same
tables (:mod:`.tables`), so two runs compare row by row.  pyspark is imported
only when the Spark engine is used.
"""

from __future__ import annotations

from ..options import DEFAULT_OPTIONS, Options
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


def get_engine(
    name: str,
    options: Options = DEFAULT_OPTIONS,
    *,
    workers: int = 2,
    master: str | None = None,
) -> Engine:
    """``local`` or ``spark`` (imports pyspark, which the ``spark`` extra installs).

    ``options`` say what is computed; ``workers`` is the local engine's processes or
    Spark's cores, ``master`` the Spark master (default ``local[WORKERS]``).
    """
    if name == "local":
        return LocalEngine(options, workers=workers)
    if name == "spark":
        from .spark import SparkEngine, spark_session

        session = spark_session(master or f"local[{workers}]")
        return SparkEngine(options, spark=session, cores=workers)
    raise ValueError(f"unknown engine {name!r}: use local or spark")
