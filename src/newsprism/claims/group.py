"""Claims about the same thing across the articles of a story, in one group.

Grouping is deliberately looser than the verdict rules: a group gathers claims
that share rare entities, concept classes and words; :mod:`.verdicts` then
compares values only between claims that are close on their own.  A wrong
group costs a reader a glance; a wrong "conflicting" costs trust.

Leader clustering over an inverted index keeps the stage near-linear: each
claim is compared with at most a few representatives of the groups that share
its rarest keys, never with every other claim of the story.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..model import Article, Claim, ClaimGroup, Entity
from .features import EntityIndex, Features, features
from .verdicts import denies, judge, values_agree

__all__ = ["family_map", "group_claims", "similarity"]

log = logging.getLogger(__name__)

#: Minimum weighted overlap for a claim to join a group.
JOIN = 0.3
#: A denial is scored up against the assertion it denies (see :func:`_merge`).
DENIAL_BOOST = 1.3
#: How many members of a group a new claim is compared with.
REPRESENTATIVES = 6
MERGE_REPRESENTATIVES = 3
#: Rarest keys of a claim used to look up candidate groups, and groups per key.
LOOKUP_KEYS = 8
GROUPS_PER_KEY = 60
#: Candidate groups scored per claim (and per group when merging).
CANDIDATES = 12
_WEIGHT = {"e": 1.5, "c": 2.0, "s": 1.0, "v": 1.5}
_COMPATIBLE = {
    ("dated", "dated"),
    ("figure", "figure"),
    ("finding", "finding"),
    ("finding", "denial"),
    ("denial", "finding"),
    ("denial", "denial"),
}


def family_map(articles: Iterable[Article], families: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> id of its derivation family (itself when in none)."""
    out = {a.id: a.id for a in articles}
    for fam in families:
        head = min(fam)
        for art in fam:
            out[art] = head
    return out


def _keys(f: Features) -> frozenset[str]:
    return f.keys


def similarity(a: Features, b: Features, idf: dict[str, float]) -> float:
    """Weighted overlap of entity, concept, stem and value keys (0..1), 0 if kinds differ.

    The shared weight is divided by the geometric mean of both totals, so a short
    claim inside a long one still scores well.

    Keys are weighted by rarity in the story, so the subject of every article
    ("Musk" in a story about Musk) joins nothing by itself.
    """
    if (a.kind, b.kind) not in _COMPATIBLE:
        return 0.0
    if a.kind == "figure" and a.units and b.units and not (a.units & b.units):
        return 0.0  # "two astronauts" and "two launches" are about different things
    if (a.kind == "denial") != (b.kind == "denial") and not denial_pair(a, b):
        return 0.0  # a denial belongs only beside what it denies
    ka, kb = _keys(a), _keys(b)
    shared = sum(idf.get(k, 1.0) for k in ka & kb)
    norm = math.sqrt(sum(idf.get(k, 1.0) for k in ka) * sum(idf.get(k, 1.0) for k in kb))
    if norm == 0:
        return 0.0
    score = shared / norm
    if a.kind == "dated" and (a.entities or b.entities) and not (a.entities & b.entities):
        return 0.0  # a date without a shared actor is another event
    return score


def _idf(feats: Sequence[Features]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(_keys(f))
    n = len(feats)
    # type weight x smoothed idf: a key every claim of a 3-claim story shares still counts
    return {k: _WEIGHT[k[0]] * math.log(1 + n / c) for k, c in df.items()}


def _topic(members: list[int], feats: Sequence[Features], index: EntityIndex) -> str:
    ents: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for i in members:
        ents.update(e for e in feats[i].entities if not e.startswith("w:"))
        words.update(set(feats[i].words))
    # ties broken by name, not by set iteration order, so labels are the same every run
    ranked_ents = sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    names = [index.names.get(e, e) for e, _ in ranked_ents]
    entity_words = {w.lower() for n in names for w in n.split()}
    ranked_words = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    top = [w for w, _ in ranked_words if w not in entity_words][:2]
    parts = [", ".join(names)] if names else []
    if top:
        parts.append(" ".join(top))
    return ": ".join(parts) or "claim"


def group_claims(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    families: Sequence[Sequence[str]],
    entities: Sequence[Entity] = (),
    *,
    prefix: str | None = None,
) -> tuple[tuple[Claim, ...], tuple[ClaimGroup, ...]]:
    """Group one story's claims and judge each group.

    Returns the claims with :attr:`Claim.group` set, and the groups with their
    verdicts.  Group ids are ``f"{prefix}g{n}"``; the default prefix is the
    story's smallest article id and a colon, so ids are unique across the
    stories of a corpus (stories do not share articles) and stable for the
    same input.
    """
    if prefix is None:
        prefix = f"{min(a.id for a in articles)}:" if articles else ""
    index = EntityIndex(entities)
    order = sorted(range(len(claims)), key=lambda i: _sort_key(claims[i], articles))
    feats = [features(c, index) for c in claims]
    idf = _idf(feats)
    groups: list[list[int]] = []
    postings: dict[str, list[int]] = defaultdict(list)  # key -> groups holding it
    for i in order:
        best, best_score = -1, JOIN
        for g in _candidates(_keys(feats[i]), postings, idf, LOOKUP_KEYS):
            reps = groups[g][:REPRESENTATIVES]
            if len(reps) == 1 and claims[reps[0]].article == claims[i].article:
                continue
            score = max(similarity(feats[i], feats[m], idf) for m in reps)
            if score > best_score:
                best, best_score = g, score
        if best < 0:
            best = len(groups)
            groups.append([])
        groups[best].append(i)
        for k in _keys(feats[i]):
            plist = postings[k]
            if not plist or plist[-1] != best:  # a group seldom recurs out of order
                plist.append(best)
    groups = _merge(groups, feats, idf, postings, claims)
    fam = family_map(articles, families)
    published = {a.id: a.published for a in articles}
    groups = [part for members in groups for part in _split(members, claims, feats, fam, published)]
    out_claims = list(claims)
    out_groups: list[ClaimGroup] = []
    for n, members in enumerate(groups):
        members.sort()
        gid = f"{prefix}g{n}"
        for m in members:
            out_claims[m] = dataclasses.replace(claims[m], group=gid)
        member_claims = [out_claims[m] for m in members]
        verdict, sides, sources = judge(member_claims, [feats[m] for m in members], fam, published)
        out_groups.append(
            ClaimGroup(
                id=gid,
                topic=_topic(members, feats, index),
                verdict=verdict,
                claims=tuple(c.id for c in member_claims),
                independent_sources=sources,
                sides=sides,
            )
        )
    log.debug("%d claims -> %d groups", len(claims), len(out_groups))
    return tuple(out_claims), tuple(out_groups)


def _merge(
    groups: list[list[int]],
    feats: Sequence[Features],
    idf: dict[str, float],
    postings: dict[str, list[int]],
    claims: Sequence[Claim],
) -> list[list[int]]:
    """Second pass: join groups that leader clustering split by arrival order, and
    attach a denial to the assertions it denies (at a lower bar: a denial shares
    fewer words with what it denies than two reports of one fact share)."""
    parent = list(range(len(groups)))

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for g, members in enumerate(groups):
        reps = members[:MERGE_REPRESENTATIVES]
        keys: set[str] = set()
        for m in reps:
            keys |= _keys(feats[m])
        for h in sorted(_candidates(keys, postings, idf, LOOKUP_KEYS * 3)):
            if h <= g or find(h) == find(g):
                continue
            other = groups[h][:MERGE_REPRESENTATIVES]
            best = 0.0
            for a in reps:
                for b in other:
                    if claims[a].article == claims[b].article:
                        continue
                    sim = similarity(feats[a], feats[b], idf)
                    if denial_pair(feats[a], feats[b]):
                        sim *= DENIAL_BOOST
                    best = max(best, sim)
            if best >= JOIN:
                parent[find(h)] = find(g)
    merged: dict[int, list[int]] = defaultdict(list)
    for g, members in enumerate(groups):
        merged[find(g)].extend(members)
    return [merged[g] for g in sorted(merged)]


def _split(
    members: list[int],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    fam: dict[str, str],
    published: dict[str, str | None],
) -> list[list[int]]:
    """Split a group that is not a conflict but holds values that cannot both hold.

    Verdict rules call a conflict only on strong evidence; when they do not, a
    group mixing "a .38 revolver" and "a .357 revolver", or a fire "Friday" and
    a visit "Saturday", must not read as corroborated either: its claims are
    parted by compatible values and each part judged on its own.
    """
    sub = [claims[m] for m in members]
    verdict, _, _ = judge(sub, [feats[m] for m in members], fam, published)
    if verdict in ("conflicting", "imprecise") or len(members) < 2:
        return [members]
    parts: list[list[int]] = []
    for m in members:
        for part in parts:
            if all(values_agree(claims[m], claims[p]) for p in part[:REPRESENTATIVES]):
                part.append(m)
                break
        else:
            parts.append([m])
    return parts


def _candidates(
    keys: Iterable[str], postings: dict[str, list[int]], idf: dict[str, float], n_keys: int
) -> list[int]:
    """The groups sharing most rare-key weight with ``keys``, at most :data:`CANDIDATES`.

    Only the ``n_keys`` rarest keys are looked up and only the latest
    :data:`GROUPS_PER_KEY` groups of each, so the cost per claim is bounded
    however many articles the story has.
    """
    score: dict[int, float] = defaultdict(float)
    for k in sorted(keys, key=lambda k: -idf.get(k, 0.0))[:n_keys]:
        plist = postings.get(k)
        if not plist:
            continue
        for g in plist[-GROUPS_PER_KEY:]:
            score[g] += idf.get(k, 0.0)
    return sorted(score, key=lambda g: -score[g])[:CANDIDATES]


def denial_pair(a: Features, b: Features) -> bool:
    if (a.kind == "denial") == (b.kind == "denial"):
        return False
    return denies(a, b) if a.kind == "denial" else denies(b, a)


def _sort_key(claim: Claim, articles: Sequence[Article]) -> tuple[str, int]:
    return (claim.article, claim.start)
