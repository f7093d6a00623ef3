"""``newsprism batch --engine spark``: the batch pipeline as a Spark job.

What runs where (see docs/scaling.md):

* reading: one task per input file (local paths, or any Hadoop URI through
  ``binaryFiles``), then cleaning, in the executors;
* identity rules: a ``reduceByKey`` on the content hash and a ``groupByKey`` on the id;
* per-article stage: ``mapPartitions`` -- spaCy loads once per Python worker and
  parses the partition in batches (:func:`._core.annotate`);
* story clustering, blocked by time window (:mod:`.blocks`): the date span and
  the corpus document frequencies are two reduces; each article's clustering view
  is keyed by the blocks that see it and ``groupByKey`` gives one task per block;
  the stitch joins context placements with their owners' placements, and only
  the vote counts (story ids, no text) reach the driver, which links the
  blocks' stories into trees and broadcasts the roots; the final stories are a
  ``groupByKey`` on the root;
* per-story stages (entities, reuse, statements, relations, claim groups): the
  articles joined with their story, a ``groupByKey`` on the story, one task per
  group of stories (:func:`._core.story_stage`);
* output: one Parquet folder per table, each sorted by its key.

pyspark is imported lazily so the default install works without it.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..model import Article, ArticleNLP, Story
from ..options import DEFAULT_OPTIONS, Options
from ..store._keys import content_hash
from . import _core
from . import blocks as _blocks
from . import tables as _tables
from .base import BatchResult
from .candidates import spark_candidates

__all__ = ["SparkEngine", "spark_session"]

log = logging.getLogger(__name__)

Annotated = tuple[Article, ArticleNLP]


def spark_session(master: str = "local[2]", memory: str = "2g") -> Any:
    """A SparkSession whose Python workers are this interpreter (same packages, same code)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName("newsprism-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


def _read_remote(item: tuple[str, bytes], manifest: str | None = None) -> Iterator[Article]:
    """A Hadoop file's bytes, read by the same readers through a temporary local copy."""
    uri, data = item
    suffix = "".join(Path(uri.split("://", 1)[1]).suffixes)
    with tempfile.NamedTemporaryFile(suffix=suffix) as fh:
        fh.write(data)
        fh.flush()
        yield from _core.read_input(fh.name, manifest)


def _union_columns() -> list[tuple[str, str]]:
    """Every table's columns once (a column name has one type across tables)."""
    columns: dict[str, str] = {}
    for spec in _tables.TABLES.values():
        for name, kind in spec:
            assert columns.setdefault(name, kind) == kind, name
    return list(columns.items())


def _schema(columns: Sequence[tuple[str, str]]) -> Any:
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    kinds = {"string": StringType(), "double": DoubleType(), "long": LongType()}
    return StructType(
        [StructField("table", StringType(), False)]
        + [
            StructField(name, ArrayType(StringType()) if kind == "strings" else kinds[kind], True)
            for name, kind in columns
        ]
    )


class SparkEngine:
    """The Spark engine; ``spark`` is an existing session or None for ``local[cores]``.

    ``options`` say what is computed (as ``analyze``'s do); the session, ``cores``
    and ``partitions`` only where and how fast.
    """

    name = "spark"

    def __init__(
        self,
        options: Options = DEFAULT_OPTIONS,
        *,
        spark: Any = None,
        cores: int = 2,
        partitions: int | None = None,
    ) -> None:
        _core.pipelines(options)  # built and checked now: a mis-wired stage fails here
        self.options = options
        self.spark = spark if spark is not None else spark_session(f"local[{cores}]")
        self.partitions = partitions or max(2, 2 * cores)

    def _cluster(self, views: Any) -> Any:
        """An RDD of the batch's stories, clustered per time block and stitched."""
        from operator import add

        def span(it: Iterable[_core.ClusterView]) -> Iterator[tuple[float, float]]:
            days = [d for d in (_blocks.article_day(a) for a, _ in it) if d is not None]
            if days:
                yield min(days), max(days)

        ends = views.mapPartitions(span).collect()  # one pair per partition
        plan = _blocks.BlockPlan.span(
            min((lo for lo, _ in ends), default=None),
            max((hi for _, hi in ends), default=None),
            self.options.block_days,
        )
        df = None
        if plan.blocks > 1:  # one block is the corpus: its own counts are the corpus's
            df = views.mapPartitions(lambda it: [_blocks.corpus_df(it)]).treeReduce(_blocks.add_df)
        shared = views.context.broadcast(df)

        def run_block(kv: tuple[int, Iterable[_core.ClusterView]]) -> list[_blocks.Placement]:
            return _blocks.cluster_block(kv[0], kv[1], plan, shared.value)

        placements = (
            views.flatMap(lambda v: ((k, v) for k in plan.blocks_of(_blocks.article_day(v[0]))))
            .groupByKey(max(1, min(plan.blocks, self.partitions)))
            .flatMap(run_block)
            .cache()
        )
        owned = placements.filter(lambda p: p.owned)
        context = placements.filter(lambda p: not p.owned).map(lambda p: (p.article, p.key))
        votes = (
            context.join(owned.map(lambda p: (p.article, p.key)))
            .map(lambda kv: (kv[1], 1))
            .reduceByKey(add)
            .collect()  # (child story, parent story) ids and counts: no text
        )
        roots = views.context.broadcast(_blocks.find_roots(_blocks.choose_parents(votes)))
        stories = (
            owned.map(lambda p: (roots.value.get(p.key, p.key), p))
            .groupByKey(self.partitions)
            .map(lambda kv: _blocks.assemble(kv[0], kv[1]))
            .cache()
        )
        stories.count()
        placements.unpersist()
        shared.unpersist()
        return stories

    def run(self, inputs: Sequence[str], out_dir: str | Path) -> BatchResult:
        sc = self.spark.sparkContext
        out = str(out_dir)
        timings: dict[str, float] = {}
        t = time.perf_counter()
        files = _core.expand_inputs(inputs)
        local = [f for f in files if not _core.is_remote(f)]
        remote = [f for f in files if _core.is_remote(f)]
        opts = self.options  # what the closures below ship to the executors
        manifest = opts.manifest
        raw = sc.parallelize(local, max(1, len(local))).flatMap(
            lambda path: _core.read_input(path, manifest)
        )
        for uri in remote:
            raw = raw.union(sc.binaryFiles(uri).flatMap(lambda kv: _read_remote(kv, manifest)))
        # identity rules as shuffles: one text -> smallest id; one id -> content-hash order
        articles = (
            raw.map(lambda a: (content_hash(a), a))
            .reduceByKey(_core.pick_duplicate)
            .map(lambda kv: (kv[1].id, (kv[0], kv[1])))
            .groupByKey()
            .flatMap(lambda kv: _core.resolve_ids(kv[1]))
            .repartition(self.partitions)
        )
        annotated = articles.mapPartitions(lambda it: _core.annotate(it, opts)).cache()
        annotated.count()
        timings["read+annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        stories = self._cluster(annotated.map(lambda x: _core.cluster_view(*x)))
        timings["stories"] = time.perf_counter() - t
        t = time.perf_counter()

        def per_story(
            kv: tuple[str, tuple[Iterable[Annotated], Story]],
        ) -> Iterator[tuple[str, _tables.Row]]:
            members, story = kv[1]
            members = list(members)
            yield from _tables.story_rows(_core.story_stage(story, members, opts))
            for art, _ in members:  # the article rows too: no second join
                yield _tables.article_row(art, story.id)

        # (article id, (annotated, story id)): every article is in one story
        placed = annotated.map(lambda x: (x[0].id, x)).join(
            stories.flatMap(lambda s: ((a, s.id) for a in s.articles))
        )
        rows = (
            placed.map(lambda kv: (kv[1][1], kv[1][0]))
            .groupByKey(self.partitions)
            .join(stories.map(lambda s: (s.id, s)))
            .flatMap(per_story)
        )
        # one pass from Python into one JVM-side frame holding every table's columns,
        # then each table is a filter + sort + write that never leaves the JVM
        columns = _union_columns()
        names = [name for name, _ in columns]
        frame = self.spark.createDataFrame(
            rows.map(lambda r: (r[0], *(r[1].get(c) for c in names))), _schema(columns)
        ).persist()
        counts: dict[str, int] = {t: 0 for t in _tables.TABLES}
        counts.update(
            {r["table"]: int(r["count"]) for r in frame.groupBy("table").count().collect()}
        )
        from pyspark.sql import functions as F

        for table in _tables.TABLES:
            if table == "reuse_candidates":
                continue
            cols = [name for name, _ in _tables.TABLES[table]]
            part = frame.filter(F.col("table") == table).select(*cols)
            part.orderBy(*_tables.KEYS[table]).write.mode("overwrite").parquet(f"{out}/{table}")
        frame.unpersist()
        timings["per_story+write"] = time.perf_counter() - t
        t = time.perf_counter()
        if opts.candidates:
            pairs = spark_candidates(annotated.map(lambda x: x[0]))
        else:
            pairs = sc.emptyRDD()
        cand = self.spark.createDataFrame(
            pairs.map(lambda p: ("reuse_candidates", *p)),
            _schema(_tables.TABLES["reuse_candidates"]),
        )
        cand = cand.drop("table").orderBy("a", "b")
        cand.write.mode("overwrite").parquet(f"{out}/reuse_candidates")
        counts["reuse_candidates"] = self.spark.read.parquet(f"{out}/reuse_candidates").count()
        timings["candidates"] = time.perf_counter() - t
        annotated.unpersist()
        stories.unpersist()
        log.info("spark batch: %s rows, %s", counts, timings)
        return BatchResult(Path(out), counts, timings)
