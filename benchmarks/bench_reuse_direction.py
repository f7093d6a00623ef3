"""Who copied whom: the direction of derived pairs built from real ECB+ news text.

Usage: python benchmarks/bench_reuse_direction.py [../shared/data/ecbplus] [--sources 150]

No labelled corpus gives the direction of real reuse, so the derivations are made here,
with a known source, from real articles (ECB+, one sentence a line): for each of
``--sources`` articles of at least 6 body lines (URL lines dropped), one derived version
per scenario, compared with its source in a random order (``compare_prepared`` with
:class:`~newsprism.model.Article` metadata, as ``analyze`` does):

* ``trim``: the first 60 % of the lines (a wire story cut to fit);
* ``trim+lede``: the same with a new first line (a line of an article of another topic);
* ``pad``: the whole story plus two lines of another article of the same topic (local
  additions at the end);
* ``edit``: every line kept, 4 % of words dropped, 4 % replaced, 2 % added;
* ``*+time``: the same, with publication times (source 09:00, derived 12:00 the same
  day); ``*+date``: dates only, the same day for both;
* ``pad+credit``: ``pad``, the source's outlet "Associated Press" and a credit line
  naming it in the derived article.

Per scenario: how often the pair is derived (copy, edited, rewrite, partial) and, among
those, how often the direction is right, wrong, ``common-source`` or none.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _data import DEFAULT_DATA
from bench_reuse_scale import edit as edit_words
from newsprism.model import Article, RemovedLine
from newsprism.reuse.compare import compare_prepared
from newsprism.reuse.prepare import prepare
from newsprism.reuse.verdict import DERIVED

MIN_LINES = 6
TRIM = 0.6
WIRE = "Associated Press"


def body(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("http")]


def edit(lines: list[str], rng: random.Random, words: list[str]) -> list[str]:
    """The scale benchmark's light edit (4 % dropped, 4 % replaced, 2 % added), line by line."""
    return [edit_words(line, rng, words) for line in lines]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "ecbplus")
    ap.add_argument("--sources", type=int, default=150)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    t0 = time.perf_counter()
    rng = random.Random(args.seed)
    docs = [json.loads(line) for line in (args.data / "ecbplus.jsonl").open(encoding="utf-8")]
    lines = {d["id"]: body(d.get("text") or "") for d in docs}
    topic = {d["id"]: d["topic"] for d in docs}
    by_topic: dict[object, list[str]] = defaultdict(list)
    for d in docs:
        by_topic[d["topic"]].append(d["id"])
    pool = sorted(i for i, ls in lines.items() if len(ls) >= MIN_LINES)
    sources = rng.sample(pool, min(args.sources, len(pool)))
    words = [w for i in rng.sample(sorted(lines), 200) for ln in lines[i] for w in ln.split()]
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for k, sid in enumerate(sources):
        src = lines[sid]
        cut = src[: max(3, round(TRIM * len(src)))]
        other_topic = rng.choice([i for i in pool if topic[i] != topic[sid]])
        same = [i for i in by_topic[topic[sid]] if i != sid and len(lines[i]) >= 2]
        extra = lines[rng.choice(same)][-2:] if same else lines[other_topic][-2:]
        made = {
            "trim": cut,
            "trim+lede": [rng.choice(lines[other_topic]), *cut[1:]],
            "pad": [*src, *extra],
            "edit": edit(src, rng, words),
        }
        for name in list(made):
            made[name + "+time"] = made[name]
            made[name + "+date"] = made[name]
        made["pad+credit"] = made["pad"]
        ps = prepare("\n".join(src))
        for name, derived_lines in made.items():
            s_meta: dict[str, object] = {}
            d_meta: dict[str, object] = {}
            if name.endswith("+time"):
                s_meta["published"] = "2013-05-02T09:00:00"
                d_meta["published"] = "2013-05-02T12:00:00"
            elif name.endswith("+date"):
                s_meta["published"] = d_meta["published"] = "2013-05-02"
            elif name.endswith("+credit"):
                s_meta["outlet"] = WIRE
                d_meta["removed"] = (RemovedLine(f"The {WIRE} contributed.", "credit", (WIRE,)),)
            s_meta.setdefault("outlet", f"Outlet {k}")
            d_meta.setdefault("outlet", f"Other {k}")
            s = Article(f"s{k}", "\n".join(src), **s_meta)  # type: ignore[arg-type]
            d = Article(f"d{k}", "\n".join(derived_lines), **d_meta)  # type: ignore[arg-type]
            pd = prepare(d.text)
            source_first = rng.random() < 0.5
            if source_first:
                result = compare_prepared(ps, pd, s, d)
                right, wrong = "a->b", "b->a"
            else:
                result = compare_prepared(pd, ps, d, s)
                right, wrong = "b->a", "a->b"
            t = tally[name]
            t["pairs"] += 1
            if result.relation not in DERIVED and result.relation != "partial":
                t["not derived"] += 1
                continue
            t["derived"] += 1
            t[result.relation] += 1
            where = result.direction
            t[
                "right"
                if where == right
                else "wrong"
                if where == wrong
                else "common-source"
                if where == "common-source"
                else "none"
            ] += 1
    print(f"{len(sources)} sources from {args.data / 'ecbplus.jsonl'} (seed {args.seed})")
    print(
        "| scenario | derived | copy / edited / rewrite / partial "
        "| right | wrong | common source | none |"
    )
    print("|---|---:|---|---:|---:|---:|---:|")
    for name, t in tally.items():
        n = t["derived"] or 1
        print(
            f"| {name} | {t['derived']}/{t['pairs']} | {t['copy']} / {t['edited']} / "
            f"{t['rewrite']} / {t['partial']} | {t['right'] / n:.2f} | {t['wrong'] / n:.2f} | "
            f"{t['common-source'] / n:.2f} | {t['none'] / n:.2f} |"
        )
    print(f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
