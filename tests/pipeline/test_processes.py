"""``ordered_map``: results in task order, errors raised in the parent, the collector's
frozen set as the caller left it."""

from __future__ import annotations

import gc

import pytest

from newsprism._processes import ordered_map


def _slow_square(n: int) -> int:
    """Later tasks finish first: the order must come from the tasks, not the finish."""
    if n < 0:
        raise ValueError(f"negative: {n}")
    for _ in range(20_000 * (10 - n)):
        pass
    return n * n


def test_results_come_in_task_order() -> None:
    assert list(ordered_map(_slow_square, [1, 9, 2, 8, 3], 2)) == [1, 81, 4, 64, 9]
    assert list(ordered_map(_slow_square, [], 2)) == []


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ValueError, match="negative: -4"):
        list(ordered_map(_slow_square, [1, -4, 2], 2))


def test_the_frozen_objects_are_as_the_caller_left_them() -> None:
    assert gc.get_freeze_count() == 0
    list(ordered_map(_slow_square, [1, 2, 3], 2))
    assert gc.get_freeze_count() == 0  # frozen for the fork only
    gc.freeze()  # a host program that freezes objects itself
    try:
        held = gc.get_freeze_count()
        list(ordered_map(_slow_square, [1, 2, 3], 2))
        # not unfrozen (0) nor frozen again (more); a frozen object may still be freed
        # by its reference count meanwhile, so the count can shrink a little
        assert 0.99 * held <= gc.get_freeze_count() <= held
    finally:
        gc.unfreeze()
