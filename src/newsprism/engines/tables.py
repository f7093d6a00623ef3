"""The batch output: one Parquet folder per table, rows keyed by deterministic ids.

Every table keeps a few columns to query by (ids, relation, score) and the full
record as JSON (``model.to_dict``), so nothing is lost and a reader rebuilds the
typed records with ``model.from_dict``.  Column types are declared once here and
turned into a pyarrow schema (local engine) or a Spark schema (Spark engine).
Rows are sorted by their key before writing, so two runs compare row by row.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._api import SECTIONS
from ..model import (
    Article,
    Claim,
    ClaimGroup,
    Coverage,
    Dossier,
    Entity,
    EntityRelation,
    Quote,
    Reuse,
    ReuseLink,
    Statement,
    Story,
    TimelineEvent,
    from_dict,
    to_dict,
)
from ._core import StoryOutput

__all__ = [
    "KEYS",
    "TABLES",
    "article_row",
    "claim_rows",
    "read_rows",
    "story_rows",
    "write_rows",
]

Row = dict[str, Any]

#: table -> (column, type) with types "string", "double", "long", "strings"
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("published", "string"),
        ("url", "string"),
        ("story", "string"),
        ("record", "string"),
    ),
    "stories": (
        ("id", "string"),
        ("title", "string"),
        ("articles", "strings"),
        ("independent_sources", "long"),
        ("families", "string"),
        ("record", "string"),
    ),
    "reuse_pairs": (
        ("a", "string"),
        ("b", "string"),
        ("story", "string"),
        ("relation", "string"),
        ("score", "double"),
        ("direction", "string"),
        ("record", "string"),
    ),
    "quotes": (
        ("id", "string"),
        ("article", "string"),
        ("statement", "string"),
        ("record", "string"),
    ),
    "statements": (("id", "string"), ("story", "string"), ("record", "string")),
    "claims": (
        ("id", "string"),
        ("article", "string"),
        ("claim_group", "string"),
        ("record", "string"),
    ),
    # per story: the pipeline's claim groups (verdicts), merged entities, relations
    "claim_groups": (
        ("id", "string"),
        ("story", "string"),
        ("verdict", "string"),
        ("topic", "string"),
        ("independent_sources", "long"),
        ("claims", "strings"),
        ("record", "string"),
    ),
    "entities": (
        ("story", "string"),
        ("id", "string"),
        ("name", "string"),
        ("kind", "string"),
        ("articles", "strings"),
        ("record", "string"),
    ),
    "relations": (
        ("story", "string"),
        ("a", "string"),
        ("b", "string"),
        ("kind", "string"),
        ("record", "string"),
    ),
    "timeline": (
        ("story", "string"),
        ("n", "long"),
        ("date", "string"),
        ("text", "string"),
        ("record", "string"),
    ),
    "coverage": (("article", "string"), ("story", "string"), ("record", "string")),
    # corpus-wide reuse candidates (MinHash banding with the df cap), across stories
    "reuse_candidates": (("a", "string"), ("b", "string")),
}

#: the sort key of each table (unique per row)
KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "stories": ("id",),
    "reuse_pairs": ("a", "b"),
    "quotes": ("id",),
    "statements": ("id",),
    "claims": ("id",),
    "claim_groups": ("id",),
    "entities": ("story", "id"),
    "relations": ("story", "a", "b", "kind"),
    "timeline": ("story", "n"),
    "coverage": ("article",),
    "reuse_candidates": ("a", "b"),
}


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, sort_keys=True)


def article_row(article: Article, story: str | None) -> tuple[str, Row]:
    return "articles", {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "story": story,
        "record": _json(article),
    }


def claim_rows(claims: Iterable[Claim]) -> Iterator[tuple[str, Row]]:
    for c in claims:
        yield (
            "claims",
            {"id": c.id, "article": c.article, "claim_group": c.group, "record": _json(c)},
        )


def story_rows(out: StoryOutput) -> Iterator[tuple[str, Row]]:
    """Rows of every per-story table for one story's output."""
    st = out.story
    yield (
        "stories",
        {
            "id": st.id,
            "title": st.title,
            "articles": list(st.articles),
            "independent_sources": out.independent_sources,
            "families": json.dumps([list(f) for f in out.families]),
            "record": _json(st),
        },
    )
    for link in out.pairs:
        yield (
            "reuse_pairs",
            {
                "a": link.a,
                "b": link.b,
                "story": st.id,
                "relation": link.relation,
                "score": float(link.score),
                "direction": link.direction,
                "record": _json(link),
            },
        )
    for q in out.quotes:
        yield (
            "quotes",
            {"id": q.id, "article": q.article, "statement": q.statement, "record": _json(q)},
        )
    for s in out.statements:
        yield "statements", {"id": s.id, "story": st.id, "record": _json(s)}
    yield from claim_rows(out.claims)
    for g in out.claim_groups:
        yield (
            "claim_groups",
            {
                "id": g.id,
                "story": st.id,
                "verdict": g.verdict,
                "topic": g.topic,
                "independent_sources": g.independent_sources,
                "claims": list(g.claims),
                "record": _json(g),
            },
        )
    for e in out.entities:
        yield (
            "entities",
            {
                "story": st.id,
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "articles": list(e.articles),
                "record": _json(e),
            },
        )
    for r in out.relations:
        yield (
            "relations",
            {"story": st.id, "a": r.a, "b": r.b, "kind": r.kind, "record": _json(r)},
        )
    for n, ev in enumerate(out.timeline):  # in the stage's order (by date)
        yield (
            "timeline",
            {"story": st.id, "n": n, "date": ev.date, "text": ev.text, "record": _json(ev)},
        )
    for cov in out.coverage:
        yield "coverage", {"article": cov.article, "story": st.id, "record": _json(cov)}


def sort_rows(table: str, rows: Iterable[Row]) -> list[Row]:
    keys = KEYS[table]
    return sorted(rows, key=lambda r: tuple(r[k] for k in keys))


def arrow_schema(table: str) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    kinds = {"string": pa.string(), "double": pa.float64(), "long": pa.int64()}
    return pa.schema(
        [
            (name, pa.list_(pa.string()) if kind == "strings" else kinds[kind])
            for name, kind in TABLES[table]
        ]
    )


def write_rows(out_dir: str | Path, table: str, rows: Iterable[Row]) -> int:
    """Write one table with pyarrow (the local engine): one sorted file in its folder."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    folder = Path(out_dir) / table
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.parquet"):
        old.unlink()
    ordered = sort_rows(table, rows)
    pq.write_table(
        pa.Table.from_pylist(ordered, schema=arrow_schema(table)), folder / "part-00000.parquet"
    )
    return len(ordered)


def read_rows(out_dir: str | Path, table: str) -> list[Row]:
    """A table's rows, sorted by key, whichever engine wrote it."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    folder = os.path.join(str(out_dir), table)
    files = sorted(p for p in Path(folder).glob("*.parquet"))
    rows: list[Row] = []
    for f in files:
        rows.extend(pq.read_table(f).to_pylist())
    return sort_rows(table, rows)


def records(out_dir: str | Path, table: str, cls: type[Any]) -> list[Any]:
    return [from_dict(cls, json.loads(r["record"])) for r in read_rows(out_dir, table)]


def _by(out_dir: str | Path, table: str, column: str, cls: type[Any]) -> dict[str, list[Any]]:
    """A table's records grouped by one column (rows in key order)."""
    grouped: dict[str, list[Any]] = {}
    for r in read_rows(out_dir, table):
        grouped.setdefault(r[column], []).append(from_dict(cls, json.loads(r["record"])))
    return grouped


def story_dossiers(out_dir: str | Path) -> Iterator[tuple[Story, Dossier]]:
    """One dossier per story (articles, reuse, quotes, statements, claims...) from the tables."""
    arts: dict[str, Article] = {a.id: a for a in records(out_dir, "articles", Article)}
    pairs = _by(out_dir, "reuse_pairs", "story", ReuseLink)
    quotes = _by(out_dir, "quotes", "article", Quote)
    statements = _by(out_dir, "statements", "story", Statement)
    claims = _by(out_dir, "claims", "article", Claim)
    groups = _by(out_dir, "claim_groups", "story", ClaimGroup)
    entities = _by(out_dir, "entities", "story", Entity)
    relations = _by(out_dir, "relations", "story", EntityRelation)
    timeline = _by(out_dir, "timeline", "story", TimelineEvent)
    coverage = _by(out_dir, "coverage", "story", Coverage)
    for r in read_rows(out_dir, "stories"):
        story = from_dict(Story, json.loads(r["record"]))
        families = tuple(tuple(f) for f in json.loads(r["families"]))
        reuse = Reuse(
            tuple(pairs.get(story.id, ())), families, {story.id: r["independent_sources"]}
        )
        yield (
            story,
            Dossier(
                articles=tuple(arts[i] for i in story.articles if i in arts),
                stories=(story,),
                reuse=reuse,
                quotes=tuple(q for i in story.articles for q in quotes.get(i, ())),
                statements=tuple(statements.get(story.id, ())),
                claims=tuple(c for i in story.articles for c in claims.get(i, ())),
                claim_groups=tuple(groups.get(story.id, ())),
                entities=tuple(entities.get(story.id, ())),
                relations=tuple(relations.get(story.id, ())),
                timeline=tuple(timeline.get(story.id, ())),
                coverage=tuple(coverage.get(story.id, ())),
                filled=("articles", "stories", *SECTIONS),
            ),
        )


def load_into_store(out_dir: str | Path, store: Any) -> Mapping[str, int]:
    """Load a batch's tables into a store: articles, stories and per-story dossiers."""
    added = 0
    for art in records(out_dir, "articles", Article):
        added += store.add_article(art).inserted
    stories: list[Story] = []
    for story, dossier in story_dossiers(out_dir):
        stories.append(story)
        store.save_dossier(story.id, dossier.to_json(indent=None))
    store.save_stories(stories)
    return {"articles": added, "stories": len(stories)}


def compare_outputs(
    left: str | Path, right: str | Path, tables: Sequence[str] = tuple(TABLES)
) -> dict[str, str]:
    """Tables that differ between two batch outputs (empty: identical row by row)."""
    diff: dict[str, str] = {}
    for table in tables:
        a, b = read_rows(left, table), read_rows(right, table)
        if a != b:
            first = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)),
            )
            diff[table] = f"{len(a)} vs {len(b)} rows; first difference at row {first}"
    return diff
