"""The story's dated events in order, each with the claims that date it.

One event per claim group and date: three outlets dating one event give one
line with three pieces of evidence, not three lines.  A line is a whole
sentence: a date's clause is shown as the sentence it sits in, once, unless the sentence
dates two things (then each date shows its own clause).  Only dates that resolve
to a calendar range appear ("Friday" in an undated article does not); a
period's start ("since 2022") dates when it began.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, TimelineEvent, Value
from .values import date_range

__all__ = ["build_timeline"]

_TEXT_CHARS = 200
_DATED = frozenset({"date", "day", "period"})
#: A date's clause shorter than this reads as a fragment: the sentence is shown instead.
_CLAUSE_WORDS = 5


def build_timeline(
    claims: Sequence[Claim], articles: Sequence[Article] = ()
) -> tuple[TimelineEvent, ...]:
    """Timeline events sorted by date; ``evidence`` lists claim ids.

    ``articles`` is accepted for symmetry with the other story stages (the
    dates were already resolved against each article's date at extraction).
    """
    sentences: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "statement":
            sentences[c.article].append(c)

    def whole(c: Claim) -> Claim:
        """The sentence a figure or date clause sits in: the timeline lists statements."""
        if c.kind == "statement":
            return c
        return next((s for s in sentences[c.article] if s.start <= c.start and c.end <= s.end), c)

    clauses: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "statement":
            clauses[c.article].append(c)

    def line(s: Claim, v: Value) -> Claim:
        """The sentence, or, when it dates two things ("On Tuesday she doubled down, as
        she had in 2009"), the clause of this date: the sentence is not all of 2009."""
        if sum(1 for x in s.values if x.kind in _DATED) < 2:
            return s
        own = [
            c
            for c in clauses[s.article]
            if s.start <= c.start
            and c.end <= s.end
            and v in c.values
            and sum(1 for x in c.values if x.kind in _DATED) == 1
            and len(c.text.split()) >= _CLAUSE_WORDS
            and _ends_at_a_break(s, c)
            and not _LEANS.match(c.text)
        ]
        return min(own, key=lambda c: c.start) if own else s

    events: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        for v in c.values:
            if v.kind not in ("date", "period") or not isinstance(v.value, str):
                continue
            if date_range(v) is None or _names_a_model(c.text, v):
                continue
            iso = v.value[:-3] if v.value.endswith("/..") else v.value
            s = whole(c)
            if c is not s and v in s.values:
                continue  # the sentence itself carries this date: one line, not two
            shown = line(s, v)
            events[(iso, shown.group or shown.id)].append(shown)
    # one line per date and wording: the same sentence in two articles that were not
    # grouped (a caption, a wire paragraph) is one event with both pieces of evidence
    lines: dict[tuple[str, str], list[Claim]] = {}
    for (iso, _), members in events.items():
        first = min(members, key=lambda c: len(c.text))
        text = " ".join(first.text.split())
        if len(text) > _TEXT_CHARS:
            text = text[: _TEXT_CHARS - 1] + "…"
        lines.setdefault((iso, text), []).extend(members)
    out = [
        TimelineEvent(date=iso, text=text, evidence=tuple(dict.fromkeys(c.id for c in members)))
        for (iso, text), members in lines.items()
    ]

    out.sort(key=lambda e: (date_range_of(e.date), e.date, e.text))
    return tuple(out)


def _names_a_model(text: str, v: Value) -> bool:
    """Whether a bare year is the model or vintage of a named thing ("a 2007 silver Ford
    Fusion", "an 1890 Steinway"): a checkable figure, but no event of that year."""
    if not v.text.isdigit():
        return False
    m = re.search(rf"\b[Aa]n? {v.text}\s+(?:[a-z]+\s+)?(?:[A-Z][\w.'’-]*\s*)+", text)
    return m is not None and _EVENT_NOUN.match(text, m.end()) is None


#: What a year before a name may date rather than model: "a 2023 New York Times
#: interview" is an interview of 2023, "a 2007 silver Ford Fusion" a car.
_EVENT_NOUN = re.compile(
    r"(?:interview|report|article|story|study|survey|poll|speech|statement|election|visit"
    r"|trip|ruling|decision|book|film|documentary|letter|memo|meeting|hearing|trial"
    r"|lawsuit|case|campaign|race|season|game|match|tournament|conference|summit|deal"
    r"|agreement|award|debate|podcast|broadcast|episode|profile|op-ed|column)s?\b",
    re.IGNORECASE,
)


#: A clause that opens on a pronoun leans on the clause before it ("he was leaving the
#: show later this year" of "Matt Smith, who announced ... that he was leaving ..."): the
#: sentence is shown instead.
_LEANS = re.compile(r"(?:he|she|it|they|we|i|his|her|its|their|him|them)\b")


#: What may follow a clause that reads whole: punctuation, a dash, or the sentence's end.
_BREAK = frozenset(",;:.!?)—–-\"'”’")


def _ends_at_a_break(sentence: Claim, clause: Claim) -> bool:
    """Whether ``clause`` ends where its sentence pauses: a clause cut before the rest of
    its own words ("The show went off air in 1989 and" | "was revived ...", "Ana Ruiz,
    who announced in June" | "that she would leave") is a fragment, so the sentence is
    shown instead."""
    at = clause.end - sentence.start
    if not 0 < at <= len(sentence.text):
        return False
    rest = sentence.text[at:].lstrip(" ")
    return not rest or rest[0] in _BREAK


def date_range_of(iso: str) -> tuple[str, str]:
    """Sort key: start then end of the range (so "2022" precedes "2022-09")."""
    r = date_range(Value("date", iso, iso))
    if r is None:
        return (iso, iso)
    return (r.low.isoformat(), r.high.isoformat())
