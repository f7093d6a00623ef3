"""Passage alignment between two texts: verbatim runs, edited runs, reworded sentences.

Three layers, cheapest first, in the spirit of passim:

1. *Verbatim tiles*: maximal common word runs found by n-gram seeds and extension, then
   greedy string tiling (longest first, no word used twice).  Tiling rather than a global
   LCS because copied paragraphs are often moved; a monotone LCS would drop them.
2. *Edited runs*: tiles that follow each other closely in both texts are chained into one
   passage when the matched words are dense enough; the gaps are the edits.
3. *Reworded sentences*: the remaining sentences are paired by a similarity that mixes the
   sentence vectors (wordllama), shared content stems and shared names and numbers, and a
   monotone (order-keeping) alignment picks the pairs: a rewrite keeps the order of the
   points, while two independent reports agree on a sentence here and there.

Quoted words never count as evidence of copying: two outlets quoting the same statement
report independently.  A passage whose matched words are nearly all inside quotation marks
is dropped, and coverage is measured on unquoted words only.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import Passage, PassageKind
from .prepare import Prepared, terms
from .text import STOP, Doc

__all__ = ["Alignment", "Features", "Layers", "align", "layers", "prose_bound"]

SEED = 3  # words in a seed n-gram
MIN_VERBATIM = 6  # a lone tile shorter than this is a stock phrase, not a copied passage
MIN_CHAIN_WORDS = 8  # matched words an edited passage needs
MAX_GAP = 8  # words of edit allowed between two tiles of one passage
MIN_DENSITY = 0.5  # matched share of an edited passage
MAX_SEED_HITS = 50  # positions kept per seed: very common n-grams are not evidence
REWORD_THRESHOLD = 0.55  # sentence similarity above which two sentences may align
MIN_SENTENCE_WORDS = 4  # unquoted words a sentence needs to count as reworded evidence
MIN_MARGIN = 0.4  # how far a reworded pair must stand above the median sentence pair
BACKGROUND_MIN = 3  # sentences each text needs before a background is measured
MIN_POINTS = 5  # shared content stems before their order is measured
POINT_SIMILARITY = 0.4  # plain sentence similarity (cosine and stems) of a chained point
MIN_OWN = 3  # unquoted words a run needs on each side to be a copied passage


@dataclass(frozen=True, slots=True)
class Features:
    """Coverage of each text's unquoted words by reused passages (0..1)."""

    words_a: int
    words_b: int
    verbatim_a: float
    verbatim_b: float
    edited_a: float  # verbatim + edited
    edited_b: float
    aligned_a: float  # verbatim + edited + reworded
    aligned_b: float
    reworded_pairs: int
    topic: float  # share of the smaller text's names and content the other text has
    sentences_a: int = 0
    sentences_b: int = 0
    tiles: int = 0  # exact tiles inside kept passages
    tile_words: int = 0  # words in those tiles
    passages: int = 0  # aligned passages kept (verbatim, edited and reworded)
    #: share of the smaller text's expression trigrams (no names, numbers or quotations,
    #: :func:`~newsprism.reuse.prepare.expression_grams`) that the other text has
    expression: float = 0.0
    expression_shared: int = 0  # how many trigrams that is
    borrowed: int = 0  # unquoted words in the kept verbatim and edited runs (fewer side)
    #: sentences of the smaller text (by unquoted words) with at least
    #: :data:`MIN_SENTENCE_WORDS` unquoted words, and how many of them are mostly aligned
    prose: int = 0
    prose_aligned: int = 0
    #: the same points in the same order (:func:`_points`); symmetric
    order: float = 0.0
    chain: float = 0.0

    def swapped(self) -> Features:
        return Features(
            self.words_b,
            self.words_a,
            self.verbatim_b,
            self.verbatim_a,
            self.edited_b,
            self.edited_a,
            self.aligned_b,
            self.aligned_a,
            self.reworded_pairs,
            self.topic,
            self.sentences_b,
            self.sentences_a,
            self.tiles,
            self.tile_words,
            self.passages,
            self.expression,
            self.expression_shared,
            self.borrowed,
            self.prose,
            self.prose_aligned,
            self.order,
            self.chain,
        )


@dataclass(frozen=True, slots=True)
class Alignment:
    passages: tuple[Passage, ...]
    features: Features


@dataclass(slots=True)
class _Run:
    a0: int
    a1: int
    b0: int
    b1: int
    matched: int
    kind: PassageKind
    tiles: list[_Run] | None = None


@lru_cache(maxsize=64)
def _places(words: tuple[str, ...]) -> dict[tuple[str, ...], list[int]]:
    """Where each seed (``SEED`` words, not all stop words) starts in ``words``.

    It depends on one text only, and a text of a story is aligned with each of its
    candidate pairs (more as stories grow), so it is kept for the texts met last (a
    story's pairs come together: 64 texts catch all but the first build of each at
    1,000 articles, for a few MB); callers only read it.  As the second text of a
    pair, only the first ``MAX_SEED_HITS`` places of a seed are used.
    """
    stop = [w in STOP for w in words]
    index: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(words) - SEED + 1):
        if all(stop[j : j + SEED]):
            continue
        index.setdefault(words[j : j + SEED], []).append(j)
    return index


def _tiles(a: Doc, b: Doc) -> list[_Run]:
    """Greedy string tiling over word seeds (hand-written: no library offers tiling
    with moved blocks on token sequences; rapidfuzz's opcodes are a monotone LCS).

    Runs start only at seeds the two texts share, so only those are visited (the
    runs are sorted before tiling, so the order they are found in does not matter)."""
    aw, bw = a.words, b.words
    index = _places(bw)
    mine = _places(aw)
    found: list[tuple[int, int, int]] = []
    na, nb = len(aw), len(bw)
    for gram in mine.keys() & index.keys():
        hits = index[gram][:MAX_SEED_HITS]  # very common n-grams are not evidence
        for i in mine[gram]:
            for j in hits:
                if i > 0 and j > 0 and aw[i - 1] == bw[j - 1]:
                    continue  # inside a run found from an earlier seed
                k = SEED
                while i + k < na and j + k < nb and aw[i + k] == bw[j + k]:
                    k += 1
                found.append((k, i, j))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a = bytearray(na)
    used_b = bytearray(nb)
    tiles: list[_Run] = []
    for k, i, j in found:
        # trim the run to its unused part (a longer tile may have taken its ends)
        s = 0
        while s < k and (used_a[i + s] or used_b[j + s]):
            s += 1
        e = k
        while e > s and (used_a[i + e - 1] or used_b[j + e - 1]):
            e -= 1
        if e - s < SEED or any(used_a[i + s : i + e]) or any(used_b[j + s : j + e]):
            continue
        for t in range(s, e):
            used_a[i + t] = 1
            used_b[j + t] = 1
        tiles.append(_Run(i + s, i + e, j + s, j + e, e - s, "verbatim"))
    return tiles


def _chain(tiles: list[_Run]) -> list[_Run]:
    """Join tiles that follow each other closely in both texts into edited passages."""
    out: list[_Run] = []
    for t in sorted(tiles, key=lambda r: (r.a0, r.b0)):
        if out:
            cur = out[-1]
            ga, gb = t.a0 - cur.a1, t.b0 - cur.b1
            if 0 <= ga <= MAX_GAP and 0 <= gb <= MAX_GAP:
                cur.a1, cur.b1 = t.a1, t.b1
                cur.matched += t.matched
                cur.kind = "edited" if ga or gb else cur.kind
                assert cur.tiles is not None
                cur.tiles.append(t)
                continue
        out.append(_Run(t.a0, t.a1, t.b0, t.b1, t.matched, t.kind, [t]))
    kept: list[_Run] = []
    for r in out:
        span = max(r.a1 - r.a0, r.b1 - r.b0)
        if (r.kind == "verbatim" and r.matched >= MIN_VERBATIM) or (
            r.kind == "edited" and r.matched >= MIN_CHAIN_WORDS and r.matched / span >= MIN_DENSITY
        ):
            kept.append(r)
    return kept


def _unquoted(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for k in range(lo, hi) if not doc.quoted[k])


def _shared(
    ids_a: np.ndarray, rows_a: np.ndarray, ids_b: np.ndarray, rows_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sentence pairs (i of the first text, j of the second), once per term they share.

    A merge of the two sorted id lists: each term of a sentence of the first text meets
    every sentence of the second that has it.
    """
    lo = np.searchsorted(ids_b, ids_a, side="left")
    hits = np.searchsorted(ids_b, ids_a, side="right") - lo
    total = int(hits.sum())
    offset = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(hits) - hits, hits)
    return np.repeat(rows_a, hits), rows_b[np.repeat(lo, hits) + offset]


def _similarity(pa: Prepared, pb: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Sentence similarities for the reworded layer, and the plain ones of :func:`_points`.

    Only sentence pairs of two long sentences (:data:`MIN_SENTENCE_WORDS`) sharing two
    content stems are scored.  The shared stems and names of every sentence pair are
    counted at once by merging the two texts' sorted term ids
    (:class:`~newsprism.reuse.prepare.Terms`), and the scores computed on those pairs as
    arrays, in the same float operations as one pair at a time (before: a loop over
    each sentence's stems through an index of the other text's, most of the cost of
    comparing two texts).
    """
    na, nb = len(pa.sentences), len(pb.sentences)
    sim = np.zeros((na, nb), dtype=np.float32)
    plain = np.zeros((na, nb), dtype=np.float32)
    if na == 0 or nb == 0:
        return sim, plain
    ta = pa.terms if pa.terms is not None else terms(pa.sentences)
    tb = pb.terms if pb.terms is not None else terms(pb.sentences)
    ia, jb = _shared(ta.content, ta.content_rows, tb.content, tb.content_rows)
    shared = np.bincount(ia * nb + jb, minlength=na * nb).reshape(na, nb)
    long_a = ta.sizes >= MIN_SENTENCE_WORDS
    long_b = tb.sizes >= MIN_SENTENCE_WORDS
    ii, jj = np.nonzero((shared >= 2) & long_a[:, None] & long_b[None, :])
    if len(ii) == 0:
        return _above_background(sim), plain
    ni, nj = _shared(ta.names, ta.names_rows, tb.names, tb.names_rows)
    common = np.bincount(ni * nb + nj, minlength=na * nb).reshape(na, nb)[ii, jj]
    # a fixed blend, not the MSRP sentence model: MSRP paraphrase is "same meaning",
    # while a rewrite's sentences drift further; on Clough & Stevenson and the seeds
    # the model as aligner confused independent answers with rewrites
    dice = 2 * shared[ii, jj] / (ta.content_sizes[ii] + tb.content_sizes[jj])
    union = ta.names_sizes[ii] + tb.names_sizes[jj] - common
    name_score = np.where(union > 0, common / np.maximum(union, 1), 0.5)
    if pa.vectors is not None and pb.vectors is not None:
        cos = (pa.vectors @ pb.vectors.T)[ii, jj].astype(np.float64)
        sim[ii, jj] = 0.45 * cos + 0.35 * dice + 0.2 * name_score
        plain[ii, jj] = 0.5 * cos + 0.5 * dice
    else:
        sim[ii, jj] = 0.6 * dice + 0.4 * name_score
        plain[ii, jj] = dice
    return _above_background(sim), plain


def _points(pa: Prepared, pb: Prepared, plain: np.ndarray) -> tuple[float, float]:
    """Whether the two texts make the same points in the same order.

    ``order``: rank correlation of where the shared content stems first occur in each text
    (:func:`~newsprism.reuse.prepare.first_places`; 0 below :data:`MIN_POINTS` shared).
    ``chain``: the longest order-keeping chain of loosely similar sentence pairs
    (:data:`POINT_SIMILARITY`), as a share of the smaller text's sentences.  Both are
    evidence of a rewrite that keeps no phrase, read by the pair model
    (:mod:`~newsprism.reuse.verdict`), not by a threshold of their own: independent
    reports of one event also follow the order of events now and then.
    """
    return _order(pa, pb), _chain_share(pa, pb, plain)


def _order(pa: Prepared, pb: Prepared) -> float:
    """``order`` of :func:`_points`."""
    shared = [s for s in pa.firsts if s in pb.firsts]
    if len(shared) < MIN_POINTS:
        return 0.0
    # first places are distinct within a text, so ranks have no ties (Spearman)
    ra = np.argsort(np.argsort([pa.firsts[s] for s in shared])).astype(np.float64)
    rb = np.argsort(np.argsort([pb.firsts[s] for s in shared])).astype(np.float64)
    return float(np.corrcoef(ra, rb)[0, 1])


def _chain_share(pa: Prepared, pb: Prepared, plain: np.ndarray) -> float:
    """``chain`` of :func:`_points`."""
    fewest = min(_long_sentences(pa), _long_sentences(pb))
    return len(_order_keeping(plain, POINT_SIMILARITY)) / fewest if fewest else 0.0


def _long_sentences(p: Prepared) -> int:
    """Sentences with :data:`MIN_SENTENCE_WORDS` unquoted words or more."""
    if p.terms is None:
        return sum(1 for s in p.sentences if s.size >= MIN_SENTENCE_WORDS)
    return int(np.count_nonzero(p.terms.sizes >= MIN_SENTENCE_WORDS))


def _above_background(sim: np.ndarray) -> np.ndarray:
    """Zero the pairs that do not stand out from the texts' usual sentence similarity.

    Two texts written from one small vocabulary resemble each other everywhere: any
    sentence is fairly similar to any other, and the best of many such pairs clears a
    fixed threshold by chance, so scattered chance pairs made two unrelated texts a
    "rewrite".  A rewritten sentence instead matches one sentence of the other text far
    better than a typical pair does, so a pair counts only when its similarity exceeds the
    median over all sentence pairs by ``MIN_MARGIN``.  Between ordinary news articles,
    and even between the same-topic answers of Clough & Stevenson, most sentence pairs
    share fewer than two content words, the median is zero and nothing changes.  (Per-row
    and per-column medians, as in CSLS, were tried: a source's opening sentence that
    several answer sentences paraphrase became its own background and was lost.)
    """
    if min(sim.shape) < BACKGROUND_MIN:
        return sim
    # the median is 0 when neither the negative nor the positive cells reach the middle
    # (most pairs of texts): then it needs no sort
    middle = (sim.size - 1) // 2
    background = 0.0 if np.count_nonzero(sim) <= middle else float(np.median(sim))
    out: np.ndarray = np.where(sim - background >= MIN_MARGIN, sim, 0.0).astype(np.float32)
    return out


def _order_keeping(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """One-to-one sentence pairs above ``threshold`` that keep their order in both texts.

    Pairs are taken greedily by similarity (an approximate maximum-weight matching), then
    the longest chain increasing in both texts is kept: a rewrite follows its source's
    order of points, apart from a paragraph moved here and there, while chance agreements
    between independent reports land in scattered places.  Hand-written: it is a greedy
    loop and a patience-sort LIS, which no listed library offers on a score matrix.
    """
    ii, jj = np.nonzero(sim > threshold)
    if not len(ii):  # most sentence pairs of most pairs of texts
        return []
    order = np.argsort(-sim[ii, jj], kind="stable")
    used_i: set[int] = set()
    used_j: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for k in order.tolist():
        i, j = int(ii[k]), int(jj[k])
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        chosen.append((i, j))
    chosen.sort()
    # longest increasing subsequence of j, with back-pointers to recover it
    tails: list[int] = []  # j of the smallest tail of each length
    tail_idx: list[int] = []
    back: list[int] = [-1] * len(chosen)
    for k, (_, j) in enumerate(chosen):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        back[k] = tail_idx[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(chosen[k])
        k = back[k]
    chain.reverse()
    return chain


def _passage(a: Doc, b: Doc, a0: int, a1: int, b0: int, b1: int, kind: PassageKind) -> Passage:
    return Passage(a.starts[a0], a.ends[a1 - 1], b.starts[b0], b.ends[b1 - 1], kind)


@dataclass(frozen=True, slots=True)
class Layers:
    """The first layers of an alignment, which no threshold of :func:`align` changes.

    Copied runs, each with the unquoted words it holds on its fewer side (a run of fewer
    than :data:`MIN_OWN` is a shared quotation: it marks its sentences as aligned but is
    no copied passage), the sentence similarities of the reworded
    layer and of the chain of points, and that chain's share.  They are what every
    piece of evidence of reuse rests on (:func:`prose_bound`,
    :func:`~newsprism.reuse.verdict.may_be_derived`), so a pair can be screened on them
    and, when it passes, aligned from them without computing them twice.
    """

    runs: tuple[tuple[_Run, int], ...]  # every run, with its unquoted words
    sim: np.ndarray  # callers copy before writing
    plain: np.ndarray
    chain: float

    @property
    def borrowed(self) -> int:
        """Unquoted words in the copied runs (fewer side), ``Features.borrowed``."""
        return sum(own for _, own in self.runs if own >= MIN_OWN)


def layers(pa: Prepared, pb: Prepared) -> Layers:
    """The threshold-free first layers of ``align(pa, pb)`` (:class:`Layers`)."""
    a, b = pa.doc, pb.doc
    runs = tuple(
        (r, min(_unquoted(a, r.a0, r.a1), _unquoted(b, r.b0, r.b1))) for r in _chain(_tiles(a, b))
    )
    sim, plain = _similarity(pa, pb)
    return Layers(runs, sim, plain, _chain_share(pa, pb, plain))


def prose_bound(pa: Prepared, pb: Prepared, lay: Layers, reword_threshold: float) -> int:
    """At most how many sentences :func:`align` can find mostly aligned
    (``Features.prose_aligned``) at this or any higher ``reword_threshold``.

    A sentence of the text with fewer unquoted words counts there when a copied run
    covers half of it or a reworded pair takes it whole; so it must be long enough
    (:data:`MIN_SENTENCE_WORDS`) and either touched by a run (which also sets its
    similarity to 1) or have a sentence of the other text above the threshold.
    """
    a, b = pa.doc, pb.doc
    first = a.unquoted_count() <= b.unquoted_count()
    doc, infos = (a, pa.sentences) if first else (b, pb.sentences)
    touched = {
        doc.owner[k]
        for r, _ in lay.runs
        for k in (range(r.a0, r.a1) if first else range(r.b0, r.b1))
    }
    above = lay.sim > reword_threshold
    close = np.flatnonzero(above.any(axis=1) if first else above.any(axis=0)).tolist()
    return sum(1 for s in touched.union(close) if s >= 0 and infos[s].size >= MIN_SENTENCE_WORDS)


def align(
    pa: Prepared,
    pb: Prepared,
    reword_threshold: float | None = None,
    first: Layers | None = None,
) -> Alignment:
    """Passages and coverage; ``reword_threshold`` overrides :data:`REWORD_THRESHOLD`;
    ``first``: the pair's :func:`layers`, when already computed."""
    a, b = pa.doc, pb.doc
    lay = first if first is not None else layers(pa, pb)
    runs = [r for r, _ in lay.runs]
    cov_a = bytearray(len(a.words))  # 0 none, 1 verbatim, 2 edited, 3 reworded
    cov_b = bytearray(len(b.words))
    passages: list[tuple[int, Passage]] = []
    n_tiles = tile_words = borrowed = 0
    for r, own in lay.runs:
        if own < MIN_OWN:
            continue  # a shared quotation, not a copied passage
        borrowed += own
        n_tiles += len(r.tiles or [r])
        tile_words += r.matched
        # words inside long exact tiles count as verbatim, the rest of the span as edited
        for t in r.tiles or [r]:
            if t.matched >= MIN_VERBATIM:
                cov_a[t.a0 : t.a1] = b"\x01" * (t.a1 - t.a0)
                cov_b[t.b0 : t.b1] = b"\x01" * (t.b1 - t.b0)
        for k in range(r.a0, r.a1):
            cov_a[k] = cov_a[k] or 2
        for k in range(r.b0, r.b1):
            cov_b[k] = cov_b[k] or 2
        passages.append((r.a0, _passage(a, b, r.a0, r.a1, r.b0, r.b1, r.kind)))

    # sentences already mostly covered by copied runs align with certainty
    own_a, own_b = a.owner, b.owner
    sim = lay.sim.copy()  # the layers stay as they are for a second alignment
    order, chain = _order(pa, pb), lay.chain
    for r in runs:
        for k in range(r.a0, r.a1, 2):
            ia = own_a[k]
            ib = own_b[r.b0 + min(k - r.a0, r.b1 - r.b0 - 1)]
            if ia >= 0 and ib >= 0:
                sim[ia, ib] = 1.0
    threshold = REWORD_THRESHOLD if reword_threshold is None else reword_threshold
    pairs = _order_keeping(sim, threshold)
    reworded = 0
    for i, j in pairs:
        sa, sb = a.sentences[i], b.sentences[j]
        if any(cov_a[sa.first : sa.last]) or any(cov_b[sb.first : sb.last]):
            continue
        if min(pa.sentences[i].size, pb.sentences[j].size) < MIN_SENTENCE_WORDS:
            continue
        reworded += 1
        for k in range(sa.first, sa.last):
            cov_a[k] = 3
        for k in range(sb.first, sb.last):
            cov_b[k] = 3
        passages.append((sa.first, Passage(sa.start, sa.end, sb.start, sb.end, "reworded")))

    def shares(doc: Doc, cov: bytearray) -> tuple[float, float, float]:
        """Share of the unquoted words covered at level 1, up to 2 and up to 3."""
        mine = np.frombuffer(cov, dtype=np.uint8)[np.frombuffer(doc.quoted_mask, np.uint8) == 0]
        if not len(mine):
            return 0.0, 0.0, 0.0
        total = len(mine)
        counts = np.bincount(mine, minlength=4).tolist()
        return (
            counts[1] / total,
            (counts[1] + counts[2]) / total,
            (counts[1] + counts[2] + counts[3]) / total,
        )

    small, large = (
        (pa, pb) if len(pa.names) + len(pa.content) <= len(pb.names) + len(pb.content) else (pb, pa)
    )
    denom = len(small.names) + len(small.content)
    topic = (
        (len(small.names & large.names) + len(small.content & large.content)) / denom
        if denom
        else 0.0
    )

    def prose(doc: Doc, cov: bytearray) -> tuple[int, int]:
        """Sentences with enough unquoted words, and how many are at least half covered."""
        unquoted = np.frombuffer(doc.quoted_mask, np.uint8) == 0
        covered = unquoted & (np.frombuffer(cov, dtype=np.uint8) > 0)
        # words of each sentence, by differences of running sums
        own_sums = np.concatenate(([0], np.cumsum(unquoted)))
        hit_sums = np.concatenate(([0], np.cumsum(covered)))
        firsts = np.array([sent.first for sent in doc.sentences], dtype=np.int64)
        lasts = np.array([sent.last for sent in doc.sentences], dtype=np.int64)
        own = own_sums[lasts] - own_sums[firsts]
        hit = hit_sums[lasts] - hit_sums[firsts]
        long = own >= MIN_SENTENCE_WORDS
        return int(np.count_nonzero(long)), int(np.count_nonzero(long & (2 * hit >= own)))

    if a.unquoted_count() <= b.unquoted_count():
        own_grams, other_grams = pa.expression, pb.expression
        n_prose, n_prose_aligned = prose(a, cov_a)
    else:
        own_grams, other_grams = pb.expression, pa.expression
        n_prose, n_prose_aligned = prose(b, cov_b)
    shared_grams = len(own_grams & other_grams)
    verbatim_a, edited_a, aligned_a = shares(a, cov_a)
    verbatim_b, edited_b, aligned_b = shares(b, cov_b)
    feats = Features(
        a.unquoted_count(),
        b.unquoted_count(),
        verbatim_a,
        verbatim_b,
        edited_a,
        edited_b,
        aligned_a,
        aligned_b,
        reworded,
        topic,
        len(a.sentences),
        len(b.sentences),
        n_tiles,
        tile_words,
        len(passages),
        shared_grams / len(own_grams) if own_grams else 0.0,
        shared_grams,
        borrowed,
        n_prose,
        n_prose_aligned,
        order,
        chain,
    )
    passages.sort(key=lambda t: (t[0], t[1].b_start))
    return Alignment(tuple(p for _, p in passages), feats)
