"""Scoring a JSON dossier against a hand annotation, for the quality gates.

The rules are those of ``../shared/tools/score.py`` (the held-out checks), reimplemented
here so that the tests need nothing outside the repository:

- facts (``score.py facts``): a shared fact is found when one claim group holds claims of at
  least two of its articles, each claim covering at least half of that article's evidence
  phrase (a bag of words); the verdict is right when agree -> corroborated, conflict ->
  conflicting, imprecise -> imprecise or conflicting. A conflicting group across two
  annotated articles that matches no annotated fact is a false conflict.
- quotes (``examples/gold.json``'s rule): an extracted quote matches an annotated one when
  it is in the same article and contains the annotated fragment after normalising quote
  marks, dashes and white space.

Everything works on the dossier as JSON (a ``dict``), the form the contract publishes.
"""

from __future__ import annotations

import collections
import itertools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FactScore",
    "QuoteScore",
    "covers",
    "match_conflicts",
    "norm",
    "relation_of",
    "score_facts",
    "score_quotes",
    "speaker_right",
    "stem",
    "toks",
]

STOP = {"the", "a", "an", "of", "and", "mr", "ms", "mrs", "dr"}
WANT = {
    "agree": {"corroborated"},
    "conflict": {"conflicting"},
    "imprecise": {"imprecise", "conflicting"},
}
_MARKS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
_DASHES = (("\u2014", "-"), ("\u2013", "-"))


def norm(s: str) -> str:
    """Quote marks and dashes made plain, white space squashed, lower case."""
    for a, b in (*_MARKS, *_DASHES):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower()


def toks(s: str | None) -> list[str]:
    return re.findall(r"\w+", norm(s or ""))


def stem(article_id: object) -> str:
    return os.path.splitext(os.path.basename(str(article_id)))[0]


def covers(phrase: collections.Counter[str], text: str, share: float = 0.5) -> bool:
    got = collections.Counter(toks(text))
    return sum((phrase & got).values()) >= share * sum(phrase.values())


@dataclass
class FactScore:
    total: collections.Counter[str] = field(default_factory=collections.Counter)
    found: collections.Counter[str] = field(default_factory=collections.Counter)
    right: collections.Counter[str] = field(default_factory=collections.Counter)
    #: fact text -> the verdict of the group that carries it (absent: not grouped)
    verdicts: dict[str, str | None] = field(default_factory=dict)
    cross_groups: int = 0
    false_conflicts: int = 0

    def summary(self) -> str:
        rows = [
            f"{v}: {self.total[v]} annotated, grouped {self.found[v]}, right {self.right[v]}"
            for v in ("agree", "imprecise", "conflict")
        ]
        rows.append(
            f"cross-article groups {self.cross_groups}, false conflicts {self.false_conflicts}"
        )
        return "; ".join(rows)


def score_facts(dossier: dict[str, Any], stories: Iterable[dict[str, Any]]) -> FactScore:
    """``score.py facts`` on one dossier; ``stories`` as in ``ecbplus/facts.json``
    (``articles`` and ``shared_facts`` of each)."""
    stories = list(stories)
    claims = {c["id"]: c for c in dossier.get("claims", [])}
    groups = dossier.get("claim_groups", [])
    out = FactScore()
    matched: set[int] = set()
    for story in stories:
        for f in story["shared_facts"]:
            out.total[f["verdict"]] += 1
            ev = [(e["article"], collections.Counter(toks(e["phrase"]))) for e in f["evidence"]]
            best: tuple[int, int] | None = None
            for gi, g in enumerate(groups):
                hit = {
                    art
                    for cid in g.get("claims", [])
                    for art, ph in ev
                    if stem((claims.get(cid) or {}).get("article")) == art
                    and covers(ph, (claims.get(cid) or {}).get("text", ""))
                }
                if len(hit) >= 2 and (best is None or len(hit) > best[1]):
                    best = (gi, len(hit))
            if best is None:
                out.verdicts[f["fact"]] = None
                continue
            out.found[f["verdict"]] += 1
            matched.add(best[0])
            verdict = groups[best[0]].get("verdict")
            out.verdicts[f["fact"]] = verdict
            if verdict in WANT[f["verdict"]]:
                out.right[f["verdict"]] += 1
    arts = {art for s in stories for art in s["articles"]}
    multi = [
        i
        for i, g in enumerate(groups)
        if len({stem((claims.get(c) or {}).get("article")) for c in g.get("claims", [])} & arts)
        >= 2
    ]
    out.cross_groups = len(multi)
    out.false_conflicts = sum(
        1 for i in multi if groups[i].get("verdict") == "conflicting" and i not in matched
    )
    return out


def speaker_right(predicted: str | None, gold: str, *, exact: bool = False) -> bool:
    """Exact: the names are equal. Otherwise every word of the annotated name (honorifics
    and articles aside) is in the predicted one, so "Councilmember Ruth Halvorsen" is
    right for "Ruth Halvorsen" and "Halvorsen" or "Ruth Smith" is not."""
    if not predicted:
        return False
    if exact:
        return predicted == gold
    want = set(toks(gold)) - STOP
    return bool(want) and want <= set(toks(predicted))


@dataclass
class QuoteScore:
    occurrences: int = 0
    found: int = 0
    right: int = 0
    #: (article, fragment, annotated speaker, predicted speakers) of each miss
    wrong: list[tuple[str, str, str, list[str | None]]] = field(default_factory=list)


def score_quotes(
    dossier: dict[str, Any], gold_quotes: Iterable[dict[str, Any]], *, exact: bool = False
) -> QuoteScore:
    """Each annotated (fragment, article) occurrence: found when an extracted quote of that
    article contains the fragment; right when one such quote has the annotated speaker."""
    out = QuoteScore()
    by_article: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for q in dossier.get("quotes", []):
        by_article[stem(q.get("article"))].append(q)
    for g in gold_quotes:
        frag = norm(g["text"])
        for art in g["articles"]:
            out.occurrences += 1
            hits = [q for q in by_article[art] if frag in norm(q.get("text") or "")]
            names = [(q.get("speaker") or {}).get("name") for q in hits]
            out.found += bool(hits)
            if any(speaker_right(n, g["speaker"], exact=exact) for n in names):
                out.right += 1
            else:
                out.wrong.append((art, g["text"], g["speaker"], names))
    return out


def relation_of(dossier: dict[str, Any], a: str, b: str) -> str | None:
    """The reuse relation the dossier gives the pair (None when it holds no such pair)."""
    for p in dossier.get("reuse", {}).get("pairs", []):
        if {stem(p["a"]), stem(p["b"])} == {a, b}:
            return str(p["relation"])
    return None


def _group_sides(dossier: dict[str, Any], verdict: str) -> list[tuple[int, list[set[str]]]]:
    claims = {c["id"]: c for c in dossier.get("claims", [])}
    return [
        (
            gi,
            [
                {stem((claims.get(c) or {}).get("article")) for c in side.get("claims", [])}
                for side in g.get("sides", [])
            ],
        )
        for gi, g in enumerate(dossier.get("claim_groups", []))
        if g.get("verdict") == verdict
    ]


def _shows(found: list[set[str]], wanted: list[set[str]]) -> bool:
    return (
        len(found) >= 2
        and all(any(w & f for f in found) for w in wanted)
        and any(wanted[0] & f and not (wanted[1] - wanted[0]) & f for f in found)
    )


def match_conflicts(
    dossier: dict[str, Any], conflicts: list[tuple[dict[str, Any], str]]
) -> list[int | None]:
    """For each annotated disagreement (``examples/gold.json``'s ``conflicts``: two sides,
    each with the articles that take it) and the verdict it wants, the index of the claim
    group that shows it, or None. A group shows it when it has that verdict, at least two
    sides, every annotated side's articles on some side, and the first annotated side apart
    from what only the second says. One group shows one disagreement at most: the
    assignment that shows the most is taken."""
    options: list[list[int | None]] = []
    for conflict, verdict in conflicts:
        wanted = [{stem(a) for a in s["articles"]} for s in conflict["sides"]]
        options.append(
            [gi for gi, found in _group_sides(dossier, verdict) if _shows(found, wanted)] + [None]
        )
    best: list[int | None] = [None] * len(conflicts)
    for choice in itertools.product(*options):
        picked = [gi for gi in choice if gi is not None]
        if len(set(picked)) == len(picked) and len(picked) > sum(g is not None for g in best):
            best = list(choice)
    return best
