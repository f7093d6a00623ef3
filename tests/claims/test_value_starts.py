"""The start guards of the date and figure patterns change no match.

:data:`newsprism.claims.dates.DATE` and the figure patterns of
:mod:`newsprism.claims.values` open with a lookahead saying where a match can
start (a word, or a digit or currency sign inside one), so Python's ``re`` skips
the other positions with one test.  Each guarded pattern must find exactly what
it finds without its guard, on texts made of the pieces its branches read and of
the pieces that sit next to them (digits inside words, currency signs, the
characters case-insensitive matching takes for ASCII letters).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.claims import dates, values

GUARDED = [
    ("DATE", dates.DATE, dates.WORD_START),
    ("AMOUNT", values._AMOUNT, values._AMOUNT_START),
    ("SHARE", values._SHARE, dates.WORD_START),
]

PIECES = [
    *"$€£¥%-–/,.:;()\n\"'’“",
    " ",
    " ",
    " ",
    "  ",
    "5",
    "26",
    "380",
    "1,000",
    "2.5",
    "2024",
    "1990",
    "٣",
    "A",
    "a",
    "FOCUS",
    "US",
    "us",
    "x",
    "ſ",
    "K",
    "İ",
    "ı",
    "Oct.",
    "October",
    "Sept",
    "May",
    "Monday",
    "Friday",
    "since",
    "from",
    "early",
    "mid",
    "late",
    "the",
    "the end of",
    "last",
    "this",
    "next",
    "on",
    "week",
    "month",
    "year",
    "years",
    "days",
    "ago",
    "yesterday",
    "today",
    "earlier",
    "old",
    "aged",
    "in",
    "her",
    "out",
    "of",
    "about",
    "nearly",
    "more than",
    "only",
    "had",
    "up to",
    "some",
    "one",
    "two",
    "three",
    "ten",
    "twenty",
    "forty-five",
    "a dozen",
    "a hundred",
    "dozens",
    "hundreds",
    "thousands",
    "a few",
    "several",
    "a handful of",
    "half",
    "third",
    "thirds",
    "quarter",
    "fifth",
    "million",
    "bn",
    "k",
    "percent",
    "per cent",
    "percentage points",
    "dollars",
    "euros",
    "pounds",
]


def _unguarded(pattern: re.Pattern[str], guard: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(guard)
    return re.compile(pattern.pattern[len(guard) :], pattern.flags)


def _matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("name", "pattern", "guard"), GUARDED)
def test_each_pattern_opens_with_its_guard(name: str, pattern: re.Pattern[str], guard: str) -> None:
    assert pattern.pattern.startswith(guard), name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_guards_change_no_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, pattern, guard in GUARDED:
        assert _matches(pattern, text) == _matches(_unguarded(pattern, guard), text), name


@pytest.mark.parametrize(
    "text",
    [
        "The A380 cost US$5 million, FOCUS$3 less than in October 2024.",
        "Since Oct. 26, about two-thirds of the 1,000 voters, 4 in 10 of them, left.",
        "He was 36-year-old; three days ago, nearly €2.5bn went; the 1990s; mid-2022.",
    ],
)
def test_the_guards_change_no_match_in_sentences(text: str) -> None:
    for name, pattern, guard in GUARDED:
        found = _matches(pattern, text)
        assert found == _matches(_unguarded(pattern, guard), text), name


def test_a_guard_without_digits_inside_words_would_differ() -> None:
    """The test can fail: a word-start guard alone drops the figure of "A380"."""
    loose = re.compile(dates.WORD_START + values._AMOUNT.pattern[len(values._AMOUNT_START) :], re.I)
    text = "The A380 and FOCUS$3"
    assert _matches(loose, text) != _matches(values._AMOUNT, text)
