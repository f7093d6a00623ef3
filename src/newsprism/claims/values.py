"""Figures and dates in news text, normalised so that two outlets' versions compare.

Why hand-written patterns rather than spaCy's NER labels or ``dateparser``: the
small model misses hedged or spelled-out figures ("only had one phone call",
"to just five today"), tags names as dates, and never says how *precise* a
figure is; ``dateparser`` resolves "Friday" against the clock of the machine
rather than the article's date and costs milliseconds a call.  What a verdict
needs is an interval per figure ("nearly $120 million" -> [108M, 120M],
"tens of millions" -> [10M, 100M), vague) and a date range per date ("late
2022" -> 2022-09-01..2022-12-31), which these small patterns give directly.

A :class:`~newsprism.model.Value` keeps only ``kind``, ``text`` and ``value``;
:func:`amount_of` and :func:`date_range` re-derive the interval from the text,
so records stay small and the rules live in one place.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Value
from .dates import (
    DATE,
    FUTURE,
    FUTURE_WINDOW,
    PAST,
    PLANNED,
    WORD_START,
    YEAR_RE,
    DateRange,
    date_range,
    dates_compatible,
    parse_published,
    past_tense,
    resolve,
)
from .lexicon import CASE_ODD

__all__ = [
    "AMOUNT_KINDS",
    "Amount",
    "DateRange",
    "Found",
    "amount_of",
    "amounts_compatible",
    "date_range",
    "dates_compatible",
    "find_values",
    "last_year",
    "parse_amount",
    "parse_published",
]

# --- numbers ---------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
}
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
}
#: Hedge -> (low factor, high factor) around the stated figure.  "nearly 120"
#: is a little under 120; "about 120" either side; "at least" has no ceiling.
HEDGES: dict[str, tuple[float, float]] = {
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "just under": (0.9, 1.0),
    "just over": (1.0, 1.1),
    "about": (0.85, 1.15),
    "around": (0.85, 1.15),
    "approximately": (0.85, 1.15),
    "roughly": (0.85, 1.15),
    "some": (0.85, 1.15),
    "an estimated": (0.8, 1.2),
    "estimated": (0.8, 1.2),
    "more than": (1.0, math.inf),
    "over": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "upwards of": (1.0, math.inf),
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "only": (1.0, 1.0),
    "just": (1.0, 1.0),
}
#: Hedges that restrict rather than approximate: "only one call" denies more.
RESTRICTIVE = frozenset({"only", "just"})

_WORDNUM = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(list(_UNITS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|a dozen|a hundred|a thousand"
    r"|a million|a billion)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_HEDGE_RE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)"
_CUR_WORD_RE = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))
_PCT_RE = r"(?:%|percent\b|per cent\b|percentage points?\b)"
#: "only had one call": a verb may sit between a restrictive hedge and its figure.
_ONLY_VERB = r"(?:had|has|have|was|were|made|held|received|got)"
_VAGUE_WORD = r"(?:tens|hundreds|thousands|millions|billions|trillions|dozens|scores)"
#: Small counts left open ("a few blocks away", "several officers"): beside a precise
#: count of the same thing they make the group imprecise, never a conflict.
_FEW_WORD = r"(?:a few|several|a handful of|a couple of)"

#: Where a figure can start (:data:`.dates.WORD_START`): a word, or a digit or a
#: currency sign inside one ("A380", "FOCUS$5").
_AMOUNT_START = r"(?=\b\w|\d|[$€£¥]|us\$)"
_AMOUNT = re.compile(
    _AMOUNT_START + rf"(?:\b(?P<hedge>{_HEDGE_RE})(?:\s+{_ONLY_VERB})?\s+)?"
    rf"(?:"
    rf"\b(?P<vague>{_VAGUE_WORD}(?:\s+of\s+{_VAGUE_WORD})?)(?=\s+(?:of|in)\b)"
    rf"|\b(?P<few>{_FEW_WORD})(?=\s+(?!of\b)[a-z])"
    rf"|(?:(?P<cur>US\$|\$|€|£|¥)\s?)?(?P<num>{_DIGITS}|(?<![\w-]){_WORDNUM}(?![\w]))"
    rf"(?:[\s-]?(?P<scale>{_SCALE_RE})\b)?"
    rf")"
    rf"(?:\s*(?P<pct>{_PCT_RE}))?"
    rf"(?:[\s-]+(?:of\s+|in\s+)?(?P<curword>{_CUR_WORD_RE})\b)?",
    re.IGNORECASE,
)
_FEW_RANGE = {
    "a few": (2.0, 6.0),
    "several": (3.0, 9.0),
    "a handful of": (2.0, 6.0),
    "a couple of": (2.0, 3.0),
}
#: Figures are validated where they are parsed: a number written with more characters
#: than this, or worth more than MAX_AMOUNT, is not a reported figure (a serial
#: number, garbage) and is not read as one, so later arithmetic stays finite.
_MAX_NUMBER_CHARS = 24
MAX_AMOUNT = 1e18
_VAGUE_RANGE = {
    "dozens": (24.0, 100.0),
    "scores": (40.0, 200.0),
    "tens": (10.0, 100.0),
    "hundreds": (200.0, 1000.0),
    "thousands": (2e3, 1e4),
    "millions": (2e6, 1e9),
    "billions": (2e9, 1e12),
    "trillions": (2e12, 1e15),
}


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure as an interval: ``low <= true value <= high``.

    ``vague`` marks order-of-magnitude wording ("tens of millions", "billions"):
    such a figure can sit beside a precise one, never contradict it.
    """

    value: float
    low: float
    high: float
    unit: str  # "USD", "%", a noun ("astronaut"), or "" when unknown
    hedge: str | None = None
    vague: bool = False

    @property
    def restrictive(self) -> bool:
        return self.hedge in RESTRICTIVE


#: "three or four robbers", "10 to 12 people": a stated range.
_RANGE_TAIL = re.compile(rf"\s+(?:or|to)\s+({_DIGITS}|{_WORDNUM})\b", re.IGNORECASE)


def number_word(word: str) -> int | None:
    """The value of a number word under twenty ("two" -> 2), for "two years ago"."""
    n = _UNITS.get(word)
    return None if n is None else int(n)


def _word_number(text: str) -> float | None:
    t = text.lower().replace("-", " ").split()
    if t[:1] == ["a"] or t[:1] == ["half"]:
        base = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
        return 0.5 if t[0] == "half" else base.get(t[-1])
    total = 0.0
    for w in t:
        if w in _TENS:
            total += _TENS[w]
        elif w in _UNITS:
            total += _UNITS[w]
        else:
            return None
    return total


def _rounding(num_text: str, scale: float) -> float:
    """Half a unit of the last significant digit: "120 million" -> 5 million.

    A round figure in a news story is itself an approximation, so two reports
    agree if they round to each other.
    """
    digits = num_text.replace(",", "")
    if not digits[:1].isdigit():
        return 0.0
    if "." in digits:
        decimals = len(digits.split(".")[1])
        return float(0.5 * 10.0 ** (-decimals) * scale)
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    return float(0.5 * 10.0**zeros * scale) if zeros or scale > 1 else 0.0


def _unit_word(tail: str) -> str:
    """The counted noun of ``tail`` (the text after the number), singularised."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", tail)
    if not words:
        return ""
    w: str = words[-1].lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses") or w.endswith("ches") or w.endswith("shes") or w.endswith("xes"):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@functools.lru_cache(maxsize=65536)
def parse_amount(text: str) -> Amount | None:
    """The interval a figure's wording allows, or None if ``text`` holds no figure.

    ``text`` is a :class:`Value`'s text: hedge, number, scale, currency or
    percent, and for counts the counted noun ("only one phone call").
    """
    m = _AMOUNT.search(text)
    if m is None:
        return None
    hedge = (m.group("hedge") or "").lower() or None
    if hedge is not None and hedge not in HEDGES:
        hedge = hedge.split()[0]
    cur = m.group("cur")
    curword = m.group("curword")
    unit = ""
    if cur:
        unit = _CURRENCY_SIGNS.get(cur.lower(), "USD")
    elif curword:
        unit = _CURRENCY_WORDS[curword.lower()]
    elif m.group("pct"):
        unit = "%"
    else:
        unit = _unit_word(text[m.end() :])
    if m.group("few"):
        low, high = _FEW_RANGE[" ".join(m.group("few").lower().split())]
        return Amount(math.sqrt(low * high), low, high, unit, hedge, vague=True)
    if m.group("vague"):
        words = m.group("vague").lower().split()
        low, high = _VAGUE_RANGE[words[0]]
        if len(words) == 3:  # "tens of millions": scale the range by the second word
            factor = _VAGUE_RANGE[words[2]][0] / 2
            low, high = low * factor, high * factor
        centre = math.sqrt(low * high)  # before an open bound: "over millions" is finite
        if hedge in ("more than", "over", "at least", "upwards of"):
            high = math.inf
        return Amount(centre, low, high, unit, hedge, vague=True)
    num_text = m.group("num")
    if len(num_text) > _MAX_NUMBER_CHARS:  # no reported figure; 10.0**zeros would overflow
        return None
    if num_text[:1].isdigit():
        number = float(num_text.replace(",", ""))
    else:
        wn = _word_number(num_text)
        if wn is None:
            return None
        number = wn
    scale_word = (m.group("scale") or "").lower()
    scale = _SCALES.get(scale_word, 1.0)
    if scale_word in ("m", "k") and not cur:
        scale = 1.0 if scale_word == "m" else scale  # "5 m" is metres, "$5m" is millions
    value = number * scale
    slack = _rounding(num_text, scale)
    if num_text.lower().startswith("a "):
        slack = max(slack, 0.3 * value)  # "a million dollars" is a manner of speaking
    alt = _RANGE_TAIL.match(text, m.end("num"))
    if alt is not None and not m.group("hedge"):
        other = _word_number(alt.group(1)) if alt.group(1)[:1].isalpha() else float(alt.group(1))
        if other is not None and other * scale > value:
            return Amount(value, value, other * scale, unit or _unit_word(text[alt.end() :]))
    lo_f, hi_f = HEDGES.get(hedge, (1.0, 1.0)) if hedge else (1.0, 1.0)
    if hedge and (lo_f, hi_f) != (1.0, 1.0):
        slack = 0.0  # "nearly 300,000" already says how round it is: under, not +-50,000
    low = value * lo_f - (slack if lo_f > 0 else 0.0)
    high = value * hi_f + slack if math.isfinite(value * hi_f) else math.inf
    if not value <= MAX_AMOUNT:  # also NaN: a figure no story reports is no figure
        return None
    return Amount(value, max(low, 0.0), high, unit, hedge)


#: Value kinds that are figures (an interval with a unit); the others are dates.
AMOUNT_KINDS = ("money", "count", "percent", "age")

_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_FRACTIONS.update({"fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10})
_SMALL = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
#: A share written as a ratio or a fraction: "4 in 10 voters", "four out of five",
#: "two-thirds of", "a third of", "half of".  Read as a percentage, not as two counts.
_SHARE = re.compile(
    WORD_START + rf"(?:\b(?P<hedge>{_HEDGE_RE})\s+)?"
    rf"(?:\b(?P<a>{_SMALL})\s+(?:in|out\s+of)\s+(?P<b>{_SMALL}|a\s+hundred)\b"
    r"|\b(?P<fa>one|two|three|four|nine|a)[\s-](?P<fb>halves|half|thirds?|quarters?|fourths?"
    r"|fifths?|tenths?)(?=\s+of\b|$)"
    r"|(?<!first )(?<!second )(?<!latter )\b(?P<half>half)(?=\s+of\b|$))",
    re.IGNORECASE,
)


def _small(word: str) -> float | None:
    w = word.lower()
    if w.isdigit():
        return float(w)
    if w == "a hundred":
        return 100.0
    return 1.0 if w == "a" else _word_number(w)


#: Percentage points either way a plain ratio or fraction allows.
_SHARE_SLACK = 5.0


def parse_share(text: str) -> Amount | None:
    """A share ("about 4 in 10", "two-thirds") as an interval of percent, or None."""
    m = _SHARE.match(text)
    if m is None:
        return None
    if m.group("a"):
        a, b = _small(m.group("a")), _small(m.group("b"))
    elif m.group("fb"):
        a, b = _small(m.group("fa")), float(_FRACTIONS[m.group("fb").lower()])
    else:
        a, b = 1.0, 2.0
    if a is None or b is None or not 0 < a <= b:
        return None
    value = 100.0 * a / b
    hedge = (m.group("hedge") or "").lower() or None
    lo_f, hi_f = HEDGES.get(hedge, (1.0, 1.0)) if hedge else (1.0, 1.0)
    # a ratio or a fraction is a rounding: "4 in 10" is 35-45 %, "two-thirds" 62-72 %
    slack = 0.0 if (lo_f, hi_f) != (1.0, 1.0) else min(_SHARE_SLACK, 50.0 / b)
    low = max(0.0, value * lo_f - (slack if lo_f > 0 else 0.0))
    high = min(100.0, value * hi_f + slack)
    return Amount(value, low, high, "%", hedge)


def amount_of(value: Value) -> Amount | None:
    if value.kind == "age":
        return parse_age(value.text)
    if value.kind not in AMOUNT_KINDS:
        return None
    if value.kind == "percent":
        share = parse_share(value.text)
        if share is not None:
            return share
    return parse_amount(value.text)


#: A person's age: "the 36-year-old driver", "Anthony LaSalle, 36, of Bloomington",
#: "aged 24", "in her 60s".  Ages are figures outlets get wrong ("35-year-old" against
#: "36-year-old") or state loosely (a decade against the exact age).
_AGE = re.compile(
    r"\b(?P<age>\d{1,3}[- ]years?[- ]old)\b"
    r"|\b[A-Z][\w'’-]+, (?P<age2>\d{1,3}),(?= (?:of|from|and|was|is|who|said|has|had)\b)"
    r"|\baged (?P<age3>\d{1,3})\b"
    r"|\bin (?:his|her|their) (?P<age4>(?:early |mid-?|late )?\d0s)\b",
)


def _age_group(m: re.Match[str]) -> str:
    return next(g for g in ("age", "age2", "age3", "age4") if m.group(g))


@functools.lru_cache(maxsize=4096)
def parse_age(text: str) -> Amount | None:
    """An age as an interval of years (unit ``age``): exact, or a decade ("60s")."""
    m = re.match(r"(?:(early |mid-?|late )?(\d0)s|(\d{1,3}))", text)
    if m is None:
        return None
    if m.group(3) is not None:
        n = float(m.group(3))
        return Amount(n, n, n, "age") if 0 < n < 125 else None
    low = float(m.group(2))
    part = (m.group(1) or "").strip().rstrip("-")
    lo, hi = {"early": (0, 3), "mid": (3, 7), "late": (7, 9)}.get(part, (0, 9))
    return Amount(low + (lo + hi) / 2, low + lo, low + hi, "age", vague=True)


def amounts_compatible(a: Amount, b: Amount) -> bool | None:
    """Whether two figures can both hold: True, False, or None when not comparable.

    Different units are not comparable (None): "two astronauts" says nothing
    about "two launches".  A vague figure is compatible with anything of the
    same order of magnitude; the caller reports it as imprecise, never false.
    """
    if a.unit != b.unit or not a.unit:
        return None
    if a.vague or b.vague:
        lo, hi = max(a.low, b.low) / 10, min(a.high, b.high) * 10
        return True if lo <= hi else None
    # slack for reporting conventions (exchange rates, rounding of inputs); a count of
    # things has none: a "47-page" and a "48-page" indictment are two claims
    slack = SLACK if a.unit.isupper() or a.unit == "%" else 0.0
    return a.low <= b.high * (1 + slack) and b.low <= a.high * (1 + slack)


#: Relative slack between two precise sums of money or percentages: conversions and
#: rounding of inputs make $35.0 and $35.6 million the same sum in practice.
SLACK = 0.02


# --- finding values in text ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A value with its character span in the searched text."""

    start: int
    end: int
    value: Value


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.-]*\s$")


def _function_word(word: str) -> bool:
    """A capitalised function word opens a sentence ("The four robbers"), it does not
    name a thing the way "Falcon 9" does."""
    from .lexicon import STOP

    return word.strip().lower() in STOP


#: A clock time or a score is not a figure: "7 p.m.", "1023 GMT", "43-39".
_CLOCK_AFTER = re.compile(
    r"\s*(?:[ap]\.?\s?m\b\.?|GMT|UTC|EDT|EST|PDT|PST|BST|CET|hrs\b|[:.]\d|-\s?\d)", re.IGNORECASE
)


def last_year(values: Sequence[Value]) -> str | None:
    """The year of the last of ``values`` written with one ("in March 2019"): the
    antecedent of a later "that year"."""
    for v in reversed(values):
        if v.kind in ("date", "period"):
            m = _YEAR_IN.search(v.text)
            if m:
                return m.group(1)
    return None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, looking back at most
    :data:`FUTURE_WINDOW` characters: "will" in the sentence before says nothing of
    this one's tense ("The trial will begin Thursday. He was arrested Friday")."""
    lo = max(0, at - FUTURE_WINDOW)
    cut = max(text.rfind(". ", lo, at), text.rfind("\n", lo, at), text.rfind("? ", lo, at))
    return lo if cut < 0 else cut + 1


#: "that year", "the same year": the year of the last date with a year before it.
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b", re.IGNORECASE)
_YEAR_IN = re.compile(rf"\b({YEAR_RE})\b")


#: What joins the two ends of a span: "from March 2019 to May 2020".
_SPAN_TO = re.compile(r"\s*(?:to|until|till|through|-|–)\s*$", re.IGNORECASE)


def _spans(text: str, found: list[Found]) -> list[Found]:
    """ "From X to Y" is one period, X to Y, not a period from X and a date Y (which
    another outlet's "in X's year" would contradict)."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value.kind == "period"
            and isinstance(prev.value.value, str)
            and prev.value.value.endswith("/..")
            and prev.value.text.lower().startswith("from")
            and f.value.kind == "date"
            and isinstance(f.value.value, str)
            and _SPAN_TO.match(text[prev.end : f.start])
        ):
            iso = prev.value.value[:-3] + "/" + f.value.value
            out[-1] = Found(prev.start, f.end, Value("period", text[prev.start : f.end], iso))
            continue
        out.append(f)
    return out


#: Every match of :data:`DATE` holds a digit or one of these (month names, weekdays,
#: "yesterday", "today", "this week", "two years ago"); the pattern is case-sensitive.
#: A branch added to :data:`DATE` needs its word here and a phrase in
#: ``tests/claims/test_value_starts.py``.
_DATE_WORDS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    "day", "week", "month", "year",
)  # fmt: skip
_DIGIT = re.compile(r"\d")


def may_date(text: str) -> bool:
    """False only when :data:`DATE` cannot match ``text``: most sentences name no date,
    and a few substring tests cost less than the pattern's try at each word."""
    return any(w in text for w in _DATE_WORDS) or _DIGIT.search(text) is not None


#: Every match of :data:`_SHARE` holds one of these words (in lower case) or a number
#: with "in" or "out of".
_SHARE_WORDS = ("half", "halves", "third", "quarter", "fourth", "fifth", "tenth")
_SMALL_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _may_share(text: str) -> bool:
    """False only when :data:`_SHARE` cannot match ``text`` (as :func:`may_date`; the
    characters case-insensitive matching takes for ASCII letters skip the test)."""
    if not CASE_ODD.isdisjoint(text):
        return True
    low = text.lower()
    if any(w in low for w in _SHARE_WORDS):
        return True
    if "in" not in low and "out" not in low:
        return False
    return _DIGIT.search(low) is not None or any(w in low for w in _SMALL_WORDS)


#: Every match of :data:`_AMOUNT` holds a digit or one of these words, whole (in lower
#: case): a number word, a vague one ("dozens") or a few ("several"); taken from the
#: patterns, so a word added to them is looked for too.
_AMOUNT_WORDS = frozenset(re.findall(r"[a-z]{3,}", _WORDNUM + _VAGUE_WORD + _FEW_WORD)) - {"of"}
_LETTERS = re.compile(r"[a-z]+")


def _may_amount(text: str) -> bool:
    """False only when :data:`_AMOUNT` cannot match ``text`` (as :func:`may_date`): two
    thirds of a news story's sentences hold no figure, and one pass over the letters
    costs less than the pattern's try at every word."""
    if not CASE_ODD.isdisjoint(text) or _DIGIT.search(text) is not None:
        return True
    return not _AMOUNT_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


#: A street name after a number makes it a house number: "2088 Philip Street".
_ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
    r"|Drive|Way|Place|Court|Highway|Hwy|Parkway|Pkwy|Terrace|Square|Circle)\b"
)
#: A year after these is a year whatever follows it ("In 2004 Main Street flooded").
_DATE_PREPOSITION = re.compile(r"\b(?:in|since|by|until|from|of|during|before|after)\s+$", re.I)
#: Where a date's clause ends, for the tense of its verb ("If he loses the Aug. 30
#: primary, ..., which he appeared to ..." speaks of August to come).
_CLAUSE_END = re.compile(r"[,;:!?]\s|\.(?:\s|$)|\n")


def find_values(
    text: str, published: str | None = None, antecedent: str | None = None
) -> list[Found]:
    """Dates first (so "Oct. 26" is not the count 26), then figures, in text order.

    Numbers right after a capitalised word are names, not figures ("Falcon 9",
    "Boeing 737"), unless a hedge or currency marks them as amounts.  "That year"
    takes the year of the last date written with one, in ``text`` or else
    ``antecedent`` (the year the text before it last named).
    """
    ref = parse_published(published)
    found: list[Found] = []
    taken = bytearray(len(text))
    for m in DATE.finditer(text) if may_date(text) else ():
        begin = _sentence_start(text, m.start())
        markers = list(FUTURE.finditer(text, begin, m.start()))
        stop = _CLAUSE_END.search(text, m.end())
        clause = max([begin, *(b.end() for b in _CLAUSE_END.finditer(text, begin, m.start()))])
        end = stop.start() if stop else len(text)
        # "will replace Smith, who announced in June": a verb of the past in the date's
        # own clause, after the future's clause, is the tense of the date
        future = bool(markers) and not (
            markers[-1].end() <= clause and PAST.search(text, clause, m.start()) is not None
        )
        if stop and len(text[clause:end].split()) <= len(m.group(0).split()) + 1:
            # a fronted date ("On Nov. 28, inspectors found ...", "In January, in his last
            # address, he conceded ...") takes the verb of the clauses after it
            for _ in range(2):
                after = _CLAUSE_END.search(text, stop.end())
                end = after.start() if after else len(text)
                if after is None or past_tense(text, clause, end):
                    break
                stop = after
        if (
            m.group("y")
            and _ADDRESS.match(text, m.end())
            and not _DATE_PREPOSITION.search(text, max(0, m.start() - 8), m.start())
        ):
            # "at 2088 Philip Street": a house number, neither a year nor a count
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            continue
        past = not future and bool(m.group("since") or past_tense(text, clause, end))
        if past and not m.group("since") and PLANNED.search(text, clause, m.start()):
            past = False  # "a trial date was set for October 28": a date fixed, any side
        res = resolve(m, ref, future, past)
        if res is None:
            continue
        kind, iso = res
        start, end = m.start(), m.end()
        body = m.group(0)
        if m.group("since"):
            kind = "period"
            iso = f"{iso}/.." if iso else None
        elif body.lower().startswith("on "):
            start += 3
        found.append(Found(start, end, Value(kind, text[start:end].strip(), iso)))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    found = _spans(text, found)
    for m in _THAT_YEAR.finditer(text):
        before = [f for f in found if f.end <= m.start() and _YEAR_IN.search(f.value.text)]
        year_m = _YEAR_IN.search(before[-1].value.text) if before else None
        year = year_m.group(1) if year_m else antecedent
        if year is None or any(taken[m.start() : m.end()]):
            continue
        found.append(Found(m.start(), m.end(), Value("date", m.group(0), year)))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _AGE.finditer(text):
        g = _age_group(m)
        s, e = m.start(g), m.end(g)
        if any(taken[s:e]) or parse_age(m.group(g)) is None:
            continue
        found.append(Found(s, e, Value("age", m.group(g), None)))
        taken[s:e] = b"\x01" * (e - s)
    for m in _SHARE.finditer(text) if _may_share(text) else ():
        share = parse_share(m.group(0))
        if share is None or any(taken[m.start() : m.end()]):
            continue
        found.append(Found(m.start(), m.end(), Value("percent", m.group(0), share.value)))
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _AMOUNT.finditer(text) if _may_amount(text) else ():
        if any(taken[m.start() : m.end()]):
            continue
        s, e = m.start(), m.end()
        compound = None
        if m.group("num") and not (m.group("cur") or m.group("scale") or m.group("pct")):
            compound = _COMPOUND.match(text, e)
            if compound is not None and compound.group(1).lower() in _NOT_UNITS:
                compound = None
        if not (m.group("hedge") or m.group("cur")):
            cap = _CAPITALISED_BEFORE.search(text[max(0, s - 30) : s])
            if cap is not None and not _function_word(cap.group(0)):
                continue
            glued = (s > 0 and text[s - 1] in "-/#") or text[e : e + 1] in ("-", "/", ":")
            if glued and not m.group("scale") and compound is None:
                continue
        if m.group("hedge") and not (m.group("num") or m.group("vague") or m.group("few")):
            continue
        if _CLOCK_AFTER.match(text, e) or (s > 0 and text[s - 1] == ":"):
            continue
        if m.group("cur") or m.group("curword"):
            kind = "money"
        else:
            kind = "percent" if m.group("pct") else "count"
        if (
            kind == "count"
            and m.group("num")
            and m.group("num").lower() in ("one", "a")
            and (not m.group("hedge"))
        ):
            continue  # "one of the ...", "one day" are not counts worth checking
        if kind == "count":
            part = _PART_OF.match(text, e)
            if compound is not None:  # "a 47-page indictment": the pages are counted
                e = compound.end()
            elif part is not None:  # "28 of 41 passes": the 28 counts passes; 41 is the total
                e = part.end()
                taken[m.end() : e] = b"\x01" * (e - m.end())
            else:
                e = _counted_noun_end(text, e)
        found.append(Found(s, e, Value(kind, text[s:e], None)))
    found.sort(key=lambda f: f.start)
    return [_with_number(f) for f in found]


#: A count fused to its unit as a modifier: "a 47-page indictment", "the 35-word oath",
#: "a three-month stay".  Not a score or a range ("234-193", "5-11"), nor "66-year-old"
#: (an age, read first).
_COMPOUND = re.compile(r"-([a-z]{3,})\b(?!-)")
#: Words after a hyphen that do not name what is counted: fractions and ordinal use.
_NOT_UNITS = frozenset(
    ["third", "thirds", "quarter", "quarters", "half", "fifth", "fifths", "time", "way", "odd"]
)

_PART_OF = re.compile(
    rf"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:{_DIGITS}|{_WORDNUM})\s+[a-z][a-z-]+\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")


def _counted_noun_end(text: str, end: int) -> int:
    """Extend a bare count over the next word when it is a plain noun ("12 people");
    the parse refines this where one is at hand (see :mod:`.extract`)."""
    from .lexicon import STOP, TIME_UNITS

    m = _NEXT_WORD.match(text, end)
    if m is None or m.group(1).endswith("ly"):
        return end
    if m.group(1) in STOP and _unit_word(m.group(1)) not in TIME_UNITS:
        return end
    return m.end()


def _with_number(f: Found) -> Found:
    if f.value.kind not in AMOUNT_KINDS:
        return f
    amt = amount_of(f.value)
    if amt is None:
        return f
    return Found(f.start, f.end, Value(f.value.kind, f.value.text, amt.value))
