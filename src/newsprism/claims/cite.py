"""A sentence that states two facts, cited by the group of each.

A group holds one claim per article (:mod:`.align`): an article states a fact once.
But a sentence often states several ("Smith, 36, was charged Friday with murder, the
second arrest in a month"), while another outlet states them in sentences of their
own.  The sentence joins the group of one fact; the group of the other already holds
a claim of another article that the first group holds too, so the linkage could not
merge them, and the second fact loses this article -- lost to the constraint, not to
the pair model (round 10's diagnosis: 27 of the 75 ECB+ facts never grouped).

Here such a sentence is also *cited* by the second group, where all of this holds:

* it is a whole sentence (``statement``): a figure's clause is already a claim of
  its own, lined up apart from its sentence;
* its own group shares an article with the other group (the block), and the other
  group holds no claim of its article, so every group still holds one claim per
  article;
* the other group has two members or more, the sentence's pair probability reaches
  :data:`LINK` times the threshold with *each* of them, and its mean
  :data:`~.align.PAIR_ONLY` times: a second use of a claim needs the evidence a group
  of two needs, from every member.  New groups of two from a citation were nearly all
  wrong ("Thomas rushed for 63 yards" cited beside "he rushed for 716 yards"), so a
  citation never makes a group.

A claim is cited at most once, strongest first.  Its :attr:`~newsprism.model.Claim.group`
names its first group; the citing group lists it among its claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..model import Claim
from .align import PAIR_ONLY, PairModel

__all__ = ["citations"]

#: A cited sentence's pair probability to each member of the citing group, in multiples
#: of the join threshold.  Read by hand on ECB+ in sample (round 11), citations at the
#: linkage's own test (mean at the threshold) were 31 right, 11 partial, 24 wrong of 66;
#: at 1x to each member and 2x on average 15 / 3 / 2 of 20, but held out the extra
#: recall moved two folds' threshold pick (0.15 -> 0.1) and lost a conflict; at 1.5x
#: 12 / 2 / 1 of 15, conflicts kept (benchmarks/RESULTS.md, round 11).
LINK = 1.5
#: Verdicts of the groups that may cite a sentence.
OPEN = frozenset({"corroborated", "single-source"})


def citations(
    groups: Sequence[Sequence[int]],
    prob: Mapping[tuple[int, int], float],
    claims: Sequence[Claim],
    model: PairModel,
    verdicts: Sequence[str] | None = None,
) -> list[tuple[int, int]]:
    """``(claim, group index)``: each claim cited by a second group, strongest first.

    ``prob``: the scored pairs (:func:`.align.pair_probabilities`), ``(i, j)`` with
    ``i < j``; an unscored pair counts 0, as in the linkage.  ``verdicts``: the groups'
    verdicts; a conflicting or imprecise group cites nothing, as a sentence cited for
    another fact takes no side in a conflict (FNC-1 300-899: one more agree-agree pair
    called conflicting without this).
    """
    t = model.threshold
    home = {m: n for n, members in enumerate(groups) for m in members}
    arts = [frozenset(claims[m].article for m in members) for members in groups]
    total: dict[tuple[int, int], float] = defaultdict(float)
    linked: dict[tuple[int, int], int] = defaultdict(int)
    for (i, j), p in prob.items():
        for c, other in ((i, j), (j, i)):
            key = (c, home[other])
            total[key] += p
            linked[key] += p >= t * LINK
    found = []
    for (c, n), links in linked.items():
        own, size = home[c], len(groups[n])
        if (
            claims[c].kind != "statement"
            or own == n
            or size < 2
            or (verdicts is not None and verdicts[n] not in OPEN)
            or links < size  # linked to every member
            or claims[c].article in arts[n]
            or not (arts[own] & arts[n])  # not blocked: the linkage decided
        ):
            continue
        mean = total[(c, n)] / size
        if mean >= t * PAIR_ONLY:
            found.append((-mean, c, n))
    found.sort()
    cited: set[int] = set()
    taken: dict[int, set[str]] = defaultdict(set)
    out = []
    for _, c, n in found:
        article = claims[c].article
        if c in cited or article in taken[n]:
            continue
        cited.add(c)
        taken[n].add(article)
        out.append((c, n))
    return out
