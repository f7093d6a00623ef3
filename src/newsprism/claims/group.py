"""Claims about the same proposition across the articles of a story, in one group.

:mod:`.align` decides which claims of different articles state one proposition
(a learned pair model over indexed candidates, so the stage stays near-linear);
this module turns its groups into :class:`~newsprism.model.ClaimGroup`s with a
verdict from :mod:`.verdicts` and a label that reads as a sentence.  A group of
figure clauses whose values cannot both hold and that the verdict rules do not
call a conflict is parted by its values: "a .38 revolver" and "a .357 revolver"
must not read as corroborated, nor two sentences whose shared figures all differ (two
seasons).  A part left by that split is kept only where it stands as a group on its own
links (:func:`_standing`), and a group of three or more with no pair that would make a
group of two is parted into its claims (:func:`_weak_chains`): both were groups held by
a name or a common word (round 12). A figure clause whose figures are of no kind the group's
core states, loosely held to it, leaves the group (:func:`_strays`, round 12s).  A group
of figure clauses that repeats the group of their sentences is folded into it, so a
folded group may hold a sentence and its own figure's clause from one article
(:func:`_fold_clauses`).  Then a sentence stating two
facts is cited by the second fact's group too (:mod:`.cite`), when the citation leaves
that group's verdict as it was (or gives a family's group its second source).  Last, a
detail one outlet states more loosely or a person it names differently is judged apart
(:mod:`.slots`).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..model import Article, Claim, ClaimGroup, Entity, Value
from ..reuse import embed
from . import label
from .align import (
    CANDIDATES,
    NEIGHBOURS,
    PAIR_ONLY,
    PAIR_STRONG,
    PairModel,
    align,
    pair_model,
    pair_probabilities,
)
from .cite import citations
from .disputes import link_article_disputes, link_disputes
from .features import EntityIndex, Features, features
from .slots import part_slots
from .stance import DisputeModel
from .verdicts import Judgement, judge, other_occasion, values_agree

__all__ = ["family_map", "group_claims"]

log = logging.getLogger(__name__)

#: Members of a group compared with a new part when a group is split by its values.
REPRESENTATIVES = 6
_WEIGHT = {"e": 1.5, "c": 2.0, "s": 1.0, "v": 1.5}
_WORDS = re.compile(r"[a-z][a-z'’]*")


def family_map(articles: Iterable[Article], families: Sequence[Sequence[str]]) -> dict[str, str]:
    """Article id -> id of its derivation family (itself when in none)."""
    out = {a.id: a.id for a in articles}
    for fam in families:
        head = min(fam)
        for art in fam:
            out[art] = head
    return out


def _vectors(claims: Sequence[Claim]) -> npt.NDArray[np.float32]:
    """Static sentence embeddings of the claims (empty when wordllama is missing)."""
    if not claims or not embed.available():
        return np.zeros((0, 0), dtype=np.float32)
    return embed.embed([c.text for c in claims])


def _idf(feats: Sequence[Features]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(f.keys)
    n = len(feats)
    # type weight x smoothed idf: a key every claim of a 3-claim story shares still counts
    return {k: _WEIGHT[k[0]] * math.log(1 + n / c) for k, c in df.items()}


def _sentences(claims: Sequence[Claim]) -> dict[int, int]:
    """Clause index -> index of the statement (sentence) of its article holding it."""
    by_article: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        if c.kind == "statement":
            by_article.setdefault(c.article, []).append(i)
    out = {}
    for i, c in enumerate(claims):
        if c.kind != "statement":
            for j in by_article.get(c.article, ()):
                if claims[j].start <= c.start and c.end <= claims[j].end:
                    out[i] = j
                    break
    return out


def _label(
    members: list[int],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    sentence_of: dict[int, int] | None = None,
) -> str:
    """A group reads as a sentence: its most representative claim, cleaned.

    Representative: the claim sharing most rare keys with the other members (the
    proposition they have in common), among near equals the one that reads best on
    its own, then the shorter (:func:`.label.pick`), so the label is a whole
    statement ("Smith was indicted on seven counts"), not a list of keywords.
    """

    held: Counter[str] = Counter(k for i in members for k in feats[i].keys)
    sentence_of = sentence_of or {}
    candidates: dict[int, int] = {}
    for i in members:
        shared = sum(held[k] - 1 for k in feats[i].keys)  # linear in the group's size
        # a clause ("to pick up two astronauts") reads as the sentence it comes from
        at = sentence_of.get(i, i)
        candidates[at] = max(candidates.get(at, shared), shared)
    return label.pick([(shared, claims[i].text) for i, shared in sorted(candidates.items())])


def group_claims(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    families: Sequence[Sequence[str]],
    entities: Sequence[Entity] = (),
    *,
    prefix: str | None = None,
    model: PairModel | None = None,
    dispute_model: DisputeModel | None = None,
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
    feats = [features(c, index) for c in claims]
    idf = _idf(feats)
    vectors = _vectors(claims)
    model = model or pair_model()
    prob = pair_probabilities(claims, feats, vectors, idf, model)
    links = _links(prob)
    aligned = _weak_chains(align(claims, feats, vectors, idf, model, prob), links, model.threshold)
    groups = link_disputes(aligned, claims, feats, vectors)
    groups, feats = link_article_disputes(groups, claims, feats, vectors, articles, dispute_model)
    fam = family_map(articles, families)
    published = {a.id: a.published for a in articles}
    words = {a.id: frozenset(_WORDS.findall(a.text.lower())) for a in articles}
    values: dict[str, list[Value]] = {}
    for c in claims:
        values.setdefault(c.article, []).extend(c.values)

    def judged(members: Sequence[int]) -> Judgement:
        """One verdict rule for splitting and for the final group: the same evidence."""
        sub = [claims[m] for m in members]
        return judge(sub, [feats[m] for m in members], fam, published, words, values)

    groups = _strays(groups, claims, links, model.threshold, judged)
    groups = [
        part
        for members in groups
        for part in _standing(
            _split(members, claims, judged, published), claims, links, model.threshold
        )
    ]
    sentence_of = _sentences(claims)
    judgements = [judged(members) for members in groups]
    groups, judgements = _fold_clauses(groups, judgements, claims, sentence_of, judged)
    cited: set[tuple[int, int]] = set()
    verdicts = [j.verdict for j in judgements]
    for at, n in citations(groups, prob, claims, model, verdicts):
        was = verdicts[n]
        j = judged([*groups[n], at])
        # a citation adds a source, never a verdict: the sentence's other fact carries
        # values the group's fact does not (round 11: 1 conflicting group on no fact)
        if j.verdict == was or (was == "single-source" and j.verdict == "corroborated"):
            groups[n] = [*groups[n], at]
            judgements[n] = j
            cited.add((at, n))
    feat_of = {c.id: f for c, f in zip(claims, feats, strict=True)}

    def judged_claims(sub: Sequence[Claim], skip: frozenset[str]) -> Judgement:
        """:func:`judged` for claim records, a slot's new phrases among them."""
        sub_feats = [feat_of.get(c.id) or features(c, index) for c in sub]
        return judge(sub, sub_feats, fam, published, words, values, skip)

    # citations first: they read the pair scores, which cover the extracted claims only,
    # not a slot's new phrases.  Parting slots inserts groups, so a citing group is found
    # again by its member list, which part_slots keeps as it is.
    citing = [(at, groups[n]) for at, n in cited]
    groups, judgements, slot_claims = part_slots(groups, judgements, claims, judged_claims)
    place = {id(members): n for n, members in enumerate(groups)}
    cited = {(at, place[id(members)]) for at, members in citing}
    if slot_claims:
        claims = [*claims, *slot_claims]
        feats = [*feats, *(features(c, index) for c in slot_claims)]
        sentence_of = _sentences(claims)
    out_claims = list(claims)
    out_groups: list[ClaimGroup] = []
    for n, (members, j) in enumerate(zip(groups, judgements, strict=True)):
        members.sort()
        gid = f"{prefix}g{n}"
        for m in members:
            if (m, n) not in cited:
                out_claims[m] = dataclasses.replace(claims[m], group=gid)
        member_claims = [out_claims[m] for m in members]
        out_groups.append(
            ClaimGroup(
                id=gid,
                topic=_label(members, claims, feats, sentence_of),
                verdict=j.verdict,
                claims=tuple(c.id for c in member_claims),
                independent_sources=j.sources,
                sides=j.sides,
                conflict=j.conflict,
            )
        )
    log.debug("%d claims -> %d groups", len(claims), len(out_groups))
    return tuple(out_claims), tuple(out_groups)


def _fold_clauses(
    groups: list[list[int]],
    judgements: list[Judgement],
    claims: Sequence[Claim],
    sentence_of: dict[int, int],
    judged: Callable[[Sequence[int]], Judgement],
) -> tuple[list[list[int]], list[Judgement]]:
    """Fold a group of figure clauses and the group of their sentences into one when
    together they say nothing more: one group's sentences hold the other's, and the
    verdict stays.

    A figure's clause is a claim of its own so that "47 pages" lines up with "48
    pages" inside sentences that differ otherwise; when the sentences themselves make
    a group with the same verdict, the two repeat each other (read by hand in round
    6, 13 of 94 cross-article groups).  A clause group with a verdict of its own (a
    conflict the whole sentences do not show, or another kind of conflict) stays apart.
    """
    statements = {
        n: frozenset(members)
        for n, members in enumerate(groups)
        if len(members) >= 2 and all(claims[m].kind == "statement" for m in members)
    }
    by_sentence = {m: n for n, members in statements.items() for m in members}
    merged: dict[int, int] = {}  # clause group -> the statement group it joined
    taken: set[int] = set()  # statement groups that took one already
    for n, members in enumerate(groups):
        if len(members) < 2 or any(claims[m].kind == "statement" for m in members):
            continue
        sentences = frozenset(sentence_of.get(m, -1) for m in members)
        target = by_sentence.get(min(sentences))
        if target is None or target in taken:
            continue
        mine = statements[target]
        if not (sentences <= mine or mine <= sentences):
            continue
        verdict = (judgements[n].verdict, judgements[n].conflict)
        if (judgements[target].verdict, judgements[target].conflict) != verdict:
            continue
        together = groups[target] + members
        j = judged(together)
        if (j.verdict, j.conflict) == verdict:
            groups[target], judgements[target] = together, j
            merged[n] = target
            taken.add(target)
    keep = [n for n in range(len(groups)) if n not in merged]
    return [groups[n] for n in keep], [judgements[n] for n in keep]


def _split(
    members: list[int],
    claims: Sequence[Claim],
    judged: Callable[[Sequence[int]], Judgement],
    published: Mapping[str, str | None],
) -> list[list[int]]:
    """Split a group that is not a conflict but holds values that cannot both hold.

    Verdict rules call a conflict only on strong evidence; when they do not, a
    group mixing "a .38 revolver" and "a .357 revolver", or a fire "Friday" and
    a visit "Saturday", must not read as corroborated either: its claims are
    parted by compatible values and each part judged on its own.  Two sentences
    whose shared figures all differ ("269 yards ... 29 passes for 201 yards" / "793
    yards ... 39 passes for 302 yards") tell two seasons or occasions
    (:func:`~.verdicts.other_occasion`), so a group of just those two is parted too.
    """
    verdict = judged(members).verdict
    if verdict in ("conflicting", "imprecise") or len(members) < 2:
        return [members]
    if len(members) == 2 and other_occasion(claims[members[0]], claims[members[1]], published):
        return [[members[0]], [members[1]]]
    if any(claims[m].kind == "statement" for m in members):
        return [members]  # whole sentences carry figures of several things
    parts: list[list[int]] = []
    for m in members:
        for part in parts:
            if all(values_agree(claims[m], claims[p]) for p in part[:REPRESENTATIVES]):
                part.append(m)
                break
        else:
            parts.append([m])
    return parts


def _links(prob: Mapping[tuple[int, int], float]) -> dict[int, dict[int, float]]:
    """Each claim's scored pairs (unscored or under half the threshold: absent, read as
    0, as the linkage reads them), so a group's pairs cost its members' degrees, not the
    square of its size (a fact carried by hundreds of wire copies is one group)."""
    out: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), p in prob.items():
        out[i][j] = p
        out[j][i] = p
    return out


def _weak_chains(
    groups: list[list[int]], links: Mapping[int, Mapping[int, float]], threshold: float
) -> list[list[int]]:
    """Groups of three or more claims in which no pair reaches :data:`~.align.PAIR_ONLY`
    times the threshold, parted into their claims.

    Average linkage lets three claims join on three pairs just over the threshold; read
    by hand (round 12, ECB+ in sample), such groups were held together by a name and a
    common word ("Summit has said it was a matter of scheduling" / "The announcement
    was made by Erik Feig, Summit's President of Production" / "Summit says that no deal
    has been signed yet"). A group needs a core: one pair that would make a group of two
    on its own (:data:`~.align.PAIR_ONLY`, the two-claim rule's looser bar); a third
    member corroborates a pairing, it cannot stand in for one.
    """
    bar = threshold * PAIR_ONLY
    out: list[list[int]] = []
    for g in groups:
        inside = frozenset(g)
        if len(g) >= 3 and not any(
            p >= bar for m in g for o, p in links.get(m, {}).items() if o in inside
        ):
            out += [[m] for m in g]
        else:
            out.append(g)
    return out


def _strays(
    groups: list[list[int]],
    claims: Sequence[Claim],
    links: Mapping[int, Mapping[int, float]],
    threshold: float,
    judged: Callable[[Sequence[int]], Judgement],
) -> list[list[int]]:
    """A figure clause beside a group's core whose figures are of no kind the core's
    are, and that would not make a group of two with it, taken out of a group of three
    or more (it stands alone, and a claim alone is not shown).

    The core is the member with the highest summed pair probability inside the group.
    Read by hand (round 12), the commonest flaw of a group with a right core was a
    stray member: "had also rescued two merchant vessels" beside the pirates' capture on
    Saturday, "Esther Williams, who swam to stardom in the 1940's" beside her death on
    Thursday. Pair scores alone drop as many independent rewordings as strays (round 12,
    560 members), and so does a predicate other than the core's (a figure clause's parse
    head is often a noun, "pirate", "vessel"). A figure clause is a claim for its
    figure: one whose figures are all of other kinds than the core's, held to the core
    under the two-claim rule's bar for two predicates (:data:`~.align.PAIR_STRONG` times
    the threshold), carries another detail. On align's groups in sample (round 12s) it
    took 8 strays and 1 carrier; whole sentences are left, where it took more carriers.
    A stray whose leaving would make or undo a conflict stays: a conflict is judged on
    the members' own evidence, and on FNC-1 bodies 300-899 the rest of three such groups
    set two people's ages side by side ("27-year-old Kim Yo Jong" / "the 31-year-old
    despot") once the birth-date clauses had left.
    """
    bar = threshold * PAIR_STRONG
    out: list[list[int]] = []
    for g in groups:
        if len(g) < 3:
            out.append(g)
            continue
        inside = frozenset(g)
        core = max(
            g, key=lambda m: (math.fsum(p for o, p in links.get(m, {}).items() if o in inside), -m)
        )
        kinds = {v.kind for v in claims[core].values}
        stray = [
            m
            for m in g
            if m != core
            and kinds
            and claims[m].kind == "value"
            and claims[m].values
            and not kinds & {v.kind for v in claims[m].values}
            and links.get(m, {}).get(core, 0.0) < bar
        ]
        rest = [m for m in g if m not in stray]
        if not stray or (judged(rest).verdict == "conflicting") != (
            judged(g).verdict == "conflicting"
        ):
            out.append(g)
            continue
        out.append(rest)
        out += [[m] for m in stray]
    return out


def _standing(
    parts: list[list[int]],
    claims: Sequence[Claim],
    links: Mapping[int, Mapping[int, float]],
    threshold: float,
) -> list[list[int]]:
    """The parts of a group :func:`_split` parted, each kept only where it stands as a
    group on its own links, by the linkage's rules (:mod:`.align`): two claims need the
    two-claim rule's bar (:data:`~.align.PAIR_ONLY` times the threshold with one
    predicate, :data:`~.align.PAIR_STRONG` times without), three or more a mean pair
    probability at the threshold (over the pairs the candidates could score, as the
    linkage counts them); other parts fall apart into their claims.

    A group of figure clauses joined through a member whose figures left with another
    part kept two clauses that share a phrase and nothing else ("placed undrafted rookie"
    / "joining the Saints as an undrafted rookie ... rushed for 716 yards"; "the 1950s
    pin-up queen ... who died on Thursday" / "Even in death, Bettie Page is the missing
    link"). A group left whole is the linkage's and is not checked again.
    """
    if len(parts) < 2:
        return parts
    out: list[list[int]] = []
    for part in parts:
        n = len(part)
        if n == 2:
            a, b = part
            p = links.get(a, {}).get(b, 0.0)
            stands = p >= threshold * PAIR_ONLY and (
                p >= threshold * PAIR_STRONG or _one_predicate(claims[a], claims[b])
            )
        elif n >= 3:
            inside = frozenset(part)
            total = math.fsum(
                p for m in part for o, p in links.get(m, {}).items() if o in inside and o > m
            )
            seen = min(n * (n - 1) // 2, n * (CANDIDATES + NEIGHBOURS) // 2)
            stands = total >= threshold * seen
        else:
            stands = True
        out += [part] if stands else [[m] for m in part]
    return out


def _one_predicate(a: Claim, b: Claim) -> bool:
    """Both claims have one predicate, a negation aside (as :mod:`.align` reads it)."""
    pa, pb = a.predicate, b.predicate
    return pa is not None and pb is not None and pa.removeprefix("not ") == pb.removeprefix("not ")
