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
* :func:`annotate` -- the per-article stage, exactly what
  :func:`newsprism.stages.annotate_stage` does (one parse, every ``ARTICLE_STEPS``);
* :func:`group_stories` -- story clustering over the whole batch;
* :func:`story_stage` -- the per-story stages: reuse within the story, then quotes
  grouped into statements, as the ``reuse`` and ``statements`` stages do.
"""

from __future__ import annotations

import dataclasses
import glob
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .. import stories as _stories
from ..clean import clean
from ..ingest import IngestFailure, article_from_record, iter_files, read_sources
from ..model import Article, ArticleNLP, Quote, ReuseLink, Statement, Story
from ..quotes import group_statements
from ..reuse import analyze_reuse
from ..stages import ARTICLE_STEPS, annotate_articles
from ..store._keys import content_hash, suffixed_id

__all__ = [
    "ClusterView",
    "StoryOutput",
    "annotate",
    "expand_inputs",
    "group_stories",
    "is_remote",
    "pick_duplicate",
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


def read_input(path: str) -> Iterator[Article]:
    """Clean articles of one local input file (WARC, JSONL or Parquet); failures logged."""
    if path.endswith(".parquet"):
        raw: Iterable[object] = _parquet_articles(path)
    else:
        raw = read_sources([path])
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


def annotate(
    articles: Iterable[Article], batch_size: int = 32, *, parse: bool = True
) -> Iterator[tuple[Article, ArticleNLP]]:
    """The per-article stage; spaCy loads once per process (``nlp.load`` is cached).

    ``parse=False`` gives empty records: the corpus stages alone, for benchmarks.
    """
    if not parse:
        for art in articles:
            yield art, ArticleNLP(art.id)
        return
    arts = list(articles)
    for art, rec in zip(arts, annotate_articles(arts, ARTICLE_STEPS, batch_size), strict=True):
        yield art, rec


ClusterView = tuple[Article, ArticleNLP]


def cluster_view(article: Article, record: ArticleNLP) -> ClusterView:
    """What story clustering reads (text, title, date; entity mentions), and no more.

    The driver holds this for every article of the batch, so the rest (removed
    lines, metadata, quotes, claims) stays in the executors.
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


def group_stories(views: Sequence[ClusterView]) -> tuple[Story, ...]:
    """Stories of the batch as the pipeline's ``stories`` stage makes them, sorted by id.

    Clustering is input-order independent (``stories.group`` takes ``stream_order``).
    """
    articles = [a for a, _ in views]
    records = [r for _, r in views]
    return tuple(sorted(_stories.group(articles, records), key=lambda s: s.id))


@dataclass(frozen=True, slots=True)
class StoryOutput:
    """What the per-story stages produce for one story."""

    story: Story
    pairs: tuple[ReuseLink, ...]
    families: tuple[tuple[str, ...], ...]
    independent_sources: int
    quotes: tuple[Quote, ...]
    statements: tuple[Statement, ...]


def story_stage(
    story: Story, members: Iterable[tuple[Article, ArticleNLP]], *, full: bool = True
) -> StoryOutput:
    """Reuse and statements of one story, as the pipeline's ``reuse``/``statements`` do.

    ``full=False`` skips both (the story row only), for benchmarks of clustering alone.
    """
    if not full:
        return StoryOutput(story, (), (), 0, (), ())
    by_id = {a.id: (a, rec) for a, rec in members}
    articles = [by_id[i][0] for i in story.articles if i in by_id]
    reuse = analyze_reuse(articles, [story])
    story_quotes = [q for i in story.articles if i in by_id for q in by_id[i][1].quotes]
    quotes, statements = group_statements(story_quotes, reuse.families)
    return StoryOutput(
        story,
        reuse.pairs,
        reuse.families,
        reuse.independent_sources.get(story.id, 0),
        quotes,
        statements,
    )
