"""Story-level speaker names and statements across outlets (no spaCy needed)."""

from __future__ import annotations

from hypothesis import given
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
) -> Quote:
    speaker = Speaker(name, role, entity_id("person", name)) if name else None
    return Quote(
        id=qid,
        article=article,
        text=text,
        start=0,
        end=len(text),
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
    quotes = [
        _q("a:q1", "a", "No other company,", "Walter Isaacson", cue_span=(30, 34)),
        _q(
            "a:q2", "a", "been able to make reusable rockets.", "Walter Isaacson", cue_span=(30, 34)
        ),
    ]
    out, statements = group_statements(quotes, [])
    assert out[0].statement == out[1].statement
    assert len(statements) == 1


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
