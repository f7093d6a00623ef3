"""The story's dated events in order, each with the claims that date it.

One event per claim group and date: three outlets dating one event give one
line with three pieces of evidence, not three lines.  A line is a whole
sentence: a date's clause is shown as the sentence it sits in, once.  Only dates that resolve
to a calendar range appear ("Friday" in an undated article does not); a
period's start ("since 2022") dates when it began.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, TimelineEvent, Value
from .values import date_range

__all__ = ["build_timeline"]

_TEXT_CHARS = 200


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

    events: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        for v in c.values:
            if v.kind not in ("date", "period") or not isinstance(v.value, str):
                continue
            if date_range(v) is None:
                continue
            iso = v.value[:-3] if v.value.endswith("/..") else v.value
            s = whole(c)
            if c is not s and v in s.values:
                continue  # the sentence itself carries this date: one line, not two
            events[(iso, s.group or s.id)].append(s)
    out = []
    for (iso, _), members in events.items():
        first = min(members, key=lambda c: len(c.text))
        text = " ".join(first.text.split())
        if len(text) > _TEXT_CHARS:
            text = text[: _TEXT_CHARS - 1] + "…"
        out.append(
            TimelineEvent(date=iso, text=text, evidence=tuple(dict.fromkeys(c.id for c in members)))
        )

    out.sort(key=lambda e: (date_range_of(e.date), e.date, e.text))
    return tuple(out)


def date_range_of(iso: str) -> tuple[str, str]:
    """Sort key: start then end of the range (so "2022" precedes "2022-09")."""
    r = date_range(Value("date", iso, iso))
    if r is None:
        return (iso, iso)
    return (r.low.isoformat(), r.high.isoformat())
