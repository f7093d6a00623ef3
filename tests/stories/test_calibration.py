"""The shipped stories calibration: a model file whose weights fit the code's features."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism import artifacts
from newsprism.stories import ClusterConfig
from newsprism.stories._decision import (
    ARTIFACT,
    FEATURES,
    PAIR_FEATURES,
    Calibration,
    shipped_calibration,
)
from newsprism.stories.cluster import features, pair_features


def test_weights_match_the_features() -> None:
    cal = shipped_calibration()
    assert len(cal.weights) == len(features(0.0, 0.0, 1)) == len(FEATURES)
    assert len(cal.story_weights) == len(pair_features(0.0, 0.0, 1, 1, 1.0, 0.0))
    assert len(PAIR_FEATURES) == len(cal.story_weights)


def test_the_config_carries_the_shipped_calibration() -> None:
    assert ClusterConfig().calibration == shipped_calibration()
    art = artifacts.load(ARTIFACT)
    assert art.provenance.command.startswith(".venv/bin/python benchmarks/bench_stories_calibrate")
    assert art.provenance.metrics["heldout_bcubed_f1_mean6"] > 0.9


def test_tuned_changes_the_calibration_or_the_config() -> None:
    cfg = ClusterConfig().tuned(threshold=0.5, split_max=3)
    assert cfg.calibration.threshold == 0.5 and cfg.split_max == 3
    assert cfg.calibration.weights == shipped_calibration().weights
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.calibration.threshold = 0.1  # type: ignore[misc]


def test_params_round_trip_and_stale_features_are_refused() -> None:
    cal = shipped_calibration()
    assert Calibration.from_params(cal.params()) == cal
    stale = {**cal.params(), "features": [*FEATURES[:-1], "something_else"]}
    with pytest.raises(artifacts.ArtifactError, match="not the code's"):
        Calibration.from_params(stale)
