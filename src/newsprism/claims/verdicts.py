"""The verdict for one group of claims, with the sides a reader must see.

Rules, strongest first, each needing evidence inside the group:

* **conflicting** -- two claims from different articles give values of one
  quantity that cannot both hold (disjoint figures, different days of one
  event), or a denial ("denied", "only one call") stands against an
  assertion.  Two values in the *same* article are taken to be different
  quantities, never a conflict.  Counts from articles published on different
  days may be updates (a death toll rising), so they are imprecise instead.
* **imprecise** -- one account of a slot looser than another, both holding: a vague
  figure ("tens of millions") beside a precise one ("nearly $120 million"), a hedged
  one beside the same figure said exactly, a coarser unit ("three-month" / "90-day"),
  a coarser date, a looser time of day.  Both are shown, neither called false; and only
  for a slot at least half the group's articles state (an article silent on it says
  less, not something vaguer).  The judgement names the slot it is about
  (:class:`Slot`), or a slot fewer articles state more loosely (``aside``), so that
  :mod:`.slots` can show that detail apart from the rest of what the sentences say.
* **corroborated** -- two or more independent sources (a derivation family
  counts once), no conflict.
* **single-source** -- one independent source.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .._words import WEEKDAYS
from ..model import Claim, ConflictKind, Side, Value, Verdict
from .dates import ClockTime, DateRange, clock_times
from .features import Features
from .label import uncued
from .lexicon import DEBUNK, DENIAL, DISTANCED, STOP, TIME_UNITS, may_debunk, may_deny
from .values import (
    AMOUNT_KINDS,
    HEDGES,
    Amount,
    amount_of,
    amounts_compatible,
    date_range,
    dates_compatible,
)

__all__ = [
    "NAME_SLOT",
    "Judgement",
    "Slot",
    "denies",
    "disputes",
    "independent_sources",
    "is_denial",
    "judge",
    "other_occasion",
    "slot_accounts",
    "slot_key",
    "values_agree",
]

#: Pairs of claims compared per group at most; groups of thousands sample.
_MAX_PAIRS = 4000
_SIDE_CHARS = 160
#: Figures further apart than this factor are taken to measure different things.
_MAX_RATIO = 3.0
#: Two accounts of one figure that conflict differ by less than this factor ("47" and
#: "48 pages", "$42" and "$45 million", "three" and "four weeks"); further apart, two
#: figures of one kind are usually two quantities (a season and a game).
_CONFLICT_RATIO = 1.5
#: Words either side of a figure that say what it measures.
_WINDOW = 4
#: Time units whose counts can be one span two outlets state differently ("hospitalized
#: for three weeks" / "for four weeks"); years, seasons and games are usually different
#: spans ("21 years in power", "two years after") and never make a conflict.
_DURATIONS = frozenset(["minute", "hour", "day", "week", "month"])
#: Figures two claims share that must all differ for them to be two occasions.
_ALL_DIFFER = 2
_WEEKDAY_NAMES = frozenset(WEEKDAYS)
#: Candidate conflicts examined per group before giving up.
_MAX_CANDIDATES = 50


def independent_sources(claims: Sequence[Claim], family: Mapping[str, str]) -> int:
    return len({family.get(c.article, c.article) for c in claims})


def is_denial(claim: Claim, feats: Features) -> bool:
    """Whether a claim denies or debunks what it states (records made without the
    extractor carry no polarity; their text still says so)."""
    return claim.polarity == "denied" or feats.kind == "denial"


#: Word stems a denial must share with what it denies when no concept class joins them.
_DISPUTE_STEMS = 3


def disputes(denial: Features, claim: Features) -> bool:
    """Whether a denial or debunk is about what ``claim`` asserts: :func:`denies`, or
    a shared name and at least :data:`_DISPUTE_STEMS` shared word stems ("a fake
    story claiming Nasa forecast six days of darkness" against "Nasa confirmed six
    days of darkness")."""
    if denies(denial, claim):
        return True
    shared_name = bool(denial.entities & claim.entities)
    return shared_name and len(denial.stems & claim.stems) >= _DISPUTE_STEMS


def denies(denial: Features, claim: Features) -> bool:
    """Whether a denial is about what ``claim`` asserts: a shared actor and a shared
    subject matter other than reporting itself ("denied the report" alone is not enough)."""
    topic = (denial.concepts & claim.concepts) - {"deny", "report"}
    return bool(topic) and bool(denial.entities & claim.entities)


def _context(claim: Claim, value: Value) -> set[str]:
    """Plain words within a few words of a figure: what the number counts or measures."""
    at = claim.text.find(value.text)
    if at < 0:
        return set()
    before = claim.text[:at].split()[-_WINDOW:]
    after = claim.text[at + len(value.text) :].split()[:_WINDOW]
    words = (w.strip(".,;:()\"'“”’").lower() for w in before + after)
    return {w[:6] for w in words if w.isalpha() and w not in STOP and len(w) > 2}


_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"]
)


def _attributive(claim: Claim, value: Value) -> bool:
    """A date used as a modifier ("the March 11, 2005 rampage", "a 2008 conviction")
    dates the noun after it, not the claim's event."""
    at = claim.text.find(value.text)
    if at < 0:
        return False
    before = claim.text[:at].split()
    after = claim.text[at + len(value.text) :]
    if not before or not after[:2].strip()[:1].isalpha():
        return False
    word = before[-1].lower()
    return word in _DETERMINERS or word.endswith(("'s", "’s"))


def _same_event(a: Features, b: Features) -> bool:
    """Two dates conflict only for one actor doing one thing: the same leftmost actor
    and the same verb (or verb concept) next to the date."""
    return a.event is not None and a.event == b.event and a.first == b.first


def _age_holder(claim: Claim, value: Value) -> str | None:
    """Whose age a figure gives: the word after "36-year-old", the name before ", 36,"."""
    at = claim.text.find(value.text)
    if at < 0:
        return None
    if value.text[:1].isdigit() and "old" in value.text:
        after = claim.text[at + len(value.text) :].split()
        return after[0].strip(".,;:'’").lower() if after else None
    before = claim.text[:at].rstrip(", ").split()
    return before[-1].strip(".,;:'’").lower() if before and before[-1][:1].isupper() else None


def _same_quantity(a: Claim, va: Value, aa: Amount, b: Claim, vb: Value, ab: Amount) -> bool:
    """Whether two figures plausibly measure one thing: within a factor of
    :data:`_MAX_RATIO` (a share price and a takeover price are not one figure) and
    described by at least one common word near the number."""
    lo, hi = sorted((max(aa.value, 1e-9), max(ab.value, 1e-9)))
    if hi / lo > _MAX_RATIO:
        return False
    if aa.unit == "age":  # one person's age: "15-year-old Timmons" is not his friend's 16
        holder = _age_holder(a, va)
        return holder is not None and holder == _age_holder(b, vb)
    if _counted_noun(aa) and aa.unit == ab.unit:
        # "the four robbers" / "as many as four robbers": in one aligned group, the same
        # counted noun is what the number counts; measure units ("days", "%", "$") say
        # nothing of what is measured, so they need a word in common near the number
        return True
    return bool(_context(a, va) & _context(b, vb))


def _counted_noun(a: Amount) -> bool:
    unit = a.unit
    return unit.isalpha() and unit.islower() and unit not in TIME_UNITS and len(unit) > 2


def _vaguer(a: Amount, b: Amount) -> bool:
    """One figure stated with less precision than the other, both holding: an open
    bound ("more than $250,000", "as many as four") or a rounding ("about 300",
    "nearly $100 billion") beside the figure stated exactly or hedged otherwise.
    Both are shown; neither is called false."""
    if a.restrictive or b.restrictive or (a.hedge is None and b.hedge is None):
        return False
    if a.value == b.value and _approximate(a.hedge) and _approximate(b.hedge):
        return False  # "about 500" / "an estimated 500": one figure, equally loose
    return (a.low, a.high) != (b.low, b.high)


def _approximate(hedge: str | None) -> bool:
    """A hedge that rounds either way ("about", "an estimated"), not a bound."""
    if hedge is None:
        return False
    lo, hi = HEDGES[hedge]
    return lo < 1.0 < hi


#: Days in each duration unit, to set "12 days" beside "less than two weeks".
_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44}


def _in_days(a: Amount) -> Amount:
    k = _DAYS[a.unit]
    return Amount(a.value * k, a.low * k, a.high * k, "day", a.hedge, a.vague)


def _within_ratio(aa: Amount, ab: Amount, ratio: float = _MAX_RATIO) -> bool:
    lo, hi = sorted((max(aa.value, 1e-9), max(ab.value, 1e-9)))
    return hi / lo <= ratio


def _date_values(c: Claim) -> list[Value]:
    """A claim's dates, a weekday written in apposition to the date after it ("Sunday,
    February 1, 2009") counted once: the date says the day."""
    dates = [v for v in c.values if v.kind in ("date", "day")]
    out = []
    for n, v in enumerate(dates):
        nxt = dates[n + 1] if n + 1 < len(dates) else None
        if nxt is not None and _weekday_word(v) and _adjacent(c.text, v, nxt):
            continue
        out.append(v)
    return out


def _weekday_word(v: Value) -> bool:
    return v.kind == "day" or v.text.split()[-1].lower() in _WEEKDAY_NAMES


def _adjacent(text: str, first: Value, second: Value) -> bool:
    at = text.find(first.text)
    if at < 0:
        return False
    return text[at + len(first.text) :].lstrip(", ").startswith(second.text)


def _period_values(c: Claim) -> list[Value]:
    return [v for v in c.values if v.kind == "period"]


def _amounts(c: Claim) -> list[tuple[Value, Amount]]:
    out = []
    for v in c.values:
        a = amount_of(v)
        if a is not None and not a.restrictive:
            out.append((v, a))
    return out


def _pairs(n: int) -> list[tuple[int, int]]:
    pairs = list(itertools.combinations(range(n), 2))
    if len(pairs) > _MAX_PAIRS:
        step = len(pairs) / _MAX_PAIRS
        pairs = [pairs[int(k * step)] for k in range(_MAX_PAIRS)]
    return pairs


def _side_text(c: Claim, v: Value | None) -> str:
    text = uncued(c.text)  # who said it stays: a side is one outlet's account
    if len(text) > _SIDE_CHARS:
        text = text[: _SIDE_CHARS - 1] + "…"
    return f"{v.text}: {text}" if v is not None else text


def _sides(groups: list[list[tuple[Claim, Value | None]]]) -> tuple[Side, ...]:
    out = []
    for members in groups:
        first_claim, first_value = members[0]
        ids = tuple(dict.fromkeys(c.id for c, _ in members))
        out.append(Side(text=_side_text(first_claim, first_value), claims=ids))
    return tuple(out)


def slot_key(v: Value) -> str:
    """The slot a value fills, as verdicts compare them: a time of day, a date (days,
    dates and periods are compared with each other), a span of time in any unit, or a
    figure of one kind and unit ("count:robber", "money:USD", "age:age")."""
    if v.kind == "time":
        return "time"
    amount = amount_of(v)
    if amount is None:
        return "date"
    return "span" if amount.unit in _DAYS else f"{v.kind}:{amount.unit}"


#: The key of a person two articles name differently: ``"name:smith|butler"``, the
#: two surnames (see :func:`_name_conflict`).
NAME_SLOT = "name:"


@dataclass(frozen=True, slots=True)
class Slot:
    """What a value verdict is about: the slot (:func:`slot_key`) and the two accounts
    that showed it ("four robbers" / "as many as four robbers")."""

    key: str
    accounts: tuple[Value, Value]


def slot_accounts(claims: Sequence[Claim], slot: Slot) -> list[tuple[Claim, Value]]:
    """Each claim's accounts of ``slot``: its values of that slot that agree with one
    of the two accounts (another date of the story is not an account of this one), for
    a time of day the times its text states that overlap one, for a person the name as
    written (the capitalised words ending in one of the surnames: "A.J. Smith")."""
    out: list[tuple[Claim, Value]] = []
    if slot.key.startswith(NAME_SLOT):
        surnames = "|".join(re.escape(n) for n in slot.key[len(NAME_SLOT) :].split("|"))
        names = re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{0,3}}(?i:{surnames})\b")
        return [
            (c, Value("name", m.group(0), None)) for c in claims for m in names.finditer(c.text)
        ]
    if slot.key == "time":
        held = [clock_times(v.text) for v in slot.accounts]
        for c in claims:
            for t in clock_times(c.text):
                if any(t.low <= h.high and h.low <= t.high for hs in held for h in hs):
                    out.append((c, _time_value(t)))
        return out
    for c in claims:
        out += [
            (c, v)
            for v in c.values
            if slot_key(v) == slot.key and any(_agrees(v, a) for a in slot.accounts)
        ]
    return out


@dataclass(frozen=True, slots=True)
class _Found:
    """What the value rules found: the verdict, the sides, the slot they are about, and
    a slot fewer than half the articles state, one of them more loosely."""

    verdict: str | None
    sides: tuple[Side, ...] = ()
    slot: Slot | None = None
    aside: Slot | None = None


@dataclass(frozen=True, slots=True)
class _Figures:
    """What the figures of two claims of different articles say of each other."""

    conflicts: tuple[tuple[Value, Value], ...]
    vagues: tuple[tuple[Value, Value], ...]
    agreeing: int
    differing: int

    @property
    def other_occasion(self) -> bool:
        """Every figure the two share differs, at least :data:`_ALL_DIFFER` of them:
        another season or occasion, not two accounts of one."""
        return self.differing >= _ALL_DIFFER and not self.agreeing


def _figures(a: Claim, b: Claim, published: Mapping[str, str | None]) -> _Figures:
    """The figures (amounts) of ``a`` and ``b`` compared pairwise: conflicting pairs,
    vaguer pairs, and how many measure one quantity and agree or differ."""
    conflicts: list[tuple[Value, Value]] = []
    vagues: list[tuple[Value, Value]] = []
    agreeing = differing = 0
    for (va, aa), (vb, ab) in itertools.product(_amounts(a), _amounts(b)):
        if aa.unit in TIME_UNITS and aa.unit not in _DURATIONS:
            # rounds, years, seasons: two of them are rarely one quantity, but one
            # figure said exactly by one outlet and hedged by the other is
            if aa.unit == ab.unit and _hedged_twin(aa, ab):
                vagues.append((va, vb))
            continue
        if aa.unit != ab.unit and aa.unit in _DAYS and ab.unit in _DAYS:
            # one span in two units: only ever vaguer, conversions are loose
            da, db = _in_days(aa), _in_days(ab)
            if (amounts_compatible(da, db) and _vaguer(da, db)) or _coarser_unit(aa, ab):
                vagues.append((va, vb))
            continue
        ok = amounts_compatible(aa, ab)
        if ok is None:
            continue
        if not (aa.vague or ab.vague or _within_ratio(aa, ab)):
            continue
        if aa.vague != ab.vague:
            # a softer call, so grouping is evidence enough that they measure one thing
            vagues.append((va, vb))
            continue
        if not _same_quantity(a, va, aa, b, vb, ab):
            continue
        if ok:
            agreeing += 1
            if _vaguer(aa, ab):
                vagues.append((va, vb))
            continue
        differing += 1
        if va.kind == "count" and _different_days(a, b, published):
            vagues.append((va, vb))  # a toll reported on two days: an update
        elif _within_ratio(aa, ab, _CONFLICT_RATIO):
            conflicts.append((va, vb))
        # further apart (269 and 793 yards): two seasons, not two accounts of one
    return _Figures(tuple(conflicts), tuple(vagues), agreeing, differing)


def other_occasion(a: Claim, b: Claim, published: Mapping[str, str | None]) -> bool:
    """Whether two claims of different articles give figures of the same quantities that
    all differ (at least :data:`_ALL_DIFFER`, none agreeing): two seasons or occasions
    ("269 yards ... 29 passes for 201 yards" / "793 yards ... 39 passes for 302
    yards"), so not two accounts of one proposition."""
    return a.article != b.article and _figures(a, b, published).other_occasion


def _value_conflicts(
    claims: Sequence[Claim],
    feats: Sequence[Features],
    published: Mapping[str, str | None],
    elsewhere: Mapping[str, Sequence[Value]] | None = None,
    skip: frozenset[str] = frozenset(),
) -> _Found:
    """The verdict from comparable values, with its sides (:class:`_Found`); values of
    a slot in ``skip`` are not compared.

    The group was aligned as one proposition (:mod:`.align`), so two values of
    one kind and unit from different articles are taken to measure the same
    thing; the remaining gates keep apart what alignment cannot see: figures
    more than a factor apart, dates that modify a noun, sentences that hold
    several dates.
    """
    conflicts: list[tuple[int, Value, int, Value]] = []
    vagues: list[tuple[int, Value, int, Value]] = []
    for i, j in _pairs(len(claims)):
        a, b = claims[i], claims[j]
        if a.article == b.article:
            continue
        tally = _figures(a, b, published)
        vagues.extend((i, va, j, vb) for va, vb in tally.vagues)
        if not tally.other_occasion:
            conflicts.extend((i, va, j, vb) for va, vb in tally.conflicts)
        # else every figure the two share differs ("269 yards ... 29 passes for 201
        # yards" / "793 yards ... 39 passes for 302 yards"): another season or occasion,
        # not two accounts of one; one account wrong on one figure keeps the rest
        dates_a, dates_b = _date_values(a), _date_values(b)
        few = len(dates_a) <= 2 and len(dates_b) <= 2
        for va, vb in [
            *itertools.product(dates_a, dates_b),
            *itertools.product(_period_values(a), _period_values(b)),
            *itertools.product(dates_a, _period_values(b)),
            *itertools.product(_period_values(a), dates_b),
        ]:
            ra, rb = date_range(va), date_range(vb)
            if ra is None or rb is None:
                continue
            if _attributive(a, va) or _attributive(b, vb):
                continue
            if few and (_finer(ra, rb) or _starts_within(va, ra, vb, rb)):
                vagues.append((i, va, j, vb))  # "in 2010" / "from September 2010"
            if not _comparable_kinds(va, ra, vb, rb) or not _same_event(feats[i], feats[j]):
                continue
            single = len(dates_a) == 1 and len(dates_b) == 1
            if not dates_compatible(ra, rb) and (single or va.kind == "period"):
                conflicts.append((i, va, j, vb))
        vagues.extend((i, ta, j, tb) for ta, tb in _vaguer_times(a, b))
    if skip:
        conflicts = [c for c in conflicts if slot_key(c[1]) not in skip]
        vagues = [c for c in vagues if slot_key(c[1]) not in skip]
    shares = [_slot_share(claims, c[1]) for c in vagues]
    aside = next(
        (
            Slot(slot_key(c[1]), (c[1], c[3]))
            for c, share in zip(vagues[:_MAX_CANDIDATES], shares, strict=False)
            if share < _SLOT_SHARE and not _same_article_holds_both(claims, c[1], c[3], elsewhere)
        ),
        None,
    )
    vagues = [c for c, share in zip(vagues, shares, strict=True) if share >= _SLOT_SHARE]
    found, verdict = None, "conflicting"
    for kind, cands in (("conflicting", conflicts), ("imprecise", vagues)):
        found = next(
            (
                c
                for c in cands[:_MAX_CANDIDATES]
                if not _same_article_holds_both(claims, c[1], c[3], elsewhere)
            ),
            None,
        )
        if found is not None:
            verdict = kind
            break
    if found is None:
        return _Found(None, aside=aside)
    i, va, j, vb = found
    side_a: list[tuple[Claim, Value | None]] = [
        (c, v) for c in claims for v in c.values if _agrees(v, va) and not _agrees(v, vb)
    ]
    side_b: list[tuple[Claim, Value | None]] = [
        (c, v) for c in claims for v in c.values if _agrees(v, vb) and not _agrees(v, va)
    ]
    # the pair that showed the conflict leads each side
    side_a = [(claims[i], va)] + [x for x in side_a if x[0].id != claims[i].id]
    side_b = [(claims[j], vb)] + [x for x in side_b if x[0].id != claims[j].id]
    return _Found(verdict, _sides([side_a, side_b]), Slot(slot_key(va), (va, vb)), aside)


#: One date is vaguer than another when it allows at least this many times the days ("2010" and
#: "September 2010"; "May" and "May 3"), both holding.
_FINER = 3


def _finer(a: DateRange, b: DateRange) -> bool:
    """Two resolved dates that both hold, one far wider than the other."""
    if a.weekday is not None or b.weekday is not None or not dates_compatible(a, b):
        return False
    if not (a.low <= b.low and b.high <= a.high) and not (b.low <= a.low and a.high <= b.high):
        return False
    wa, wb = (a.high - a.low).days + 1, (b.high - b.low).days + 1
    return max(wa, wb) >= _FINER * min(wa, wb)


def _starts_within(va: Value, ra: DateRange, vb: Value, rb: DateRange) -> bool:
    """A period and a coarser date holding its start or end: "in 2010" beside "from
    September 2010 to January 2011" (the stay began in 2010, and the year says less)."""
    if {va.kind, vb.kind} != {"period", "date"} or ra.weekday is not None or rb.weekday is not None:
        return False
    period, date = (ra, rb) if va.kind == "period" else (rb, ra)
    if period.open_end or (date.low <= period.low and period.high <= date.high):
        return False  # inside it: :func:`_finer`'s case
    holds = date.low <= period.low <= date.high or date.low <= period.high <= date.high
    return holds and (date.high - date.low).days >= _FINER * 28


def _comparable_kinds(va: Value, ra: DateRange, vb: Value, rb: DateRange) -> bool:
    """Dates that can conflict: of one kind, or a weekday against one calendar day
    ("Monday" against "February 3, 2009", a Tuesday)."""
    if va.kind == vb.kind:
        return True
    if {va.kind, vb.kind} != {"day", "date"}:
        return False
    day = rb if va.kind == "day" else ra
    return day.low == day.high


#: Share of a group's articles that must state a slot (at least half) for one account
#: of it being vaguer to be the group's verdict.
_SLOT_SHARE = 0.5


def _slot_share(claims: Sequence[Claim], v: Value) -> float:
    """The share of the group's articles that state the slot ``v`` fills: a figure of
    its unit, a date, a time of day.

    A group is one proposition, but its sentences carry details of their own: two of
    five reports giving the hour, one "shortly after" it, does not make the fire
    imprecise.  A slot half the articles or more state is the group's, and one of them
    stating it more loosely is what a reader must see; an article that says nothing
    of it is not vaguer, it says less.
    """
    amount = amount_of(v)
    articles: set[str] = set()
    stating: set[str] = set()
    for c in claims:
        articles.add(c.article)
        if v.kind == "time":
            held = bool(clock_times(c.text))
        elif amount is not None:
            held = any(_same_unit(amount, x) for _, x in _amounts(c))
        else:
            held = any(x.kind in ("date", "day", "period") for x in c.values)
        if held:
            stating.add(c.article)
    return len(stating) / len(articles)


def _same_unit(a: Amount, b: Amount) -> bool:
    return a.unit == b.unit or (a.unit in _DAYS and b.unit in _DAYS)


def _vaguer_times(a: Claim, b: Claim) -> list[tuple[Value, Value]]:
    """Times of day that both hold, one stated more loosely: "shortly after 2 a.m." /
    "just after 2:30 a.m.", "at 06:00" / "shortly after 06:00".  Never a conflict:
    a sentence's times are often of different moments (called at 6, arrived at 6:10)."""
    out = []
    for ta in clock_times(a.text):
        for tb in clock_times(b.text):
            if ta.low <= tb.high and tb.low <= ta.high and (ta.low, ta.high) != (tb.low, tb.high):
                out.append((_time_value(ta), _time_value(tb)))
    return out


def _time_value(t: ClockTime) -> Value:
    """A time as a value for a side's text (never stored: a dossier's values are
    figures and dates)."""
    return Value("time", t.text, None)


def _hedged_twin(a: Amount, b: Amount) -> bool:
    """One figure, said exactly by one and hedged by the other ("300 rounds" / "about 300
    rounds"): the hedge widens or bounds it."""
    if a.value != b.value or (a.hedge is None) == (b.hedge is None):
        return False
    return _approximate(a.hedge or b.hedge)  # "up to 15 years" is a bound, often a maximum


#: Relative difference under which two units state one span exactly (two weeks, 14 days).
_EXACT = 0.01


def _coarser_unit(a: Amount, b: Amount) -> bool:
    """One span in a coarser unit that holds the other's figure but not exactly: "a
    three-month stay" / "a 90-day stay" (91 days); "two weeks" / "14 days" is one
    figure.  The coarse figure is read to half its unit either way."""
    if a.hedge is not None or b.hedge is not None:
        return False
    coarse, fine = (a, b) if _DAYS[a.unit] > _DAYS[b.unit] else (b, a)
    k, f = _DAYS[coarse.unit], fine.value * _DAYS[fine.unit]
    inside = (coarse.value - 0.5) * k <= f <= (coarse.value + 0.5) * k
    return inside and abs(f - coarse.value * k) > _EXACT * coarse.value * k


def values_agree(a: Claim, b: Claim) -> bool:
    """No value of ``a`` contradicts a comparable value of ``b`` (same kind and unit),
    unless one of the two is also stated by the other claim.

    A clause may state two figures of one kind ("$334 million ($281M in cash)"); the
    other account's "$281 million" matches one of them: two figures of one clause
    measure two things, and the other clause states one of them.
    """
    comp = [[_compatible(va, vb) for vb in b.values] for va in a.values]
    clashes = [(n, k) for n, row in enumerate(comp) for k, ok in enumerate(row) if ok is False]
    if not clashes:
        return True
    matched_a = {n for n, row in enumerate(comp) if True in row}
    matched_b = {k for row in comp for k, ok in enumerate(row) if ok is True}
    return all(n in matched_a or k in matched_b for n, k in clashes)


def _compatible(va: Value, vb: Value) -> bool | None:
    """Whether two values of one kind can both hold (None: not comparable)."""
    if va.kind != vb.kind or va.kind == "period":
        return None
    if va.kind in AMOUNT_KINDS:
        x, y = amount_of(va), amount_of(vb)
        if not (x and y) or x.vague or y.vague:
            return None
        return amounts_compatible(x, y)
    ra, rb = date_range(va), date_range(vb)
    if not (ra and rb):
        return None
    return dates_compatible(ra, rb)


def _agrees(v: Value, ref: Value) -> bool:
    if v.kind != ref.kind:
        return False
    if v.kind in AMOUNT_KINDS:
        a, b = amount_of(v), amount_of(ref)
        if a is None or b is None:
            return False
        if a.vague != b.vague:
            return False
        return bool(amounts_compatible(a, b))
    ra, rb = date_range(v), date_range(ref)
    return ra is not None and rb is not None and dates_compatible(ra, rb)


def _same_article_holds_both(
    claims: Sequence[Claim],
    va: Value,
    vb: Value,
    elsewhere: Mapping[str, Sequence[Value]] | None = None,
) -> bool:
    """One article giving both values means they measure different things, whether
    in this group or anywhere in the article (``elsewhere``: each article's values):
    "793 yards" last season and "269 yards" this season, both in one report."""
    values: dict[str, list[Value]] = {}
    for c in claims:
        values.setdefault(c.article, []).extend(c.values)
    if elsewhere is not None and va.kind in AMOUNT_KINDS:
        # figures only: an article names many days, each of its own event
        for art in values:
            values[art].extend(elsewhere.get(art, ()))
    for vs in values.values():
        has_a = any(_agrees(v, va) and not _agrees(v, vb) for v in vs)
        has_b = any(_agrees(v, vb) and not _agrees(v, va) for v in vs)
        if has_a and has_b:
            return True
    return False


def _different_days(a: Claim, b: Claim, published: Mapping[str, str | None]) -> bool:
    pa, pb = published.get(a.article), published.get(b.article)
    return bool(pa and pb and pa[:10] != pb[:10])


@dataclass(frozen=True, slots=True)
class Judgement:
    """A group's verdict, the sides a reader must see, and its independent sources."""

    verdict: Verdict
    sides: tuple[Side, ...]
    sources: int
    conflict: ConflictKind | None = None
    #: The slot a value verdict is about (:func:`slot_key`): what :mod:`.slots` needs to
    #: judge it apart from the rest of the group.
    slot: Slot | None = None
    #: A slot fewer than half the group's articles state, one of them more loosely: not
    #: the group's verdict, but a finding :mod:`.slots` can show as a group of its own.
    aside: Slot | None = None


def _carries_denial(text: str) -> bool:
    """Denial or debunk wording anywhere, a relative clause included: "SpaceX referred
    Axios to its statement, which called the report an 'incredibly misleading story'"
    reports the denial; it is never the side that asserts what is denied."""
    return bool(
        (may_deny(text) and DENIAL.search(text)) or (may_debunk(text) and DEBUNK.search(text))
    )


def _person_names(f: Features) -> list[list[str]]:
    # sorted: a frozenset's order changes with the run's string hashing
    return [
        e.split(":", 1)[1].split("-")
        for e in sorted(f.entities)
        if e.startswith("person:") and e.count("-") >= 1
    ]


def _name_conflict(
    claims: Sequence[Claim],
    feats: Sequence[Features],
    words: Mapping[str, frozenset[str]],
) -> tuple[tuple[Side, ...], Slot] | None:
    """Two articles name a different person in one role: the same first name with
    another surname ("Kristen Stewart will star" / "Kristen Bell in the lead role";
    "general manager A.J. Smith" / "A.J. Butler"), where neither article ever names
    the other's person.  One of them is wrong, and a reader must see both."""
    for i, j in _pairs(len(claims)):
        a, b = claims[i], claims[j]
        if a.article == b.article:
            continue
        for na in _person_names(feats[i]):
            for nb in _person_names(feats[j]):
                if na[0] != nb[0] or na[-1] == nb[-1] or len(na) != len(nb):
                    continue
                if na[-1] in words.get(b.article, ()) or nb[-1] in words.get(a.article, ()):
                    continue  # both people are in the story: two people, not one misnamed
                name_a, name_b = " ".join(na).title(), " ".join(nb).title()
                sides = (
                    Side(text=f"{name_a}: {_side_text(a, None)}", claims=(a.id,)),
                    Side(text=f"{name_b}: {_side_text(b, None)}", claims=(b.id,)),
                )
                accounts = (Value("name", name_a, None), Value("name", name_b, None))
                return sides, Slot(f"{NAME_SLOT}{na[-1]}|{nb[-1]}", accounts)
    return None


def judge(
    claims: Sequence[Claim],
    feats: Sequence[Features],
    family: Mapping[str, str],
    published: Mapping[str, str | None],
    words: Mapping[str, frozenset[str]] | None = None,
    elsewhere: Mapping[str, Sequence[Value]] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Judgement:
    """The verdict for the claims of one aligned group.

    ``words``: each article's lower-case words, for telling a misnamed person from
    two people (see :func:`_name_conflict`); ``elsewhere``: each article's values in
    the story, for telling two quantities from two accounts of one.

    A conflict between two articles of one derivation family is still shown:
    the family counts once for corroboration, but its members' disagreement is
    news to a reader (a correction, an update, a rewrite that changed a figure).
    """
    sources = independent_sources(claims, family)
    articles = {c.article for c in claims}
    denied_of = [is_denial(c, f) for c, f in zip(claims, feats, strict=True)]
    fd = [f for f, d in zip(feats, denied_of, strict=True) if d]
    denials = [c for c, d in zip(claims, denied_of, strict=True) if d]
    asserts = [c for c, d in zip(claims, denied_of, strict=True) if not d]
    if denials and asserts and len(articles) >= 2:
        # alignment says the claims are about one thing; a dispute also needs the
        # denial to name what the assertion states (an actor and a subject)
        denied_arts = {c.article for c in denials}
        denied_feats = [
            (c, f)
            for c, f, d in zip(claims, feats, denied_of, strict=True)
            if not d
            and c.article not in denied_arts
            and not DISTANCED.search(c.text)
            and not _carries_denial(c.text)
            and any(disputes(d, f) for d in fd)
        ]
        if denied_feats:
            # what the denial is most about leads its side: most shared words, then shortest
            denied_feats.sort(
                key=lambda cf: (-max(len(cf[1].stems & d.stems) for d in fd), len(cf[0].text))
            )
            denied = [c for c, _ in denied_feats]
            sides = _sides([[(c, None) for c in denied], [(c, None) for c in denials]])
            return Judgement("conflicting", sides, sources, "disputed")
    if words is not None and not any(k.startswith(NAME_SLOT) for k in skip):
        # the names are a slot of their own: skipping it judges the rest of the sentences
        named = _name_conflict(claims, feats, words)
        if named is not None:
            sides, slot = named
            return Judgement("conflicting", sides, sources, "values", slot)
    found = _value_conflicts(claims, feats, published, elsewhere, skip)
    if found.verdict == "conflicting":
        return Judgement("conflicting", found.sides, sources, "values", found.slot, found.aside)
    if found.verdict == "imprecise":
        return Judgement("imprecise", found.sides, sources, None, found.slot, found.aside)
    verdict: Verdict = "corroborated" if sources >= 2 else "single-source"
    return Judgement(verdict, (), sources, aside=found.aside)
