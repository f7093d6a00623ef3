"""Dates in news text as ranges of days, resolved against the article's date.

A date without a year takes the year that puts it nearest publication (forward
when the sentence speaks of the future); a weekday is the last one before
publication, or the next one for the future; "since 2022" is open-ended.  Kept
apart from the figures of :mod:`.values`, which finds both in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .._words import WEEKDAYS
from ..model import Value
from ..quotes.lexicon import CUE_VERBS  # one lexicon of reporting verbs

__all__ = [
    "DATE",
    "FUTURE",
    "FUTURE_WINDOW",
    "PAST",
    "PLANNED",
    "WORD_START",
    "YEAR_RE",
    "DateRange",
    "date_range",
    "dates_compatible",
    "parse_published",
    "past_tense",
    "resolve",
]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = list(WEEKDAYS)
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_PART_RE = (
    r"(?:(?P<part>early|late|mid|the end of|the beginning of|the start of"
    r"|(?:the\s+)?(?:first|second|latter)\s+half\s+of"
    r"|(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter\s+of)[\s-]+)?"
)
#: Where a match of :data:`DATE` or of a figure pattern can start: each of their
#: branches opens with ``\b`` and a word character.  Python's ``re`` cannot skip
#: ahead to a pattern that opens with an optional group or ``\b``, so it tries
#: every branch at every character; this one test first skips the positions inside
#: words (the matches are the same; over PolNeAR's sentences 2.4x faster).
WORD_START = r"(?=\b\w)"
DATE = re.compile(
    WORD_START + r"(?P<since>\b(?:since|from)\s+)?(?:"
    # October 25, 2024 / Oct. 26 / May 03, 2013
    rf"(?P<md>\b{_MONTH_RE}\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>{YEAR_RE}))?)"
    # 25 October 2024
    rf"|(?P<dm>\b(?P<dm_day>\d{{1,2}})\s+{_MONTH_RE}(?:,?\s+(?P<dm_year>{YEAR_RE}))?)"
    # (late) September 2022 / September
    rf"|(?P<my>\b{_PART_RE}(?P<my_month>{_MONTH_RE})(?:\s+(?P<my_year>{YEAR_RE}))?\b)"
    # (late) 2022, mid-2022
    rf"|(?P<y>\b{_PART_RE.replace('part', 'ypart')}(?P<y_year>{YEAR_RE})\b(?![-–/]?\d|%|s\b))"
    # the 1990s
    rf"|(?P<decade>\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b)"
    r"|(?P<iso>\b(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b)"
    r"|(?P<wd>\b(?:(?:last|this|on|next)\s+)?(?P<wd_name>Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)\b)"
    r"|(?P<rel>\b(?:yesterday|today|earlier this (?:week|month|year)|this (?:week|month|year)"
    r"|last (?:week|month|year)|next (?:week|month|year)"
    r"|(?P<ago_n>\w+) (?P<ago_unit>days?|weeks?|months?|years?) ago)\b)"
    r")"
)
_PART_MONTHS = {
    "early": (1, 4),
    "the beginning of": (1, 3),
    "the start of": (1, 3),
    "mid": (5, 8),
    "late": (9, 12),
    "the end of": (10, 12),
    "first half of": (1, 6),
    "second half of": (7, 12),
    "latter half of": (7, 12),
    "first quarter of": (1, 3),
    "second quarter of": (4, 6),
    "third quarter of": (7, 9),
    "fourth quarter of": (10, 12),
    "last quarter of": (10, 12),
}


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a date expression allows; ``open_end`` for "since 2022"."""

    low: dt.date
    high: dt.date
    weekday: int | None = None  # set for an unresolved "Friday"
    open_end: bool = False


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month(text: str) -> int:
    return _MONTHS[text.lower()[:3]]


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _iso_range(lo: dt.date, hi: dt.date) -> str:
    """The shortest ISO 8601 form of a range: "2022", "2022-09", a day, or "a/b"."""
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == _month_end(lo.year, lo.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"{lo.year:04d}"
    return f"{_iso_range(lo, lo) if lo.day != 1 else lo.isoformat()[:7]}/{hi.isoformat()}"


#: Words before a date that put it after publication: "will be arraigned Thursday",
#: "is scheduled to testify on March 3", "his next hearing" (not "the next Doctor" nor
#: "the next day": "the next" names a successor or follows a past account).
FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|(?:is|are|was|were)\s+(?:set|scheduled|due|expected"
    r"|slated|planned|poised|going)\s+to|(?:is|are)\s+(?:set|scheduled|slated|due)\s+(?:for|on)"
    r"|plans?\s+to|intends?\s+to|upcoming|(?<!the )next)\b",
    re.IGNORECASE,
)
#: A date something was put off or fixed for ("a trial date was set for October 28",
#: "the hearing was adjourned until May 3"): the verb is past, the date need not be, so
#: it takes the nearest year, not the one before publication.
PLANNED = re.compile(
    r"\b(?:set|scheduled|slated|rescheduled|fixed|postponed|adjourned|deferred|delayed"
    r"|pushed\s+back|moved)\s+(?:for|to|until|till)\b",
    re.IGNORECASE,
)
#: How far before a date a future marker is looked for, in characters.
FUTURE_WINDOW = 60
#: Past-tense words around a date that put it before publication: "the last press
#: conference was held on Dec. 4" (in July) is the December before, not the next one.
PAST = re.compile(
    r"\b(?:since|was|were|had|did|took|held|met|came|went|began|made|gave|saw|won"
    r"|lost|broke|fell|left|got|found|led|ran|shot|struck|wrote|spoke|sent|paid|sold|\w{3,}ed)\b",
    re.IGNORECASE,
)


#: Days after publication a past-tense date may still fall (a late edit, a time zone).
_PAST_SLACK = 7


def past_tense(text: str, start: int, end: int) -> bool:
    """A past-tense verb in ``text[start:end]`` that is not a reporting verb:
    "officials confirmed", "Sanders reiterated" frame a sentence in any tense."""
    for m in PAST.finditer(text, start, end):
        word = m.group(0).lower()
        stems = (
            word[:-2],
            word[:-1],
            word[:-3],
            word[:-3] + "y",
        )  # asked, noted, admitted, replied
        if not any(s in CUE_VERBS for s in stems):
            return True
    return False


def _closest_year(month: int, day: int, ref: dt.date, future: bool, past: bool = False) -> int:
    """The year that puts a day and month without a year nearest the publication
    date (on or after it when the sentence speaks of the future, on or before it
    when it speaks of the past)."""
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            when = dt.date(year, month, min(day, 28) if month == 2 else day)
        except ValueError:
            continue
        gap = (when - ref).days
        if (future and gap < 0) or (past and not future and gap > _PAST_SLACK):
            continue
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), year)
    return best[1] if best else ref.year


def resolve(
    m: re.Match[str], ref: dt.date | None, future: bool = False, past: bool = False
) -> tuple[str, str | None] | None:
    """(kind, ISO value or None) of one date match, against the article's date.

    Without a year, a date takes the year that puts it nearest publication (not
    after it when the sentence speaks of the past: ``past``); a weekday is the last
    one before publication, or the next one when the sentence speaks of the future
    ("will be arraigned Thursday").
    """
    g = m.group
    if g("md") or g("dm"):
        day = int(g("md_day") or g("dm_day"))
        month_text = re.match(_MONTH_RE, g("md") or g("dm")[len(g("dm_day")) :].strip())
        if month_text is None or not 1 <= day <= 31:
            return None
        month = _month(month_text.group(0))
        year_text = g("md_year") or g("dm_year")
        if year_text:
            year = int(year_text)
        elif ref is not None:
            year = _closest_year(month, day, ref, future, past)
        else:
            return ("date", None)
        try:
            return ("date", dt.date(year, month, day).isoformat())
        except ValueError:
            return None
    if g("my"):
        month = _month(g("my_month"))
        if g("my_month").lower().startswith(("may", "mar")) and not g("my_year"):
            return None  # "may" and "march" alone are usually verbs
        if g("my_year"):
            year = int(g("my_year"))
        elif ref is not None:
            year = _closest_year(month, 15, ref, future, past or bool(m.group("since")))
        else:
            return ("date", None)
        return ("date", f"{year:04d}-{month:02d}")
    if g("y"):
        year = int(g("y_year"))
        part = g("ypart")
        if part:
            said = " ".join(part.lower().split())
            a, b = _PART_MONTHS.get(said) or _PART_MONTHS[said.removeprefix("the ")]
            return ("date", f"{year:04d}-{a:02d}/{_month_end(year, b).isoformat()}")
        return ("date", f"{year:04d}")
    if g("decade"):
        start = int(g("dec"))
        return ("date", f"{start:04d}/{start + 9:04d}")  # the 1990s: "1990/1999"
    if g("iso"):
        try:
            return (
                "date",
                dt.date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))).isoformat(),
            )
        except ValueError:
            return None
    if g("wd"):
        wd = _WEEKDAYS.index(g("wd_name").lower())
        if ref is None:
            return ("day", g("wd_name").lower())
        back = (ref.weekday() - wd) % 7
        if future:
            back = -((wd - ref.weekday()) % 7)
        said = g("wd").lower()
        if said.startswith("next"):
            back = -((wd - ref.weekday()) % 7 or 7)
        elif said.startswith("last"):
            back = back or 7  # "last Monday", said on a Monday, is a week ago
        elif _in_last_week(m):
            # "on Monday last week", "two crashes last week, one on Monday and one on
            # Thursday": that day of the calendar week before publication's
            return ("date", (ref - dt.timedelta(days=ref.weekday() + 7 - wd)).isoformat())
        return ("date", (ref - dt.timedelta(days=back)).isoformat())
    if g("rel"):
        return _relative(m, ref)
    return None


#: "last week" right after a weekday ("Monday last week", "Monday of last week") ...
_LAST_WEEK_AFTER = re.compile(r",?\s+(?:of\s+)?last\s+week\b", re.IGNORECASE)
#: ... or before it in the same clause ("last week on Monday", "last week, one on Monday
#: and one on Thursday"); a clause joined by ", and" or "but" may be this week's news
_LAST_WEEK_BEFORE = re.compile(r"\blast\s+week\b(?P<gap>[^.;:!?]{0,60})$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r",\s*(?:and|but)\b|\bbut\b", re.IGNORECASE)


def _in_last_week(m: re.Match[str]) -> bool:
    """Whether a weekday is placed in last week by the words around it."""
    text = m.string
    if _LAST_WEEK_AFTER.match(text, m.end()):
        return True
    before = _LAST_WEEK_BEFORE.search(text, max(0, m.start() - 80), m.start())
    return before is not None and not _NEW_CLAUSE.search(before.group("gap"))


def _relative(m: re.Match[str], ref: dt.date | None) -> tuple[str, str | None]:
    text = m.group("rel").lower()
    if ref is None:
        return ("date", None)
    if text == "today":
        return ("date", ref.isoformat())
    if text == "yesterday":
        return ("date", (ref - dt.timedelta(days=1)).isoformat())
    if text.endswith("this year") or text == "this year":
        return ("date", f"{ref.year:04d}")
    if text.endswith("this month"):
        return ("date", f"{ref.year:04d}-{ref.month:02d}")
    if text == "last year":
        return ("date", f"{ref.year - 1:04d}")
    if text == "next year":
        return ("date", f"{ref.year + 1:04d}")
    if text.endswith(" ago"):
        n_text = (m.group("ago_n") or "").lower()
        from .values import number_word  # the figures' number words; values imports this module

        n = int(n_text) if n_text.isdigit() else number_word(n_text)
        unit = (m.group("ago_unit") or "").rstrip("s")
        if n is not None and unit == "year":
            return ("date", f"{ref.year - n:04d}")
        if n is not None and unit in ("day", "week"):
            days = n * (7 if unit == "week" else 1)
            return ("date", (ref - dt.timedelta(days=days)).isoformat())
    return ("date", None)


def date_range(value: Value) -> DateRange | None:
    """The range of days a date value allows, or None when it was not resolved."""
    if value.kind == "day":
        if not isinstance(value.value, str) or value.value not in _WEEKDAYS:
            return None
        return DateRange(dt.date.min, dt.date.max, weekday=_WEEKDAYS.index(value.value))
    if value.kind not in ("date", "period") or not isinstance(value.value, str):
        return None
    text = value.value
    open_end = text.endswith("/..")
    if open_end:
        text = text[:-3]
    if "/" in text:
        a, b = text.split("/", 1)
        lo = _point(a)
        hi = _point(b)
        if lo is None or hi is None:
            return None
        return DateRange(lo[0], hi[1], open_end=open_end)
    p = _point(text)
    if p is None:
        return None
    return DateRange(p[0], p[1], open_end=open_end)


def _point(text: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(text) == 4:
            y = int(text)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if len(text) == 7:
            y, mo = int(text[:4]), int(text[5:7])
            return dt.date(y, mo, 1), _month_end(y, mo)
        d = dt.date.fromisoformat(text)
        return d, d
    except ValueError:
        return None


def dates_compatible(a: DateRange, b: DateRange) -> bool:
    """Whether two dates of one event can both hold (ranges overlap).

    An unresolved weekday ("Friday" in an undated article) is compared by name,
    and with a resolved day by that day's weekday.
    """
    if a.weekday is not None or b.weekday is not None:
        if a.weekday is not None and b.weekday is not None:
            return a.weekday == b.weekday
        day = b if a.weekday is not None else a
        wd = a.weekday if a.weekday is not None else b.weekday
        if day.low == day.high:
            return day.low.weekday() == wd
        return True
    return a.low <= b.high and b.low <= a.high


# --- clock times ------------------------------------------------------------------

#: A time of day: "2:30 a.m.", "3 p.m.", "06:00 BST", "at 1023 GMT" is left out (a
#: bare four-digit number is too often a year); an hour alone needs "a.m."/"p.m." or a
#: zone.  The space allowed after the colon and inside "p. m." is how tokenised text
#: (ECB+, some wire feeds) re-joins; no news writes a clock time otherwise.
CLOCK = re.compile(
    r"\b(?:(?P<hedge>shortly after|just after|soon after|shortly before|just before"
    r"|about|around|approximately|roughly|nearly|almost|after|before)\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?::\s?(?P<m>[0-5]\d))?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s*(?P<zone>GMT|UTC|BST|EDT|EST|CDT|CST|PDT|PST|CET)\b"
    r"|(?(m)(?![\d:])|(?!)))",
    re.IGNORECASE,
)
#: Minutes a hedge adds before and after a stated time: "shortly after 2 a.m." is
#: 2:00-2:30; "about 2:30" a quarter of an hour either side.
_CLOCK_HEDGES = {
    "shortly after": (0, 30),
    "just after": (0, 15),
    "soon after": (0, 30),
    "shortly before": (30, 0),
    "just before": (15, 0),
    "about": (15, 15),
    "around": (15, 15),
    "approximately": (15, 15),
    "roughly": (15, 15),
    "nearly": (15, 0),
    "almost": (15, 0),
    "after": (0, 120),
    "before": (120, 0),
}


_AT = re.compile(r"\b(?:at|by|until|till|from)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day as minutes after midnight, ``low <= true time <= high``; ``at`` is
    where its hour stands in the text searched, ``text`` the words that state it."""

    low: int
    high: int
    at: int
    hedged: bool
    text: str


def clock_times(text: str) -> list[ClockTime]:
    """The times of day ``text`` states, each as the minutes its wording allows.

    Read from a claim's text when verdicts compare accounts ("shortly after 2 a.m." /
    "just after 2:30 a.m."), not stored as values: a time says when within a day and
    is never a figure or a date of its own.
    """
    out = []
    for m in CLOCK.finditer(text):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ap = (m.group("ap") or "").lower()
        hedge = (m.group("hedge") or "").lower()
        if not (ap or m.group("zone") or hedge or _AT.search(text, 0, m.start())):
            continue  # "Genesis 3:16", "a 4:35 mile": a bare "H:MM" needs "at" before it
        if ap and not 1 <= hour <= 12:
            continue
        if ap == "p" and hour != 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
        t = hour * 60 + minute
        before, after = _CLOCK_HEDGES.get(hedge, (0, 0))
        out.append(ClockTime(t - before, t + after, m.start("h"), bool(hedge), m.group(0)))
    return out
