"""Candidate additions to the MSRP sentence model, by cross-validation on MSRP train.

Usage: python benchmarks/bench_reuse_msrp_families.py ../shared/data/msrp [--splits 5]
       [--gbm] [--val]

Issue 17 round 5.  The shipped sentence model (``train_reuse_sentence_model.py``) is a
logistic regression over ``reuse.similarity.pair_features`` with cross-fitted TF-KLD term
weights.  This script adds one candidate family at a time and prints 10-fold train CV
accuracy on the trainer's split (pair k in fold k mod 10) and on ``--splits`` random
splits, so a gain must hold across splits before anyone looks at val.  ``--val`` also
fits each candidate on all of train and scores MSRP val (the split the project reports;
look at it once per candidate).  ``--gbm`` adds gradient-boosted trees (numpy, depth 2) on
the shipped features, alone and boosting from the regression's margin.

Families (all symmetric in the two sentences):

* ``numbers``: numbers (commas, ``$`` and ``%`` stripped, read as floats) one side has
  and the other lacks (min, max), and whether one side's numbers contain the other's;
* ``sif``: cosine of SIF sentence vectors (Arora et al. 2017: wordllama word vectors
  weighted a / (a + p(w)), p from MSRP train word counts, the first principal component
  of the train sentences removed);
* ``residual``: the words each side has that the other lacks (stop words left out),
  matched through wordllama: mean best cosine each way, and the cosine of their mean
  vectors (synonyms swapped in a paraphrase match, a changed fact does not);
* the decision threshold of the shipped regression (0.4 to 0.6) on held-out
  probabilities.

The test split is not in ``shared/data`` and is never sought.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsprism.reuse import embed
from newsprism.reuse.prepare import SentenceInfo
from newsprism.reuse.similarity import pair_features
from newsprism.reuse.text import STOP
from train_reuse_sentence_model import Row, features, fit, learn_weights, load, prepared

Matrix = np.ndarray
SIF_A = 1e-3


def margin(model: dict[str, object], x: Matrix) -> Matrix:
    mu, sd = np.array(model["mean"]), np.array(model["scale"])
    coef = np.array(model["coef"])
    return np.asarray((x - mu) / sd @ coef + float(model["intercept"]))  # type: ignore[arg-type]


def _number(n: str) -> str:
    n = n.replace(",", "").strip("$%")
    try:
        return str(float(n))
    except ValueError:
        return n


def numbers(a: SentenceInfo, b: SentenceInfo) -> list[float]:
    na, nb = {_number(n) for n in a.numbers}, {_number(n) for n in b.numbers}
    own = sorted((len(na - nb), len(nb - na)))
    return [float(own[0]), float(own[1]), 1.0 if na <= nb or nb <= na else 0.0]


def _word_vectors(words: Sequence[str]) -> Matrix:
    rows = embed._words().lookup(list(words))
    return np.asarray(rows[:, :-1] / np.maximum(rows[:, -1:], 1))


def _unit(v: Matrix) -> Matrix:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def residual(a: SentenceInfo, b: SentenceInfo) -> list[float]:
    own_a = [w for w in a.sequence if w not in b.words and w not in STOP]
    own_b = [w for w in b.sequence if w not in a.words and w not in STOP]
    if not own_a or not own_b:
        same = 1.0 if not own_a and not own_b else 0.0
        return [same, same]
    va, vb = _word_vectors(own_a), _word_vectors(own_b)
    va /= np.linalg.norm(va, axis=1, keepdims=True) + 1e-9
    vb /= np.linalg.norm(vb, axis=1, keepdims=True) + 1e-9
    sim = va @ vb.T
    best = (float(sim.max(1).mean()) + float(sim.max(0).mean())) / 2
    return [best, float(_unit(va.mean(0)) @ _unit(vb.mean(0)))]


class Sif:
    """SIF sentence vectors with word frequencies and the common component from train."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.freq: Counter[str] = Counter()
        for a, b, _, _ in rows:
            self.freq.update(a.sequence)
            self.freq.update(b.sequence)
        self.total = sum(self.freq.values())
        vecs = np.array([self.raw(s.sequence) for a, b, _, _ in rows for s in (a, b)])
        self.pc = np.linalg.svd(vecs, full_matrices=False)[2][0]

    def raw(self, seq: Sequence[str]) -> Matrix:
        if not seq:
            return np.zeros(embed.dimension())
        w = np.array([SIF_A / (SIF_A + self.freq.get(t, 0) / self.total) for t in seq])
        return np.asarray((w[:, None] * _word_vectors(seq)).sum(0) / len(seq))

    def __call__(self, a: SentenceInfo, b: SentenceInfo) -> list[float]:
        va, vb = self.raw(a.sequence), self.raw(b.sequence)
        va, vb = va - self.pc * (va @ self.pc), vb - self.pc * (vb @ self.pc)
        return [float(_unit(va) @ _unit(vb))]


# --- gradient-boosted trees (depth-limited, histogram splits), numpy only ---------------


def _bins(x: Matrix, n: int = 32) -> list[Matrix]:
    return [
        np.unique(np.quantile(x[:, j], np.linspace(0, 1, n + 1)[1:-1])) for j in range(x.shape[1])
    ]


def _binned(x: Matrix, edges: list[Matrix]) -> Matrix:
    return np.stack([np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(edges)], 1)


def _tree(xb: Matrix, g: Matrix, h: Matrix, depth: int, lam: float = 1.0, leaf: int = 20) -> list:
    """Nodes (feature, bin, left, right) or leaves (-1, value); node 0 is the root."""
    nodes: list = []
    nbins = int(xb.max()) + 2

    def grow(idx: Matrix, level: int) -> int:
        me = len(nodes)
        nodes.append(None)
        gs, hs = float(g[idx].sum()), float(h[idx].sum())
        best = (0.0, -1, -1)
        if level < depth and len(idx) >= 2 * leaf:
            for j in range(xb.shape[1]):
                col = xb[idx, j]
                gl = np.cumsum(np.bincount(col, g[idx], nbins))[:-1]
                hl = np.cumsum(np.bincount(col, h[idx], nbins))[:-1]
                cl = np.cumsum(np.bincount(col, minlength=nbins))[:-1]
                gain = gl**2 / (hl + lam) + (gs - gl) ** 2 / (hs - hl + lam) - gs**2 / (hs + lam)
                gain[(cl < leaf) | (len(idx) - cl < leaf)] = -1
                k = int(np.argmax(gain))
                if gain[k] > best[0]:
                    best = (float(gain[k]), j, k)
        if best[1] < 0:
            nodes[me] = (-1, -gs / (hs + lam))
            return me
        j, k = best[1], best[2]
        left = grow(idx[xb[idx, j] <= k], level + 1)
        right = grow(idx[xb[idx, j] > k], level + 1)
        nodes[me] = (j, k, left, right)
        return me

    grow(np.arange(len(g)), 0)
    return nodes


def _tree_predict(nodes: list, xb: Matrix) -> Matrix:
    out = np.zeros(len(xb))
    stack = [(0, np.arange(len(xb)))]
    while stack:
        n, idx = stack.pop()
        node = nodes[n]
        if node[0] < 0:
            out[idx] = node[1]
            continue
        j, k, left, right = node
        go = xb[idx, j] <= k
        stack += [(left, idx[go]), (right, idx[~go])]
    return out


def gbm(
    x: Matrix, y: Matrix, init: Matrix | None = None, rounds: int = 150, rate: float = 0.05
) -> Callable[[Matrix], Matrix]:
    edges = _bins(x)
    xb = _binned(x, edges)
    base = 0.0 if init is not None else math.log(y.mean() / (1 - y.mean()))
    f = (np.zeros(len(y)) if init is None else init.copy()) + base
    trees = []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        nodes = _tree(xb, p - y, p * (1 - p), depth=2)
        f += rate * _tree_predict(nodes, xb)
        trees.append(nodes)

    def predict(xt: Matrix) -> Matrix:
        tb = _binned(xt, edges)
        return base + rate * sum((_tree_predict(t, tb) for t in trees), np.zeros(len(xt)))

    return predict


def cv(x: Matrix, y: Matrix, fold: Matrix, how: str = "lr") -> float:
    accs = []
    for k in range(int(fold.max()) + 1):
        tr, te = fold != k, fold == k
        if how == "lr":
            m = margin(fit(x[tr], y[tr]), x[te])
        elif how == "gbm":
            m = gbm(x[tr], y[tr])(x[te])
        else:  # trees boosting from the regression's margin
            lr = fit(x[tr], y[tr])
            m = margin(lr, x[te]) + gbm(x[tr], y[tr], margin(lr, x[tr]))(x[te])
        accs.append(float(np.mean((m > 0) == y[te])))
    return float(np.mean(accs))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--splits", type=int, default=5, help="random 10-fold splits besides mod 10")
    ap.add_argument("--gbm", action="store_true")
    ap.add_argument("--val", action="store_true", help="also score MSRP val (once per family)")
    args = ap.parse_args()
    train = prepared(load(args.data / "msr-para-train.tsv"))
    val = prepared(load(args.data / "msr-para-val.tsv"))
    x, y = features(train)
    weights = learn_weights(train)
    xv = np.array([pair_features(a, b, c, weights) for a, b, c, _ in val])
    yv = np.array([r[3] for r in val])
    rng = np.random.default_rng(0)
    folds = [np.arange(len(y)) % 10] + [rng.permutation(len(y)) % 10 for _ in range(args.splits)]
    sif = Sif(train)
    families: dict[str, Callable[[SentenceInfo, SentenceInfo], list[float]]] = {
        "numbers": numbers,
        "sif": sif,
        "residual": residual,
    }
    header = "mod-10 split, then random splits"
    print(f"MSRP train {len(y)} pairs, val {len(yv)}; 10-fold CV accuracy ({header})")

    def show(name: str, xt: Matrix, xval: Matrix) -> None:
        scores = [cv(xt, y, f) for f in folds]
        line = f"  {name:<22} " + " ".join(f"{s:.4f}" for s in scores)
        line += f"  mean {np.mean(scores):.4f}"
        if args.val:
            acc = float(np.mean((margin(fit(xt, y), xval) > 0) == yv))
            line += f"  val {acc:.3f}"
        print(line, flush=True)

    show("shipped features", x, xv)
    for name, fn in families.items():
        extra = np.array([fn(a, b) for a, b, _, _ in train])
        extra_v = np.array([fn(a, b) for a, b, _, _ in val])
        show(f"+ {name}", np.hstack([x, extra]), np.hstack([xv, extra_v]))
    held = np.zeros(len(y))
    for k in range(10):
        tr, te = folds[0] != k, folds[0] == k
        held[te] = margin(fit(x[tr], y[tr]), x[te])
    prob = 1 / (1 + np.exp(-held))
    sweep = ", ".join(f"{t}: {np.mean((prob >= t) == y):.4f}" for t in (0.4, 0.45, 0.5, 0.55, 0.6))
    print(f"  threshold (mod-10 split, held-out probabilities): {sweep}")
    if args.gbm:
        for how in ("gbm", "lr+gbm"):
            print(f"  {how:<22} {cv(x, y, folds[0], how):.4f} (mod-10 split)", flush=True)


if __name__ == "__main__":
    main()
