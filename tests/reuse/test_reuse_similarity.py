"""The sentence paraphrase features, TF-KLD term weights included (reuse.similarity)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.reuse.prepare import prepare
from newsprism.reuse.similarity import FEATURES, TermWeights, pair_features, term_weights
from newsprism.reuse.syntax import analyse

WEIGHTS = TermWeights(
    words={"not": 0.3, "rise": 0.05, "profits": 0.01},
    bigrams={"not rise": 0.2},
    unseen_word=0.001,
    unseen_bigram=0.002,
)
WORDS = st.sampled_from(
    [
        "the",
        "mayor",
        "said",
        "profits",
        "would",
        "not",
        "rise",
        "sharply",
        "on",
        "Tuesday",
        "after",
        "12",
        "councils",
        "voted",
    ]
)


def _features(x: str, y: str, cosine: float) -> list[float]:
    a, b = prepare(x).whole, prepare(y).whole
    return pair_features(a, b, cosine, WEIGHTS, syntax=(analyse(x), analyse(y)))


def _weighted(x: str, y: str) -> dict[str, float]:
    feats = _features(x, y, 0.5)
    return {
        k: v
        for k, v in zip(FEATURES, feats, strict=True)
        if k.startswith(("weighted", "log_weighted"))
    }


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.lists(WORDS, min_size=1, max_size=12))
def test_features_do_not_depend_on_which_sentence_comes_first(x: list[str], y: list[str]) -> None:
    first, second = " ".join(x) + ".", " ".join(y) + "."
    assert _features(first, second, 0.3) == pytest.approx(_features(second, first, 0.3))


def test_the_same_sentence_has_no_words_of_its_own() -> None:
    f = _weighted("Profits would rise, the mayor said.", "Profits would rise, the mayor said.")
    assert f["weighted_word_shared"] == pytest.approx(1.0)
    assert f["log_weighted_word_own_max"] == 0.0
    assert f["weighted_bigram_shared"] == pytest.approx(1.0)


def test_a_word_that_decides_paraphrase_weighs_more_than_a_rare_one() -> None:
    base = "Profits would rise this year, the mayor said."
    negated = _weighted(base, "Profits would not rise this year, the mayor said.")
    other = _weighted(base, "Profits would rise this year, the governor said.")
    # "not" and "not rise" carry weights of their own; "governor" and "mayor" the unseen ones
    assert negated["log_weighted_word_own_max"] > other["log_weighted_word_own_max"]
    assert negated["weighted_bigram_shared"] < other["weighted_bigram_shared"]


def test_the_shipped_weights_cover_the_common_words() -> None:
    shipped = term_weights()
    assert {"not", "said", "the"} <= set(shipped.words)
    assert shipped.words["not"] > shipped.words["the"]
    assert all(w >= 0 for w in shipped.words.values())  # a KL divergence
