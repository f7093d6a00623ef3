"""Where the judged-derived pairs the pair model misses stand on expression evidence.

Usage: python benchmarks/bench_reuse_judged_evidence.py [../shared/data/ecbplus]

Issue 17 asks for recall 0.95 on the 140 hand-judged same-event ECB+ pairs
(``reuse-judged.json``); four judged-derived pairs stay below the pair model's threshold
held out (``bench_reuse_judged.py``).  For each of them this prints how many of the 93
judged-*independent* pairs have at least as much of each kind of expression evidence the
texts carry (nothing is fitted): a measure can only find a missed pair without false
derived pairs if few independent pairs reach it.

Measures, on the two texts' expression trigrams (no name, number or quoted word:
``reuse.prepare.expression_grams``) and on the alignment (``reuse.align``):

* ``shared``: expression trigrams the two texts share;
* ``rare``: ... that no other ECB+ document has (phrasing found in these two texts only);
* ``idf``: the shared trigrams weighted by log(N / document frequency) over all ECB+
  documents (shared *unusual* phrasing; in-sample, for analysis only);
* ``spread``: shared trigrams outside the smaller text's sentence richest in them (one
  lifted sentence scores 0, a rewrite's phrasing is spread);
* ``borrowed``: unquoted words in verbatim or edited runs;
* ``chain``: the share of the smaller text's sentences in an order-keeping chain of
  similar sentences (the same points in the same order).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from _data import DEFAULT_DATA
from newsprism.reuse.align import align
from newsprism.reuse.compare import SHORT_SENTENCES
from newsprism.reuse.prepare import Prepared, prepare

MISSED = ("E015", "E033", "E070", "E136")  # held-out misses of bench_reuse_judged.py
MEASURES = ("shared", "rare", "idf", "spread", "borrowed", "chain")


def _spread(small: Prepared, other: frozenset[tuple[str, ...]]) -> int:
    """Shared trigrams outside the sentence of ``small`` that has most of them."""
    doc = small.doc
    per_sentence: Counter[int] = Counter()
    seen: set[tuple[str, ...]] = set()
    for i, sent in enumerate(doc.sentences):
        span = doc.words[sent.first : sent.last]
        for k in range(len(span) - 2):
            gram = span[k : k + 3]
            if gram in other and gram in small.expression and gram not in seen:
                seen.add(gram)
                per_sentence[i] += 1
    return len(seen) - max(per_sentence.values(), default=0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "ecbplus")
    args = ap.parse_args()
    texts: dict[str, str] = {}
    with (args.data / "ecbplus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            texts[doc["id"]] = doc.get("text") or ""
    prepared = {k: prepare(t) for k, t in texts.items()}
    df: Counter[tuple[str, ...]] = Counter()
    for p in prepared.values():
        df.update(p.expression)
    n_docs = len(prepared)
    judged = json.loads((args.data / "reuse-judged.json").read_text(encoding="utf-8"))
    rows: dict[str, tuple[str, dict[str, float]]] = {}
    for pair in judged:
        pa, pb = prepared[pair["a"]], prepared[pair["b"]]
        if max(len(pa.doc.sentences), len(pb.doc.sentences)) <= SHORT_SENTENCES:
            continue  # the sentence model's pairs (none among the judged ones)
        canonical = (len(pa.doc.text), pa.doc.text) <= (len(pb.doc.text), pb.doc.text)
        first, second = (pa, pb) if canonical else (pb, pa)
        f = align(first, second).features
        shared = pa.expression & pb.expression
        small, large = (pa, pb) if pa.doc.unquoted_count() <= pb.doc.unquoted_count() else (pb, pa)
        rows[pair["pair"]] = (
            pair["label"],
            {
                "shared": len(shared),
                "rare": sum(df[g] <= 2 for g in shared),
                "idf": sum(math.log(n_docs / df[g]) for g in shared),
                "spread": _spread(small, large.expression),
                "borrowed": f.borrowed,
                "chain": f.chain,
            },
        )
    independent = [m for label, m in rows.values() if label == "independent"]
    print(f"{len(rows)} judged pairs, {len(independent)} independent; {n_docs} ECB+ documents")
    print("missed pair (judged)   " + "  ".join(f"{m:>14}" for m in MEASURES))
    for pid in MISSED:
        label, mine = rows[pid]
        cells = []
        for m in MEASURES:
            above = sum(other[m] >= mine[m] for other in independent)
            cells.append(f"{mine[m]:>6.4g} ({above:>3} ind)")
        print(f"{pid} ({label:<9})      " + "  ".join(cells))
    print("(value, and how many independent pairs reach it)")
    for m in MEASURES:
        top = sorted(((v[m], k) for k, (lab, v) in rows.items() if lab == "independent"))[-3:]
        print(f"  most {m} among independent pairs: " + ", ".join(f"{k} {v:.4g}" for v, k in top))


if __name__ == "__main__":
    main()
