"""The terms shared by every sentence pair of a story, counted for the story at once.

Every pair of a story of up to :data:`~newsprism.reuse.analyze.ALL_PAIRS_LIMIT`
articles is screened on the first layers of its alignment
(:func:`~newsprism.reuse.align.layers`), and the sentence similarities there rest on
how many content stems and names each sentence pair shares.  Counted pair by pair
(:func:`~newsprism.reuse.align._similarity`), that is two sorted merges and two dense
tallies per pair, a handful of small numpy calls each, for pairs that grow with the
square of a story's size.  Here a story's sentences are stacked once, each term keyed by
``term id * sentences + sentence``, and one text's sentences are merged with those
of all the texts after it in one pass: a block of counts (its sentences by theirs),
of which each pair reads its slice.  The counts are integers, so a slice is exactly
what the pair's own merge gives, and the similarities are then scored by the same
code (:class:`~newsprism.reuse.align.Counts`), float for float.  (It is worth less
than it looks: the first layers of the 14,790 pairs of stories of up to 60 articles at
3,000 articles of ``bench_stages_scale``'s mix take 2.12 CPU s this way against 2.19
pair by pair; the rest of a pair's constant is its copied runs and the scoring of its
candidate sentence pairs, benchmarks/RESULTS.md, issue 19 round 9.)

A block is held for one text at a time (the pairs come in order of their first
text, as :func:`itertools.combinations` gives them) and cut into groups of later
texts when it would pass :data:`MAX_CELLS`, so a story of long texts stays within a
few tens of MB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .align import Counts, Layers, layers
from .prepare import Prepared, Terms, terms

__all__ = ["MAX_CELLS", "StoryLayers"]

#: sentence pairs (cells) one block of counts may hold: two int64 tallies of 16 MB each
MAX_CELLS = 1 << 21


@dataclass(frozen=True, slots=True)
class _Block:
    """Counts of text ``x``'s sentences against those of texts ``y0`` to ``y1 - 1``."""

    x: int
    y0: int
    y1: int
    content: np.ndarray
    names: np.ndarray


class StoryLayers:
    """:func:`~newsprism.reuse.align.layers` of the pairs of one story's texts.

    ``layers(pa, pb)`` is ``align.layers(pa, pb)`` exactly, for any two of the
    ``texts`` given (by identity), in either order; it is fastest when the pairs
    come grouped by the text that comes first in ``texts``.  ``max_cells``: the
    sentence pairs a block of counts may hold (:data:`MAX_CELLS`).
    """

    def __init__(self, texts: Sequence[Prepared], max_cells: int = MAX_CELLS) -> None:
        self._max_cells = max_cells
        self._texts = list(texts)  # held, so that the ids below stay theirs
        self._index = {id(p): k for k, p in enumerate(self._texts)}
        tallies = [p.terms if p.terms is not None else terms(p.sentences) for p in self._texts]
        self._terms: list[Terms] = tallies
        sizes = [len(p.sentences) for p in self._texts]
        self._offsets = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))
        self._total = int(self._offsets[-1])
        self._content = self._keys([(t.content, t.content_rows) for t in tallies])
        self._names = self._keys([(t.names, t.names_rows) for t in tallies])
        self._block: _Block | None = None

    def _keys(self, parts: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """Every (term, sentence) of the story as ``term * sentences + sentence``, sorted."""
        total = max(self._total, 1)
        keys = [ids * total + (rows + self._offsets[k]) for k, (ids, rows) in enumerate(parts)]
        return np.sort(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)

    def layers(self, pa: Prepared, pb: Prepared) -> Layers:
        """The first layers of the pair ``(pa, pb)``, as :func:`~newsprism.reuse.align.layers`."""
        x, y = self._index[id(pa)], self._index[id(pb)]
        lo, hi = min(x, y), max(x, y)
        block = self._block
        if block is None or block.x != lo or not block.y0 <= hi < block.y1:
            block = self._block = self._count(lo, hi)
        base = int(self._offsets[block.y0])
        cols = slice(int(self._offsets[hi]) - base, int(self._offsets[hi + 1]) - base)
        content, names = block.content[:, cols], block.names[:, cols]
        if x > y:  # the pair is read from the other side: the same counts, transposed
            content, names = content.T, names.T
        return layers(pa, pb, Counts(content, names))

    def _count(self, x: int, y: int) -> _Block:
        """The block of text ``x`` against ``y`` and as many texts after it as fit."""
        rows = len(self._texts[x].sentences)
        offsets = self._offsets
        y1 = y + 1
        while y1 < len(self._texts) and rows * (offsets[y1 + 1] - offsets[y]) <= self._max_cells:
            y1 += 1
        lo, hi = int(offsets[y]), int(offsets[y1])
        tally = self._terms[x]
        content = self._tally(self._content, tally.content, tally.content_rows, rows, lo, hi)
        names = self._tally(self._names, tally.names, tally.names_rows, rows, lo, hi)
        return _Block(x, y, y1, content, names)

    def _tally(
        self, keys: np.ndarray, ids: np.ndarray, rows: np.ndarray, n: int, lo: int, hi: int
    ) -> np.ndarray:
        """How many terms each sentence of one text (``ids``, ``rows``; ``n`` sentences)
        shares with each story sentence ``lo`` to ``hi - 1``: each of its terms meets the
        story's keys of that term within those sentences (a merge of sorted ids)."""
        total = max(self._total, 1)
        start = np.searchsorted(keys, ids * total + lo, side="left")
        hits = np.searchsorted(keys, ids * total + hi, side="left") - start
        count = int(hits.sum())
        offset = np.arange(count, dtype=np.int64) - np.repeat(np.cumsum(hits) - hits, hits)
        cols = keys[np.repeat(start, hits) + offset] % total - lo
        width = hi - lo
        cells = np.repeat(rows, hits) * width + cols
        return np.bincount(cells, minlength=n * width).reshape(n, width)
