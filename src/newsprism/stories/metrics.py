"""Clustering scores against gold labels: B-cubed, pairwise and the adjusted Rand index.

Hand-written rather than taken from scikit-learn because they are a few lines
each and scikit-learn is not a dependency; each follows its textbook definition
(Bagga & Baldwin 1998 for B-cubed; Hubert & Arabie 1985 for ARI).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

__all__ = ["Scores", "adjusted_rand", "bcubed", "pairwise", "score"]


@dataclass(frozen=True, slots=True)
class Scores:
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pair_p: float
    pair_r: float
    pair_f1: float
    ari: float
    clusters: int
    gold_clusters: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _check(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> list[str]:
    if set(pred) != set(gold):
        raise ValueError("prediction and gold must label the same items")
    return list(gold)


def bcubed(
    pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """(precision, recall, F1), averaged over items."""
    items = _check(pred, gold)
    if not items:
        return 0.0, 0.0, 0.0
    joint = Counter((pred[i], gold[i]) for i in items)
    psize = Counter(pred[i] for i in items)
    gsize = Counter(gold[i] for i in items)
    p = sum(joint[(pred[i], gold[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(joint[(pred[i], gold[i])] / gsize[gold[i]] for i in items) / len(items)
    return p, r, _f1(p, r)


def _pairs(sizes: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(
    pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """(precision, recall, F1) over item pairs put together."""
    items = _check(pred, gold)
    both = _pairs(Counter((pred[i], gold[i]) for i in items))
    in_pred = _pairs(Counter(pred[i] for i in items))
    in_gold = _pairs(Counter(gold[i] for i in items))
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, _f1(p, r)


def adjusted_rand(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    items = _check(pred, gold)
    n = len(items)
    total = n * (n - 1) / 2
    both = _pairs(Counter((pred[i], gold[i]) for i in items))
    a = _pairs(Counter(pred[i] for i in items))
    b = _pairs(Counter(gold[i] for i in items))
    if not total:
        return 1.0
    expected = a * b / total
    top = (a + b) / 2
    return 1.0 if top == expected else (both - expected) / (top - expected)


def score(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Scores:
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return Scores(
        bp,
        br,
        bf,
        pp,
        pr,
        pf,
        adjusted_rand(pred, gold),
        len(set(pred.values())),
        len(set(gold.values())),
    )
