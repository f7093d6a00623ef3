"""Per annotated ECB+ fact: the group that covers most of its articles, its verdict, and
its members' values -- for reading why a grouped fact gets the wrong verdict.

    PREP=/tmp/prep.pkl python benchmarks/diag_claims_verdicts.py [imprecise|conflict|agree|all]

``PREP`` caches the prepared stories (parse, claims, entities, families:
``bench_claims_facts.prepare``); delete it after a change to extraction.  The last line
counts facts by annotated verdict: right (True), another verdict (False), or no group
covering two of its articles ("unfound").  Matching of evidence phrases is score.py's.
"""

from __future__ import annotations

import collections
import json
import os
import sys
from pathlib import Path

from _data import DEFAULT_DATA
from bench_claims_facts import SCORE, prepare_cached
from newsprism.claims import group_claims

sys.path.insert(0, str(SCORE.parent))
import score as S

#: The verdicts score.py accepts for each annotated verdict.
WANT = {
    "agree": {"corroborated"},
    "conflict": {"conflicting"},
    "imprecise": {"imprecise", "conflicting"},
}


def main() -> None:
    show = sys.argv[1] if len(sys.argv) > 1 else "imprecise"
    data = Path(os.environ.get("DATA", str(DEFAULT_DATA)))
    prepared = prepare_cached(data)
    gold = json.loads((data / "ecbplus" / "facts.json").read_text(encoding="utf-8"))
    tot: collections.Counter[tuple[str, object]] = collections.Counter()
    for p, st in zip(prepared, gold, strict=True):
        claims2, groups = group_claims(p.claims, p.articles, p.families, p.entities)
        cl = {c.id: c for c in claims2}
        for f in st["shared_facts"]:
            ev = [(e["article"], collections.Counter(S.toks(e["phrase"]))) for e in f["evidence"]]
            best = None
            for g in groups:
                hit = {
                    art
                    for cid in g.claims
                    for art, ph in ev
                    if cl[cid].article == art and S.covers(ph, cl[cid].text)
                }
                if len(hit) >= 2 and (best is None or len(hit) > best[1]):
                    best = (g, len(hit))
            if best is None:
                tot[(f["verdict"], "unfound")] += 1
                continue
            g = best[0]
            ok = g.verdict in WANT[f["verdict"]]
            tot[(f["verdict"], ok)] += 1
            if (show == f["verdict"] and not ok) or show == "all":
                note = f.get("note", "")[:120]
                print(f"\n### {f['verdict']} {f['kind']} -> {g.verdict}: {f['fact']} | {note}")
                for s in g.sides:
                    print(f"   side: {s.text[:150]}")
                for cid in g.claims:
                    c = cl[cid]
                    vals = [(v.kind, v.text) for v in c.values]
                    print(f"   {c.article} [{c.kind}/{c.polarity}] {vals} {c.text[:130]}")
    print(dict(sorted(tot.items(), key=str)))


if __name__ == "__main__":
    main()
