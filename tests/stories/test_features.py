from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsprism.model import Article
from newsprism.stories import _features
from newsprism.stories._features import (
    _CAPRUN,
    _CAPWORD,
    _JOINED,
    _LOWER,
    _WORD,
    LEAD_BOOST,
    LEAD_WORDS,
    LowerWords,
    _entity_counts,
    _entity_key,
    _run_key,
    _strip_leading,
    _tokens,
    bags,
    entity_keys,
    fallback_entities,
    words,
)

FILLER = " ".join(f"background{i}" for i in range(LEAD_WORDS))


def test_lead_words_weigh_more_than_the_same_words_further_down() -> None:
    text = f"An earthquake struck Aceh on Tuesday. {FILLER} A flood hit Jakarta."
    b = bags(Article(id="a", text=text))
    assert b.words["earthquake"] > b.words["flood"]
    assert b.words["aceh"] > b.words["jakarta"]


def test_title_and_lead_count_the_same() -> None:
    lead_only = bags(Article(id="a", text=f"Quake hits Aceh. {FILLER}"))
    title_only = bags(Article(id="b", title="Quake hits Aceh", text=f"{FILLER} Quake hits Aceh."))
    assert lead_only.words["quake"] == title_only.words["quake"]
    assert LEAD_BOOST > 0


def test_a_short_text_is_all_lead() -> None:
    b = bags(Article(id="a", text="Quake hits Aceh. Quake kills nine."))
    assert b.words["quake"] > b.words["aceh"]  # counted 2 x 3 against 1 x 3


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_the_lead_reweighs_but_never_adds_or_drops_words(text: str) -> None:
    assert set(bags(Article(id="a", text=text)).words) == set(words(text))


# texts of letters and digits next to each kind of edge, ASCII or not, with and
# without "_" (so that each of _tokens' three patterns is met)
_TOKEN_TEXTS = st.lists(
    st.one_of(
        st.sampled_from([*"aZ09 '’_-.\t\néÉßµ²½ΩЖ中𝐀😀\u2019\u00a0", "don't", "O’Neil"]),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
).map("".join)


@example("it's a_b 'x' y’ z'' 9'9 a''b a'''b ''c d''' ' '' e'f'g")
@example("é_a don’t")
@example("Don't STOP 'it's' a_b x'' ''y z''' a''b a'''b c'd'e ' 9'")
@example("x²½ ΩЖ中𝐀😀")
@given(_TOKEN_TEXTS)
def test_tokens_are_the_word_pattern_matches(text: str) -> None:
    # _tokens picks a faster pattern by the text's kind; it must find exactly
    # what _WORD finds, in the text and in its lower case
    ascii_ = text.encode("ascii", "replace").decode()  # the same text as ASCII
    for t in (text, text.lower(), ascii_):
        assert _tokens(t) == _WORD.findall(t), t


_REFERENCE_CAPRUN = re.compile(rf"\b{_CAPWORD}{_JOINED}")


# runs of several words and dots, which the fast form takes apart (see _runs)
@example("Ask The Duke of York Jr. Smith-Jones of The U.S.A.B. Army.Navy Today. Then")
@example("A B C D of E the F de G.H.I.J x Y_Z.a1.B U.S.A.Smith-Jones’s O.B.E.’s")
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*"AaBbZz .-'’\t\n_1é", "of ", "the ", "de ", "U.S."]),
            st.characters(codec="utf-8"),
        ),
        max_size=80,
    ).map("".join)
)
def test_capitalised_runs_match_the_plain_word_boundary_pattern(text: str) -> None:
    # _CAPRUN opens with its capital and checks the word boundary behind it (faster);
    # it must find exactly what the plain "\b" pattern finds
    assert _CAPRUN.findall(text) == _REFERENCE_CAPRUN.findall(text)


def test_capitalised_runs_start_at_word_starts_only() -> None:
    # a capital inside a word ("eBay", "McDonald") starts nothing; after a hyphen it does
    text = "McDonald met the Duke of York at eBay in x-Ray's New York.So said O'Neil_Smith."
    assert fallback_entities(text) == [
        "McDonald",
        "Duke of York",
        "Ray's New York.So",
        "O'Neil_Smith",
    ]


# short texts of few symbols, so that the asked words often stand next to each edge
_NEAR_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["ab", "a", "b", "A", " ", "-", "'", "’", "_", "1", "é", "\n"]),
        st.characters(codec="utf-8"),
    ),
    max_size=12,
).map("".join)


@example("ab-x x-ab ab_ 1ab ab’ 'ab éab abé aB", ["ab"])
@example("x ab", ["ab"])
@given(_NEAR_WORDS, st.lists(st.text(alphabet="abAé'", min_size=0, max_size=3), max_size=8))
def test_lower_words_are_the_lower_case_pattern_matches(text: str, asked: list[str]) -> None:
    # LowerWords answers "does the text write this word in lower case" without the
    # regular-expression pass; it must answer as the set of _LOWER's matches does
    found = set(_LOWER.findall(text))
    common = LowerWords(text)
    for word in [*asked, *found, "ab", "a", "b"]:
        assert (word in common) == (word in found), word
        assert (word in common) == (word in found), word  # and again, from its memo


@example("The Duke of York and The met Obama. But Obama and the duke")
@given(_NEAR_WORDS.map(lambda t: "The Duke of York " + t + " But Obama"))
def test_entity_keys_of_runs_are_those_of_the_names(text: str) -> None:
    # bags keys capitalised runs in one cached step (_run_key); it must count what
    # entity_keys counts for fallback_entities' names
    common = LowerWords(text)
    fused = _entity_counts(map(_run_key, _CAPRUN.findall(text)), common)
    assert fused == dict(entity_keys(fallback_entities(text), common))


def test_the_run_memo_forgets_at_its_bound_and_keys_stay_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the capitalised runs' memo is a plain dict emptied at RUN_KEYS_MAX runs (no LRU
    # list to reorder on every hit); what it returns must not depend on what it holds
    monkeypatch.setattr(_features, "RUN_KEYS_MAX", 3, raising=False)
    _run_key.cache_clear()
    runs = ["The Harbour Board", "Mayor Ines Okafor", "But Tallinn", "Okafor", "The Quay"] * 3
    try:
        for run in runs:
            assert _run_key(run) == _entity_key(_strip_leading(run))
            assert _run_key.cache_info().currsize <= 3
    finally:
        _run_key.cache_clear()
