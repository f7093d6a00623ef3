from __future__ import annotations

import importlib
import itertools
import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reuse_helpers import VOCAB, article, sentence

from newsprism.reuse import compare, prepare
from newsprism.reuse.compare import judge
from newsprism.reuse.verdict import DERIVED

# the module (``newsprism.reuse.compare`` the attribute is the function of that name)
compare_module = importlib.import_module("newsprism.reuse.compare")

FLIP = {"a->b": "b->a", "b->a": "a->b"}


def _edit(text: str, rng: random.Random, share: float) -> str:
    words = text.split()
    for k in range(len(words)):
        if rng.random() < share:
            words[k] = rng.choice(VOCAB)
    return " ".join(words)


@settings(max_examples=25)
@given(st.integers(0, 10_000))
def test_an_article_compared_with_itself_is_a_copy(seed: int) -> None:
    text = article(random.Random(seed))
    result = compare(text, text)
    assert result.relation == "copy"
    assert result.score > 0.95
    assert result.passages


# derandomize: the same examples on every run, so CI is reproducible; 60 of them plus the
# seed that once gave a false "rewrite" (scattered chance sentence pairs in texts drawn
# from one small vocabulary) keep the test strong enough to catch a regression
@settings(max_examples=60, derandomize=True)
@given(st.integers(0, 100_000), st.sampled_from([4, 8, 12]))
@example(seed=2685, sentences=12)
def test_an_unrelated_article_is_not_derived(seed: int, sentences: int) -> None:
    rng = random.Random(seed)
    result = compare(article(rng, sentences), article(rng, sentences))
    assert result.relation not in DERIVED | {"partial"}
    assert not any(p.kind == "reworded" for p in result.passages) or result.score < 0.15


def _reword(text: str, rng: random.Random, share: float) -> str:
    """Each sentence's words shuffled and a share replaced: no copied run survives."""
    out = []
    for sent in text.split(". "):
        words = sent.rstrip(".").lower().split()
        rng.shuffle(words)
        words = [rng.choice(VOCAB) if rng.random() < share else w for w in words]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


# the other side of the test above: in the same small vocabulary, where every sentence
# pair looks alike, a sentence-by-sentence rewrite must still be found
@settings(max_examples=20, derandomize=True)
@given(st.integers(0, 100_000))
def test_a_rewrite_in_one_vocabulary_is_derived(seed: int) -> None:
    rng = random.Random(seed)
    a = article(rng)
    result = compare(a, _reword(a, rng, 0.2))
    assert result.relation in DERIVED


def test_chance_sentence_pairs_in_one_vocabulary_are_not_a_rewrite() -> None:
    """Regression: these two random articles once came out a rewrite (score 0.26)."""
    rng = random.Random(2685)
    result = compare(article(rng), article(rng))
    assert result.relation == "independent"
    assert result.score < 0.15


@settings(max_examples=25)
@given(st.integers(0, 10_000), st.floats(0.0, 0.5))
def test_verdicts_are_symmetric_up_to_direction(seed: int, share: float) -> None:
    rng = random.Random(seed)
    a = article(rng)
    b = _edit(a, rng, share) + " " + article(rng, 4)
    ab, ba = compare(a, b), compare(b, a)
    assert ab.relation == ba.relation
    assert ab.score == ba.score
    assert ab.direction == FLIP.get(ba.direction or "", ba.direction)
    mirrored = sorted((p.b_start, p.b_end, p.a_start, p.a_end, p.kind) for p in ba.passages)
    assert sorted((p.a_start, p.a_end, p.b_start, p.b_end, p.kind) for p in ab.passages) == (
        mirrored
    )


def test_light_edits_are_edited_copies() -> None:
    rng = random.Random(3)
    a = article(rng, 15)
    b = _edit(a, rng, 0.1)
    result = compare(a, b)
    assert result.relation in ("edited", "copy")
    assert any(p.kind == "edited" for p in result.passages)


def test_verbatim_passages_have_equal_text() -> None:
    rng = random.Random(5)
    shared = article(rng, 4)
    a = article(rng, 6) + " " + shared
    b = shared + " " + article(rng, 8)
    result = compare(a, b)
    verbatim = [p for p in result.passages if p.kind == "verbatim"]
    assert verbatim
    for p in verbatim:
        assert a[p.a_start : p.a_end] == b[p.b_start : p.b_end]


def test_a_lifted_passage_is_partial_reuse() -> None:
    rng = random.Random(11)
    # two sentences of news length (22 words; ECB+ sentences average 19): the judges' bar
    # for a partial reuse is about two sentences, the calibrated one 40 borrowed words
    shared = " ".join(sentence(rng, 22) for _ in range(2))
    a = article(rng, 20) + " " + shared
    b = shared + " " + article(rng, 20)
    assert compare(a, b).relation == "partial"


def test_shared_quotation_is_not_copying() -> None:
    statement = (
        "“The company has never spoken with the president about these matters and the report "
        "is false in every detail that matters to our customers and employees,” "
    )
    a = (
        "The reports drew a sharp reply on Tuesday. "
        + statement
        + "a spokesperson wrote. Lawmakers in Washington asked for hearings next month."
    )
    b = (
        "Officials at the agency declined to comment on the allegations. In an email, "
        + statement
        + "the firm said. Shares fell two percent in early trading in New York."
    )
    result = compare(a, b)
    assert result.relation not in DERIVED | {"partial"}
    assert not any(p.kind == "verbatim" for p in result.passages)


def test_seed_rewrites_are_siblings(seeds: dict[str, str]) -> None:
    result = compare(seeds["000"], seeds["001"])
    assert result.relation in ("rewrite", "edited")
    assert result.direction == "common-source"
    assert any(p.kind == "reworded" for p in result.passages)


def test_seed_independent_reports_are_not_derived(seeds: dict[str, str]) -> None:
    for a, b in [("000", "002"), ("000", "003"), ("001", "002"), ("001", "003"), ("002", "003")]:
        assert compare(seeds[a], seeds[b]).relation == "independent", (a, b)


def test_offsets_are_within_texts(seeds: dict[str, str]) -> None:
    a, b = seeds["000"], seeds["001"]
    passages = compare(a, b).passages
    assert passages
    for p in passages:
        assert 0 <= p.a_start < p.a_end <= len(a)
        assert 0 <= p.b_start < p.b_end <= len(b)


@settings(max_examples=40)
@given(st.integers(0, 10_000), st.floats(0.0, 0.6))
def test_short_texts_are_symmetric(seed: int, share: float) -> None:
    rng = random.Random(seed)
    a = sentence(rng, 14)
    b = _edit(a, rng, share)
    ab, ba = compare(a, b), compare(b, a)
    assert (ab.relation, ab.score) == (ba.relation, ba.score)


def test_sentence_paraphrase_and_non_paraphrase() -> None:
    a = "Stocks have rallied sharply for more than three months in anticipation of a rebound."
    b = "Stocks rallied strongly for over three months in anticipation of a rebound."
    c = "The city council approved a new budget for the public libraries on Tuesday."
    assert compare(a, b).relation in DERIVED
    assert compare(a, c).relation not in DERIVED
    assert compare(a, b).passages


def test_works_without_wordllama(monkeypatch: pytest.MonkeyPatch, seeds: dict[str, str]) -> None:
    from newsprism.reuse import embed

    monkeypatch.setattr(embed, "_model", lambda: None)
    assert not embed.available()
    assert compare(seeds["000"], seeds["000"]).relation == "copy"
    assert compare(seeds["002"], seeds["003"]).relation == "independent"
    a = "Stocks have rallied sharply for more than three months in anticipation of a rebound."
    b = "Stocks rallied strongly for over three months in anticipation of a rebound."
    assert compare(a, b).relation in DERIVED


@pytest.mark.parametrize("threshold", [0.5, 0.3])
def test_the_second_look_leaves_independent_reports_independent(
    seeds: dict[str, str], threshold: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the seeds' four reports of one story: only 000-001 is a rewrite, even when the
    # second look accepts far looser sentence pairs than it does
    monkeypatch.setattr(compare_module, "SECOND_LOOK_REWORD", threshold)
    prepared = {k: prepare(v) for k, v in seeds.items()}
    assert sorted(prepared) == ["000", "001", "002", "003"]
    for x, y in itertools.combinations(sorted(prepared), 2):
        _, relation, second_look = judge(prepared[x], prepared[y])
        assert relation == ("rewrite" if (x, y) == ("000", "001") else "independent")
        assert not second_look


def test_the_second_look_is_off_by_default(seeds: dict[str, str]) -> None:
    # on same-event news it calls many independent reports rewrites (reuse.md, ECB+)
    assert compare_module.SECOND_LOOK_REWORD is None
    a, b = prepare(seeds["002"]), prepare(seeds["003"])
    assert judge(a, b)[2] is False
