"""Fit the sentence paraphrase model shipped as the ``reuse_sentence`` artifact.

Usage: python benchmarks/train_reuse_sentence_model.py ../shared/data/msrp [--out-dir DIR]

Trains on the MSRP *train* split only (the val split stays for bench_reuse_msrp.py); a
plain L2-regularised logistic regression by gradient descent (numpy), once with the
wordllama cosine and once without it (the lexical fallback).  Prints 5-fold
cross-validated accuracy on train.  The feature set and the L2 weight (0.01) were chosen
by that train cross-validation (1e-4 scored the same; the stronger one was kept).  The
model is written by :func:`newsprism.artifacts.write` (with the data's hash, the commit,
this command and the CV figures) into ``src/newsprism/artifacts/data/reuse_sentence.json``
or ``--out-dir``.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import sys
from pathlib import Path

import numpy as np

from newsprism import artifacts
from newsprism.reuse.prepare import prepare
from newsprism.reuse.similarity import ARTIFACT, FEATURES, pair_features


def load(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]


def features(rows: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for row in rows:
        a, b = prepare(row[3]), prepare(row[4])
        cos = None
        if a.whole_vector is not None and b.whole_vector is not None:
            cos = float(a.whole_vector @ b.whole_vector)
        xs.append(pair_features(a.whole, b.whole, cos))
        ys.append(1 if row[0] == "1" else 0)
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2) -> dict[str, object]:
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(4000):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= 0.5 * (z.T @ (p - y) / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(p - y))
    return {"mean": mu.tolist(), "scale": sd.tolist(), "coef": w.tolist(), "intercept": b}


def predict(model: dict[str, object], x: np.ndarray) -> np.ndarray:
    mu, sd = np.array(model["mean"]), np.array(model["scale"])
    z = (x - mu) / sd @ np.array(model["coef"]) + float(model["intercept"])  # type: ignore[arg-type]
    return (z > 0).astype(int)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--out-dir", type=Path, default=None, help="write the artifact here")
    args = ap.parse_args()
    train = args.data / "msr-para-train.tsv"
    x, y = features(load(train))
    metrics: dict[str, float] = {"train_pairs": len(y)}
    out: dict[str, object] = {
        "trained_on": "MSRP train split (msr-para-train.tsv), logistic regression",
        "features": list(FEATURES),
    }
    for name, cols in (("semantic", slice(None)), ("lexical", slice(1, None))):
        xs = x[:, cols]
        folds = np.arange(len(y)) % 5
        acc = np.mean(
            [
                np.mean(
                    predict(fit(xs[folds != k], y[folds != k]), xs[folds == k]) == y[folds == k]
                )
                for k in range(5)
            ]
        )
        print(f"{name}: 5-fold CV accuracy on train {acc:.3f}")
        metrics[f"msrp_train_cv_accuracy_{name}"] = round(float(acc), 3)
        out[name] = fit(xs, y)
    path = artifacts.write(
        ARTIFACT,
        out,
        data=[train],
        command="python " + shlex.join(sys.argv),
        metrics=metrics,
        notes="L2 logistic regression over reuse.similarity.pair_features, with ('semantic') "
        "and without ('lexical') the wordllama cosine; val figures: bench_reuse_msrp.py",
        out_dir=args.out_dir,
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
