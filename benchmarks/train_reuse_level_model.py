"""Fit the reuse-level model shipped as the ``reuse_level`` artifact.

Usage: python benchmarks/train_reuse_level_model.py ../shared/data/clough-stevenson [--out-dir DIR]

Trains a multinomial logistic regression (numpy, L2) on the 57 derived answers of the
Clough & Stevenson corpus (cut -> copy, light -> edited, heavy -> rewrite) with the
features of :func:`newsprism.reuse.level.level_features`.  The cross-validated figure is
computed by bench_reuse_clough.py, which refits this model inside each fold.  The model
is written by :func:`newsprism.artifacts.write` (with the data's hash, the commit and this
command) into ``src/newsprism/artifacts/data/reuse_level.json`` or ``--out-dir``.
"""

from __future__ import annotations

import argparse
import csv
import shlex
import sys
from pathlib import Path

import numpy as np

from newsprism import artifacts
from newsprism.reuse.align import align
from newsprism.reuse.level import ARTIFACT, FEATURES, LEVELS
from newsprism.reuse.level import level_features as features_of
from newsprism.reuse.prepare import prepare

TO_CLASS = {"cut": 0, "light": 1, "heavy": 2}
L2 = 0.01


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def dataset(data: Path) -> tuple[list[dict[str, str]], np.ndarray]:
    """Rows of file_information.csv (answers only) and their level features."""
    with open(data / "file_information.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Category"] in ("cut", "light", "heavy", "non")]
    sources = {t: prepare(read(data / f"orig_task{t}.txt")) for t in "abcde"}
    xs = []
    for r in rows:
        answer, src = prepare(read(data / r["File"])), sources[r["Task"]]
        # first-look alignments: answers derived only on compare's second look are
        # rewrites by definition and never graded by the model
        xs.append(features_of(answer, src, align(answer, src).features))
    return rows, np.array(xs)


def fit(x: np.ndarray, y: np.ndarray, k: int = 3, l2: float = L2) -> dict[str, object]:
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    w, b = np.zeros((x.shape[1], k)), np.zeros(k)
    onehot = np.eye(k)[y]
    for _ in range(3000):
        s = z @ w + b
        s -= s.max(1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(1, keepdims=True)
        w -= 0.5 * (z.T @ (p - onehot) / len(z) + l2 * w)
        b -= 0.5 * (p - onehot).mean(0)
    return {
        "mean": mu.tolist(),
        "scale": sd.tolist(),
        "coef": w.T.tolist(),
        "intercept": b.tolist(),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--out-dir", type=Path, default=None, help="write the artifact here")
    args = ap.parse_args()
    rows, x = dataset(args.data)
    derived = np.array([r["Category"] != "non" for r in rows])
    y = np.array([TO_CLASS.get(r["Category"], -1) for r in rows])
    model = fit(x[derived], y[derived])
    model.update(
        {
            "min": x[derived].min(0).tolist(),
            "max": x[derived].max(0).tolist(),
            "trained_on": "Clough & Stevenson derived answers (cut/light/heavy), 57",
            "classes": list(LEVELS),
            "features": list(FEATURES),
        }
    )
    train_acc = float(np.mean(_predict(model, x[derived]) == y[derived]))
    out = artifacts.write(
        ARTIFACT,
        model,
        data=[args.data],
        command="python " + shlex.join(sys.argv),
        metrics={"train_answers": int(derived.sum()), "train_accuracy": train_acc},
        notes="multinomial logistic regression (numpy, L2 0.01) over reuse.level.level_features; "
        "cross-validated figures: bench_reuse_clough.py and bench_reuse_clough_nested.py",
        out_dir=args.out_dir,
    )
    print(f"wrote {out}")


def _predict(model: dict[str, object], x: np.ndarray) -> np.ndarray:
    mu, sd = np.array(model["mean"]), np.array(model["scale"])
    coef, b = np.array(model["coef"]), np.array(model["intercept"])
    return np.asarray(((x - mu) / sd @ coef.T + b).argmax(1))


if __name__ == "__main__":
    main()
