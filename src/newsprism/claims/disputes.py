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
is compared with one representative claim per group.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ..model import Claim
from .features import Features
from .lexicon import STOP
from .verdicts import disputes, is_denial

__all__ = ["link_disputes"]

#: Least static-embedding cosine between a denial and the assertion it joins.
MIN_COSINE = 0.55
#: Least word stems (beyond names) they share, cue words excluded.
MIN_STEMS = 2
#: Denials examined per story at most (each against every group): the cost bound.
MAX_DENIALS = 200
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
    """How well denial ``d`` fits assertion ``a`` (0 when it does not)."""
    fd, fa = feats[d], feats[a]
    if not (_names(fd) & _names(fa)) or not disputes(fd, fa):
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

    def answered(gi: int, d: int) -> bool:
        return any(not denial[m] and claims[m].article != claims[d].article for m in groups[gi])

    todo = [d for d in range(len(claims)) if denial[d] and not answered(where[d], d)]
    for d in todo[:MAX_DENIALS]:
        best, best_score = -1, 0.0
        for gi, g in enumerate(groups):
            if gi == where[d] or not g:
                continue
            if any(denial[m] and claims[m].article == claims[d].article for m in g):
                continue
            s = max(
                (
                    _score(d, m, feats, vectors)
                    for m in g
                    if not denial[m] and claims[m].article != claims[d].article
                ),
                default=0.0,
            )
            if s <= 0.0:
                # no assertion close enough: a denial naming the same actors is about
                # the claim most outlets carry, if any (a story's disputed claim)
                if len(g) < 2 or not any(
                    not denial[m]
                    and claims[m].article != claims[d].article
                    and disputes(feats[d], feats[m])
                    for m in g
                ):
                    continue
                s = 0.01
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
