"""The default batch engine: a process pool over partitions of articles.

Per-article work (reading, cleaning, parsing, extractors), story clustering (one
task per time block, :mod:`.blocks`) and per-story work run in worker
processes, each loading spaCy once; the main process sums the document
frequencies and stitches the blocks' stories.  ``workers=1`` runs everything
in-process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..model import Article, ArticleNLP, Story
from ..options import DEFAULT_OPTIONS, Options
from . import _core
from . import blocks as _blocks
from . import tables as _tables
from .base import BatchResult
from .candidates import local_candidates

__all__ = ["LocalEngine"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

Annotated = tuple[Article, ArticleNLP]


def _read(path: str, options: Options) -> list[Article]:
    return list(_core.read_input(path, options.manifest))


def _annotate(chunk: list[Article], options: Options) -> list[Annotated]:
    return list(_core.annotate(chunk, options))


def _stories(
    chunk: list[tuple[Story, list[Annotated]]], options: Options
) -> list[tuple[str, _tables.Row]]:
    rows: list[tuple[str, _tables.Row]] = []
    for story, members in chunk:
        rows.extend(_tables.story_rows(_core.story_stage(story, members, options)))
    return rows


def _block(
    item: tuple[int, list[_core.ClusterView]],
    plan: _blocks.BlockPlan,
    df: _blocks.DocFreq | None,
) -> list[_blocks.Placement]:
    return _blocks.cluster_block(item[0], item[1], plan, df)


def cluster(
    pool: Executor, views: Sequence[_core.ClusterView], plan: _blocks.BlockPlan, chunk: int
) -> tuple[Story, ...]:
    """Stories of the batch: corpus counts, one task per time block, then the stitch."""
    df: _blocks.DocFreq | None = None
    if plan.blocks > 1:  # one block is the corpus: its own counts are the corpus's
        parts = list(pool.map(_blocks.corpus_df, _chunks(views, chunk * 8)))
        df = parts[0]
        for part in parts[1:]:
            df = _blocks.add_df(df, part)
    by_block: dict[int, list[_core.ClusterView]] = {}
    for view in views:
        for k in plan.blocks_of(_blocks.article_day(view[0])):
            by_block.setdefault(k, []).append(view)
    # big blocks first so one does not finish last alone
    items = sorted(by_block.items(), key=lambda kv: -len(kv[1]))
    placements = [p for part in pool.map(partial(_block, plan=plan, df=df), items) for p in part]
    return _blocks.stitch(placements)


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class _InProcess(Executor):
    """An executor that runs in the caller: ``workers=1`` without process start-up."""

    def map(self, fn: Callable[[T], R], *iterables: Iterable[T], **_: object) -> Iterator[R]:
        return map(fn, *iterables)


class LocalEngine:
    """``newsprism batch --engine local``: the same pure functions, in a process pool.

    ``options`` say what is computed (as ``analyze``'s do); ``workers`` and
    ``chunk`` (articles per task) only where and how fast.
    """

    name = "local"

    def __init__(
        self, options: Options = DEFAULT_OPTIONS, *, workers: int = 2, chunk: int = 64
    ) -> None:
        _core.pipelines(options)  # built and checked now: a mis-wired stage fails here
        self.options = options
        self.workers = workers
        self.chunk = chunk

    def run(self, inputs: Sequence[str], out_dir: str | Path) -> BatchResult:
        out = Path(out_dir)
        opts = self.options
        timings: dict[str, float] = {}
        files = _core.expand_inputs(inputs)
        remote = [f for f in files if _core.is_remote(f)]
        if remote:
            raise ValueError(
                f"the local engine reads local files only; use --engine spark for {remote[0]}"
            )
        pool: Executor = ProcessPoolExecutor(self.workers) if self.workers > 1 else _InProcess()
        with pool:
            t = time.perf_counter()
            read = partial(_read, options=opts)
            articles = _core.dedupe(a for batch in pool.map(read, files) for a in batch)
            timings["read"] = time.perf_counter() - t
            t = time.perf_counter()
            step = partial(_annotate, options=opts)
            annotated = [x for part in pool.map(step, _chunks(articles, self.chunk)) for x in part]
            timings["annotate"] = time.perf_counter() - t
            t = time.perf_counter()
            views = [_core.cluster_view(a, r) for a, r in annotated]
            plan = _blocks.BlockPlan.of((a for a, _ in views), opts.block_days)
            stories = cluster(pool, views, plan, self.chunk)
            del views
            timings["stories"] = time.perf_counter() - t
            t = time.perf_counter()
            by_id = {a.id: (a, rec) for a, rec in annotated}
            groups = [(s, [by_id[i] for i in s.articles if i in by_id]) for s in stories]
            # big stories first so one does not finish last alone
            groups.sort(key=lambda g: -len(g[1]))
            story_parts = pool.map(
                partial(_stories, options=opts), _chunks(groups, max(1, self.chunk // 8))
            )
            rows: dict[str, list[_tables.Row]] = {name: [] for name in _tables.TABLES}
            for part in story_parts:
                for table, row in part:
                    rows[table].append(row)
            timings["per_story"] = time.perf_counter() - t
        t = time.perf_counter()
        if opts.candidates:  # one process: the numpy banding of ``reuse.candidates``
            rows["reuse_candidates"] = [{"a": a, "b": b} for a, b in local_candidates(articles)]
        timings["candidates"] = time.perf_counter() - t
        t = time.perf_counter()
        story_of = {a: s.id for s in stories for a in s.articles}
        for art, _ in annotated:
            rows["articles"].append(_tables.article_row(art, story_of.get(art.id))[1])
        counts = {name: _tables.write_rows(out, name, rows[name]) for name in _tables.TABLES}
        timings["write"] = time.perf_counter() - t
        log.info("local batch: %s rows, %s", counts, timings)
        return BatchResult(out, counts, timings)
