"""The dispute model's training helpers (``benchmarks/train_claims_disputes.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
train = pytest.importorskip("train_claims_disputes")


def test_auc_counts_ties_half() -> None:
    y = np.array([1.0, 1.0, 0.0, 0.0])
    assert train.auc(np.array([0.9, 0.5, 0.5, 0.1]), y) == pytest.approx(0.875)
    assert train.auc(np.array([0.1, 0.2, 0.8, 0.9]), y) == 0.0


def test_newton_reaches_the_ridge_optimum_where_the_fixed_step_bounces() -> None:
    rng = np.random.default_rng(0)
    # many binary features, as the one-sided vocabulary terms are
    x = (rng.random((120, 400)) < 0.3).astype(float)
    y = (x[:, :5].sum(1) + rng.normal(0, 1, 120) > 1.5).astype(float)
    ridge = 1.0
    bias, w = train.fit_newton(x, y, ridge)
    p = 1 / (1 + np.exp(-(x @ w + bias)))
    grad = x.T @ (p - y) / len(y) + ridge * w
    assert np.abs(grad).max() < 1e-5
    assert abs(float((p - y).mean())) < 1e-5
    gd_bias, gd_w = train.fit(x, y, ridge)
    q = 1 / (1 + np.exp(-np.clip(x @ gd_w + gd_bias, -30, 30)))
    assert np.abs(x.T @ (q - y) / len(y) + ridge * gd_w).max() > 1e-3


def test_quantile_threshold_flags_at_most_the_share() -> None:
    prob = np.linspace(0, 1, 101)
    y = np.zeros(101)
    t = train.quantile_threshold(prob, y, 0.07)
    assert (prob >= t).sum() <= 7


def test_nested_threshold_never_scores_a_fold_with_a_model_fitted_on_it() -> None:
    # two stories of three bodies: two agree with the story's headline, one disputes it
    stances = [
        {"Body ID": b, "Headline": h, "Stance": s}
        for h, bs in (("bridge opened", "123"), ("dam closed", "456"))
        for b, s in zip(bs, ("agree", "agree", "disagree"), strict=True)
    ]
    folds = [{"1", "2", "3"}, {"4", "5", "6"}]
    fitted_on: list[set[str]] = []
    # a stub model: each body pair's probability, the same whichever part fitted it
    prob = {("1", "2"): 0.3, ("1", "3"): 0.8, ("2", "3"): 0.6}
    prob |= {("4", "5"): 0.5, ("4", "6"): 0.7, ("5", "6"): 0.9}

    class Stub:
        def predict(self, prs: list[tuple[str, str, float]]) -> tuple[np.ndarray, np.ndarray]:
            return np.array([prob[(a, b)] for a, b, _ in prs]), np.array([y for *_, y in prs])

    def fit_on(part: set[str]) -> Stub:
        fitted_on.append(set(part))
        return Stub()

    t = train.nested_threshold(stances, folds, fit_on, max_false=0.0)
    assert fitted_on == [folds[1], folds[0]]
    # no agree-agree pair of either fold flagged, the highest (0.5) just above
    assert t == pytest.approx(0.5, abs=1e-5)
    assert t > 0.5
