"""The same points in the same order: the features behind a rewrite with no shared phrase."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reuse_helpers import article

from newsprism.artifacts import load
from newsprism.reuse import prepare
from newsprism.reuse.align import align
from newsprism.reuse.prepare import first_places
from newsprism.reuse.text import analyse
from newsprism.reuse.verdict import (
    DEFAULT,
    PAIR_ARTIFACT,
    PAIR_FEATURES,
    PairModel,
    derived_evidence,
    pair_features,
    pair_probability,
    shipped,
)


def test_first_places_are_first_occurrences_of_content_stems() -> None:
    places = first_places(analyse("The inspectors inspected the plant. Inspectors left it."))
    # "the", "it" are stop words; "inspectors" and "inspected" share a stem
    assert set(places) == {"inspec", "plant", "left"}
    assert places["inspec"] == pytest.approx(1 / 8)
    assert places["plant"] < places["left"]


@settings(max_examples=20, derandomize=True)
@given(st.integers(0, 100_000))
def test_order_and_chain_are_symmetric_and_bounded(seed: int) -> None:
    rng = random.Random(seed)
    a, b = article(rng, 8), article(rng, 8)
    fa = align(prepare(a), prepare(b)).features
    fb = align(prepare(b), prepare(a)).features
    assert fa.order == pytest.approx(fb.order)
    assert fa.chain == pytest.approx(fb.chain)
    assert -1.0 <= fa.order <= 1.0
    assert 0.0 <= fa.chain <= 1.0


def test_points_in_the_same_order_score_above_the_same_points_reversed() -> None:
    sentences = [
        "Firefighters were called to the warehouse on Dock Street shortly after midnight.",
        "The roof collapsed within an hour and nearby homes were evacuated.",
        "Police closed the ring road while crews fought the flames until dawn.",
        "Investigators said the cause of the blaze was not yet known.",
        "The owners estimated the damage at several million pounds.",
        "Residents were allowed back into their homes by Sunday afternoon.",
    ]
    source = prepare(" ".join(sentences))
    same = prepare(" ".join(sentences))
    reverse = prepare(" ".join(reversed(sentences)))
    kept, moved = align(source, same).features, align(source, reverse).features
    assert kept.order == pytest.approx(1.0)
    assert moved.order < 0
    assert kept.chain == 1.0
    assert moved.chain < 0.5


def test_the_shipped_pair_model_reads_the_features_the_code_computes() -> None:
    params = load(PAIR_ARTIFACT).params
    assert tuple(params["features"]) == PAIR_FEATURES
    assert 0.0 < shipped().threshold < 1.0
    with pytest.raises(ValueError, match="other features"):
        PairModel.from_params({**params, "features": ["expression"]})


def test_more_shared_expression_never_lowers_the_probability() -> None:
    rng = random.Random(3)
    f = align(prepare(article(rng, 8)), prepare(article(rng, 8))).features
    low = pair_probability(replace(f, expression=0.05, expression_shared=2))
    high = pair_probability(replace(f, expression=0.5, expression_shared=40))
    assert high > low
    assert len(pair_features(f)) == len(PAIR_FEATURES)


def test_borrowed_passages_are_evidence_whatever_the_model_says() -> None:
    rng = random.Random(5)
    f = align(prepare(article(rng, 8)), prepare(article(rng, 8))).features
    never = replace(shipped(), threshold=1.1)  # a model that never says derived
    assert not derived_evidence(replace(f, borrowed=0), replace(DEFAULT, model=never))
    assert derived_evidence(replace(f, borrowed=DEFAULT.borrowed), replace(DEFAULT, model=never))
