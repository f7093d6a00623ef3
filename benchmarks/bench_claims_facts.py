"""Claims across outlets on ECB+ hand-annotated shared facts, scored like the held-out checks.

    python benchmarks/bench_claims_facts.py [--data DATA_DIR] [--out DOSSIER] [--show]
    python benchmarks/bench_claims_facts.py --end-to-end [--pile]

Each of the 15 annotated events of ``ecbplus/facts.json`` is run as one story
(its 4-5 articles, no dates), through the same steps as ``analyze``: parse,
per-article claims, entities, then grouping and verdicts with the derivation
families of the reuse stage.  The claims and groups are written as a dossier
and scored by ``../shared/tools/score.py facts``; the same figures are printed
by verdict and kind.  ``--show`` prints every cross-article group for reading.

``--end-to-end`` runs each event's articles through the library's ``analyze`` as a
user would (a fresh in-memory store, the stories stage deciding what is one story);
``--pile`` gives it all 15 events' articles at once.  The difference from the first
mode is what the stories stage costs: facts whose articles land in different stories
are never compared.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _data import DEFAULT_DATA
from bench_claims import detokenise
from newsprism import nlp
from newsprism.claims import CAPABILITIES, extract_claims, group_claims
from newsprism.claims.align import PairModel
from newsprism.entities import merge_entities
from newsprism.model import Article, Claim, Entity, Story
from newsprism.reuse import analyze_reuse

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def stories(data: Path) -> list[tuple[str, list[Article]]]:
    facts = json.loads((data / "ecbplus" / "facts.json").read_text(encoding="utf-8"))
    rows = {}
    for line in (data / "ecbplus" / "ecbplus.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        rows[r["id"]] = r
    return [
        (s["story"], [Article(id=a, text=detokenise(rows[a]["text"])) for a in s["articles"]])
        for s in facts
    ]


@dataclass
class Prepared:
    """One story parsed once: its articles, claims, entities and derivation families."""

    name: str
    articles: list[Article]
    claims: list[Claim]
    entities: list[Entity]
    families: list[tuple[str, ...]]


def prepare(data: Path) -> list[Prepared]:
    out = []
    for name, arts in stories(data):
        docs = list(nlp.parse([a.text for a in arts], CAPABILITIES))
        claims = [c for a, d in zip(arts, docs, strict=True) for c in extract_claims(a, d)]
        ents = merge_entities([nlp.to_record(a.id, d) for a, d in zip(arts, docs, strict=True)])
        story = Story(id="s", title="", articles=tuple(a.id for a in arts))
        fams = [tuple(f) for f in analyze_reuse(arts, [story]).families]
        out.append(Prepared(name, arts, claims, list(ents), fams))
    return out


def prepare_cached(data: Path) -> list[Prepared]:
    """:func:`prepare`, kept in the pickle named by ``PREP`` for the diagnostic scripts
    (delete it after a change to extraction: it is not keyed by the code)."""
    cache = Path(os.environ.get("PREP", "/tmp/claims-facts-prep.pkl"))
    if cache.exists():
        prepared: list[Prepared] = pickle.loads(cache.read_bytes())
        return prepared
    prepared = prepare(data)
    cache.write_bytes(pickle.dumps(prepared))
    return prepared


def run(prepared: list[Prepared], model: PairModel | None = None) -> dict[str, Any]:
    """The dossier's claims, groups and articles for the prepared stories."""
    out_claims, out_groups, out_articles = [], [], []
    for p in prepared:
        claims2, groups = group_claims(p.claims, p.articles, p.families, p.entities, model=model)
        out_articles += [{"id": a.id, "text": a.text} for a in p.articles]
        out_claims += [{"id": c.id, "article": c.article, "text": c.text} for c in claims2]
        out_groups += [
            {
                "id": g.id,
                "topic": g.topic,
                "verdict": g.verdict,
                "claims": list(g.claims),
                "sides": [{"text": s.text, "claims": list(s.claims)} for s in g.sides],
            }
            for g in groups
        ]
    return {"articles": out_articles, "claims": out_claims, "claim_groups": out_groups}


def score(dossier: dict[str, Any], data: Path, quiet: bool = False) -> str:
    """score.py's facts report for ``dossier`` (its last line is the headline)."""
    path = Path(tempfile.mkstemp(suffix=".json")[1])
    path.write_text(json.dumps(dossier), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(SCORE), "facts", str(path), str(data / "ecbplus" / "facts.json")],
        check=True,
        capture_output=True,
        text=True,
    )
    path.unlink()
    if not quiet:
        print(res.stdout, end="")
    return res.stdout


def show(dossier: dict[str, object]) -> None:
    claims = {c["id"]: c for c in dossier["claims"]}  # type: ignore[attr-defined]
    for g in dossier["claim_groups"]:  # type: ignore[attr-defined]
        arts = {claims[c]["article"] for c in g["claims"]}
        if len(arts) < 2:
            continue
        print(f"[{g['verdict']}] {g['topic']}")
        for c in g["claims"]:
            print(f"    {claims[c]['article']}: {claims[c]['text'][:140]}")


def end_to_end(data: Path, pile: bool) -> dict[str, Any]:
    """The dossier ``analyze`` writes for each event's articles (or for all at once)."""
    from newsprism import analyze_articles, open_store

    runs = [arts for _, arts in stories(data)]
    if pile:
        runs = [[a for arts in runs for a in arts]]
    out: dict[str, Any] = {"articles": [], "claims": [], "claim_groups": [], "stories": []}
    for arts in runs:
        store = open_store(":memory:")
        try:
            d = json.loads(analyze_articles(arts, store=store).to_json(indent=None))
        finally:
            store.close()
        for key in out:
            out[key] += d.get(key, [])
    sizes = sorted((len(s["articles"]) for s in out["stories"]), reverse=True)
    print(f"{len(out['articles'])} articles in {len(sizes)} stories (sizes {sizes})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/claims-facts-dossier.json"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--end-to-end", action="store_true", help="through analyze, stories too")
    ap.add_argument("--pile", action="store_true", help="with --end-to-end: all events at once")
    args = ap.parse_args()
    t0 = time.perf_counter()
    dossier = end_to_end(args.data, args.pile) if args.end_to_end else run(prepare(args.data))
    args.out.write_text(json.dumps(dossier), encoding="utf-8")
    if args.show:
        show(dossier)
    n = defaultdict(int)
    for g in dossier["claim_groups"]:  # type: ignore[attr-defined]
        n[g["verdict"]] += 1
    print(f"{len(dossier['claims'])} claims, verdicts {dict(n)}, {time.perf_counter() - t0:.1f} s")
    score(dossier, args.data)


if __name__ == "__main__":
    main()
