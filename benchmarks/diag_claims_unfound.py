"""Why an annotated ECB+ fact is not one group across its articles: the step that lost it.

    PREP=/tmp/prep.pkl python benchmarks/diag_claims_unfound.py [--show]

For each shared fact of ``ecbplus/facts.json`` that no claim group holds in two of its
articles (score.py's matching), the cause, in pipeline order:

* ``extract``: fewer than two articles have a claim covering the evidence phrase;
* ``low``: the best pair of covering claims from two articles scores under the join
  threshold (with the quoted-speech penalty of :mod:`newsprism.claims.align`);
* ``two-claim rule``: the pair scores over the threshold, both claims end alone, and the
  pair is under the multiple of the threshold a group of two needs;
* ``article-block``: each claim of the pair sits in a group that already holds a claim
  of the other's article (a sentence stating several facts joins one group);
* ``average``: one claim joined a larger group, the other's mean link to it too weak;
* ``other``: split afterwards (values, folds).

``PREP`` caches the prepared stories (as ``diag_claims_verdicts.py``); delete it after a
change to extraction.  The last lines count causes by annotated verdict.
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
from newsprism.claims.align import (
    PAIR_ONLY,
    PAIR_STRONG,
    QUOTED_PENALTY,
    _one_quoted,
    _same_predicate,
    pair_model,
    scored_pairs,
)
from newsprism.claims.features import EntityIndex, features
from newsprism.claims.group import _idf, _vectors

sys.path.insert(0, str(SCORE.parent))
import score as S


def main() -> None:
    show = "--show" in sys.argv
    data = Path(os.environ.get("DATA", str(DEFAULT_DATA)))
    prepared = prepare_cached(data)
    gold = json.loads((data / "ecbplus" / "facts.json").read_text(encoding="utf-8"))
    model = pair_model()
    t = model.threshold
    causes: collections.Counter[tuple[str, str]] = collections.Counter()
    for p, st in zip(prepared, gold, strict=True):
        out, groups = group_claims(p.claims, p.articles, p.families, p.entities)
        group_of = {c.id: c.group for c in out}
        size = {g.id: len(g.claims) for g in groups}
        arts_of = {g.id: {c.split(":c")[0] for c in g.claims} for g in groups}
        idx = {c.id: i for i, c in enumerate(p.claims)}
        text_of = {c.id: c.text for c in out}  # the slots' own claims are not in p.claims
        index = EntityIndex(p.entities)
        feats = [features(c, index) for c in p.claims]
        prob = {}
        for i, j, x in scored_pairs(p.claims, feats, _vectors(p.claims), _idf(feats)):
            q = model.prob(x)
            prob[(i, j)] = q * QUOTED_PENALTY if _one_quoted(feats[i], feats[j]) else q
        for f in st["shared_facts"]:
            ev = [(e["article"], collections.Counter(S.toks(e["phrase"]))) for e in f["evidence"]]
            cover = {
                a: [c for c in p.claims if c.article == a and S.covers(ph, c.text)] for a, ph in ev
            }
            held = max(
                (
                    len(
                        {
                            a
                            for cid in g.claims
                            for a, ph in ev
                            if cid.split(":c")[0] == a and S.covers(ph, text_of[cid])
                        }
                    )
                    for g in groups
                ),
                default=0,
            )
            if held >= 2:
                continue
            best = max(
                (
                    (prob.get(tuple(sorted((idx[ca.id], idx[cb.id]))), -1.0), ca.id, cb.id)
                    for a in cover
                    for b in cover
                    if a < b
                    for ca in cover[a]
                    for cb in cover[b]
                ),
                default=None,
            )
            if best is None:
                cause = "extract"
            elif best[0] < t:
                cause = "low"
            else:
                q, ia, ib = best
                ga, gb = group_of[ia], group_of[ib]
                if size[ga] == 1 and size[gb] == 1:
                    pair = (idx[ia], idx[ib])
                    small = q < t * PAIR_ONLY or (
                        q < t * PAIR_STRONG and not _same_predicate(p.claims, pair)
                    )
                    cause = "two-claim rule" if small else "other"
                elif ga != gb and arts_of[ga] & arts_of[gb]:
                    cause = "article-block"
                else:
                    cause = "average"
            causes[(f["verdict"], cause)] += 1
            if show:
                print(f"[{cause}] {st['story']} {f['verdict']}/{f['kind']}: {f['fact']}")
    for (verdict, cause), n in sorted(causes.items()):
        print(f"{verdict:10s} {cause:15s} {n}")
    print("all:", dict(collections.Counter(c for (_, c) in causes.elements())))


if __name__ == "__main__":
    main()
