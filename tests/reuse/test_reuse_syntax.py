"""Parse features of the sentence paraphrase model (reuse.syntax)."""

from __future__ import annotations

import pytest

from newsprism.reuse import compare
from newsprism.reuse.syntax import SYNTAX_FEATURES, analyse, syntax_features

BASE = "The regional council approved the new budget on Thursday."
MOVED = "On Thursday the regional council approved the new budget."
ADDED = (
    "The regional council approved the new budget on Thursday after Mayor Alvarez "
    "promised 40 more buses."
)


def _named(x: str, y: str) -> dict[str, float]:
    return dict(zip(SYNTAX_FEATURES, syntax_features(analyse(x), analyse(y)), strict=True))


def test_features_are_symmetric_and_complete() -> None:
    forward = syntax_features(analyse(BASE), analyse(ADDED))
    assert len(forward) == len(SYNTAX_FEATURES)
    assert forward == pytest.approx(syntax_features(analyse(ADDED), analyse(BASE)))


def test_moving_a_phrase_keeps_who_did_what() -> None:
    f = _named(BASE, MOVED)
    assert f["same_root"] == 1.0
    assert f["same_subject"] == 1.0
    assert f["object_jaccard"] == 1.0
    assert f["lemma_shared_min"] == 1.0
    assert f["log_own_propn_max"] == 0.0
    assert f["log_own_num_max"] == 0.0


def test_an_added_clause_brings_names_figures_and_verbs_of_its_own() -> None:
    moved, added = _named(BASE, MOVED), _named(BASE, ADDED)
    assert added["log_own_propn_max"] > moved["log_own_propn_max"]
    assert added["log_own_num_max"] > moved["log_own_num_max"]
    assert added["log_own_verb_max"] > moved["log_own_verb_max"]
    assert added["lemma_shared_min"] < moved["lemma_shared_min"]


def test_different_actors_share_no_subject() -> None:
    f = _named(
        "The union rejected the offer from the airline.",
        "The airline withdrew its offer to the union.",
    )
    assert f["same_subject"] == 0.0
    assert f["same_root"] == 0.0


def test_the_sentence_model_reads_an_added_fact_as_less_of_a_paraphrase() -> None:
    # short texts are judged by the sentence model; the score is its probability
    moved = compare(BASE, MOVED)
    added = compare(BASE, ADDED)
    assert moved.score > added.score
    assert moved.relation != "independent"
