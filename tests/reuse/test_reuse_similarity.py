"""The sentence paraphrase features, TF-KLD term weights included (reuse.similarity)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.reuse.prepare import prepare
from newsprism.reuse.similarity import FEATURES, TermWeights, pair_features, term_weights

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


def _weighted(x: str, y: str) -> dict[str, float]:
    a, b = prepare(x).whole, prepare(y).whole
    feats = pair_features(a, b, 0.5, WEIGHTS)
    return {
        k: v
        for k, v in zip(FEATURES, feats, strict=True)
        if k.startswith(("weighted", "log_weighted"))
    }


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.lists(WORDS, min_size=1, max_size=12))
def test_features_do_not_depend_on_which_sentence_comes_first(x: list[str], y: list[str]) -> None:
    a, b = prepare(" ".join(x) + ".").whole, prepare(" ".join(y) + ".").whole
    assert pair_features(a, b, 0.3, WEIGHTS) == pytest.approx(pair_features(b, a, 0.3, WEIGHTS))


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


def test_the_lexical_variant_weighs_nothing_that_needs_the_cosine() -> None:
    # without wordllama the cosine, and so its product with the stem overlap, is 0; a
    # weight learnt for that product (it was, until issue 17 round 4) pulls every pair down
    from newsprism import artifacts

    lexical = artifacts.load("reuse_sentence").params["lexical"]
    product = FEATURES.index("cosine_times_stem_dice") - 1  # the lexical model has no cosine
    assert lexical["coef"][product] == 0.0


CLEAR_PARAPHRASES = [
    (
        "The city council voted on Monday to raise parking fees by 20 percent next year.",
        "On Monday the city council approved a 20 percent rise in parking fees for next year.",
    ),
    (
        "Shares of the chipmaker fell 8 percent after it cut its sales forecast.",
        "The chipmaker's shares dropped 8 percent after the company lowered its sales outlook.",
    ),
    (
        "Firefighters brought the warehouse blaze under control early on Sunday, officials said.",
        "Officials said firefighters had the warehouse fire under control early Sunday.",
    ),
    (
        "The airline said it would cancel about 300 flights because of the strike.",
        "About 300 flights will be cancelled because of the strike, the airline said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), CLEAR_PARAPHRASES)
def test_without_wordllama_a_clear_paraphrase_is_confidently_one(
    monkeypatch: pytest.MonkeyPatch, a: str, b: str
) -> None:
    from newsprism.reuse import compare, embed

    monkeypatch.setattr(embed, "_model", lambda: None)
    result = compare(a, b)
    assert result.relation == "rewrite"
    assert result.score >= 0.7  # the sentence model's probability (0.53-0.78 before)
