"""A denial or debunk joins the group of what it denies.

Alignment (:mod:`.align`) lines up claims that say the same thing in other
words.  A denial says the opposite in few shared words: "rumours that its
robots patrol the campus are not true" against "the robots patrol the campus",
"the claims are being described as a hoax" against the claim itself.  The
pair model scores such pairs low, so the dispute never surfaces (FNC-1's
agree-vs-disagree bodies: 4 of 114 pairs before this step).

After alignment each denial that stands without what it denies looks for the
group it is about: a group holding an assertion from another article that
shares a name with the denial and is close to it in meaning and words.  The
best such group takes the denial; the verdict rules then judge it disputed.
The denial joins even where its own article already asserts in that group:
an article that reports a claim and calls it a hoax is a debunker, and
:func:`.verdicts.judge` keeps it off the asserting side.
Bounded: a story's denials are few (a handful per article at most) and each
is compared only with the assertions that share one of its names.

Most disputing articles have no such sentence (see :mod:`.stance`): for the
pairs of articles the article-level dispute model flags, the claim of the
disputing article that is closest to a claim of the asserting one (sharing a
name and subject: :func:`.verdicts.disputes`) becomes that article's denial
and joins the assertion's group, and every other article of either camp adds
its claim closest to that pair, so each asserting article faces each disputing
one in one disputed group.  A debunk that names none of the report's actors in
its denying sentences, or that only says so as a whole ("PROBABLY FALSE"), is
anchored by the claim it retells closest to the report's: of such pairs, the one
most articles of the camp come close to (:func:`_anchor`).  So is a camp whose
only strict anchor is a side detail no third article comes near (an expert's doubt
against the report's line introducing the expert): what it disputes is the story's
claim, which most of the camp retell (:data:`DETAIL_REACH`).

Each denial placed this way is read as naming the actors of the assertion it was
placed against (:func:`_naming`), so the verdict rules, which want a denial to name
what an assertion states, set the camp's reports aligned with that assertion on its
side even when the debunk never repeats their names.  Where only the article model
says a camp's articles dispute (an anchor pair of two retellings; a debunk none of whose
claims names the report's actors, then placed by its claim closest to the anchor pair),
the disputing article must also deny or debunk in a sentence of its own (:data:`MIN_CUES`).

Once a camp is placed, its denials are read as naming the actors of every report of
their group (a report naming the story's people otherwise than the anchor still faces
them; one naming no one, "It surfaced the tape", is read as naming the anchor's:
:func:`_as_anchor`), and a debunk the group shows by a retelling of the story is shown by its own
denying sentence instead (:func:`_show_debunk`): the side a reader sees for a debunking
outlet is its debunk, not its summary of what it debunks.

The other way round, two articles the dispute model reads as alike (both tell the
story the same way) are never set on opposite sides by a denial one of them
reports: such a denial stands in a group of its own (:func:`_part_alike`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..model import Article, Claim
from .features import Features, claim_kind
from .lexicon import DISTANCED, STOP, may_deny
from .stance import DisputeModel, camps, dispute_model, scored_pairs, signals
from .verdicts import disputes, is_denial

__all__ = ["link_article_disputes", "link_disputes"]

log = logging.getLogger(__name__)

#: Least static-embedding cosine between a denial and the assertion it joins.
MIN_COSINE = 0.55
#: Least word stems (beyond names) they share, cue words excluded.
MIN_STEMS = 2
#: Denials examined per story at most, and assertions per name each is compared with:
#: the cost bound (a denial costs at most its names x POSTINGS comparisons).
MAX_DENIALS = 200
POSTINGS = 256
#: Stems of the dispute vocabulary itself: sharing "report" or "claim" with an
#: assertion says nothing about sharing its subject.
_CUE_STEMS = frozenset(
    """report claim rumor rumour hoax fake false untrue denied denie deny story storie
    news said saying statem true""".split()  # noqa: SIM905
)


def _names(f: Features) -> frozenset[str]:
    return frozenset(e for e in f.entities if e.lower() not in STOP)


def _score(
    d: int,
    a: int,
    feats: Sequence[Features],
    vectors: npt.NDArray[np.float32],
) -> float:
    """How well denial ``d`` fits assertion ``a``, which it :func:`.disputes` (0: not
    close enough in words and meaning)."""
    fd, fa = feats[d], feats[a]
    if not (_names(fd) & _names(fa)):
        return 0.0
    stems = (fd.stems & fa.stems) - _CUE_STEMS
    if len(stems) < MIN_STEMS:
        return 0.0
    cos = float(vectors[d] @ vectors[a]) if len(vectors) else 0.0
    if cos < MIN_COSINE:
        return 0.0
    return cos + 0.05 * min(len(stems), 6)


def link_disputes(
    groups: list[list[int]],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    vectors: npt.NDArray[np.float32],
) -> list[list[int]]:
    """``groups`` with each unmatched denial moved into the group it disputes."""
    denial = [is_denial(c, f) for c, f in zip(claims, feats, strict=True)]
    if not any(denial):
        return groups
    groups = [list(g) for g in groups]
    where = {m: gi for gi, g in enumerate(groups) for m in g}

    asserting = [
        not dn and not DISTANCED.search(c.text) for c, dn in zip(claims, denial, strict=True)
    ]

    def answered(gi: int, d: int) -> bool:
        return any(asserting[m] and claims[m].article != claims[d].article for m in groups[gi])

    # assertions by name: a denial is only compared with claims naming one of its names
    postings: dict[str, list[int]] = defaultdict(list)
    for m, f in enumerate(feats):
        if asserting[m]:
            for name in _names(f):
                postings[name].append(m)
    todo = [d for d in range(len(claims)) if denial[d] and not answered(where[d], d)]
    for d in todo[:MAX_DENIALS]:
        me = claims[d].article
        near = {m for name in _names(feats[d]) for m in postings.get(name, ())[:POSTINGS]}
        scores: dict[int, float] = {}
        for m in near:
            if claims[m].article == me or not disputes(feats[d], feats[m]):
                continue
            # no assertion close enough in meaning: a denial naming the same actors and
            # subject is about the claim most outlets carry (a story's disputed claim)
            s = _score(d, m, feats, vectors) or (0.01 if len(groups[where[m]]) >= 2 else 0.0)
            gi = where[m]
            scores[gi] = max(scores.get(gi, 0.0), s)
        best, best_score = -1, 0.0
        for gi, s in sorted(scores.items()):
            g = groups[gi]
            if s <= 0.0 or gi == where[d]:
                continue
            if any(denial[m] and claims[m].article == me for m in g):
                continue
            # a group more articles carry is the story's claim: prefer it on a near tie
            s += 0.02 * len({claims[m].article for m in g})
            if s > best_score:
                best, best_score = gi, s
        if best < 0:
            continue
        groups[where[d]].remove(d)
        groups[best].append(d)
        where[d] = best
    return sorted((sorted(g) for g in groups if g), key=lambda g: g[0])


#: Pair probability (:mod:`.stance`) under which two articles read alike: a denial
#: one of them reports is not set against the other's assertions (:func:`_part_alike`).
ALIKE = 0.15
#: Least static-embedding cosine between the two claims that carry an article-level
#: dispute (the anchor pair: a denial, or a distanced or negated claim, which must be
#: closer), and between another article's claim and that pair.  Picked on FNC-1 bodies
#: 300-899, never the reported first 300; the figures move little: anchor 0.5-0.6,
#: distanced 0.75-0.85 and recruit 0.5-0.7 give 43-46 of 114 pairs, 22-24 of 310 false.
#: Round 5 (the loose anchor and the alike rule in place; bodies 300-899 and, a second
#: development set, 900-1672, stories from the stance links): recruit 0.5 -> 0.45 places
#: articles that retell the story in other words (54 -> 57 of 114, 23 -> 24 of 310 false;
#: 65 -> 78 of 135, 56 -> 56 of 522); 0.4 and 0.35 add no pair on 300-899 and 2 false.
ANCHOR_COSINE = 0.6
DISTANCED_COSINE = 0.8
RECRUIT_COSINE = 0.45
#: Least cosine of a camp's claim to a loose anchor pair for its article to count as
#: reaching it (:func:`_anchor`); the recruit floor before round 5.
REACH_COSINE = 0.5
#: Claim pairs of a camp checked with :func:`.verdicts.disputes`, best cosine first.
ANCHOR_TRIES = 64
#: Claims of each side of a camp compared when looking for the anchor pair, at most.
MAX_CAMP_CLAIMS = 2000
#: Claims of the other side a recruit is checked against at most.
REPRESENTATIVES = 8
#: The loose anchor (a camp with no strict one): least cosine of any claim of the
#: debunk to the assertion (a distanced one's strict floor; at 0.6 for denying or
#: distanced claims the seeds gained a false dispute); least word stems shared beyond
#: the dispute vocabulary when no name is shared (:func:`_about`).  On FNC-1 bodies
#: 300-899 the figures do not move for floors 0.7-0.9, stems 3-5 or 4-48 tries.
LOOSE_COSINE = 0.8
LOOSE_STEMS = 3
#: Loose anchor pairs weighed by how many articles of the camp come close to them.
LOOSE_TRIES = 16
#: A strict anchor (or a dispute the sentence rules linked) that no article beyond its
#: own two comes near (:func:`_reach`) is a side detail, not what the camp disputes:
#: a loose anchor reaching more of the camp takes its place.  Round 7, the Bali spider
#: with a cross-fitted model: "I think this is extremely suspect ...," Christopher
#: Buddle (a debunk) against the report's line naming Buddle, reach 2, left nine reports
#: unplaced; "Dylan Thomas had a spider crawl underneath his skin", reach 10, places them.
#: Letting any loose anchor of greater reach win also took the Managua camp's to "About
#: 1.5 million people live in the Nicaraguan capital" (10 against 5) and an Ebola
#: camp's to a detail (8 against 7): 3 more agree-agree pairs conflicting on 300-899.
DETAIL_REACH = 2
#: Sentences that deny or debunk (:func:`.stance.signals`) a disputing article needs
#: before its camp is linked on a retelling alone, and before a claim of it that names
#: none of the report's actors may join the disputed group (:func:`_cued`).  Round 10,
#: FNC-1 out of sample (five slices of about 300 bodies, three with cross-fitted models):
#: 77 -> 83 of 187 agree-vs-disagree pairs surfaced, agree-agree conflicting 90 -> 88 of
#: 676 (300-899: 55 -> 55 of 114, 19 -> 18 of 310).  Bodies that disagree with a headline
#: have such a sentence 35 % of the time, bodies that agree 15 %.
MIN_CUES = 1
#: Least static-embedding cosine to the anchor pair of a debunk's own denying or
#: distancing claim for it to place its article when none of its claims names the
#: report's actors (the article having :data:`MIN_CUES` debunking sentences): a debunk
#: words its doubt in its own terms ("A screengrab of the likely untrue story of a
#: priest who supposedly died"), 0.33 from the anchor pair where the recruit floor
#: (:data:`RECRUIT_COSINE`) asks 0.45, so its article stood on no side.  Round 12e (FNC-1,
#: five slices of about 300 bodies out of sample, three of them story folds with
#: cross-fitted models): 90 -> 93 of 187 agree-vs-disagree pairs surfaced, agree-agree
#: pairs called conflicting unchanged (89 of 676); bodies 300-899 unchanged (57 / 18).
#: Floors from 0.0 to 0.3 give the same figures on every slice (nothing tells them
#: apart); 0.2 is a guess that keeps off a doubting sentence about something else.
DEBUNK_COSINE = 0.2
#: Least :func:`_disputing` rank of a disputing article's claim that may carry a dispute:
#: the rest of a debunking article mostly retells the story it debunks.
MIN_RANK = 1


def _disputing(c: Claim, f: Features) -> int:
    """How plainly a claim of a disputing article disputes: 2 a denial or debunk,
    1 distanced or negated wording, 0 neither."""
    return 2 if is_denial(c, f) else 1 if DISTANCED.search(c.text) else 0


def _linked(
    groups: Sequence[Sequence[int]],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    asserting: set[str],
    disputing: set[str],
) -> tuple[int, int] | None:
    """(assertion, denial) of a group already holding a denial from one of the
    disputing articles and what it disputes from one of the asserting articles."""
    for g in groups:
        denials = [
            m for m in g if claims[m].article in disputing and is_denial(claims[m], feats[m])
        ]
        for d in denials:
            for a in g:
                if (
                    claims[a].article in asserting
                    and _asserts(claims[a], feats[a])
                    and disputes(feats[d], feats[a])
                ):
                    return a, d
    return None


def _asserts(c: Claim, f: Features) -> bool:
    return not is_denial(c, f) and not DISTANCED.search(c.text)


def _about(denial: Features, claim: Features) -> bool:
    """The loose anchor's test: :func:`.verdicts.disputes` (a shared actor and
    subject), where the actor is a name beyond the stop words or the two also share
    :data:`LOOSE_STEMS` word stems beyond the dispute vocabulary ("report", "claim"
    alone say nothing about sharing a subject)."""
    return disputes(denial, claim) and (
        bool(_names(denial) & _names(claim))
        or len((denial.stems & claim.stems) - _CUE_STEMS) >= LOOSE_STEMS
    )


def _anchor(
    a_claims: Sequence[int],
    d_claims: Sequence[int],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    vectors: npt.NDArray[np.float32],
    *,
    strict: bool,
    camp: Sequence[int] = (),
) -> tuple[int, int] | None:
    """(assertion, disputing claim) that carry a camp's dispute, or None.

    Strict: a denial (or a distanced or negated claim, which must be closer) sharing
    a name and a subject with the assertion.  Loose, when no such pair exists (FNC-1
    bodies 300-899: 21 of the 62 agree-vs-disagree pairs the article model put in
    camps did not surface, 13 with it): any claim of the debunk close to an assertion
    (:func:`_about`), since a debunk mostly retells what it debunks; of the first
    :data:`LOOSE_TRIES` such pairs, the one most articles of the camp have a claim
    near (``camp``), so the group is the story's claim ("doctors extracted a tropical
    spider ...") and not a detail one report and the debunk happen to share."""
    sims = vectors[list(a_claims)] @ vectors[list(d_claims)].T
    rank = np.array([_disputing(claims[m], feats[m]) for m in d_claims], dtype=float)
    if strict:
        # a denial leads a distanced or negated claim (which needs a closer match)
        least = np.where(rank >= 2, ANCHOR_COSINE, DISTANCED_COSINE)
        ok = (sims >= least) & (rank >= MIN_RANK)
    else:
        ok = sims >= LOOSE_COSINE
    key = np.where(ok, sims + rank, -1.0)
    flat = key.ravel()
    top = np.argpartition(-flat, min(ANCHOR_TRIES, flat.size) - 1)[:ANCHOR_TRIES]
    found: list[tuple[int, int]] = []
    for k in top[np.argsort(-flat[top], kind="stable")]:
        ai, di = divmod(int(k), len(d_claims))
        if key[ai, di] < 0:
            break
        a, d = a_claims[ai], d_claims[di]
        if strict:
            if _names(feats[a]) & _names(feats[d]) and disputes(feats[d], feats[a]):
                return a, d
        elif _about(feats[d], feats[a]):
            found.append((a, d))
            if len(found) >= LOOSE_TRIES:
                break
    if not found:
        return None
    # a debunk retells much of what it debunks: of the pairs that match, the one
    # most articles of the camp have a claim close to is the story's claim
    return max(found, key=lambda pair: (_reach(pair, camp, claims, vectors), -found.index(pair)))


def _reach(
    pair: tuple[int, int],
    camp: Sequence[int],
    claims: Sequence[Claim],
    vectors: npt.NDArray[np.float32],
) -> int:
    """How many articles of the camp (``camp``: their claims) have a claim at
    :data:`REACH_COSINE` or more to the anchor pair's centre: the story's claim
    reaches most of them, a detail two articles happen to share few."""
    centre = vectors[pair[0]] + vectors[pair[1]]
    centre /= float(np.linalg.norm(centre)) or 1.0
    near = vectors[list(camp)] @ centre >= REACH_COSINE
    return len({claims[m].article for m, ok in zip(camp, near, strict=True) if ok})


def _naming(denial: Features, assertion: Features) -> Features:
    """A camp's denial read as naming the actors of the assertion it was placed against.

    The verdict rules put an assertion on the disputed side only when a denial of its
    group names one of its actors (:func:`.verdicts.disputes`): a safeguard for a
    sentence that happens to deny something else.  A camp's denial is placed by what
    it disputes (the article model flags the two articles, the anchor pair carries
    it), and a debunk rarely repeats the names of what it debunks ("The video was a
    fake, according to a witness" against "YouTuber Josh Paler Lin gave a homeless man
    $100"), so without the anchor's actors the reports aligned with the anchor stood
    in the group on no side.  Round 10 (FNC-1, five slices of about 300 bodies out of
    sample, three of them story folds with cross-fitted models): 72 -> 77 of 187
    agree-vs-disagree pairs surfaced, agree-agree pairs called conflicting unchanged
    (90 of 676) on every slice; bodies 300-899 unchanged."""
    return dataclasses.replace(denial, entities=denial.entities | assertion.entities)


def _as_anchor(report: Features, assertion: Features) -> Features:
    """A report of a camp's group that names no one, read as naming the actors and
    words of the anchor's assertion.

    Alignment put the report with the anchor's assertion, yet a report that opens on a
    pronoun ("It surfaced the tape on Monday night without having authenticated it")
    names none of the actors the verdict rules want a denial to share with it
    (:func:`.verdicts.disputes`), so it stood in the disputed group on no side while
    its article asserts what the camp disputes.  Only a nameless report borrows: one
    naming anyone is read by its own names.  Round 11e (FNC-1, five slices of about 300
    bodies out of sample, three of them story folds with cross-fitted models): 85 -> 90
    of 187 agree-vs-disagree pairs surfaced (the Michael Brown audio, the homeless man's
    $100), agree-agree pairs called conflicting 88 -> 89 of 676 (two reports of the
    Bugatti photo, one calling it a hoax); bodies 300-899 unchanged (57 / 18)."""
    return dataclasses.replace(
        report,
        entities=report.entities | assertion.entities,
        stems=report.stems | assertion.stems,
    )


def _part_alike(
    groups: list[list[int]],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    alike: set[frozenset[str]],
) -> list[list[int]]:
    """``groups`` with each denial that faces only assertions of articles reading
    alike to its own (``alike``) moved out to a group of its own.

    Two outlets that tell a story the same way, where one also reports that someone
    denied it ("ISIS denied reports that he was injured"), do not stand on opposite
    sides: the denial is news both carry or could, not one outlet disputing the other.
    On FNC-1 bodies 300-899 (stories from the stance links) every dispute the sentence
    rules made between two articles the model scores under 0.1 was two articles
    agreeing with one claim (12 body pairs, none of the 114 agree-vs-disagree ones);
    parting such denials under :data:`ALIKE` = 0.15 takes 9 of the 32 agree-agree pairs
    called conflicting out and keeps all 54 agree-vs-disagree pairs surfaced (0.1: 4
    out; 0.2: 10 out, one surfaced pair lost)."""
    if not alike:
        return groups
    out: list[list[int]] = []
    for g in groups:
        asserting = {claims[m].article for m in g if not is_denial(claims[m], feats[m])}
        keep: list[int] = []
        for m in g:
            me = claims[m].article
            others = asserting - {me}
            if (
                is_denial(claims[m], feats[m])
                and others
                and all(frozenset((me, art)) in alike for art in others)
            ):
                out.append([m])
            else:
                keep.append(m)
        if keep:
            out.append(keep)
    return sorted((sorted(g) for g in out), key=lambda g: g[0])


def link_article_disputes(
    groups: list[list[int]],
    claims: Sequence[Claim],
    feats: Sequence[Features],
    vectors: npt.NDArray[np.float32],
    articles: Sequence[Article],
    model: DisputeModel | None = None,
) -> tuple[list[list[int]], list[Features]]:
    """``groups`` and ``feats`` with each camp of disputing articles (:func:`.stance.camps`)
    linked to what it disputes: one group holding a claim of every article of the camp
    that has one close enough, the disputing articles' claims marked as denials; and,
    first, each denial facing only articles that read alike to its own parted out
    (:func:`_part_alike`)."""
    feats = list(feats)
    if len(articles) < 2 or len(vectors) != len(claims) or not len(claims):
        return groups, feats
    model = model or dispute_model()
    scored = scored_pairs(articles, model)
    groups = _part_alike(groups, claims, feats, {frozenset(t[:2]) for t in scored if t[2] < ALIKE})
    pairs = [t for t in scored if t[2] >= model.threshold]
    if not pairs:
        return groups, feats
    groups = [list(g) for g in groups]
    where = {m: gi for gi, g in enumerate(groups) for m in g}
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_article[c.article].append(i)
    texts = {x.id: x for x in articles}
    cued: dict[str, bool] = {}

    def _cued(art: str) -> bool:
        """Whether an article has :data:`MIN_CUES` sentences that deny or debunk: the
        article model's word for a camp's side is weaker evidence than a debunk's own
        wording, so the two steps that place claims on that word alone ask for it."""
        if art not in cued:
            cued[art] = signals(texts[art]).cues >= MIN_CUES
        return cued[art]

    for asserting, disputing in camps(pairs):
        a_claims = [
            i for art in asserting for i in by_article[art] if _asserts(claims[i], feats[i])
        ]
        # only a claim that denies or distances can carry the dispute; both lists are
        # capped, so a camp of hundreds of articles costs a bounded matrix
        d_all = [i for art in disputing for i in by_article[art]]
        d_claims = [i for i in d_all if _disputing(claims[i], feats[i]) >= MIN_RANK]
        d_claims, d_all = d_claims[:MAX_CAMP_CLAIMS], d_all[:MAX_CAMP_CLAIMS]
        a_claims = a_claims[:MAX_CAMP_CLAIMS]
        if not a_claims or not d_all:
            continue
        # a dispute the sentence rules already linked is the camp's: its group takes the rest
        anchor = _linked(groups, claims, feats, set(asserting), set(disputing))
        about = disputes
        camp_claims = [i for art in (*asserting, *disputing) for i in by_article[art]]
        camp_claims = camp_claims[: 2 * MAX_CAMP_CLAIMS]
        if anchor is None and d_claims:
            anchor = _anchor(a_claims, d_claims, claims, feats, vectors, strict=True)
        # the debunk's denying sentences name none of the report's actors ("PROBABLY
        # FALSE", "It sounds pretty far-fetched"), or only a side detail no other
        # article of the camp comes near (an expert's doubt against the line naming the
        # expert): a claim it retells that more of the camp come near carries it
        if anchor is None or _reach(anchor, camp_claims, claims, vectors) <= DETAIL_REACH:
            loose = _anchor(a_claims, d_all, claims, feats, vectors, strict=False, camp=camp_claims)
            if loose is not None and (
                anchor is None or _reach(loose, camp_claims, claims, vectors) > DETAIL_REACH
            ):
                anchor, about = loose, _about
        if anchor is None:
            log.debug("camp %s vs %s: no anchor pair", asserting, disputing)
            continue
        a, d = anchor
        if _disputing(claims[d], feats[d]) == 0 and not any(_cued(x) for x in disputing):
            # two retellings of the story and no debunking word in the disputing articles:
            # nothing but the model says they dispute (FNC-1: one politician's tweet quoted
            # by both sides; "ESPN has covered domestic violence" against "ESPN is going to
            # have an in-depth discussion on the NFL's domestic violence problem")
            log.debug("camp %s vs %s: a retelling with no denial behind it", asserting, disputing)
            continue
        log.debug(
            "camp %s vs %s: anchor %r / %r",
            asserting,
            disputing,
            claims[a].text[:80],
            claims[d].text[:80],
        )
        target = where[a]
        centre = vectors[a] + vectors[d]
        centre /= float(np.linalg.norm(centre)) or 1.0
        denials = [d]
        feats[d] = _naming(feats[d], feats[a])
        # the assertions a recruited denial may dispute
        said = [
            m
            for m in groups[target]
            if claims[m].article in asserting and _asserts(claims[m], feats[m])
        ][:REPRESENTATIVES]
        for art in (*disputing, *asserting):  # denials first: an assertion may answer any
            deny = art in disputing
            mine = [m for m in groups[target] if claims[m].article == art]
            if deny:
                # what a disputing article repeats of the claim (to debunk it) is not its
                # side: only its denying or distancing claims stay, the rest leave
                for m in mine:
                    if _disputing(claims[m], feats[m]) >= MIN_RANK:
                        denials.append(m)
                        feats[m] = _naming(feats[m], feats[a])
                    elif m != d:
                        groups[target].remove(m)
                        groups.append([m])
                        where[m] = len(groups) - 1
                if any(m in denials for m in mine) or art == claims[d].article:
                    continue
            elif art == claims[a].article or any(
                _asserts(claims[m], feats[m]) and any(about(feats[x], feats[m]) for x in denials)
                for m in mine
            ):
                continue  # already on the asserting side of the dispute
            pool = [
                m
                for m in by_article[art]
                if (deny or _asserts(claims[m], feats[m]))
                and float(vectors[m] @ centre) >= RECRUIT_COSINE
                and (
                    any(about(feats[m], feats[x]) for x in said)
                    if deny
                    else any(about(feats[x], feats[m]) for x in denials)
                )
            ]
            if not pool and deny and _cued(art):
                # a debunk whose claims name none of the report's actors (its experts
                # doubt "that it was a spider"): its claim closest to the anchor pair, or
                # its own doubting claim nearer the story than DEBUNK_COSINE, unless that
                # claim already stands in another dispute
                pool = [
                    m
                    for m in by_article[art]
                    if float(vectors[m] @ centre)
                    >= (DEBUNK_COSINE if _disputing(claims[m], feats[m]) else RECRUIT_COSINE)
                    and not any(is_denial(claims[x], feats[x]) for x in groups[where[m]] if x != m)
                ]
            if not pool:
                log.debug("  %s: nothing close enough", art)
                continue
            best = max(
                pool,
                key=lambda m: (
                    _disputing(claims[m], feats[m]) if deny else 0,
                    float(vectors[m] @ centre),
                    -m,
                ),
            )
            if deny:
                denials.append(best)
                feats[best] = _naming(feats[best], feats[a])
            groups[where[best]].remove(best)
            groups[target].append(best)
            where[best] = target
        if where[d] != target:
            groups[where[d]].remove(d)
            groups[target].append(d)
            where[d] = target
        reports = [
            m
            for m in groups[target]
            if claims[m].article in asserting and _asserts(claims[m], feats[m])
        ]
        for m in reports:
            if not _names(feats[m]):
                feats[m] = _as_anchor(feats[m], feats[a])
        named = frozenset[str]().union(*(feats[m].entities for m in reports))
        for m in denials:
            feats[m] = dataclasses.replace(
                feats[m], kind="denial", entities=feats[m].entities | named
            )
        for art in disputing:
            _show_debunk(
                art, target, groups, where, by_article[art], claims, feats, vectors, centre
            )
    return sorted((sorted(g) for g in groups if g), key=lambda g: g[0]), feats


def _doubts(c: Claim) -> bool:
    """Whether a claim shows its article's doubt by its own wording: a denial or debunk,
    distancing or negation, or any word of denial ("is denying a congressman's
    assertion", which the denial pattern does not read): such a claim stays."""
    return c.polarity == "denied" or bool(DISTANCED.search(c.text)) or may_deny(c.text)


#: Least static-embedding cosine of a debunking sentence to a camp's anchor pair for it
#: to stand in for its article's retelling in the disputed group (:func:`_show_debunk`):
#: only a sentence pointing away from the story is refused.  Generic debunk lines ("It
#: is a hoax") sit at 0.08-0.27, so any higher floor refused them all (round 11).
SHOW_COSINE = 0.0


def _show_debunk(
    art: str,
    target: int,
    groups: list[list[int]],
    where: dict[int, int],
    mine: Sequence[int],
    claims: Sequence[Claim],
    feats: list[Features],
    vectors: npt.NDArray[np.float32],
    centre: npt.NDArray[np.float32],
) -> None:
    """A disputing article shown in the disputed group by what it retells of the story
    (the loose anchor, or a recruit closest to the anchor pair) is shown by its own
    denial or debunk instead, when it has one near the story: a reader looking at the
    debunking outlet's side wants "the video was staged", not the debunk's summary of
    the video.

    The debunking sentence takes the retelling's place and is read as about what the
    retelling states (its actors, subject and words joined to the sentence's own): the
    retelling placed the article in the group, and a debunk rarely repeats the names
    of what it debunks ("PROBABLY FALSE"), so the verdict sets the same reports against
    it.  The retelling leaves for a group of its own, as a debunk's other retellings
    do.  Only a sentence in no group with another article's claims is taken: one
    already facing another outlet stays where it is."""
    shown = [m for m in groups[target] if claims[m].article == art]
    if not shown or any(_doubts(claims[m]) for m in shown):
        return
    pool = [
        m
        for m in mine
        if claims[m].polarity == "denied"
        and (
            where[m] == target
            or not any(
                claims[x].article != art
                and _asserts(claims[x], feats[x])
                and disputes(feats[m], feats[x])
                for x in groups[where[m]]
            )
        )
        and float(vectors[m] @ centre) >= SHOW_COSINE
    ]
    if not pool:
        return
    best = max(pool, key=lambda m: (float(vectors[m] @ centre), -m))
    f = feats[best]
    for m in shown:
        g = feats[m]
        f = dataclasses.replace(
            f,
            entities=f.entities | g.entities,
            concepts=f.concepts | g.concepts,
            stems=f.stems | g.stems,
        )
        groups[target].remove(m)
        groups.append([m])
        where[m] = len(groups) - 1
        feats[m] = dataclasses.replace(g, kind=claim_kind(claims[m]))
    feats[best] = dataclasses.replace(f, kind="denial")
    groups[where[best]].remove(best)
    groups[target].append(best)
    where[best] = target
