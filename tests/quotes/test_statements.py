"""Story-level speaker names and statements across outlets (no spaCy needed)."""

from __future__ import annotations

import dataclasses

from hypothesis import example, given
from hypothesis import strategies as st

from newsprism.model import Quote, Speaker, entity_id
from newsprism.quotes import group_statements


def _q(
    qid: str,
    article: str,
    text: str,
    name: str | None,
    role: str | None = None,
    cue_span: tuple[int, int] | None = None,
    start: int = 0,
) -> Quote:
    speaker = Speaker(name, role, entity_id("person", name)) if name else None
    return Quote(
        id=qid,
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        kind="direct",
        speaker=speaker,
        cue_span=cue_span,
    )


def test_names_normalised_to_fullest_form_and_roles_kept() -> None:
    quotes = [
        _q("a:q1", "a", "We should investigate.", "Adam Smith", "Rep."),
        _q("b:q1", "b", "It is troubling.", "Smith"),
        _q("c:q1", "c", "We need diversity.", "Adam Smith", "the top Democrat"),
    ]
    out, _ = group_statements(quotes, [])
    assert [q.speaker.name for q in out if q.speaker] == ["Adam Smith"] * 3
    assert {q.speaker.entity for q in out if q.speaker} == {"person:adam-smith"}
    assert out[0].speaker is not None and out[0].speaker.role == "Rep."
    assert out[2].speaker is not None and out[2].speaker.role == "the top Democrat"
    assert out[1].speaker is not None and out[1].speaker.role is not None


def test_ambiguous_surname_left_as_written() -> None:
    quotes = [
        _q("a:q1", "a", "One thing.", "Bill Clinton"),
        _q("b:q1", "b", "Another thing.", "Hillary Clinton"),
        _q("c:q1", "c", "A third thing.", "Clinton"),
    ]
    out, _ = group_statements(quotes, [])
    assert out[2].speaker is not None and out[2].speaker.name == "Clinton"


def test_same_statement_across_outlets_counts_families_once() -> None:
    quotes = [
        _q("a:q1", "a", "raise many serious questions,", "Gregory Meeks"),
        _q("b:q1", "b", "the allegations “raise many serious questions”", "Meeks"),
        _q(
            "c:q1",
            "c",
            "These reports raise many serious questions about security.",
            "Gregory Meeks",
        ),
        _q("c:q2", "c", "Something else entirely was said here.", "Gregory Meeks"),
    ]
    out, statements = group_statements(quotes, [["a", "b"]])
    assert out[0].statement == out[1].statement == out[2].statement
    assert out[3].statement != out[0].statement
    shared = next(s for s in statements if s.id == out[0].statement)
    assert shared.articles == ("a", "b", "c")
    assert shared.independent_sources == 2
    assert shared.speaker == "Gregory Meeks"
    assert shared.quotes == ("a:q1", "b:q1", "c:q1")


def test_same_words_different_speakers_are_different_statements() -> None:
    quotes = [
        _q("a:q1", "a", "We will not back down from this fight.", "Ann Lee"),
        _q("b:q1", "b", "We will not back down from this fight.", "Tom Reyes"),
    ]
    out, statements = group_statements(quotes, [])
    assert out[0].statement != out[1].statement
    assert len(statements) == 2


def test_short_unattributed_quote_not_merged_into_a_speakers_statement() -> None:
    quotes = [
        _q("a:q1", "a", "genius", "Donald Trump"),
        _q("b:q1", "b", "genius", None),
    ]
    out, _ = group_statements(quotes, [])
    assert out[0].statement != out[1].statement


def test_split_quote_halves_are_one_statement() -> None:
    # '"No other company," he told the paper, "has been able to make reusable rockets."'
    quotes = [
        _q("a:q1", "a", "No other company,", "Walter Isaacson", cue_span=(20, 24), start=1),
        _q(
            "a:q2",
            "a",
            "has been able to make reusable rockets.",
            "Walter Isaacson",
            cue_span=(20, 24),
            start=40,
        ),
    ]
    out, statements = group_statements(quotes, [])
    assert out[0].statement == out[1].statement
    assert len(statements) == 1


def test_quotes_one_cue_carried_on_are_separate_statements() -> None:
    # '"We will appeal," Ana Ruiz said. "The ruling ignores the record."\n\n"Costs will rise."'
    cue = (18, 30)
    quotes = [
        _q("a:q1", "a", "We will appeal,", "Ana Ruiz", cue_span=cue, start=1),
        _q("a:q2", "a", "The ruling ignores the record.", "Ana Ruiz", cue_span=cue, start=34),
        _q("a:q3", "a", "Costs will rise.", "Ana Ruiz", cue_span=cue, start=68),
    ]
    out, statements = group_statements(quotes, [])
    # the two quotations beside the cue are one utterance; the next paragraph is not
    assert out[0].statement == out[1].statement != out[2].statement
    assert len(statements) == 2


def test_second_quote_of_a_speaker_is_not_merged_into_her_first() -> None:
    quotes = [
        _q("a:q1", "a", "The budget cuts will close three schools in the district.", "Ana Ruiz"),
        _q("a:q2", "a", "The budget cuts will close schools.", "Ana Ruiz", start=80),
    ]
    _, statements = group_statements(quotes, [])
    assert len(statements) == 2
    assert {s.text for s in statements} == {q.text for q in quotes}


def test_surname_labelled_an_organisation_is_still_the_person() -> None:
    org_trump = Speaker("Trump", None, entity_id("org", "Trump"))
    quotes = [
        _q("a:q1", "a", "We will win.", "Donald Trump"),
        dataclasses.replace(_q("a:q2", "a", "Believe me.", None, start=30), speaker=org_trump),
        _q("a:q3", "a", "I am my own man.", "Donald Trump Jr.", start=60),
    ]
    out, _ = group_statements(quotes, [])
    names = [q.speaker.name for q in out if q.speaker]
    assert names == ["Donald Trump", "Donald Trump", "Donald Trump Jr."]
    assert out[0].speaker is not None and out[1].speaker is not None
    assert out[0].speaker.entity == out[1].speaker.entity


_names = st.sampled_from(["Ann Lee", "Lee", "Tom Reyes", None])
_texts = st.sampled_from(
    ["we will win", "we will win this fight today", "prices will rise next year", "no comment"]
)


@given(
    st.lists(st.tuples(st.sampled_from("abcd"), _texts, _names), max_size=12),
    st.lists(st.lists(st.sampled_from("abcd"), max_size=3), max_size=2),
)
def test_statements_partition_quotes(
    items: list[tuple[str, str, str | None]], families: list[list[str]]
) -> None:
    quotes = [_q(f"{a}:q{n}", a, t, s) for n, (a, t, s) in enumerate(items)]
    out, statements = group_statements(quotes, families)
    assert [q.id for q in out] == [q.id for q in quotes]
    by_id = {s.id: s for s in statements}
    assert sorted(i for s in statements for i in s.quotes) == sorted(q.id for q in out)
    for q in out:
        assert q.statement in by_id
        assert q.id in by_id[q.statement].quotes
    for s in statements:
        assert 1 <= s.independent_sources <= len(s.articles)


_WORDS = ["we", "will", "fight", "the", "tax", "plan", "now", "and", "always", "here"]


@st.composite
def _story_quotes(draw: st.DrawFn) -> list[Quote]:
    """Quotes over three articles: few words, so many texts repeat or contain others;
    some unattributed, some halves of one quotation around a shared cue."""
    quotes: list[Quote] = []
    for n in range(draw(st.integers(0, 14))):
        article = draw(st.sampled_from("abc"))
        text = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=11)))
        name = draw(st.sampled_from([None, None, "Adam Smith", "Smith", "Jo Lee"]))
        cue = draw(st.sampled_from([None, (100, 110)]))
        start = draw(st.sampled_from([0, 60, 120]))
        quotes.append(_q(f"{article}:q{n}", article, text, name, cue_span=cue, start=start))
    return quotes


@given(_story_quotes())
@example(  # two unattributed halves of one quotation: only the halves rule links them
    [
        _q("a:q0", "a", "we will fight the tax", None, cue_span=(100, 110), start=60),
        _q("a:q1", "a", "now and always", None, cue_span=(100, 110), start=120),
    ]
)
def test_statements_are_those_of_comparing_every_pair(quotes: list[Quote]) -> None:
    # group_statements tries only the pairs that can link (one speaker, long
    # unattributed quotes, halves); its statements must be the connected
    # components of the links over every pair
    from newsprism.quotes import statements as sm

    named = sm.normalise_names(quotes)
    texts = [sm.normalise_text(q.text) for q in named]
    halves = sm._halves_of(named)
    groups = sm._Groups(len(named))
    for i in range(len(named)):
        for j in range(i + 1, len(named)):
            if sm._linked(named[i], named[j], texts[i], texts[j], halves):
                groups.union(i, j)
    expected = {
        frozenset(named[j].id for j in range(len(named)) if groups.find(j) == groups.find(i))
        for i in range(len(named))
    }
    _, statements = group_statements(quotes, [])
    assert {frozenset(s.quotes) for s in statements} == expected


@st.composite
def _edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A quote and a longer text holding it with a few characters changed: the near
    misses and near hits of the fuzzy comparison."""
    alphabet = "abcde "
    short = draw(st.text(alphabet, min_size=7, max_size=60))
    edited = list(short)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(edited)))
        if draw(st.booleans()) and at < len(edited):
            del edited[at]
        else:
            edited.insert(at, draw(st.sampled_from(alphabet)))
    before = draw(st.text(alphabet, max_size=30))
    after = draw(st.text(alphabet, max_size=30))
    return short, before + "".join(edited) + after


@given(_edited_pair())
def test_the_gram_filter_never_drops_a_pair_with_the_same_words(pair: tuple[str, str]) -> None:
    # the filter must let through every pair partial_ratio would link (a necessary
    # condition); a small alphabet makes near matches at the threshold common
    from rapidfuzz import fuzz

    from newsprism.quotes import statements as sm

    a, b = pair
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if fuzz.partial_ratio(short, long, score_cutoff=sm._SAME_WORDS) >= sm._SAME_WORDS:
        assert sm._GramFilter([a, b]).may_link(0, 1)


def test_the_gram_filter_drops_quotes_with_different_words() -> None:
    from newsprism.quotes import statements as sm

    grams = sm._GramFilter(
        [
            "we will not raise taxes on working families this year",
            "the committee meets again on thursday to vote",
            "we will not raise taxes on families this year",
        ]
    )
    assert not grams.may_link(0, 1)
    assert grams.may_link(0, 2)


def test_a_lone_surrogate_in_a_quote_is_a_character_like_any_other() -> None:
    from newsprism.quotes import statements as sm

    grams = sm._GramFilter(["we will not \ud800 raise taxes", "we will not \ud800 raise taxes"])
    assert grams.may_link(0, 1)
