"""Disputes on FNC-1 bodies: agree-vs-disagree pairs surfaced as disputed conflicts.

    python benchmarks/bench_claims_disputes.py [--lo 300 --hi 900] [--cache F.pkl] [--pairs]
    python benchmarks/bench_claims_disputes.py --end-to-end [--lo 300 --hi 900] [--json OUT] [--why]
        [--model DIR/claims_disputes.json] [--fold K]

The claims step alone, on stories taken from FNC-1's headline links (connected
components of the related stances over bodies ``lo``..``hi``-1), so the stories
stage's splits do not count here (the end-to-end figure is ``score.py stance``
on ``newsprism analyze`` output; see RESULTS.md).  A pair of bodies is surfaced
when one conflicting group has them on different sides (score.py's rule); it is
wanted when one body agrees with a headline and the other disagrees with it,
and wrongly conflicting when both agree.

``--pairs`` also prints the article-pair model alone (pairs flagged before any
claim is linked).  ``--end-to-end`` instead runs ``newsprism analyze`` on the
bodies as one corpus (stories from the stories stage, as the held-out check runs
it), scores the dossier as ``score.py stance`` does and counts the wanted pairs
the stories stage put in different stories; it is the only mode allowed on the
reported bodies 0-299 (once, at the end of a round).  ``--model`` runs it with
another dispute model file (a cross-fitted one from ``train_claims_disputes.py
--fold K --out-dir DIR``, so a slice of bodies 900 and above is out of sample, or a
refit with ``--out-dir DIR --ridge R --min-stories M``): the package is copied with
that file in place of the shipped one; ``--fold K`` runs the bodies of
that model's left-out story fold instead of a range (``train_claims_disputes.story_fold``).
``--why`` (end to end, not on
the reported bodies) sorts the pairs not surfaced by the step that lost them
(:func:`why_missed`).  Default range: the
development set (bodies 300-899); bodies 0-299 are the reported set and the model
is trained on bodies 900 and above (``train_claims_disputes.py``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsprism
from _data import DEFAULT_DATA
from newsprism import nlp
from newsprism.claims import CAPABILITIES, extract_claims, group_claims
from newsprism.claims.stance import (
    DisputeModel,
    camps,
    dispute_model,
    disputed_pairs,
    scored_pairs,
)
from newsprism.entities import merge_entities
from newsprism.model import Article, Claim, Entity
from train_claims_disputes import FOLDS, load, stories, story_fold

Prepared = list[tuple[list[Article], list[Claim], list[Entity]]]


def prepare(bodies: dict[str, str], components: list[list[str]]) -> Prepared:
    out: Prepared = []
    for comp in components:
        arts = [Article(id=f"fnc-{b}", text=bodies[b]) for b in comp]
        docs = list(nlp.parse([a.text for a in arts], CAPABILITIES))
        claims = [c for a, d in zip(arts, docs, strict=True) for c in extract_claims(a, d)]
        ents = list(
            merge_entities([nlp.to_record(a.id, d) for a, d in zip(arts, docs, strict=True)])
        )
        out.append((arts, claims, ents))
    return out


def model_from(path: Path | None) -> DisputeModel:
    """The dispute model of a model file (``None``: the shipped one)."""
    if path is None:
        return dispute_model()
    art = json.loads(path.read_text(encoding="utf-8"))["params"]
    return DisputeModel(
        bias=float(art["bias"]),
        mean=tuple(art["mean"]),
        scale=tuple(art["scale"]),
        weights=tuple(art["weights"]),
        vocabulary=dict(art["vocabulary"]),
        threshold=float(art["threshold"]),
    )


def why_missed(
    bodies: dict[str, str],
    grouped: list[list[str]],
    missed: set[frozenset[str]],
    model: DisputeModel | None = None,
) -> dict[str, list[frozenset[str]]]:
    """The wanted pairs not surfaced (``grouped``: the dossier's stories, article ids),
    by the step that lost them: ``apart`` (the stories
    stage put them in different stories), ``not compared`` (beyond the dispute model's
    window in a large story), ``under threshold`` (the article-pair model does not flag
    them), ``one side`` (flagged, but its camp puts both articles on one side or in
    different camps: :func:`.stance.camps`), ``not placed`` (on opposite sides of one
    camp, but no conflicting group holds both: the anchor and recruit steps of
    :mod:`.disputes`).  Which side is which is not asked: FNC-1's stances are to a
    headline, and a headline may itself be the debunk."""
    model = model or dispute_model()
    story = {a: n for n, arts in enumerate(grouped) for a in arts}
    prob: dict[frozenset[str], float] = {}
    side: dict[str, tuple[int, bool]] = {}
    for n, arts in enumerate(grouped):
        if len(arts) < 2 or not any(a in p for p in missed for a in arts):
            continue
        scored = scored_pairs([Article(id=a, text=bodies[a[4:]]) for a in arts], model)
        prob |= {frozenset((a, d)): p for a, d, p in scored}
        for k, (asserting, disputing) in enumerate(
            camps([t for t in scored if t[2] >= model.threshold])
        ):
            side |= {a: (n * 10_000 + k, False) for a in asserting}
            side |= {a: (n * 10_000 + k, True) for a in disputing}
    out: dict[str, list[frozenset[str]]] = {}
    for pair in sorted(missed, key=sorted):
        x, y = sorted(pair)
        if story.get(x) != story.get(y):
            cause = "apart"
        elif pair not in prob:
            cause = "not compared"
        elif prob[pair] < model.threshold:
            cause = "under threshold"
        elif x in side and y in side and side[x][0] == side[y][0] and side[x][1] != side[y][1]:
            cause = "not placed"
        else:
            cause = "one side"
        out.setdefault(cause, []).append(pair)
    return out


def by_story(
    want: set[frozenset[str]],
    both: set[frozenset[str]],
    found: set[frozenset[str]],
    truth: dict[str, str],
) -> str:
    """The figures per FNC-1 story (``truth``: body -> story): a pair count grows with
    the square of a story's size, so one large story can make or break a slice of a
    few hundred bodies; the share of stories with a surfaced pair, and the mean of
    the stories' surfaced shares, weigh each story once."""
    mine: dict[str, list[bool]] = {}
    for p in want:
        mine.setdefault(truth[next(iter(p))[4:]], []).append(p in found)
    false: dict[str, int] = {}
    for p in both & found:
        s = truth[next(iter(p))[4:]]
        false[s] = false.get(s, 0) + 1
    hit = sum(1 for v in mine.values() if any(v))
    mean = sum(sum(v) / len(v) for v in mine.values()) / max(1, len(mine))
    top = sorted(mine.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]
    return (
        f"per story: {len(mine)} stories with agree-vs-disagree pairs, {hit} with one "
        f"surfaced, mean share {mean:.3f}; largest "
        + ", ".join(f"{s}: {sum(v)}/{len(v)}" for s, v in top)
        + f"; agree-agree conflicting in {len(false)} stories, "
        + f"most {max(false.values(), default=0)}"
    )


def end_to_end(
    bodies: dict[str, str],
    part: set[str],
    want: set[frozenset[str]],
    both: set[frozenset[str]],
    keep: Path | None,
    why: bool = False,
    model: Path | None = None,
    truth: dict[str, str] | None = None,
) -> None:
    """``newsprism analyze`` on the bodies of ``part`` as one corpus, scored as
    ``score.py stance`` scores it (a pair is surfaced when one conflicting group has
    the two articles on different sides, whatever their stories); ``truth`` (body ->
    FNC-1 story) adds the figures per story (:func:`by_story`)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "bodies.jsonl", keep or Path(tmp) / "dossier.json"
        with src.open("w", encoding="utf-8") as f:
            for b in sorted(part, key=int):
                f.write(json.dumps({"id": f"fnc-{b}", "text": bodies[b]}, ensure_ascii=False))
                f.write("\n")
        env = dict(os.environ)
        if model is not None:
            pkg = Path(tmp) / "src" / "newsprism"
            shutil.copytree(
                Path(newsprism.__file__).parent,
                pkg,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
            shutil.copyfile(model, pkg / "artifacts" / "data" / "claims_disputes.json")
            env["PYTHONPATH"] = os.pathsep.join([str(pkg.parent), env.get("PYTHONPATH", "")])
        cmd = [
            sys.executable,
            "-m",
            "newsprism",
            "analyze",
            str(src),
            "--json",
            str(out),
        ]
        subprocess.run([*cmd, "--jobs", "1"], check=True, stdout=subprocess.DEVNULL, env=env)
        use = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = use.ru_utime + use.ru_stime
        d = json.loads(out.read_text(encoding="utf-8"))
    present = {a["id"] for a in d["articles"]}
    want = {p for p in want if p <= present}
    both = {p for p in both if p <= present}
    story = {a: s["id"] for s in d["stories"] for a in s["articles"]}
    claims = {c["id"]: c["article"] for c in d["claims"]}
    found: set[frozenset[str]] = set()
    for g in d["claim_groups"]:
        if g["verdict"] != "conflicting":
            continue
        sides = [{claims[c] for c in s["claims"]} for s in g["sides"]]
        for i, j in itertools.combinations(range(len(sides)), 2):
            found |= {frozenset((x, y)) for x in sides[i] for y in sides[j] if x != y}
    apart = {p for p in want if len({story[x] for x in p}) > 1}
    print(f"end to end: {len(present)} articles, {len(d['stories'])} stories (cpu {cpu:.1f}s)")
    print(f"agree-vs-disagree pairs in different stories: {len(apart)}/{len(want)}")
    print(
        f"agree-vs-disagree pairs {len(want)}, surfaced {len(found & want)} "
        f"({len(found & want) / max(1, len(want)):.3f}); agree-agree pairs {len(both)}, "
        f"called conflicting {len(found & both)}"
    )
    if truth:
        print(by_story(want, both, found, truth))
    if why:
        grouped = [list(s["articles"]) for s in d["stories"]]
        missed = why_missed(bodies, grouped, want - found, model_from(model))
        for cause, pairs in sorted(missed.items()):
            print(f"  not surfaced, {cause}: {len(pairs)}")
            for pair in pairs:
                print("    " + " / ".join(sorted(pair, key=lambda a: int(a[4:]))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--lo", type=int, default=300)
    ap.add_argument("--hi", type=int, default=900)
    ap.add_argument("--cache", type=Path, help="parsed stories (written when missing)")
    ap.add_argument("--pairs", action="store_true", help="also score the pair model alone")
    ap.add_argument("--end-to-end", action="store_true", help="run `newsprism analyze`")
    ap.add_argument("--json", type=Path, help="with --end-to-end: keep the dossier here")
    ap.add_argument("--why", action="store_true", help="with --end-to-end: why pairs are missed")
    ap.add_argument("--model", type=Path, help="with --end-to-end: this dispute model file")
    ap.add_argument(
        "--fold",
        type=int,
        choices=range(FOLDS),
        help="with --end-to-end: the bodies of this story fold (900 and above)",
    )
    args = ap.parse_args()
    if args.fold is not None and not args.end_to_end:
        raise SystemExit("--fold runs end to end only")
    if args.lo < 300 and (args.why or not args.end_to_end):
        raise SystemExit("bodies 0-299 are the reported set: measure them end to end, once")
    bodies, stances = load(args.data / "fnc1-train")
    part = set(sorted(bodies, key=int)[args.lo : args.hi])
    if args.fold is not None:
        part = story_fold(stances, sorted(bodies, key=int), args.fold)
    rows = [r for r in stances if r["Body ID"] in part]
    if args.end_to_end:
        by_h: dict[str, dict[str, set[str]]] = {}
        for r in rows:
            if r["Stance"] in ("agree", "disagree"):
                by_h.setdefault(r["Headline"], {"agree": set(), "disagree": set()})[
                    r["Stance"]
                ].add(f"fnc-{r['Body ID']}")
        end_to_end(
            bodies,
            part,
            {frozenset((x, y)) for s in by_h.values() for x in s["agree"] for y in s["disagree"]},
            {
                frozenset((x, y))
                for s in by_h.values()
                for x, y in itertools.combinations(s["agree"], 2)
            },
            args.json,
            args.why,
            args.model,
            # not on the reported bodies: which stories hold their pairs is not read
            stories(stances) if args.lo >= 300 or args.fold is not None else None,
        )
        return
    story = stories(rows)
    comps: dict[str, list[str]] = {}
    for b, root in story.items():
        comps.setdefault(root, []).append(b)
    components = [sorted(v, key=int) for _, v in sorted(comps.items()) if len(v) >= 2]
    if args.cache and args.cache.exists():
        prep: Prepared = pickle.loads(args.cache.read_bytes())
    else:
        prep = prepare(bodies, components)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(prep))
    by: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        if r["Stance"] in ("agree", "disagree"):
            by.setdefault(r["Headline"], {"agree": set(), "disagree": set()})[r["Stance"]].add(
                f"fnc-{r['Body ID']}"
            )
    want = {frozenset((x, y)) for s in by.values() for x in s["agree"] for y in s["disagree"]}
    both = {  # as score.py counts them
        frozenset((x, y)) for s in by.values() for x, y in itertools.combinations(s["agree"], 2)
    }
    found: set[frozenset[str]] = set()
    flagged: set[frozenset[str]] = set()
    conflicting = 0
    for arts, claims, ents in prep:
        if args.pairs:
            flagged |= {frozenset((a, d)) for a, d, _ in disputed_pairs(arts)}
        grouped, groups = group_claims(claims, arts, [], ents)
        article = {c.id: c.article for c in grouped}
        for g in groups:
            if g.verdict != "conflicting":
                continue
            conflicting += 1
            sides = [{article[c] for c in s.claims} for s in g.sides]
            for i, j in itertools.combinations(range(len(sides)), 2):
                found |= {frozenset((x, y)) for x in sides[i] for y in sides[j] if x != y}
    print(f"bodies {args.lo}-{args.hi - 1}: {len(prep)} stories, {conflicting} conflicting groups")
    if args.pairs:
        print(
            f"pair model alone: agree-vs-disagree {len(flagged & want)}/{len(want)}, "
            f"agree-agree {len(flagged & both)}/{len(both)}"
        )
    print(
        f"agree-vs-disagree pairs {len(want)}, surfaced {len(found & want)} "
        f"({len(found & want) / max(1, len(want)):.3f}); agree-agree pairs {len(both)}, "
        f"called conflicting {len(found & both)}"
    )


if __name__ == "__main__":
    main()
