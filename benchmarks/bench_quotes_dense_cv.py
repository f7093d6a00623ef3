"""Do dense context vectors help the cue classifier?  (A negative result, kept to rerun.)

Usage: python benchmarks/bench_quotes_dense_cv.py TRAIN_DIR --cache FILE.spacy
       --tensors FILE.npz [--hold-out 300:600] [--lam 3] [--dense-div 10] [--wordllama]

The sparse cue classifier (``newsprism.quotes.cues.cue_features``) gives
"have", "want", "support" one weight whatever they govern.  This script asks
whether spaCy's own contextual vectors, which the production parse computes
anyway (``doc.tensor``, the 96-d tok2vec output of en_core_web_sm), separate
attribution uses from others: the verb's, its subject head's and its
complement head's vectors are added to the sparse features, and both models
are fitted by full-batch L2 logistic regression (scipy L-BFGS) on one half of
the training articles and scored on the other (two contiguous folds, so
publishers differ).  It prints held-out log loss, average precision and the
recall at the broad-mode thresholds, for all verbs and for the ambiguous ones.

DocBin does not store ``doc.tensor``, so the first run parses the articles and
writes the tensors (float16, one array per article) to ``--tensors``.
``--wordllama`` adds the static wordllama vectors of the three lemmas.  Train
split only; scipy (installed with datasketch) is needed here, not in the package.
"""

from __future__ import annotations

import argparse
import functools
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse
from spacy.tokens import Doc, Token

from newsprism import nlp
from newsprism.quotes import CAPABILITIES
from newsprism.quotes.cues import cue_features, source_of
from newsprism.quotes.layout import Layout

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_quotes_polnear import Attr, read_gold
from bench_quotes_train_model import MIN_COUNT, _parses

DIM = 96
AMBIGUOUS = {"have", "make", "support", "want", "see", "take", "show", "think", "believe"}
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "attr", "acomp", "oprd")
Rows = tuple[list[list[str]], np.ndarray, np.ndarray, list[str]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--cache", type=Path, required=True, help="DocBin of the parses")
    ap.add_argument("--tensors", type=Path, required=True, help="npz of doc.tensor per article")
    ap.add_argument("--hold-out", default="300:600", help="A:B, articles left out entirely")
    ap.add_argument("--lam", type=float, default=3.0, help="L2 strength")
    ap.add_argument("--dense-div", type=float, default=10.0, help="extra shrink of dense part")
    ap.add_argument(
        "--wordllama", action="store_true", help="add wordllama vectors of the three lemmas"
    )
    args = ap.parse_args()
    by_article: dict[str, Path] = {}
    for ann in sorted((args.train / "attributions").glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    items = list(by_article.items())
    texts = [(args.train / "text" / f"{n}.txt").read_text(encoding="utf-8") for n, _ in items]
    docs = _parses(texts, args.cache)
    _attach_tensors(docs, texts, args.tensors)
    golds = [read_gold(ann, doc.text) for doc, (_, ann) in zip(docs, items, strict=True)]
    a, b = (int(x) for x in args.hold_out.split(":"))
    docs, golds = docs[:a] + docs[b:], golds[:a] + golds[b:]
    rows = [_examples(d, g, args.wordllama) for d, g in zip(docs, golds, strict=True)]
    half = len(rows) // 2
    folds = [(range(half, len(rows)), range(half)), (range(half), range(half, len(rows)))]
    for use_dense in (False, True):
        ps: list[float] = []
        ys: list[int] = []
        lems: list[str] = []
        for fit, test in folds:
            model = _fit([rows[i] for i in fit], use_dense, args.lam, args.dense_div)
            for i in test:
                feats, dense, y, lem = rows[i]
                ps += list(model(feats, dense))
                ys += list(y)
                lems += lem
        name = "sparse + tok2vec" + (" + wordllama" if args.wordllama else "")
        _report(name if use_dense else "sparse", np.array(ps), np.array(ys), lems)
    return 0


def _complement(tok: Token) -> Token | None:
    for dep in _COMPLEMENTS:
        for child in tok.children:
            if child.dep_ == dep:
                return child
    for child in tok.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _dense(tok: Token, wordllama: bool) -> np.ndarray:
    """Verb, subject-head and complement-head vectors and two presence flags.

    With ``wordllama`` the static wordllama vectors of the three lemmas follow.
    """
    t = tok.doc.tensor
    out = np.zeros(3 * DIM + 2, dtype=np.float32)
    out[:DIM] = t[tok.i]
    src, comp = source_of(tok), _complement(tok)
    if src is not None:
        out[DIM : 2 * DIM], out[3 * DIM] = t[src.i], 1.0
    if comp is not None:
        out[2 * DIM : 3 * DIM], out[3 * DIM + 1] = t[comp.i], 1.0
    if not wordllama:
        return out
    words = [str(x.lemma_).lower() if x is not None else "" for x in (tok, src, comp)]
    return np.concatenate([out, *(_word_vector(w) for w in words)])


@functools.cache
def _word_vector(word: str) -> np.ndarray:
    from newsprism.reuse import embed  # the product's own wordllama loader (no download)

    return np.asarray(embed.embed([word])[0], dtype=np.float32)


def _examples(doc: Doc, gold: list[Attr], wordllama: bool) -> Rows:
    cue_chars = {i for g in gold for x, y in g.cue for i in range(x, y)}
    lay = Layout(doc)
    feats, dense, labels, lems = [], [], [], []
    for tok in doc:
        if tok.pos_ == "VERB" and not lay.in_quote(tok.i):
            feats.append(cue_features(tok, lay))
            dense.append(_dense(tok, wordllama))
            labels.append(int(tok.idx in cue_chars))
            lems.append(str(tok.lemma_).lower())
    width = len(dense[0]) if dense else 3 * DIM + 2
    arr = np.array(dense, dtype=np.float32).reshape(-1, width)
    return feats, arr, np.array(labels), lems


def _fit(rows: list[Rows], use_dense: bool, lam: float, div: float):  # type: ignore[no-untyped-def]
    """Full-batch L2 logistic regression; returns a scorer of (features, dense)."""
    feats = [f for r in rows for f in r[0]]
    y = np.concatenate([r[2] for r in rows]).astype(np.float64)
    counts = Counter(f for fs in feats for f in fs)
    index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}

    def matrix(fs: list[list[str]], dense: np.ndarray) -> sparse.csr_matrix:
        pairs = [(r, index[f]) for r, row in enumerate(fs) for f in set(row) if f in index]
        rr, cc = zip(*pairs, strict=True) if pairs else ((), ())
        m = sparse.csr_matrix((np.ones(len(rr)), (rr, cc)), shape=(len(fs), len(index)))
        if use_dense:
            m = sparse.hstack([m, sparse.csr_matrix((dense - mu) / sd)]).tocsr()
        return m

    dense_all = np.concatenate([r[1] for r in rows])
    mu = dense_all.mean(axis=0)
    sd = (dense_all.std(axis=0) + 1e-3) * math.sqrt(dense_all.shape[1] / 32) * div
    x = matrix(feats, dense_all)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = np.empty_like(theta)
        grad[:-1] = x.T @ (p - y) + lam * w
        grad[-1] = (p - y).sum()
        return float((np.logaddexp(0, z) - y * z).sum() + 0.5 * lam * (w @ w)), grad

    theta = optimize.minimize(
        loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    ).x

    def score(fs: list[list[str]], dense: np.ndarray) -> np.ndarray:
        z = matrix(fs, dense) @ theta[:-1] + theta[-1]
        return np.asarray(1 / (1 + np.exp(-np.clip(z, -30, 30))))

    return score


def _report(name: str, ps: np.ndarray, ys: np.ndarray, lems: list[str]) -> None:
    ll = -np.mean(np.log(np.where(ys == 1, ps, 1 - ps) + 1e-12))
    print(f"{name}: held-out log loss {ll:.4f} over {len(ys)} verbs")
    mask = np.array([lem in AMBIGUOUS for lem in lems])
    for what, m in (("all verbs", np.ones_like(mask)), ("ambiguous verbs", mask)):
        p, y = ps[m], ys[m]
        order = np.argsort(-p)
        prec = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
        ap_ = float((prec * y[order]).sum() / max(1, y.sum()))
        r5, r25 = (float(y[p >= t].sum() / max(1, y.sum())) for t in (0.5, 0.25))
        print(
            f"  {what}: {len(y)} ({int(y.sum())} cues) AP {ap_:.3f}, "
            f"recall at p>=0.5 {r5:.3f}, at p>=0.25 {r25:.3f}"
        )


def _attach_tensors(docs: list[Doc], texts: list[str], path: Path) -> None:
    """Give each cached parse its tok2vec tensor, parsing once to make the file."""
    if not path.exists():
        arrays = {
            f"d{k}": d.tensor.astype(np.float16)
            for k, d in enumerate(nlp.parse(texts, CAPABILITIES))
        }
        np.savez(path, **arrays)  # type: ignore[arg-type]
    with np.load(path) as data:
        for k, doc in enumerate(docs):
            t = data[f"d{k}"].astype(np.float32)
            assert t.shape == (len(doc), DIM), "tensor file does not match the parses"
            doc.tensor = t


if __name__ == "__main__":
    raise SystemExit(main())
