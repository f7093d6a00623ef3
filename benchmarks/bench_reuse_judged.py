"""Reuse verdicts on 140 hand-judged same-event ECB+ news pairs, cross-validated.

Usage: python benchmarks/bench_reuse_judged.py [../shared/data/ecbplus] [--folds 5]

Every pair reports one real event, so the two texts share its facts, names and often the
same quoted statements; the judges called a pair derived only for shared expression
beyond that (``shared/data/ecbplus/README.md``).  Everything the pair decision learns --
the pair model's weights and threshold, the borrowed-words bar, the three level
thresholds -- is refitted on the training folds by
``train_reuse_pair_model.fit`` (which picks the threshold on its own inner topic folds)
and scored on the held-out fold; folds group the pairs by ECB+ topic (greedy, largest
topic first, onto the lightest fold), so no event is seen on both sides.  The shipped
model and thresholds (the fit on all pairs) are scored too, in-sample, for reference.

Texts of a sentence or two are judged by the sentence paraphrase model, which has no
threshold here; their verdict is the shipped one in every fold.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from _data import DEFAULT_DATA
from newsprism.reuse.verdict import DEFAULT, Thresholds
from train_reuse_pair_model import DERIVED, Pair, fit, folds, load

LABELS = ["copy", "edited", "rewrite", "partial", "independent", "unrelated"]


def prf(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    both = list(zip(gold, pred, strict=True))
    tp = sum(g in DERIVED and p in DERIVED for g, p in both)
    fp = sum(g not in DERIVED and p in DERIVED for g, p in both)
    fn = sum(g in DERIVED and p not in DERIVED for g, p in both)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


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
    parts = folds(pairs, args.folds)
    for i, test in enumerate(parts):
        train = [p for j, f in enumerate(parts) if j != i for p in f]
        t = fit(train)
        fitted.append(t)
        assert t.model is not None
        derived = sum(p.label in DERIVED for p in test)
        print(
            f"  fold {i}: {len(test)} pairs ({derived} derived), fit: threshold "
            f"{t.model.threshold}, borrowed {t.borrowed}, chain {t.chain}, copy {t.copy}, "
            f"edited {t.edited}, reworded {t.reworded}"
        )
        for p in test:
            held[p.pair] = p.predict(t)
    report(f"held-out ({args.folds} folds by topic)", pairs, [held[p.pair] for p in pairs])
    missed = [
        f"{p.pair} {p.label}" for p in pairs if p.label in DERIVED and held[p.pair] not in DERIVED
    ]
    false = [
        f"{p.pair} {held[p.pair]}"
        for p in pairs
        if p.label not in DERIVED and held[p.pair] in DERIVED
    ]
    print(f"    held-out misses: {missed}; false derived: {false}")
    report("shipped model and thresholds (in-sample)", pairs, [p.predict(DEFAULT) for p in pairs])
    print(f"shipped: {DEFAULT}")
    for name in ("borrowed", "chain", "copy", "edited", "reworded"):
        values = [getattr(t, name) for t in fitted]
        print(f"  {name}: folds {values}, median {statistics.median(values)}")
    ths = [t.model.threshold for t in fitted if t.model is not None]
    print(f"  threshold: folds {ths}, median {statistics.median(ths)}")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
