"""MSRP newswire sentence pairs: is ``compare`` a paraphrase detector?

Usage: python benchmarks/bench_reuse_msrp.py ../shared/data/msrp [--split val]

A pair counts as a paraphrase when ``compare`` calls it derived (copy, edited, rewrite).
Nothing is fitted on MSRP; the same verdict rules serve articles and sentences.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from newsprism.reuse import compare
from newsprism.reuse.verdict import DERIVED


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--split", default="val", choices=["train", "val"])
    args = ap.parse_args()
    path = args.data / f"msr-para-{args.split}.tsv"
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    t0 = time.perf_counter()
    tp = fp = fn = tn = 0
    for row in rows:
        gold = row[0] == "1"
        guess = compare(row[3], row[4]).relation in DERIVED
        tp += gold and guess
        fp += (not gold) and guess
        fn += gold and not guess
        tn += (not gold) and not guess
    n = tp + fp + fn + tn
    f1 = 2 * tp / (2 * tp + fp + fn)
    print(
        f"{args.split}: {n} pairs  accuracy {(tp + tn) / n:.3f}  F1 {f1:.3f}  "
        f"(tp {tp} fp {fp} fn {fn} tn {tn}; majority class {max(tp + fn, fp + tn) / n:.3f})"
    )
    print(f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
