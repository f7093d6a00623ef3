"""The aligner's indexes (shared seeds, shared stems, per-text counts) give what trying
every position and every sentence pair gave: the same tiles, similarities and shares;
the background median without a sort is the median."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from reuse_helpers import small_text

from newsprism.reuse import align as al
from newsprism.reuse.prepare import Prepared, prepare
from newsprism.reuse.text import Doc


def _tiles_every_position(a: Doc, b: Doc) -> list[tuple[int, int, int, int]]:
    """The tiling as it was written first: every position of ``a`` looked up in turn."""
    index = {g: p[: al.MAX_SEED_HITS] for g, p in al._places(b.words).items()}
    found = []
    for i in range(len(a.words) - al.SEED + 1):
        for j in index.get(a.words[i : i + al.SEED], []):
            if i > 0 and j > 0 and a.words[i - 1] == b.words[j - 1]:
                continue
            k = al.SEED
            while (
                i + k < len(a.words) and j + k < len(b.words) and a.words[i + k] == b.words[j + k]
            ):
                k += 1
            found.append((k, i, j))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a, used_b = bytearray(len(a.words)), bytearray(len(b.words))
    tiles = []
    for k, i, j in found:
        s, e = 0, k
        while s < k and (used_a[i + s] or used_b[j + s]):
            s += 1
        while e > s and (used_a[i + e - 1] or used_b[j + e - 1]):
            e -= 1
        if e - s < al.SEED or any(used_a[i + s : i + e]) or any(used_b[j + s : j + e]):
            continue
        for t in range(s, e):
            used_a[i + t] = used_b[j + t] = 1
        tiles.append((i + s, i + e, j + s, j + e))
    return tiles


def _similarity_every_pair(pa: Prepared, pb: Prepared) -> np.ndarray:
    """The reworded layer's raw similarity, trying every sentence pair (no vectors)."""
    sim = np.zeros((len(pa.sentences), len(pb.sentences)), dtype=np.float32)
    for i, si in enumerate(pa.sentences):
        for j, sj in enumerate(pb.sentences):
            if min(si.size, sj.size) < al.MIN_SENTENCE_WORDS or not si.content or not sj.content:
                continue
            shared = len(si.content & sj.content)
            if shared >= 2:
                names = si.names | sj.names
                name_score = len(si.names & sj.names) / len(names) if names else 0.5
                sim[i, j] = (
                    0.6 * (2 * shared / (len(si.content) + len(sj.content))) + 0.4 * name_score
                )
    return sim


@settings(max_examples=60, deadline=None)
@given(small_text(1), small_text(1))
def test_indexes_give_what_every_pair_gave(text_a: str, text_b: str) -> None:
    pa, pb = prepare(text_a, semantic=False), prepare(text_b, semantic=False)
    a, b = pa.doc, pb.doc
    tiles = [(t.a0, t.a1, t.b0, t.b1) for t in al._tiles(a, b)]
    assert tiles == _tiles_every_position(a, b)
    sim, _ = al._similarity(pa, pb)
    assert np.array_equal(sim, al._above_background(_similarity_every_pair(pa, pb)))
    for doc in (a, b):
        assert doc.unquoted_count() == sum(1 for q in doc.quoted if not q)
        owner = [-1] * len(doc.words)
        for s, sent in enumerate(doc.sentences):
            for k in range(sent.first, sent.last):
                owner[k] = s
        assert list(doc.owner) == owner


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
