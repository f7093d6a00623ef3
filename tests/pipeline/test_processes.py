"""``ordered_map``: results in task order, errors raised in the parent, the collector's
frozen set as the caller left it."""

from __future__ import annotations

import gc

import pytest

from newsprism._processes import frozen_heap, ordered_map
from newsprism.pipeline import Pipeline, State, stage


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


def _in_worker_frozen(n: int) -> int:
    """What a worker forked inside a frozen block sees: its parent's objects frozen."""
    return int(gc.get_freeze_count() > 0) + n


def test_frozen_blocks_nest_and_give_everything_back() -> None:
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        outer = gc.get_freeze_count()
        assert outer > 0
        made = [[i] for i in range(1000)]  # new objects, tracked by the collector
        with frozen_heap():  # an inner block freezes what was made since
            assert gc.get_freeze_count() >= outer + 1000
            # a worker forked in a frozen block keeps its parent's objects frozen
            assert list(ordered_map(_in_worker_frozen, [0, 10], 2)) == [1, 11]
        # still held by the outer block: none of them back among the collector's
        # objects (counts alone are brittle: frozen objects of the outer block may
        # be freed by their reference counts meanwhile)
        tracked = {id(o) for o in gc.get_objects()}
        assert not any(id(m) in tracked for m in made)
        assert gc.get_freeze_count() > outer / 2
        del made
    assert gc.get_freeze_count() == 0


def test_a_host_that_freezes_is_left_alone() -> None:
    gc.freeze()
    try:
        held = gc.get_freeze_count()
        with frozen_heap():
            _ = [[i] for i in range(1000)]
            assert gc.get_freeze_count() <= held  # nothing frozen on top of the host's
        assert 0.99 * held <= gc.get_freeze_count() <= held
    finally:
        gc.unfreeze()


def test_a_pipeline_run_freezes_its_stages_and_gives_them_back() -> None:
    seen: list[int] = []

    @stage("look", needs=[], provides=["entities"])
    def look(state: State) -> State:
        seen.append(gc.get_freeze_count())
        return state.fill(entities=())

    Pipeline([look])(State())
    assert seen and seen[0] > 0
    assert gc.get_freeze_count() == 0
