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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..model import Claim
from .features import Features
from .lexicon import DISTANCED, STOP
from .verdicts import disputes, is_denial

__all__ = ["link_disputes"]

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
