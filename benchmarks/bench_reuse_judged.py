"""Reuse verdicts on 140 hand-judged same-event ECB+ news pairs, cross-validated.

Usage: python benchmarks/bench_reuse_judged.py [../shared/data/ecbplus] [--folds 5]

Every pair reports one real event, so the two texts share its facts, names and often the
same quoted statements; the judges called a pair derived only for shared expression
beyond that (``shared/data/ecbplus/README.md``).  The thresholds of
``newsprism.reuse.verdict.Thresholds`` -- two for derived-or-not, three for the level --
are fitted on the training folds and scored on the held-out fold; folds group the pairs
by ECB+ topic (greedy, largest topic first, onto the lightest fold), so no event is seen
on both sides.  Derived-or-not maximises derived F1 on the training folds; the levels
maximise exact agreement on the training folds' derived pairs; ties are broken by the
median of the tied grid points.  The shipped thresholds (the fit on all pairs, rounded)
are scored too, in-sample, for reference.

Texts of a sentence or two are judged by the sentence paraphrase model, which has no
threshold here; their verdict is the shipped one in every fold.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from _data import DEFAULT_DATA
from newsprism.model import Relation
from newsprism.reuse.align import Features, align
from newsprism.reuse.compare import SHORT_SENTENCES, compare_prepared
from newsprism.reuse.prepare import prepare
from newsprism.reuse.verdict import DEFAULT, Thresholds, derived_evidence, verdict

T = TypeVar("T")
LABELS = ["copy", "edited", "rewrite", "partial", "independent", "unrelated"]
DERIVED = {"copy", "edited", "rewrite", "partial"}  # as the judges count (partial too)

EXPRESSION = [round(0.1 + 0.01 * i, 2) for i in range(31)]
BORROWED = list(range(8, 81))
COPY = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
EDITED = [round(0.2 + 0.02 * i, 2) for i in range(16)]
REWORDED = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]


@dataclass(frozen=True, slots=True)
class Pair:
    pair: str
    topic: str
    label: str
    features: Features
    passages: int
    short: Relation | None  # the shipped verdict of a short pair, else None

    def predict(self, t: Thresholds) -> str:
        if self.short is not None:
            return self.short
        return verdict(self.features, self.passages, None, t)


def load(folder: Path) -> list[Pair]:
    texts: dict[str, str] = {}
    with (folder / "ecbplus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            texts[doc["id"]] = doc.get("text") or ""
    judged = json.loads((folder / "reuse-judged.json").read_text(encoding="utf-8"))
    out = []
    for p in judged:
        pa, pb = prepare(texts[p["a"]]), prepare(texts[p["b"]])
        canonical = (len(pa.doc.text), pa.doc.text) <= (len(pb.doc.text), pb.doc.text)
        first, second = (pa, pb) if canonical else (pb, pa)
        al = align(first, second)
        short = max(len(pa.doc.sentences), len(pb.doc.sentences)) <= SHORT_SENTENCES
        relation = compare_prepared(pa, pb).relation if short else None
        topic = p["a"].split("_")[0]
        out.append(Pair(p["pair"], topic, p["label"], al.features, len(al.passages), relation))
    return out


def folds(pairs: Sequence[Pair], k: int) -> list[list[Pair]]:
    sizes = Counter(p.topic for p in pairs)
    load_ = [0] * k
    fold_of: dict[str, int] = {}
    for topic, n in sorted(sizes.items(), key=lambda t: (-t[1], t[0])):
        i = load_.index(min(load_))
        fold_of[topic] = i
        load_[i] += n
    return [[p for p in pairs if fold_of[p.topic] == i] for i in range(k)]


def prf(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    both = list(zip(gold, pred, strict=True))
    tp = sum(g in DERIVED and p in DERIVED for g, p in both)
    fp = sum(g not in DERIVED and p in DERIVED for g, p in both)
    fn = sum(g in DERIVED and p not in DERIVED for g, p in both)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _best(grid: Sequence[T], score: Callable[[T], float]) -> T:
    scores = [score(x) for x in grid]
    top = max(scores)
    tied = [x for x, s in zip(grid, scores, strict=True) if s == top]
    return tied[len(tied) // 2]


def fit(train: Sequence[Pair]) -> Thresholds:
    long = [p for p in train if p.short is None]
    gold = [p.label for p in long]

    def decision(point: tuple[float, int]) -> float:
        t = replace(DEFAULT, expression=point[0], borrowed=point[1])
        pred = ["copy" if derived_evidence(p.features, t) else "independent" for p in long]
        return prf(gold, pred)[2]

    expression, borrowed = _best(list(itertools.product(EXPRESSION, BORROWED)), decision)
    derived = [p for p in long if p.label in DERIVED]

    def levels(point: tuple[float, float, float]) -> float:
        t = replace(
            DEFAULT,
            expression=0.0,  # every judged-derived pair is graded
            borrowed=0,
            copy=point[0],
            edited=point[1],
            reworded=point[2],
        )
        return sum(p.predict(t) == p.label for p in derived)

    copy, edited, reworded = _best(list(itertools.product(COPY, EDITED, REWORDED)), levels)
    return Thresholds(expression, borrowed, copy, edited, reworded)


def report(name: str, pairs: Sequence[Pair], pred: Sequence[str]) -> None:
    gold = [p.label for p in pairs]
    precision, recall, f1 = prf(gold, pred)
    exact = sum(g == p for g, p in zip(gold, pred, strict=True))
    found = [(g, p) for g, p in zip(gold, pred, strict=True) if g in DERIVED and p in DERIVED]
    level = sum(g == p for g, p in found)
    print(
        f"{name}: derived precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}; "
        f"exact level {exact}/{len(gold)} ({exact / len(gold):.3f}); "
        f"level of the derived pairs found {level}/{len(found)}"
    )
    cm = Counter(zip(gold, pred, strict=True))
    print("    judged \\ predicted: " + " ".join(f"{x[:5]:>5}" for x in LABELS))
    for g in LABELS[:5]:
        print(f"    {g:<19}" + " ".join(f"{cm[(g, p)]:>5}" for p in LABELS))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "ecbplus")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    pairs = load(args.data)
    print(
        f"{len(pairs)} judged pairs: "
        + ", ".join(
            f"{k} {v}"
            for k, v in sorted(Counter(p.label for p in pairs).items(), key=lambda kv: -kv[1])
        )
    )
    held: dict[str, str] = {}
    fitted: list[Thresholds] = []
    for i, test in enumerate(folds(pairs, args.folds)):
        train = [p for j, f in enumerate(folds(pairs, args.folds)) if j != i for p in f]
        t = fit(train)
        fitted.append(t)
        derived = sum(p.label in DERIVED for p in test)
        print(f"  fold {i}: {len(test)} pairs ({derived} derived), fit {t}")
        for p in test:
            held[p.pair] = p.predict(t)
    report(f"held-out ({args.folds} folds by topic)", pairs, [held[p.pair] for p in pairs])
    report("shipped thresholds (in-sample)", pairs, [p.predict(DEFAULT) for p in pairs])
    print(f"shipped: {DEFAULT}")
    print(f"fit on all pairs: {fit(pairs)}")
    for name in ("expression", "borrowed", "copy", "edited", "reworded"):
        values = [getattr(t, name) for t in fitted]
        print(f"  {name}: folds {values}, median {statistics.median(values)}")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
