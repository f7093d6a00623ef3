from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.stories.metrics import adjusted_rand, bcubed, pairwise, score


def test_bcubed_textbook_example() -> None:
    # gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    p, r, f = bcubed(pred, gold)
    # precision per item: a,b 1; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5
    assert p == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    # recall per item: a,b 2/3; c 1/3; d,e 1 -> (4/3 + 1/3 + 2) / 5
    assert r == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_pairwise_counts_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": 1, "b": 1, "c": 2, "d": 2}
    p, r, _ = pairwise(pred, gold)
    assert p == pytest.approx(1 / 2)  # (a,b) right, (c,d) wrong
    assert r == pytest.approx(1 / 3)  # (a,b) of (a,b),(a,c),(b,c)


def test_ari_is_zero_for_one_cluster_and_one_for_match() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert adjusted_rand({k: 0 for k in gold}, gold) == pytest.approx(0.0)
    assert adjusted_rand({"a": 9, "b": 9, "c": 8, "d": 8}, gold) == pytest.approx(1.0)


def test_mismatched_items_refused() -> None:
    with pytest.raises(ValueError):
        score({"a": 1}, {"b": 1})


@given(st.lists(st.integers(0, 5), min_size=2, max_size=30))
def test_relabelled_truth_scores_perfectly(labels: list[int]) -> None:
    gold = {str(i): g for i, g in enumerate(labels)}
    pred = {k: f"s{v}" for k, v in gold.items()}
    s = score(pred, gold)
    assert s.bcubed_f1 == pytest.approx(1.0)
    assert s.pair_f1 == pytest.approx(1.0)
    assert s.ari == pytest.approx(1.0)
