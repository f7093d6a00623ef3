"""Value normalisation: figures to intervals, dates to ranges, found in text."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.claims.values import (
    amount_of,
    amounts_compatible,
    date_range,
    dates_compatible,
    find_values,
    parse_amount,
)
from newsprism.model import Value


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge", "vague"),
    [
        ("nearly $120 million", 120e6, "USD", "nearly", False),
        ("$3 billion", 3e9, "USD", None, False),
        ("$3bn", 3e9, "USD", None, False),
        ("€2.5 million", 2.5e6, "EUR", None, False),
        ("about 5%", 5.0, "%", "about", False),
        ("12 percent", 12.0, "%", None, False),
        ("tens of millions of dollars", None, "USD", None, True),
        ("more than 300 people", 300.0, "people", "more than", False),
        ("only one phone call", 1.0, "call", "only", False),
        ("twenty-five soldiers", 25.0, "soldier", None, False),
        ("51 major defense and aerospace contractors", 51.0, "contractor", None, False),
        ("1,200 homes", 1200.0, "home", None, False),
    ],
)
def test_parse_amount(
    text: str, value: float | None, unit: str, hedge: str | None, vague: bool
) -> None:
    amt = parse_amount(text)
    assert amt is not None
    if value is not None:
        assert amt.value == pytest.approx(value)
    assert amt.unit == unit
    assert amt.hedge == hedge
    assert amt.vague is vague
    assert amt.low <= amt.value <= amt.high


def test_hedges_shape_the_interval() -> None:
    nearly = parse_amount("nearly $120 million")
    at_least = parse_amount("at least $120 million")
    up_to = parse_amount("up to $120 million")
    assert nearly and at_least and up_to
    assert nearly.high <= 125e6 and nearly.low >= 100e6
    assert at_least.high == math.inf
    assert up_to.low == 0


def test_tens_of_millions_range() -> None:
    amt = parse_amount("tens of millions of dollars")
    assert amt is not None
    assert amt.low == pytest.approx(1e7) and amt.high == pytest.approx(1e8)


def test_compatibility_rules() -> None:
    a, b = parse_amount("nearly $120 million"), parse_amount("$118 million")
    c, d = parse_amount("$80 million"), parse_amount("tens of millions of dollars")
    e = parse_amount("120 astronauts")
    assert a and b and c and d and e
    assert amounts_compatible(a, b) is True
    assert amounts_compatible(a, c) is False  # two precise figures that cannot both hold
    assert amounts_compatible(a, d) is True  # vague beside precise: never a contradiction
    assert amounts_compatible(a, e) is None  # different units: not comparable


@given(st.integers(min_value=2, max_value=10**9))
def test_integers_round_trip(n: int) -> None:
    amt = parse_amount(f"{n:,} people")
    assert amt is not None
    assert amt.value == n and amt.unit == "people"
    assert amt.low <= n <= amt.high


@given(
    st.floats(min_value=0.1, max_value=999, allow_nan=False).map(lambda x: round(x, 1)),
    st.sampled_from(["million", "billion"]),
    st.sampled_from(["nearly", "about", "at least", "more than", "up to", "only"]),
)
def test_hedged_interval_contains_stated_figure_or_bound(x: float, scale: str, hedge: str) -> None:
    amt = parse_amount(f"{hedge} ${x} {scale}")
    assert amt is not None
    assert amt.unit == "USD" and amt.hedge == hedge
    assert amt.low <= amt.value <= amt.high
    # any figure is compatible with itself
    assert amounts_compatible(amt, amt) is True


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_compatibility_is_symmetric(a: int, b: int) -> None:
    x, y = parse_amount(f"{a} troops"), parse_amount(f"{b} troops")
    assert x and y
    assert amounts_compatible(x, y) == amounts_compatible(y, x)


def _values(text: str, published: str | None = None) -> list[tuple[str, str, object]]:
    return [(f.value.kind, f.value.text, f.value.value) for f in find_values(text, published)]


def test_weekday_resolves_against_publication_date() -> None:
    # 2024-10-19 is a Saturday: "Friday" is the day before
    assert _values("The paper reported Friday that ...", "2024-10-19") == [
        ("date", "Friday", "2024-10-18")
    ]
    assert _values("The paper reported Friday that ...") == [("day", "Friday", "friday")]


def test_since_and_parts_of_years() -> None:
    found = _values("They have talked since late 2022 and met in September 2023.")
    assert ("period", "since late 2022", "2022-09/2022-12-31/..") in found
    assert ("date", "September 2023", "2023-09") in found


def test_full_dates_and_years() -> None:
    found = _values("On October 25, 2024, and in 2016, and in the 1990s.")
    assert ("date", "October 25, 2024", "2024-10-25") in found
    assert ("date", "2016", "2016") in found
    assert ("date", "the 1990s", "1990/1999") in found  # years, as a reader writes them
    decade = date_range(Value("date", "the 1990s", "1990/1999"))
    assert decade and (decade.low, decade.high) == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))


def test_names_with_numbers_are_not_figures() -> None:
    kinds = _values("The Falcon 9 rocket and a Boeing 737 flew.")
    assert kinds == []


def test_a_sentence_opening_with_the_is_not_a_name_before_a_figure() -> None:
    assert _values("The four robbers fled on foot.") == [("count", "four robbers", 4.0)]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The board released a 212-page report on Monday", [("212-page", 212.0)]),
        ("She recited the 35-word pledge", [("35-word", 35.0)]),
        ("He began a three-month stay at the clinic", [("three-month", 3.0)]),
        ("The bill passed 234-193 in the House", []),  # a tally, not a count of one thing
        ("The 6-11 centre signed", []),
        ("Two-thirds of the members voted", []),
    ],
)
def test_counts_fused_to_their_unit(sentence: str, found: list[tuple[str, float]]) -> None:
    got = [(f.value.text, f.value.value) for f in find_values(sentence) if f.value.kind == "count"]
    assert got == found


@given(st.integers(min_value=2, max_value=999), st.sampled_from(["page", "word", "mile"]))
def test_a_fused_count_reads_like_the_plain_one(n: int, unit: str) -> None:
    fused = parse_amount(f"{n}-{unit}")
    plain = parse_amount(f"{n} {unit}s")
    assert fused is not None and plain is not None
    assert (fused.value, fused.unit) == (plain.value, plain.unit)


def test_that_year_follows_its_antecedent() -> None:
    found = _values("The mill closed in 2009, and that year the town lost its school.")
    assert ("date", "that year", "2009") in found
    # the antecedent may be in an earlier sentence; without one there is nothing to check
    assert [
        (f.value.text, f.value.value)
        for f in find_values("Later that year it reopened.", None, "2011")
    ] == [("that year", "2011")]
    assert _values("Later that year it reopened.") == []


def test_tense_is_read_in_the_dates_own_sentence() -> None:
    # published on a Wednesday: the trial is the coming Thursday, the arrest the last one
    found = _values("The trial will begin Thursday. He was arrested Thursday.", "2024-05-08")
    assert found == [("date", "Thursday", "2024-05-09"), ("date", "Thursday", "2024-05-02")]


def test_relative_dates_need_a_reference() -> None:
    assert _values("two years ago", "2024-10-20") == [("date", "two years ago", "2022")]
    assert _values("two years ago") == [("date", "two years ago", None)]


def test_date_compatibility() -> None:
    thu = date_range(Value("day", "Thursday", "thursday"))
    fri = date_range(Value("day", "Friday", "friday"))
    fri_resolved = date_range(Value("date", "Friday", "2024-10-25"))
    y2022 = date_range(Value("period", "since 2022", "2022/.."))
    late = date_range(Value("period", "since late 2022", "2022-09/2022-12-31/.."))
    y2021 = date_range(Value("period", "since 2021", "2021/.."))
    assert thu and fri and fri_resolved and y2022 and late and y2021
    assert not dates_compatible(thu, fri)
    assert dates_compatible(fri, fri_resolved)  # 2024-10-25 was a Friday
    assert not dates_compatible(thu, fri_resolved)
    assert dates_compatible(y2022, late)
    assert not dates_compatible(y2022, y2021)
    assert late.low == dt.date(2022, 9, 1)


# --- dates resolved in the right direction (examples written for the project) ---


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The mayor will be sworn in Thursday at city hall.", "2025-03-13"),
        ("The mayor was sworn in Thursday at city hall.", "2025-03-06"),
        ("The ferry is scheduled to resume service on Monday.", "2025-03-17"),
        ("The board must decide by April 15.", "2025-04-15"),
        ("The plant closed on February 28.", "2025-02-28"),
        ("Shipments resumed in December.", "2024-12"),
        ("The trial is set to open on March 3.", "2026-03-03"),
        ("The council vote is scheduled for Friday.", "2025-03-14"),
        ("The council vote is set for March 3.", "2026-03-03"),
        ("The council vote was set for Friday.", "2025-03-07"),
    ],
)
def test_dates_without_a_year_resolve_around_publication(sentence: str, iso: str) -> None:
    found = [f.value.value for f in find_values(sentence, "2025-03-12")]
    assert found == [iso]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        # past tense: the day before publication, even when the next one is nearer
        ("The library's last public reading was held on Nov. 20.", "2024-11-20"),
        ("Since October, the ferry has run twice a day.", "2024-10"),
        ("On Nov. 28, inspectors found cracks in the hull.", "2024-11-28"),
        # a reporting verb frames a sentence in any tense: nearest stays
        ("The reading is on Nov. 20, organisers confirmed.", "2025-11-20"),
        # no verb of the past: nearest
        ("The auction closes Nov. 20.", "2025-11-20"),
        # the future wins over a past-tense verb elsewhere in the sentence
        ("The hearing, which was delayed twice, will open on Nov. 20.", "2025-11-20"),
        # the tense is the date's clause's: a later clause in the past says nothing of it
        (
            "If the mayor loses the Nov. 20 runoff, critics say, her rival gained most.",
            "2025-11-20",
        ),
        # a fronted date takes the verb of the clauses after it
        ("In October, at a meeting in Leeds, the club closed its youth academy.", "2024-10"),
    ],
)
def test_dates_without_a_year_in_the_past_tense_look_back(sentence: str, iso: str) -> None:
    found = [f.value.value for f in find_values(sentence, "2025-07-30")]
    assert found == [iso]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        # "the next" names a successor, not a time to come: the Friday before publication
        ("Odds on her becoming the next chair were cut on Friday.", "2025-07-25"),
        ("The next morning, divers reached the barge on Friday.", "2025-07-25"),
        # "his next" still looks forward
        ("She was bailed until her next appearance on Aug. 4.", "2025-08-04"),
        # a future in an earlier clause does not reach a later clause in the past
        ("The coach will succeed Ana Ruiz, who retired in April after ten seasons.", "2025-04"),
        # a date something was fixed or put off for: nearest, though the verb is past
        ("A trial date was set for November 3, the clerk's office said.", "2025-11-03"),
        ("The inquest was adjourned until Nov. 20.", "2025-11-20"),
    ],
)
def test_the_tense_of_a_date_is_its_own_clauses(sentence: str, iso: str) -> None:
    found = [f.value.value for f in find_values(sentence, "2025-07-30") if f.value.kind == "date"]
    assert found == [iso]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("About 4 in 10 commuters cycle.", "About 4 in 10", 34.0, 46.0),
        ("Three out of four members voted yes.", "Three out of four", 70.0, 80.0),
        ("Roughly two-thirds of the orchards flooded.", "Roughly two-thirds", 56.6, 76.7),
        ("A quarter of the staff left.", "A quarter", 20.0, 30.0),
        ("Nearly half of the flats are empty.", "Nearly half", 45.0, 50.0),
    ],
)
def test_shares_are_percentages_not_two_counts(
    sentence: str, text: str, low: float, high: float
) -> None:
    found = find_values(sentence)
    assert [f.value.text for f in found] == [text]
    amount = amount_of(found[0].value)
    assert amount is not None and amount.unit == "%"
    assert amount.low == pytest.approx(low, abs=0.1) and amount.high == pytest.approx(high, abs=0.1)


def test_half_without_a_share_is_no_figure() -> None:
    assert find_values("The drive took half an hour.") == []


def test_a_house_number_is_neither_a_year_nor_a_figure() -> None:
    assert _values("Police found the van outside 2031 Kestrel Avenue.", "2024-05-10") == []
    assert _values("The bakery at 1987 Old Mill Road reopened in 2023.", "2024-05-10") == [
        ("date", "2023", "2023")
    ]
    # after a date's preposition a year stays a year
    assert _values("In 2019 Harbour Road was closed.", "2024-05-10") == [("date", "2019", "2019")]


# 2025-03-12 is a Wednesday: this week's Monday is 03-10, last week's 03-03
@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The plant closed on Monday last week.", ["2025-03-03"]),
        ("The plant closed on Monday of last week.", ["2025-03-03"]),
        (
            "Two ferries sank last week, one on Monday and one on Thursday.",
            ["2025-03-03", "2025-03-06"],
        ),
        ("The road was shut last week on Tuesday.", ["2025-03-04"]),
        # a new clause may be this week's news
        ("He resigned last week, and on Monday his successor was named.", ["2025-03-10"]),
        ("The plant closed on Monday.", ["2025-03-10"]),
        ("The plant closed last Monday.", ["2025-03-10"]),
        # said on a Wednesday, "last Wednesday" is a week ago, not today
        ("The plant closed last Wednesday.", ["2025-03-05"]),
    ],
)
def test_weekdays_of_last_week(sentence: str, want: list[str]) -> None:
    found = [f.value.value for f in find_values(sentence, "2025-03-12") if f.value.kind == "date"]
    assert [v for v in found if v is not None] == want
