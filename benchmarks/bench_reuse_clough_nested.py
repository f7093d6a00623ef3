"""Nested cross-validation of the level-model feature choice on Clough & Stevenson.

Usage: python benchmarks/bench_reuse_clough_nested.py ../shared/data/clough-stevenson

The ``log_passages`` level feature was picked after comparing leave-one-out accuracy of
about ten candidate feature sets, so the LOO figure of bench_reuse_clough.py is slightly
optimistic.  This re-runs the whole choice inside each fold: outer leave-one-out; inside,
the feature set (nine candidates: the 15 older features alone or with passage counts,
reworded-pair rate, reworded share, sentence edit similarity, long-tile coverage) and the
L2 weight (0.01, 0.03) are chosen by 4-fold CV on the training answers only.  The
"partial" verdict gets the model's level, as in the headline row of the other bench.
Slow (about 4,000 small fits, some 10 minutes on two busy cores).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

from newsprism.reuse import align as aligner
from newsprism.reuse.compare import judge
from newsprism.reuse.level import FEATURES, NEAR_VERBATIM, level_features
from newsprism.reuse.prepare import prepare
from newsprism.reuse.verdict import DERIVED
from train_reuse_level_model import fit, read

# the module: ``newsprism.reuse.compare`` the attribute is the function of that name
comparer = importlib.import_module("newsprism.reuse.compare")

LEVELS = ["cut", "light", "heavy", "non"]
OLD = list(range(FEATURES.index("log_passages")))  # the 15 features before issue 3
EXTRA = [
    "passages",
    "passages_per_sent",
    "log_passages",
    "rw_per_sent",
    "reworded_share",
    "sent_lev",
    "gst12",
]
CANDIDATES = [
    [],
    ["passages", "rw_per_sent"],
    ["passages_per_sent", "rw_per_sent"],
    ["log_passages", "rw_per_sent"],
    ["log_passages"],
    ["rw_per_sent"],
    ["log_passages", "rw_per_sent", "reworded_share"],
    ["log_passages", "rw_per_sent", "sent_lev"],
    ["log_passages", "rw_per_sent", "gst12"],
]
L2S = (0.01, 0.03)


def extra_features(
    pa: aligner.Prepared, pb: aligner.Prepared, al: aligner.Alignment
) -> list[float]:
    f = al.features
    tiles = aligner._tiles(pa.doc, pb.doc)
    best = []
    for s in pa.doc.sentences:
        words = pa.doc.words[s.first : s.last]
        if len(words) >= 4:
            best.append(
                max(
                    Levenshtein.normalized_similarity(words, pb.doc.words[t.first : t.last])
                    for t in pb.doc.sentences
                )
            )
    n = max(1, f.sentences_a)
    return [
        len(al.passages),
        len(al.passages) / n,
        math.log1p(len(al.passages)),
        f.reworded_pairs / n,
        f.aligned_a - f.edited_a,
        float(np.mean(best)) if best else 0.0,
        sum(t.matched for t in tiles if t.matched >= 12) / max(1, len(pa.doc.words)),
    ]


def predict(model: dict[str, object], x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> int:
    x = np.clip(x, lo, hi)
    coef = np.array(model["coef"])
    z = coef @ ((x - np.array(model["mean"])) / np.array(model["scale"]))
    return int((z + np.array(model["intercept"])).argmax())


def cv_accuracy(
    x: np.ndarray, y: np.ndarray, rows: np.ndarray, cols: Sequence[int], l2: float
) -> float:
    rng = np.random.default_rng(0)
    ok = 0
    for fold in np.array_split(rng.permutation(rows), 4):
        train = np.setdiff1d(rows, fold)
        model = fit(x[train][:, cols], y[train], l2=l2)
        lo, hi = x[train][:, cols].min(0), x[train][:, cols].max(0)
        ok += sum(predict(model, x[i, cols], lo, hi) == y[i] for i in fold)
    return ok / len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument(
        "--second-look",
        type=float,
        default=None,
        help="compare.SECOND_LOOK_REWORD for this run (off in the product; 0.5 was measured)",
    )
    args = ap.parse_args()
    comparer.SECOND_LOOK_REWORD = args.second_look
    with open(args.data / "file_information.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Category"] in LEVELS]
    sources = {t: prepare(read(args.data / f"orig_task{t}.txt")) for t in "abcde"}
    xs, relations = [], []
    for r in rows:
        answer, src = prepare(read(args.data / r["File"])), sources[r["Task"]]
        _, relation, second_look = judge(answer, src)  # as compare does
        relations.append("second-look" if second_look else relation)
        al = aligner.align(answer, src)  # the level model's features: first look
        xs.append(
            level_features(answer, src, al.features)[: len(OLD)] + extra_features(answer, src, al)
        )
    x = np.array(xs)
    gold = np.array([r["Category"] for r in rows])
    y = np.array([LEVELS.index(g) for g in gold])
    derived = gold != "non"
    sets = [OLD + [len(OLD) + EXTRA.index(n) for n in c] for c in CANDIDATES]
    pred = []
    for i, rel in enumerate(relations):
        if rel not in DERIVED and rel != "partial":
            pred.append("heavy" if rel == "second-look" else "non")
            continue
        if x[i, 0] >= NEAR_VERBATIM:
            pred.append("cut")
            continue
        train = np.where(derived & (np.arange(len(rows)) != i))[0]
        _, k, l2 = max(
            (cv_accuracy(x, y, train, c, l2), k, l2) for k, c in enumerate(sets) for l2 in L2S
        )
        cols = sets[k]
        model = fit(x[train][:, cols], y[train], l2=l2)
        lo, hi = x[train][:, cols].min(0), x[train][:, cols].max(0)
        pred.append(LEVELS[predict(model, x[i, cols], lo, hi)])
    acc = float(np.mean(np.array(pred) == gold))
    print(f"nested leave-one-out 4-level accuracy {acc:.3f} ({len(rows)} answers)")


if __name__ == "__main__":
    main()
