"""Verdict rules for one group's accounts of one slot: vaguer, converted, another day,
or a detail most articles do not give.  Sentences written for these tests; the group is
given (``judge`` directly), so only the verdict rules are under test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.claims.dates import clock_times
from newsprism.claims.features import EntityIndex, features
from newsprism.claims.values import find_values
from newsprism.claims.verdicts import Judgement, judge
from newsprism.model import Claim


def _judge(texts: dict[str, str], published: dict[str, str] | None = None) -> Judgement:
    """The verdict of one group holding one claim per article."""
    published = published or {}
    claims = []
    for n, (art, text) in enumerate(texts.items()):
        values = tuple(f.value for f in find_values(text, published.get(art)))
        claims.append(Claim(f"{art}:c{n}", art, text, 0, len(text), values))
    index = EntityIndex(())
    feats = [features(c, index) for c in claims]
    return judge(claims, feats, {}, {a: published.get(a) for a in texts})


def test_a_figure_hedged_by_one_outlet_is_imprecise() -> None:
    # "rounds" also counts boxing rounds, so it is never a conflict; a hedge is
    j = _judge(
        {
            "a": "Detectives seized about 300 rounds of ammunition from the flat",
            "b": "Detectives seized 300 rounds of ammunition from the flat on Elm Street",
        }
    )
    assert j.verdict == "imprecise"
    assert {s.text.split(":")[0] for s in j.sides} == {"about 300 rounds", "300 rounds"}


def test_a_bound_on_one_figure_is_no_vaguer_account() -> None:
    # "up to 15 years" often restates a maximum: not a looser account of "15 years"
    j = _judge(
        {
            "a": "The councillor faces a maximum sentence of 15 years if convicted",
            "b": "The councillor faces up to 15 years if convicted of fraud",
        }
    )
    assert j.verdict == "corroborated"


def test_a_span_in_a_coarser_unit_is_imprecise_an_exact_one_agrees() -> None:
    j = _judge(
        {
            "a": "The council approved a six-month moratorium on new building permits",
            "b": "The council approved a 180-day moratorium on new building permits",
        }
    )
    assert j.verdict == "imprecise"
    j = _judge(
        {
            "a": "Health officials ordered a two-week quarantine for the ship's crew",
            "b": "Health officials ordered a 14-day quarantine for the ship's crew",
        }
    )
    assert j.verdict == "corroborated"


def test_a_period_starting_in_a_coarser_date_is_imprecise() -> None:
    j = _judge(
        {
            "a": "Ms Varga chaired the board from November 2016 to March 2017",
            "b": "Ms Varga chaired the board in 2016, before the merger",
        }
    )
    assert j.verdict == "imprecise"


def test_a_weekday_against_another_calendar_day_of_one_event_conflicts() -> None:
    # no publication date: the weekday stays a weekday; March 3, 2015 was a Tuesday
    j = _judge(
        {
            "a": "Rovers signed the striker on Monday",
            "b": "Rovers signed the striker on Tuesday, March 3, 2015",
        }
    )
    assert j.verdict == "conflicting" and j.conflict == "values"
    j = _judge(
        {
            "a": "Rovers signed the striker on Monday",
            "b": "Rovers signed the striker on March 3, 2015",
        }
    )
    assert j.verdict == "conflicting"


def test_a_weekday_naming_the_same_calendar_day_agrees() -> None:
    j = _judge(
        {
            "a": "Rovers signed the striker on Tuesday",
            "b": "Rovers signed the striker on Tuesday, March 3, 2015",
            "c": "Rovers signed the striker on March 3, 2015",
        }
    )
    assert j.verdict == "corroborated"


def test_times_of_day_one_looser_are_imprecise() -> None:
    j = _judge(
        {
            "a": "The driver was stopped shortly after 2 a.m. on Route 9, police said",
            "b": "The driver was stopped just after 2:30 a.m. on Route 9",
        }
    )
    assert j.verdict == "imprecise"
    assert [s.text.split(":")[0] for s in j.sides] == ["shortly after 2 a.m.", "just after 2"]


def test_times_that_cannot_both_hold_are_no_imprecision() -> None:
    j = _judge(
        {
            "a": "The driver was stopped at 2 a.m. on Route 9, police said",
            "b": "The driver was stopped at 4:15 a.m. on Route 9",
        }
    )
    assert j.verdict == "corroborated"


def test_omission_is_not_vagueness() -> None:
    # two of five reports give the count, one of them as a bound: the other three say
    # less, they do not say it more vaguely, and the group's proposition is the raid
    texts = {
        "a": "As many as four robbers stormed the Grand Avenue jewellery store on Thursday",
        "b": "Four robbers stormed the Grand Avenue jewellery store on Thursday",
        "c": "Robbers stormed the Grand Avenue jewellery store on Thursday afternoon",
        "d": "Armed robbers stormed the Grand Avenue jewellery store on Thursday",
        "e": "Robbers stormed a jewellery store on Grand Avenue on Thursday",
    }
    assert _judge(texts).verdict == "corroborated"
    # the same two accounts are the group's when they are half of it or more
    two = {k: texts[k] for k in ("a", "b", "c", "d")}
    assert _judge(two).verdict == "imprecise"


def test_times_in_two_of_five_reports_do_not_make_the_group_imprecise() -> None:
    texts = {
        "a": "Fire crews were called to the warehouse at 6 a.m. on Sunday",
        "b": "The warehouse fire was started shortly after 6 a.m. on Sunday, police said",
        "c": "Fire crews fought the warehouse blaze on Sunday morning",
        "d": "A fire badly damaged the warehouse on Sunday",
        "e": "The warehouse was destroyed by fire on Sunday",
    }
    assert _judge(texts).verdict == "corroborated"


def test_clock_times_are_read_with_their_hedges() -> None:
    got = [(t.low, t.high, t.hedged) for t in clock_times("shortly after 06:00 BST")]
    assert got == [(360, 390, True)]
    assert [(t.low, t.high) for t in clock_times("kick-off at 3:30 p.m. Saturday")] == [(930, 930)]
    assert [(t.low, t.high) for t in clock_times("at 12 a.m.")] == [(0, 0)]
    # a bare "H:MM" needs "at" (a verse, a race time, a score are not times of day)
    assert clock_times("Genesis 3:16 and a 4:35 mile") == []
    assert clock_times("won 3-2 in 2009 before 12,000 fans") == []


def test_two_roundings_of_one_figure_are_equally_loose() -> None:
    j = _judge(
        {
            "a": "About 500 volunteers joined the search for the missing hikers",
            "b": "An estimated 500 volunteers joined the search for the missing hikers",
        }
    )
    assert j.verdict == "corroborated"


def test_a_quarter_is_a_date_finer_than_its_year() -> None:
    (v,) = [f.value for f in find_values("The plant will open in the second half of 2027")]
    assert (v.kind, v.value) == ("date", "2027-07/2027-12-31")
    assert find_values("Sales rose in the second half of the year") == []  # no share of 50 %
    j = _judge(
        {
            "a": "Northwind will open the Leeds plant in the third quarter of 2027",
            "b": "Northwind will open the Leeds plant in 2027, the company said",
        }
    )
    assert j.verdict == "imprecise"


_HEDGE = st.sampled_from(["", "about ", "shortly after ", "just before ", "nearly ", "at "])


@given(_HEDGE, st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m.", "pm"]))
def test_clock_times_hold_the_stated_time(hedge: str, hour: int, minute: int, half: str) -> None:
    text = f"The train left {hedge}{hour}:{minute:02d} {half} from the station"
    (t,) = clock_times(text)
    stated = (hour % 12 + (12 if half.startswith("p") else 0)) * 60 + minute
    assert t.low <= stated <= t.high and t.high - t.low <= 30
    assert t.hedged == (hedge.strip() not in ("", "at"))


@given(st.text(max_size=200))
def test_clock_times_never_fail(text: str) -> None:
    for t in clock_times(text):
        assert -120 <= t.low <= t.high <= 24 * 60 + 120
