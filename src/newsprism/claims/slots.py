"""A slot's verdict apart from the group whose sentences carry it.

A group is one proposition, but its sentences carry details of their own: "The four
robbers ... stole nearly all the jewellery at Harry Winston" and "Harry Winston's Paris
store was stormed by as many as four robbers" state one robbery, in one place, and one
of them states the number of robbers more loosely. One verdict for the whole group tells
a reader that the robbery, the store and the city are in doubt too. So when a group's
verdict is about one slot (:class:`~.verdicts.Slot`: a figure, a date, a time of day, or
a person one outlet names differently) and the group says more than that slot, the slot
is judged apart: each account of it becomes a claim of its own (the phrase around its
value, within its clause), those claims are a group listed just before the group, with
the slot's verdict, and the group is judged on the rest of what its claims say. A looser
account of a slot fewer than half the articles give, never the group's verdict
(:mod:`.verdicts`), is shown the same way. Conflicts of figures and dates stay the
group's verdict: parted, conflicts read right only through them were lost (RESULTS,
round 11).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..model import Claim, Value
from .lexicon import STOP
from .verdicts import NAME_SLOT, Judgement, slot_accounts

__all__ = ["part_slots", "slot_phrase"]

#: Value kinds a claim record stores (a time of day or a name is read from the text).
_STORED = frozenset(["money", "count", "percent", "age", "date", "day", "period"])
#: Words either side of a value that its phrase keeps, within its clause.
PHRASE_WORDS = 3
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
#: Content words two articles' claims share outside the slot for the group to say more
#: than the slot: one shared word is often just the subject ("the Harbor Authority").
_MORE = 2
#: Letters a word is compared by, as :mod:`.verdicts` compares words near a figure.
_STEM = 6
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—]|\s-\s")

#: Judges a group of claims, comparing no value of the slots given.
Judge = Callable[[Sequence[Claim], frozenset[str]], Judgement]


def slot_phrase(claim: Claim, value: Value) -> tuple[int, int] | None:
    """Offsets in ``claim.text`` of the phrase around ``value``: the value and up to
    :data:`PHRASE_WORDS` words either side, never across a clause break (a comma, a
    parenthesis, a dash), so the phrase reads as the account of that one detail; a
    value set off alone ("LuAnn Johnson, 66, of Burnsville") takes the words before
    its break, which say whose it is."""
    at = claim.text.find(value.text)
    if at < 0:
        return None
    end = at + len(value.text)
    start = _left(claim.text, at, crossing=False)
    stop = _right(claim.text, end)
    if start == at and stop == end:
        start = _left(claim.text, at, crossing=True)
    return start, stop


def _left(text: str, at: int, crossing: bool) -> int:
    """Where the phrase before offset ``at`` starts: up to :data:`PHRASE_WORDS` words,
    stopping at a clause break unless ``crossing`` (then the break just before ``at``
    is stepped over)."""
    before = text[:at]
    if crossing:
        before = before.rstrip()
        before = before[:-1] if before and _CLAUSE_BREAK.match(before[-1]) else before
    breaks = list(_CLAUSE_BREAK.finditer(before))
    bound = breaks[-1].end() if breaks else 0
    words = list(re.finditer(r"\S+", before[bound:]))[-PHRASE_WORDS:]
    return bound + words[0].start() if words else at


def _right(text: str, end: int) -> int:
    after = text[end:]
    cut = _CLAUSE_BREAK.search(after)
    tail = list(re.finditer(r"\S+", after[: cut.start()] if cut else after))[:PHRASE_WORDS]
    return end + tail[-1].end() if tail else end


def _says_more(members: Sequence[int], claims: Sequence[Claim], phrases: Sequence[Claim]) -> bool:
    """Whether the group's claims, the slot's phrases taken out, still have
    :data:`_MORE` content words in common across articles: the sentences say more than
    the slot ("stole ... at
    Harry Winston" beside "four robbers").  When all they share is the slot ("The
    Authority has spent nearly $2 million on repairs" / "... tens of millions of dollars
    on repairs"), the slot is what the group asserts and its verdict stays the group's."""
    cut: dict[str, list[tuple[int, int]]] = {}
    for p in phrases:
        cut.setdefault(p.article, []).append((p.start, p.end))
    seen: dict[str, str] = {}  # a content word -> the first article using it
    shared: set[str] = set()
    for m in members:
        c = claims[m]
        text = c.text
        for start, end in cut.get(c.article, ()):
            lo, hi = max(start - c.start, 0), min(end - c.start, len(text))
            if lo < hi:
                text = text[:lo] + " " * (hi - lo) + text[hi:]
        for w in _WORD.findall(text.lower()):
            if w in STOP:
                continue
            key = w[:_STEM]
            if seen.setdefault(key, c.article) != c.article:
                shared.add(key)
    return len(shared) >= _MORE


def part_slots(
    groups: list[list[int]],
    judgements: list[Judgement],
    claims: Sequence[Claim],
    judged: Judge,
) -> tuple[list[list[int]], list[Judgement], list[Claim]]:
    """Imprecise groups whose verdict is about one slot, parted: a group of the slot's
    accounts (new claims, indices after ``claims``) with that verdict, then the group
    judged without the slot.  Returns the groups, their judgements and the new claims."""
    out_groups: list[list[int]] = []
    out_judgements: list[Judgement] = []
    extra: list[Claim] = []
    shown: list[tuple[str, int]] = []  # each slot group's key and place in ``out_groups``
    for members, j in zip(groups, judgements, strict=True):
        parted = _part(members, j, claims, judged)
        if isinstance(parted, Judgement):
            out_groups.append(members)
            out_judgements.append(parted)
            continue
        key, new, slot_j, rest = parted
        every = [*claims, *extra]
        merged = None
        for k, n in shown:
            held = [every[m] for m in out_groups[n]]
            if k != key or not any(_overlap(a, b) for a in held for b in new):
                continue
            # one slot told in several groups (a sentence's and its clause's, or two
            # muddled groups of one story): one group of its accounts, not one per parent
            fresh = [c for c in new if not any(_overlap(c, h) for h in held)]
            together = judged([*held, *fresh], frozenset())
            if together.verdict == slot_j.verdict:
                merged = n, fresh, together
                break
        if merged is not None:
            n, fresh, together = merged
            out_groups[n] += range(len(every), len(every) + len(fresh))
            out_judgements[n] = together
            extra += fresh
            out_groups.append(members)
            out_judgements.append(rest)
            continue
        shown.append((key, len(out_groups)))
        out_groups += [list(range(len(every), len(every) + len(new))), members]
        out_judgements += [slot_j, rest]
        extra += new
    return out_groups, out_judgements, extra


def _overlap(a: Claim, b: Claim) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _part(
    members: list[int],
    j: Judgement,
    claims: Sequence[Claim],
    judged: Judge,
) -> tuple[str, list[Claim], Judgement, Judgement] | Judgement:
    """The slot's key, its new claims, their judgement and the rest's; or the group's
    judgement when it stays whole."""
    if j.slot is not None and (j.verdict == "imprecise" or j.slot.key.startswith(NAME_SLOT)):
        slot, verdict = j.slot, j.verdict
        rest = judged([claims[m] for m in members], frozenset([slot.key]))
        if rest.verdict == verdict:
            return j
    elif j.aside is not None:
        slot, verdict, rest = j.aside, "imprecise", j
    else:
        return j
    accounts = slot_accounts([claims[m] for m in members], slot)
    holding = {c.id for c, _ in accounts}
    if all(claims[m].kind == "value" and claims[m].id in holding for m in members):
        return j  # clauses around the slot's figures: the group is the slot
    new: list[Claim] = []
    at: set[tuple[str, int, int]] = set()
    for c, v in accounts:
        span = slot_phrase(c, v)
        if span is None:
            continue
        key = (c.article, c.start + span[0], c.start + span[1])
        if key in at:
            continue
        at.add(key)
        new.append(
            dataclasses.replace(
                c,
                id=f"{c.id}s{len(new)}",
                text=c.text[span[0] : span[1]],
                start=key[1],
                end=key[2],
                values=(v,) if v.kind in _STORED else (),
                kind="value",
                group=None,
            )
        )
    if len({c.article for c in new}) < 2 or not _says_more(members, claims, new):
        return j
    own = judged(new, frozenset())
    if own.verdict != verdict:
        return j  # the phrases alone do not show it
    return slot.key, new, own, rest
