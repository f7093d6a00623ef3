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
    "first",
    "second half of",
    "third quarter of",
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
    "a couple of",
    "Several",
    "TWELVE",
    "millions",
    "trillions",
    "scores",
    "someone",
    "often",
    "tens",
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


# The sentence tests: a text they turn down is not scanned at all.

#: For each word a date must hold, a date that holds no other (nor a digit).
DATE_PHRASES = {
    "Jan": "in January",
    "Feb": "in February",
    "Mar": "in March",
    "Apr": "in April",
    "May": "in May",
    "Jun": "in June",
    "Jul": "in July",
    "Aug": "in August",
    "Sep": "in September",
    "Oct": "in October",
    "Nov": "in November",
    "Dec": "in December",
    "day": "on Monday",
    "week": "last week",
    "month": "this month",
    "year": "next year",
}
#: For each word a share must hold, a share that holds no other; then the numbers.
SHARE_PHRASES = {
    "half": "half of them",
    "halves": "two halves",
    "third": "a third of them",
    "quarter": "a quarter of them",
    "fourth": "one fourth of them",
    "fifth": "one fifth of them",
    "tenth": "one tenth of them",
}
NUMBER_SHARES = ["4 in 10 voters", "four out of five", "ten in a hundred"]


def test_each_date_word_is_needed() -> None:
    assert set(DATE_PHRASES) == set(values._DATE_WORDS)
    for word, phrase in DATE_PHRASES.items():
        assert dates.DATE.search(phrase), phrase
        assert [w for w in values._DATE_WORDS if w in phrase] == [word]
        assert values.may_date(phrase)


def test_each_share_word_is_needed() -> None:
    assert set(SHARE_PHRASES) == set(values._SHARE_WORDS)
    for word, phrase in SHARE_PHRASES.items():
        assert values._SHARE.search(phrase), phrase
        assert [w for w in values._SHARE_WORDS if w in phrase] == [word]
        assert values._may_share(phrase)
    for phrase in NUMBER_SHARES:
        assert values._SHARE.search(phrase) and values._may_share(phrase), phrase
        assert not any(w in phrase for w in values._SHARE_WORDS)


#: For each kind of word a figure may hold instead of a digit, figures holding only it.
AMOUNT_PHRASES = {
    "twenty": "twenty voters",
    "seven": "Seven people",
    "dozen": "a dozen times",
    "hundreds": "hundreds of homes",
    "trillions": "trillions in debt",
    "several": "several officers",
    "handful": "a handful of states",
    "few": "a few blocks away",
}


def test_each_amount_word_is_needed() -> None:
    for word, phrase in AMOUNT_PHRASES.items():
        assert values._AMOUNT.search(phrase), phrase
        assert word in values._AMOUNT_WORDS
        assert values._may_amount(phrase), phrase
        lacking = phrase.lower().replace(word, "zzz")
        assert not values._may_amount(lacking), lacking


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_a_text_the_sentence_tests_turn_down_has_no_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not values.may_date(text):
        assert dates.DATE.search(text) is None
    if not values._may_share(text):
        assert values._SHARE.search(text) is None
    if not values._may_amount(text):
        assert values._AMOUNT.search(text) is None


def test_the_sentence_tests_turn_down_plain_sentences() -> None:
    plain = "The senator spoke to reporters outside the chamber after the vote."
    assert not values.may_date(plain)
    assert not values._may_share("The senator spoke to reporters after the vote.")
    assert not values._may_amount(plain)
    assert not values._may_amount("Someone often phoned the tenants; none were done.")
    assert values.find_values(plain) == []
