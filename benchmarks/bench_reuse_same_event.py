"""How many same-event news pairs ``compare`` calls derived: a check against false reuse.

Usage: python benchmarks/bench_reuse_same_event.py ../shared/data/ecbplus/ecbplus.jsonl \
           --label event [--second-look 0.5] [--sample 5]

Articles of one real event from different outlets are mostly independent reports; a
rule that turns many of them into ``rewrite`` miscounts a story's independent sources.
Prints the relation counts over every pair of articles sharing the gold label, and a
random sample of the pairs called ``rewrite`` (ids and openings) to read.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsprism.reuse.prepare import prepare

# the module: ``newsprism.reuse.compare`` the attribute is the function of that name
comparer = importlib.import_module("newsprism.reuse.compare")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, help="JSONL with id, text and the label field")
    ap.add_argument("--label", default="event")
    ap.add_argument("--second-look", type=float, default=None)
    ap.add_argument("--sample", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    comparer.SECOND_LOOK_REWORD = args.second_look
    docs = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for d in docs:
        groups[str(d[args.label])].append(d)
    counts: Counter[str] = Counter()
    rewrites: list[tuple[str, str]] = []
    t0 = time.process_time()
    for _, members in sorted(groups.items()):
        preps = [prepare(d["text"]) for d in members]
        for (i, a), (j, b) in itertools.combinations(enumerate(preps), 2):
            relation = comparer.compare_prepared(a, b).relation
            counts[relation] += 1
            if relation == "rewrite":
                rewrites.append((members[i]["id"], members[j]["id"]))
    total = sum(counts.values())
    print(
        f"second look: {args.second_look}; {total} same-{args.label} pairs in {len(groups)} groups"
    )
    print("relations:", ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    print(f"CPU {time.process_time() - t0:.1f} s")
    text = {d["id"]: " ".join(d["text"].split()) for d in docs}
    for a, b in random.Random(args.seed).sample(rewrites, min(args.sample, len(rewrites))):
        print(f"--- {a} | {text[a][:240]}\n    {b} | {text[b][:240]}")


if __name__ == "__main__":
    main()
