"""How well the clusterer's article-level inputs tell apart reports of one event from
reports of another event of the same kind (the hard part of story clustering).

    .venv/bin/python benchmarks/bench_stories_pairs.py DATA.jsonl --label event

Every pair of articles that share a group (ECB+: a topic, which holds two
events of one kind) is one example, labelled 1 when both report the same
event.  The features are the join model's (:func:`newsprism.stories.cluster.features`,
as between an article and a one-article story), computed with IDF from the
whole file; a logistic regression is fitted on the pairs of one half of the
groups and scored (ROC AUC) on the other half, both ways.  Each row varies how
much the lead counts (``LEAD_WORDS`` opening words counted ``LEAD_BOOST`` more
times, see :func:`newsprism.stories._features.bags`).  This is a fast proxy
used to choose a representation; the online B-cubed figures come from
``bench_stories_calibrate.py``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stories_calibrate import fit
from bench_stories_data import load, split
from newsprism.model import Article
from newsprism.stories import _features
from newsprism.stories._vectors import _cos, _marks, _share, _top
from newsprism.stories.cluster import StoryClusterer, features

GRID = ((0, 0), (30, 2), (60, 1), (60, 2), (60, 3), (100, 2))


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by ranks (Mann-Whitney U); ties are rare with continuous scores."""
    order = np.argsort(scores)
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    pos = labels.sum()
    neg = len(labels) - pos
    return float((ranks[labels == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def pair_rows(articles: list[Article]) -> dict[str, tuple[dict[str, float], ...]]:
    cl = StoryClusterer()
    cl.prime(articles)  # IDF of the whole file
    out = {}
    for a in articles:
        w, e = cl._weigh(cl._primed[a.id], count=False)
        out[a.id] = (w, e, _marks(w))
    return out


def pair_x(v: tuple[dict[str, float], ...], u: tuple[dict[str, float], ...]) -> tuple[float, ...]:
    (wi, ei, mi), (wj, ej, mj) = v, u
    ce = _cos(ei, ej, 1.0) if ei and ej else 0.0
    cm = _cos(mi, mj, 1.0) if mi and mj else 0.0
    cover = 1.0
    if ei and ej:
        cover = _share(list(_top(ei, 5)), ei, ej) * _share(list(_top(ej, 5)), ej, ei)
    return features(_cos(wi, wj, 1.0), ce, 1, cm, bool(mi and mj), cover)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--label", default="event")
    args = ap.parse_args()
    articles, gold, groups = load(args.data, args.label)
    half0 = split(groups, 0)
    by_group: dict[str, list[str]] = {}
    for a in articles:
        by_group.setdefault(groups[a.id], []).append(a.id)
    pairs = [p for ids in by_group.values() for p in itertools.combinations(ids, 2)]
    y = np.array([gold[i] == gold[j] for i, j in pairs], dtype=float)
    side = np.array([i in half0 for i, _ in pairs])
    print(f"{len(pairs)} same-group pairs, {int(y.sum())} of one event")
    print("| lead words | extra counts | AUC fit on half 0 | fit on half 1 | mean |")
    print("| --- | --- | --- | --- | --- |")
    saved = (_features.LEAD_WORDS, _features.LEAD_BOOST)
    for words, boost in GRID:
        _features.LEAD_WORDS, _features.LEAD_BOOST = words, boost
        vec = pair_rows(articles)
        x = np.array([pair_x(vec[i], vec[j]) for i, j in pairs])
        aucs = []
        for train in (side, ~side):
            w = np.array(fit([tuple(r) for r in x[train]], [int(v) for v in y[train]]))
            aucs.append(auc(x[~train] @ w, y[~train]))
        print(f"| {words} | {boost} | {aucs[0]:.4f} | {aucs[1]:.4f} | {np.mean(aucs):.4f} |")
    _features.LEAD_WORDS, _features.LEAD_BOOST = saved


if __name__ == "__main__":
    main()
