"""The pure functions both engines run: the same code, so the same results.

Each engine only decides *where* these run (a process pool, Spark partitions);
what they compute is fixed here:

* :func:`read_input` -- one input file to clean articles (the ingest readers, then
  :func:`newsprism.clean.clean`);
* :func:`pick_duplicate` / :func:`resolve_ids` -- the batch's identity rules, written
  as a reduce by content hash and a group by id, so an engine can run them as
  shuffles: of articles with the same cleaned text the smallest id is kept; articles
  that share an id but not a text keep it in content-hash order, the later ones
  suffixed as the store does;
* :func:`annotate` -- the per-article stages over one partition: the pipeline
  :func:`newsprism.stages.article_pipeline` builds, what ``analyze`` runs first;
* :func:`cluster_view` -- what story clustering reads of an article; the
  clustering itself is blocked by time window and stitched (:mod:`.blocks`);
* :func:`story_stage` -- the per-story stages over one story: the pipeline
  :func:`newsprism.stages.story_pipeline` builds, what ``analyze`` runs after
  the stories (``entities``, ``reuse``, ``statements``, ``relations``,
  ``claim_groups``).

Both sub-pipelines are built by :class:`newsprism.pipeline.Pipeline`, which checks
that every stage's needs are provided, from the same :class:`newsprism.Options`
as ``analyze``'s (:func:`pipelines`); an engine builds them when it is made, so a
mis-wired stage fails there, before any input is read.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import stages as _stages
from ..clean import clean
from ..ingest import IngestFailure, article_from_record, iter_files, read_sources
from ..model import (
    FINDINGS,
    Article,
    ArticleNLP,
    Findings,
    ReuseLink,
    Story,
)
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import Pipeline, State
from ..store._keys import content_hash, suffixed_id

__all__ = [
    "ClusterView",
    "StoryOutput",
    "annotate",
    "cluster_view",
    "expand_inputs",
    "is_remote",
    "pick_duplicate",
    "pipelines",
    "read_input",
    "resolve_ids",
    "story_stage",
]

log = logging.getLogger(__name__)

_GLOB = set("*?[")


def is_remote(path: str) -> bool:
    """A URI for Spark's Hadoop file systems (hdfs://, s3a://, gs://...), not a local path."""
    return "://" in path and not path.startswith("file://")


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Local folders and globs become their files (sorted); URIs are kept as given."""
    out: list[str] = []
    for item in inputs:
        if is_remote(item):
            out.append(item)
            continue
        path = item[len("file://") :] if item.startswith("file://") else item
        if os.path.isdir(path):
            out.extend(str(p) for p in iter_files(path))
            out.extend(sorted(str(p) for p in _parquet_files(path)))
        elif _GLOB & set(path):
            out.extend(sorted(glob.glob(path, recursive=True)))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _parquet_files(folder: str) -> list[str]:
    return glob.glob(os.path.join(folder, "**", "*.parquet"), recursive=True)


def _parquet_articles(path: str) -> Iterator[Article]:
    """Rows of a Parquet file with the JSONL fields as columns (id, url, text or html...)."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    table = pq.read_table(path)
    for n, row in enumerate(table.to_pylist()):
        record: dict[str, Any] = {k: v for k, v in row.items() if v is not None}
        try:
            yield article_from_record(record, source=f"{path}#{n}", reader="parquet")
        except ValueError as exc:
            log.warning("skipped %s#%d: %s", path, n, exc)


def read_input(path: str, manifest: str | None = None) -> Iterator[Article]:
    """Clean articles of one local input file (WARC, JSONL or Parquet); failures logged.

    ``manifest`` (``Options.manifest``) adds metadata to the files it names, as in
    ``analyze``; Parquet rows carry their own.
    """
    if path.endswith(".parquet"):
        raw: Iterable[object] = _parquet_articles(path)
    else:
        raw = read_sources([path], manifest=manifest)
    for item in raw:
        if isinstance(item, IngestFailure):
            log.warning("skipped %s", item)
            continue
        assert isinstance(item, Article)
        article = clean(item)
        if article.text.strip():
            yield article


def pick_duplicate(a: Article, b: Article) -> Article:
    """Of two articles with one cleaned text, the one kept (smallest id): a reduce."""
    return a if a.id <= b.id else b


def resolve_ids(same_id: Iterable[tuple[str, Article]]) -> list[Article]:
    """Articles sharing an id (but not a text) as ``(content hash, article)``: a group."""
    ordered = sorted(same_id, key=lambda pair: pair[0])
    out = [ordered[0][1]]
    for digest, article in ordered[1:]:
        out.append(dataclasses.replace(article, id=suffixed_id(article.id, digest)))
    return out


def dedupe(articles: Iterable[Article]) -> list[Article]:
    """The identity rules in one process (the local engine), sorted by id."""
    by_hash: dict[str, Article] = {}
    for art in articles:
        key = content_hash(art)
        kept = by_hash.get(key)
        by_hash[key] = art if kept is None else pick_duplicate(kept, art)
    by_id: dict[str, list[tuple[str, Article]]] = {}
    for key, art in by_hash.items():
        by_id.setdefault(art.id, []).append((key, art))
    out = [a for group in by_id.values() for a in resolve_ids(group)]
    return sorted(out, key=lambda a: a.id)


@functools.lru_cache(maxsize=8)
def pipelines(options: Options) -> tuple[Pipeline, Pipeline]:
    """The per-article and per-story sub-pipelines for ``options``, built (and checked)
    once per process: stages are closures, so each worker builds its own."""
    return _stages.article_pipeline(options), _stages.story_pipeline(options)


def annotate(
    articles: Iterable[Article], options: Options = DEFAULT_OPTIONS
) -> Iterator[tuple[Article, ArticleNLP]]:
    """The per-article stages over one partition; spaCy loads once per process.

    ``Options(parse=False)`` gives empty records: the corpus stages alone, for benchmarks.
    """
    arts = tuple(articles)
    if not options.parse:
        for art in arts:
            yield art, ArticleNLP(art.id)
        return
    per_article, _ = pipelines(options)
    state = per_article(State(articles=arts))
    yield from zip(arts, state.nlp, strict=True)


ClusterView = tuple[Article, ArticleNLP]


def cluster_view(article: Article, record: ArticleNLP) -> ClusterView:
    """What story clustering reads (text, title, date; entity mentions), and no more.

    A block's task holds this for the articles of its time window, so the rest
    (removed lines, metadata, quotes, claims) stays where the article was parsed.
    """
    slim = Article(
        id=article.id,
        text=article.text,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        url=article.url,
    )
    return slim, ArticleNLP(article.id, mentions=record.mentions)


@dataclass(frozen=True, slots=True)
class StoryOutput(Findings):
    """What the per-story stages produce for one story: its :class:`Findings`,
    with ``stories`` holding the story alone and ``articles`` left empty (the
    members are written by the article stage)."""

    @property
    def story(self) -> Story:
        return self.stories[0]

    @property
    def pairs(self) -> tuple[ReuseLink, ...]:
        return self.reuse.pairs

    @property
    def families(self) -> tuple[tuple[str, ...], ...]:
        return self.reuse.families

    @property
    def independent_sources(self) -> int:
        return self.reuse.independent_sources.get(self.story.id, 0)


def story_stage(
    story: Story,
    members: Iterable[tuple[Article, ArticleNLP]],
    options: Options = DEFAULT_OPTIONS,
) -> StoryOutput:
    """The per-story stages over one story, exactly as ``analyze`` runs them.

    The state holds the story's members in the story's order, as the per-article
    stages leave it (:func:`newsprism.stages.with_records`); entities are merged
    over the story (the claim grouper reads them as "the story's merged
    entities"), so a story's claim groups do not depend on the rest of the batch.
    A stage added to the default pipeline's story stages runs here too; its
    output reaches the tables once :mod:`.tables` has a table for it.
    ``Options(story_stages=False)`` skips the stages (the story row and raw
    claims only), for benchmarks of clustering alone.
    """
    by_id = {a.id: (a, rec) for a, rec in members}
    ordered = [by_id[i] for i in story.articles if i in by_id]
    records = tuple(rec for _, rec in ordered)
    if not options.story_stages:
        return StoryOutput(stories=(story,), claims=tuple(c for r in records for c in r.claims))
    steps = _stages.article_steps(broad_quotes=options.broad_quotes)
    articles = State(articles=tuple(a for a, _ in ordered), stories=(story,))
    _, per_story = pipelines(options)
    state = per_story(_stages.with_records(articles, records, steps))
    shared = {
        name: getattr(state, name) for name in FINDINGS if name not in ("articles", "stories")
    }
    return StoryOutput(stories=(story,), **shared)
