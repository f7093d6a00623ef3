"""The layers counted for a whole story at once are the layers of each pair on its own:
the same copied runs, the same sentence similarities float for float, the same chain."""

from __future__ import annotations

import itertools
import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from reuse_helpers import article, small_text

from newsprism.reuse import align as al
from newsprism.reuse.prepare import prepare
from newsprism.reuse.story import StoryLayers


def _same(a: al.Layers, b: al.Layers) -> bool:
    def runs(lay: al.Layers) -> list[tuple[int, int, int, int, int, str, int]]:
        return [(r.a0, r.a1, r.b0, r.b1, r.matched, r.kind, own) for r, own in lay.runs]

    return (
        runs(a) == runs(b)
        and a.sim.dtype == b.sim.dtype
        and np.array_equal(a.sim, b.sim)
        and np.array_equal(a.plain, b.plain)
        and a.chain == b.chain
        and a.borrowed == b.borrowed
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(small_text(), min_size=2, max_size=6), st.sampled_from([1, 5, 40, 1 << 21]))
def test_story_layers_are_each_pairs_own(texts: list[str], max_cells: int) -> None:
    # every pair in both orders, with blocks cut as small as one text (max_cells 1)
    prepared = [prepare(t, semantic=False) for t in texts]
    story = StoryLayers(prepared, max_cells=max_cells)
    for x, y in itertools.permutations(range(len(prepared)), 2):
        pa, pb = prepared[x], prepared[y]
        assert _same(story.layers(pa, pb), al.layers(pa, pb))


def test_story_layers_with_sentence_vectors_in_any_order() -> None:
    # longer texts with the word vectors (cosines in the score), pairs asked out of order
    rng = random.Random(7)
    base = article(rng, 12)
    texts = [base, base.replace(".", ";", 3), article(rng, 9), article(rng, 15) + " " + base]
    prepared = [prepare(t) for t in texts]
    story = StoryLayers(prepared, max_cells=30)
    pairs = list(itertools.permutations(range(len(prepared)), 2))
    rng.shuffle(pairs)
    for x, y in pairs:
        pa, pb = prepared[x], prepared[y]
        assert _same(story.layers(pa, pb), al.layers(pa, pb))


def test_background_without_a_sort_is_the_median() -> None:
    # every count of negative, zero and positive cells of small matrices, so the middle
    # cells are zero or not on either side of the shortcut's bound
    rng = random.Random(3)
    positive = [0.2, 0.5, 0.7, 0.9, 1.0]
    for rows, cols in [(3, 3), (3, 4), (4, 4), (4, 5), (5, 5)]:
        n = rows * cols
        for k in range(n + 1):
            for neg in range(k + 1):
                cells = [-0.3] * neg + [positive[t % 5] for t in range(k - neg)]
                cells += [0.0] * (n - k)
                rng.shuffle(cells)
                sim = np.array(cells, dtype=np.float32).reshape(rows, cols)
                background = float(np.median(sim))
                expected = np.where(sim - background >= al.MIN_MARGIN, sim, 0.0)
                got = al._above_background(sim)
                assert got.dtype == np.float32
                assert np.array_equal(got, expected.astype(np.float32)), (rows, cols, k, neg)
