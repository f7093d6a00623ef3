"""Labelled story-clustering data for the story benchmarks (a helper module, not a benchmark).

A data file is JSONL with ``id``, ``title``, ``text``, ``published`` (any may be
missing but ``id`` and ``text``) and a gold label field named by the caller.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from newsprism.model import Article, ArticleNLP, from_dict, to_dict

_ECB_ID = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)$")


def load(path: Path, label: str) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles, gold label per id, and a grouping key per id (``topic`` if present,
    else the label) for splitting without leaking related events across halves."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    groups: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            aid = str(row["id"])
            articles.append(
                Article(
                    id=aid,
                    text=row.get("text") or "",
                    title=row.get("title"),
                    published=row.get("published"),
                    outlet=row.get("outlet"),
                )
            )
            gold[aid] = str(row[label])
            groups[aid] = str(row.get("topic", row[label]))
    return articles, gold, groups


def ordered(articles: list[Article], order: str, seed: int = 0) -> list[Article]:
    """``random``: shuffled with ``seed``.  ``date``: by ``published`` when the data
    has dates; ECB+ has none, so there the proxy is its two halves in time order
    (the ECB events of ~2008 before the ECB+ events of ~2013) with the topics
    interleaved by document number, the way concurrent events share a news stream."""
    out = list(articles)
    if order == "random":
        random.Random(seed).shuffle(out)
        return out
    if order != "date":
        raise SystemExit(f"unknown order {order!r}")
    if all(a.published for a in out):
        return sorted(out, key=lambda a: (a.published or "", a.id))

    def key(a: Article) -> tuple[int, int, int, str]:
        m = _ECB_ID.match(a.id)
        if not m:
            return (0, 0, 0, a.id)
        return (int(m.group(3) == "ecbplus"), int(m.group(2)), int(m.group(1)), a.id)

    return sorted(out, key=key)


def split(groups: dict[str, str], fold: int, folds: int = 2) -> set[str]:
    """Ids whose group falls in ``fold`` (groups dealt round-robin in sorted order)."""
    names = sorted(set(groups.values()), key=lambda g: (len(g), g))
    chosen = {g for n, g in enumerate(names) if n % folds == fold}
    return {i for i, g in groups.items() if g in chosen}


def nlp_records(articles: list[Article], cache: Path | None) -> dict[str, ArticleNLP]:
    """spaCy records for ``articles`` (entity mentions for the clusterer), cached as JSONL."""
    if cache is not None and cache.exists():
        with cache.open(encoding="utf-8") as fh:
            recs = [from_dict(ArticleNLP, json.loads(line)) for line in fh]
        return {r.article: r for r in recs}
    from newsprism import nlp

    out = {r.article: r for r in nlp.annotate(articles)}
    if cache is not None:
        with cache.open("w", encoding="utf-8") as fh:
            for r in out.values():
                fh.write(json.dumps(to_dict(r)) + "\n")
    return out
