"""Train the claims pair model shipped as ``artifacts/data/claims_pairs.json``.

    python benchmarks/train_claims_pairs.py [--data DATA_DIR] [--write]

Data: ECB+ ``facts.json`` (15 events, 262 facts shared by two or more articles,
each with an evidence phrase per article).  Every candidate pair the aligner
scores (:func:`newsprism.claims.align.scored_pairs`) is labelled 1 when both
claims cover the evidence phrase of one fact in their articles (score.py's
rule: half the phrase's words), else 0.  A logistic regression with an L2
penalty is fitted on :data:`~newsprism.claims.align.PAIR_FEATURES`.

Honest figures: 5 folds by event (3 events each).  For each fold the model is
fitted on the other 12 events, its join threshold picked on those 12 by
score.py's facts-right share (the highest threshold within 0.01 of the best),
and the 3 held-out events are grouped and scored with it; the held-out dossiers
of the five folds are scored together.  The shipped model is then fitted on all
15 events with the threshold picked on all.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

import numpy as np

from _data import DEFAULT_DATA
from bench_claims_facts import Prepared, prepare, prepare_cached, run, score
from newsprism import artifacts
from newsprism.claims.align import PAIR_FEATURES, PairModel, scored_pairs
from newsprism.claims.features import EntityIndex, features
from newsprism.claims.group import _idf, _vectors

FOLDS = 5
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
RIDGE = 1.0
TOLERANCE = 0.035


def _toks(s: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", s.lower().replace("’", "'")))


def _covers(phrase: Counter[str], text: str) -> bool:
    return sum((phrase & _toks(text)).values()) >= 0.5 * sum(phrase.values())


def pairs(p: Prepared, facts: list[dict[str, object]]) -> tuple[np.ndarray, np.ndarray]:
    index = EntityIndex(p.entities)
    feats = [features(c, index) for c in p.claims]
    idf = _idf(feats)
    cand = scored_pairs(p.claims, feats, _vectors(p.claims), idf)
    fact_of: list[set[int]] = [set() for _ in p.claims]
    for n, f in enumerate(facts):
        ev = {e["article"]: _toks(e["phrase"]) for e in f["evidence"]}  # type: ignore[index]
        for i, c in enumerate(p.claims):
            ph = ev.get(c.article)
            if ph and _covers(ph, c.text):
                fact_of[i].add(n)
    x = np.array([f for _, _, f in cand], dtype=float).reshape(-1, len(PAIR_FEATURES))
    y = np.array([1.0 if fact_of[i] & fact_of[j] else 0.0 for i, j, _ in cand])
    return x, y


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, tuple[float, ...]]:
    """L2 logistic regression by Newton's method (a dozen features: no library needed)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * RIDGE
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), tuple(float(v) for v in w[1:])


def headline(report: str) -> float:
    m = re.search(r"facts right \d+/\d+ \(([\d.]+)\)", report)
    return float(m.group(1)) if m else 0.0


def best_threshold(stories: list[Prepared], bias: float, w: tuple[float, ...], data: Path) -> float:
    scores = {
        t: headline(score(run(stories, PairModel(bias, w, t)), data, quiet=True))
        for t in THRESHOLDS
    }
    # the highest threshold within TOLERANCE of the best score: a looser threshold adds
    # groups on facts nobody annotated (the hand check found most of those wrong), so
    # recall is only bought with precision when it buys a real gain.  TOLERANCE was 0.01
    # until a second hand check (helper, 10 stories) found groups of three or more
    # gathering stray members at the 0.1 that rule picked: 3+ groups 0.87 -> 0.72 lenient
    best = max(scores.values())
    return max(t for t in THRESHOLDS if scores[t] >= best - TOLERANCE)


def main() -> None:
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--write", action="store_true", help="write the shipped artefact")
    args = ap.parse_args()
    gold = json.loads((args.data / "ecbplus" / "facts.json").read_text(encoding="utf-8"))
    facts = {s["story"]: s["shared_facts"] for s in gold}
    # PREP names a pickle of the parse (bench_claims_facts.prepare_cached): the same
    # parse for a base and a branch, and minutes saved per run
    stories = prepare_cached(args.data) if os.environ.get("PREP") else prepare(args.data)
    xy = {p.name: pairs(p, facts[p.name]) for p in stories}
    pos = sum(int(y.sum()) for _, y in xy.values())
    print(f"{sum(len(y) for _, y in xy.values())} candidate pairs, {pos} positive")
    held: list[dict[str, list[object]]] = []
    for k in range(FOLDS):
        test = [p for n, p in enumerate(stories) if n % FOLDS == k]
        train = [p for n, p in enumerate(stories) if n % FOLDS != k]
        x = np.vstack([xy[p.name][0] for p in train])
        y = np.concatenate([xy[p.name][1] for p in train])
        bias, w = fit(x, y)
        t = best_threshold(train, bias, w, args.data)
        print(f"fold {k}: threshold {t}, weights {[round(v, 2) for v in (bias, *w)]}")
        held.append(run(test, PairModel(bias, w, t)))
    merged = {key: [v for d in held for v in d[key]] for key in held[0]}
    print("\nheld out (5 folds by event):")
    report = score(merged, args.data)
    x = np.vstack([v[0] for v in xy.values()])
    y = np.concatenate([v[1] for v in xy.values()])
    bias, w = fit(x, y)
    t = best_threshold(stories, bias, w, args.data)
    print(f"\nall events: threshold {t}, weights {[round(v, 3) for v in (bias, *w)]}")
    insample = score(run(stories, PairModel(bias, w, t)), args.data)
    if args.write:
        cv = re.search(r"facts right (\d+)/(\d+).*conflicts (\d+)/(\d+)", report)
        ins = re.search(r"facts right (\d+)/(\d+)", insample)
        assert cv and ins
        path = artifacts.write(
            "claims_pairs",
            {"features": list(PAIR_FEATURES), "bias": bias, "weights": list(w), "threshold": t},
            data=[args.data / "ecbplus" / "facts.json", args.data / "ecbplus" / "ecbplus.jsonl"],
            command="python benchmarks/train_claims_pairs.py --write",
            metrics={
                "ecb_facts_right_heldout": int(cv.group(1)) / int(cv.group(2)),
                "ecb_conflicts_heldout": int(cv.group(3)),
                "ecb_facts_right_insample": int(ins.group(1)) / int(ins.group(2)),
                "candidate_pairs": float(len(y)),
                "positive_pairs": float(y.sum()),
            },
            notes="L2 logistic regression (ridge 1) on candidate pairs of ECB+ facts.json; "
            "held-out figure: 5 folds by event, threshold picked on training events.",
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
