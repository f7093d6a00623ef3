"""Can any pair signal rescue Clough's missed heavy revisions without calling news reuse?

Usage: python benchmarks/bench_reuse_clough_signals.py ../shared/data/clough-stevenson \
           ../shared/data/ecbplus/ecbplus.jsonl

Measures, does not tune.  ``compare`` misses four derived Clough & Stevenson answers;
two ("cut" from parts of the Wikipedia article outside the given source) have nothing
in the source to find, two heavy revisions follow the source point by point in loose
paraphrase.  A rule that rescues those two must fire on pairs the first look calls
``independent`` -- and on ECB+ (982 news articles, 86 gold events) such pairs are
independent reports of one event from different outlets.  For each candidate signal the
script prints the two heavy answers' values, how many of the Clough "non" answers reach
the weaker of the two, and how many ECB+ same-event pairs do: a usable signal needs
both counts near zero.  Only pairs of which the first look says ``independent`` and
with more than two sentences on one side (``compare``'s path for articles) are scored.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rapidfuzz.distance import LCSseq

from newsprism.reuse import align as aligner
from newsprism.reuse.compare import SHORT_SENTENCES, judge
from newsprism.reuse.prepare import Prepared, prepare, stem
from newsprism.reuse.text import STOP
from newsprism.reuse.verdict import DERIVED, verdict
from train_reuse_level_model import read

Signal = Callable[[Prepared, Prepared], float]


def _stems(p: Prepared, names: bool) -> list[str]:
    """Content stems of unquoted words in text order; names and numbers optional."""
    d, out = p.doc, []
    for sent in d.sentences:
        for k in range(sent.first, sent.last):
            word = d.words[k]
            if d.quoted[k] or word in STOP:
                continue
            raw = d.text[d.starts[k] : d.ends[k]]
            name = any(c.isdigit() for c in raw) or (raw[:1].isupper() and k != sent.first)
            if names or not name:
                out.append(stem(word))
    return out


def _smaller_first(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    return (a, b) if len(a) <= len(b) else (b, a)


def lcs_share(names: bool) -> Signal:
    """Order-keeping common content stems, as a share of the smaller text's."""

    def f(a: Prepared, b: Prepared) -> float:
        sa, sb = _smaller_first(_stems(a, names), _stems(b, names))
        return LCSseq.similarity(sa, sb) / max(1, len(sa))

    return f


def bigram_share(a: Prepared, b: Prepared) -> float:
    """Consecutive content-stem pairs (names left out) the two texts share."""
    sa, sb = _smaller_first(_stems(a, False), _stems(b, False))
    ga, gb = set(itertools.pairwise(sa)), set(itertools.pairwise(sb))
    return len(ga & gb) / max(1, len(ga))


def order_gain(a: Prepared, b: Prepared) -> float:
    """How far the stem LCS exceeds its value with the smaller text's words shuffled.

    A rewrite keeps its source's order of points; two texts on one topic share words
    in any order.  Mean of 20 seeded shuffles, as a share of the smaller text.
    """
    sa, sb = _smaller_first(_stems(a, False), _stems(b, False))
    rng = random.Random(1)
    shuffled = []
    for _ in range(20):
        q = sa[:]
        rng.shuffle(q)
        shuffled.append(LCSseq.similarity(q, sb))
    return (LCSseq.similarity(sa, sb) - float(np.mean(shuffled))) / max(1, len(sa))


def carried_details(a: Prepared, b: Prepared) -> float:
    """Share of the smaller text's stems that the larger mentions exactly once.

    Words a text repeats are its topic, which any text on it shares; words it mentions
    once are details, which a rewrite carries over and an independent text rarely does.
    """
    sa, sb = _smaller_first(_stems(a, False), _stems(b, False))
    once = {w for w, n in Counter(sb).items() if n == 1}
    return len(set(sa) & once) / max(1, len(set(sa)))


def sentence_cover(threshold: float) -> Signal:
    """Words of the smaller text in sentences with a counterpart above ``threshold``.

    Many-to-one: a rewrite that splits one source sentence in three still counts.
    """

    def f(a: Prepared, b: Prepared) -> float:
        if a.doc.unquoted_count() > b.doc.unquoted_count():
            a, b = b, a
        sim = aligner._similarity(a, b)
        sizes = np.array([s.size for s in a.sentences], dtype=float)
        if not sim.size or not sizes.sum():
            return 0.0
        return float(sizes[sim.max(1) >= threshold].sum() / sizes.sum())

    return f


def lenient(threshold: float, derived: bool) -> Signal:
    """The aligner with a lower reworded-sentence threshold (compare's "second look")."""

    def f(a: Prepared, b: Prepared) -> float:
        al = aligner.align(a, b, threshold)
        if derived:
            return float(verdict(al.features, len(al.passages)) in DERIVED)
        fe = al.features
        return fe.aligned_a if fe.words_a <= fe.words_b else fe.aligned_b

    return f


SIGNALS: dict[str, Signal] = {
    "content-stem LCS share": lcs_share(True),
    "content-stem LCS share, names left out": lcs_share(False),
    "shared content-stem bigrams": bigram_share,
    "order gain over shuffled words": order_gain,
    "details carried (stems the larger text has once)": carried_details,
    "sentence cover, similarity >= 0.4 (many-to-one)": sentence_cover(0.4),
    "aligned share, reworded threshold 0.5": lenient(0.5, False),
    "derived on a second look at 0.5": lenient(0.5, True),
    "derived on a second look at 0.45": lenient(0.45, True),
}


def canonical(a: Prepared, b: Prepared) -> tuple[Prepared, Prepared]:
    """The order compare aligns a pair in (alignment ties break by position)."""
    return (a, b) if (len(a.doc.text), a.doc.text) <= (len(b.doc.text), b.doc.text) else (b, a)


def independent(a: Prepared, b: Prepared) -> bool:
    """Whether compare's first look at this (canonical) article pair says "independent"."""
    if max(len(a.doc.sentences), len(b.doc.sentences)) <= SHORT_SENTENCES:
        return False
    return judge(a, b)[1] == "independent"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("clough", type=Path)
    ap.add_argument("ecbplus", type=Path, help="JSONL with id, text and event")
    args = ap.parse_args()
    t0 = time.process_time()
    with open(args.clough / "file_information.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Category"] != "orig"]
    sources = {t: prepare(read(args.clough / f"orig_task{t}.txt")) for t in "abcde"}
    clough: list[tuple[str, str, Prepared, Prepared]] = []
    for r in rows:
        answer, src = canonical(prepare(read(args.clough / r["File"])), sources[r["Task"]])
        if independent(answer, src):
            clough.append((r["File"], r["Category"], answer, src))
    groups: dict[str, list[Prepared]] = defaultdict(list)
    for line in args.ecbplus.open(encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            groups[str(d["event"])].append(prepare(d["text"]))
    news = [
        pair
        for members in groups.values()
        for pair in (canonical(a, b) for a, b in itertools.combinations(members, 2))
        if independent(*pair)
    ]
    derived = [c for c in clough if c[1] != "non"]
    non = [c for c in clough if c[1] == "non"]
    print(
        f"first look independent: Clough derived {[c[0] for c in derived]}, "
        f"{len(non)} non; ECB+ {len(news)} same-event pairs"
    )
    print(
        "| signal | missed derived answers | Clough non max | non >= weaker heavy "
        "| ECB+ pairs >= weaker heavy |"
    )
    print("| --- | --- | --- | --- | --- |")
    for name, fn in SIGNALS.items():
        mine = [fn(a, b) for _, _, a, b in derived]
        heavy = [v for v, c in zip(mine, derived, strict=True) if c[1] == "heavy"]
        bar = min(heavy)
        nv = [fn(a, b) for _, _, a, b in non]
        ev = np.array([fn(a, b) for a, b in news])
        shown = " / ".join(f"{c[1]} {v:.3f}" for v, c in zip(mine, derived, strict=True))
        print(
            f"| {name} | {shown} | {max(nv):.3f} | {sum(v >= bar for v in nv)} "
            f"| {int((ev >= bar).sum())} |"
        )
    print(f"CPU {time.process_time() - t0:.1f} s")


if __name__ == "__main__":
    main()
