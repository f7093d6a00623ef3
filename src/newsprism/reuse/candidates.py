"""Candidate pairs for a large corpus without comparing all pairs.

Three paths:

* **shingles** (MinHash LSH over hashed word 5-grams) find copies and light edits;
* **stems** (MinHash LSH over hashed content-word stems) find rewrites that keep most of
  the vocabulary;
* **embedding** (SimHash LSH over wordllama article vectors) finds rewrites that change
  the words but not the meaning.  An article's vector is the mean of its token vectors,
  centred on the corpus mean (the common "news English" direction, which otherwise puts
  random article pairs at cosine 0.4), then cut by fixed random hyperplanes into bit
  bands; pairs sharing a band are re-checked on the share of all bits they agree on (the
  SimHash estimate of the angle).

With the embedding path on, the stems path's pairs go through the same embedding re-check
(a rewrite keeps the meaning of the whole text): the two semantic paths miss different
rewrites, and the re-check removes nearly all the chance pairs that stems alone propose
in a large corpus (figures in benchmarks/results/reuse.md).  :func:`default_config` turns
the embedding path on where wordllama is installed.  ``CandidateConfig()`` itself is still
shingles + stems without it: the Spark engine mirrors those two paths step by step and
must give identical pairs.

The MinHash sets drop features found in very many documents (a document-frequency cap, as passim
and SuperFastMatch do): stock phrases, boilerplate and the words of the day's big story
would otherwise put thousands of articles in one bucket.  Document frequencies are counted
in a fixed-size count array (a one-row count-min sketch), so memory stays constant and the
counts of several workers simply add up.

Engine contract: :func:`signature` is a pure function of one article; :func:`doc_freq`
and :func:`vector_sum` sum over signatures (reduces, exact in any order: integer counts
and fixed-point vector sums); :func:`minhashes` and :func:`simhash_keys` are pure given
those sums; :func:`candidates` then bands the MinHashes and SimHash keys.  Every step is
linear in the corpus; only the final LSH buckets compare documents, and bucket sizes are
bounded by the cap.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import embed
from .prepare import stem
from .text import STOP

__all__ = [
    "CandidateConfig",
    "Signature",
    "bands_for",
    "candidates",
    "default_config",
    "doc_freq",
    "minhashes",
    "signature",
    "simhash_keys",
    "vector_sum",
]

log = logging.getLogger(__name__)

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
F32 = npt.NDArray[np.float32]
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MASK32 = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B1)


@dataclass(frozen=True, slots=True)
class CandidateConfig:
    shingle: int = 5
    num_perm: int = 64
    shingle_threshold: float | None = 0.2  # Jaccard of filtered shingle sets (None: path off)
    stem_threshold: float | None = 0.4  # Jaccard of filtered stem sets (None: path off)
    embed_threshold: float | None = None  # cosine of centred article vectors (None: off)
    embed_bands: int = 96
    embed_rows: int = 18  # bits per band (at most 63)
    max_df: float = 0.002  # share of the corpus a feature may occur in ...
    min_df_cap: int = 20  # ... but never fewer documents than this
    sketch_bits: int = 22  # size of the document-frequency count array (2**bits)
    recheck: float = 0.75  # keep a bucket pair when its estimated Jaccard >= this * threshold
    seed: int = 7


@dataclass(frozen=True, slots=True)
class Signature:
    """Hashed features of one article (a pure function of its text)."""

    id: str
    shingles: U32
    stems: U32
    vector: F32 | None = None  # mean wordllama token vector (None: embedding path off)


_word_hashes: dict[str, int] = {}


def _hash_word(word: str) -> int:
    # crc32 rather than hash(): Python's string hash changes between processes,
    # and an engine computes signatures in many processes.
    h = _word_hashes.get(word)
    if h is None:
        h = zlib.crc32(word.encode("utf-8"))
        if len(_word_hashes) < 2_000_000:
            _word_hashes[word] = h
    return h


_stem_ids: dict[str, int] = {}  # word -> hash of its stem; -1 for stop words and short words


def _stem_id(word: str) -> int:
    h = _stem_ids.get(word)
    if h is None:
        h = -1 if word in STOP or len(word) <= 2 else _hash_word("\x00" + stem(word))
        if len(_stem_ids) < 2_000_000:
            _stem_ids[word] = h
    return h


def signature(article_id: str, text: str, config: CandidateConfig = CandidateConfig()) -> Signature:
    words = _WORD.findall(text.lower().replace("’", "'"))
    # plain dictionary look-ups first: the caches hold nearly every word of a corpus
    hashes = [_word_hashes.get(w) for w in words]
    if None in hashes:
        hashes = [_hash_word(w) for w in words]
    ids = np.array(hashes, dtype=np.uint64)
    n = config.shingle
    if len(ids) >= n:
        # polynomial rolling combination of word hashes, vectorised
        acc = np.zeros(len(ids) - n + 1, dtype=np.uint64)
        for k in range(n):
            acc = (acc * _MULT + ids[k : len(ids) - n + 1 + k]) & _MASK32
        shingles = np.unique(acc.astype(np.uint32))
    else:
        shingles = np.zeros(0, dtype=np.uint32)
    distinct = set(words)
    found = [_stem_ids.get(w) for w in distinct]
    if None in found:
        found = [_stem_id(w) for w in distinct]
    stem_ids = np.array([h for h in found if h is not None and h >= 0], dtype=np.uint64)
    vector = None
    if config.embed_threshold is not None and words and embed.available():
        vector = embed.text_vector(words)
    return Signature(article_id, shingles, np.unique(stem_ids.astype(np.uint32)), vector)


def doc_freq(
    signatures: Iterable[Signature], config: CandidateConfig = CandidateConfig()
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], int]:
    """Document-frequency counts of shingles and stems, and the number of documents."""
    size = 1 << config.sketch_bits
    mask = np.uint32(size - 1)
    sh = np.zeros(size, dtype=np.int32)
    st = np.zeros(size, dtype=np.int32)
    n = 0
    batch_sh: list[U32] = []
    batch_st: list[U32] = []

    def flush() -> None:
        if batch_sh:
            sh[:] += np.bincount(np.concatenate(batch_sh) & mask, minlength=size)
            st[:] += np.bincount(np.concatenate(batch_st) & mask, minlength=size)
            batch_sh.clear()
            batch_st.clear()

    for sig in signatures:
        n += 1
        batch_sh.append(sig.shingles)
        batch_st.append(sig.stems)
        if len(batch_sh) >= 5000:
            flush()
    flush()
    return sh, st, n


#: the candidate paths for this install: embedding where wordllama is there, else stems
EMBEDDING = CandidateConfig(embed_threshold=0.55)


def default_config() -> CandidateConfig:
    """Shingles + embedding when wordllama is installed, shingles + stems otherwise."""
    return EMBEDDING if embed.available() else CandidateConfig()


_FIXED = float(1 << 24)  # fixed-point scale of vector sums


def vector_sum(signatures: Iterable[Signature]) -> tuple[npt.NDArray[np.int64], int]:
    """Fixed-point sum of the article vectors and their number (the corpus centre).

    Integers rather than floats so that partial sums over any partitioning add up to
    exactly the same centre, bit for bit: the SimHash bits of an article depend on it.
    """
    total = np.zeros(embed.dimension(), dtype=np.int64)
    n = 0
    batch: list[F32] = []

    def flush() -> None:
        if batch:
            total[:] += (
                np.round(np.stack(batch).astype(np.float64) * _FIXED).astype(np.int64).sum(0)
            )
            batch.clear()

    for sig in signatures:
        if sig.vector is not None:
            batch.append(sig.vector)
            n += 1
            if len(batch) >= 5000:
                flush()
    flush()
    return total, n


@functools.lru_cache(maxsize=4)
def _hyperplanes(dim: int, bits: int, seed: int) -> npt.NDArray[np.float64]:
    # numpy's PCG64 stream is fixed for a seed, so every process draws the same planes
    return np.random.default_rng(seed).standard_normal((dim, bits))


def simhash_keys(
    vectors: F32, sums: tuple[npt.NDArray[np.int64], int], config: CandidateConfig
) -> U64:
    """SimHash band keys (one row per article vector, one column per band).

    Pure given the corpus sum: the vector is centred on the corpus mean, projected on
    ``embed_bands * embed_rows`` fixed random hyperplanes, and each band's sign bits are
    packed into one integer key.  Two vectors at angle t agree on a bit with probability
    1 - t/pi, so pairs of close articles share some band.
    """
    total, n = sums
    centre = total.astype(np.float64) / (_FIXED * max(n, 1))
    bands, rows = config.embed_bands, config.embed_rows
    planes = _hyperplanes(len(centre), bands * rows, config.seed)
    bits = ((np.asarray(vectors, dtype=np.float64) - centre) @ planes) > 0
    weights = np.left_shift(np.uint64(1), np.arange(rows, dtype=np.uint64))
    keys: U64 = (bits.reshape(len(bits), bands, rows).astype(np.uint64) * weights).sum(
        axis=2, dtype=np.uint64
    )
    return keys


def _agreement(threshold: float) -> float:
    """Share of SimHash bits two vectors at cosine ``threshold`` agree on, on average."""
    return 1 - math.acos(max(-1.0, min(1.0, threshold))) / math.pi


def _cap(n: int, config: CandidateConfig) -> int:
    return max(config.min_df_cap, int(config.max_df * n))


def _identity(value: int) -> int:
    return value


def minhashes(
    sig: Signature,
    counts: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], int],
    config: CandidateConfig,
    templates: Permutations,
) -> tuple[U32 | None, U32 | None]:
    """MinHash values of one signature's features that pass the document-frequency cap
    (None for a path that is switched off or has nothing left)."""
    sh_counts, st_counts, n = counts
    cap = _cap(n, config)
    mask = np.uint32((1 << config.sketch_bits) - 1)
    out: list[U32 | None] = []
    for values, df, perm, threshold in (
        (sig.shingles, sh_counts, templates[0], config.shingle_threshold),
        (sig.stems, st_counts, templates[1], config.stem_threshold),
    ):
        kept = values[df[values & mask] <= cap]
        if len(kept) == 0 or threshold is None:  # nothing left, or the path is off
            out.append(None)
            continue
        out.append(_minhash(kept, perm))
    return out[0], out[1]


#: Two permutations (``a``, ``b``: ``h -> a * h + b`` modulo 2**32), one per path.
Permutations = tuple[tuple[U32, U32], tuple[U32, U32]]

#: MurmurHash3's 32-bit finaliser: shifts and multipliers of ``fmix32``.
_FMIX32 = tuple(np.uint32(x) for x in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))


def _minhash(features: U32, perm: tuple[U32, U32]) -> U32:
    """The MinHash of hashed features: datasketch 2.0's ``affine32`` scheme, written out.

    Why not datasketch's ``MinHash`` (used up to this version): it calls a Python hash
    function per feature, our features are already 32-bit hashes, and the package
    brings scipy (a 40 MB install, a third of the start-up of a command that uses it)
    for what is a few numpy lines.  The values are bit for bit datasketch's
    (``fmix32``, then the affine permutations, then the minimum; checked against it in
    ``tests/reuse/test_candidates.py``), so candidate pairs, stored band keys and the
    Spark engine's joins are unchanged.
    """
    s1, m1, s2, m2, s3 = _FMIX32
    hv = features.astype(np.uint32)  # a copy: the mixing below works in place
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    a, b = perm
    out: U32 = (hv[:, None] * a + b).min(axis=0)  # wraps modulo 2**32, as intended
    return out


@functools.cache
def _permutation(seed: int, num_perm: int) -> tuple[U32, U32]:
    """datasketch 2.0's ``affine32`` permutations for ``seed``: odd ``a`` (a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _templates(config: CandidateConfig) -> Permutations:
    return (
        _permutation(config.seed, config.num_perm),
        _permutation(config.seed + 1, config.num_perm),
    )


def bands_for(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows whose LSH S-curve turns at ``threshold`` ((1/b)**(1/r) ~ t)."""
    best = (1, num_perm)
    gap = float("inf")
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        knee = (1 / bands) ** (1 / rows)
        if abs(knee - threshold) < gap:
            best, gap = (bands, rows), abs(knee - threshold)
    return best


def _bucket_codes(key: U64, ids: npt.NDArray[np.int64], n: int, cap: int) -> npt.NDArray[np.int64]:
    """Every pair (as ``i * n + j``, i < j) of rows sharing a key, in buckets of 2..cap.

    Vectorised: each member of a bucket is paired with the members sorted after it, by
    ``np.repeat`` rather than a Python loop over buckets (a 100k corpus has tens of
    thousands of small buckets per band).
    """
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(sorted_keys)])
    pos = np.arange(len(sorted_keys))
    later = np.repeat(starts + sizes, sizes) - pos - 1  # members after this one
    later[np.repeat((sizes < 2) | (sizes > cap), sizes)] = 0
    left = np.repeat(pos, later)
    offset = np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later)
    a, b = ids[order[left]], ids[order[left + 1 + offset]]
    codes: npt.NDArray[np.int64] = np.minimum(a, b) * n + np.maximum(a, b)
    return codes


def _band_pairs(
    matrix: U32, present: npt.NDArray[np.bool_], threshold: float, config: CandidateConfig
) -> npt.NDArray[np.int64]:
    """Pairs (as i * n + j codes, i < j) sharing a band key, re-checked on the estimate.

    Banding is done on the whole MinHash matrix with numpy rather than with
    ``datasketch.MinHashLSH``: the latter keeps a Python dict entry per document and band
    (gigabytes at 100k documents), while sorted band keys take a few arrays -- and are the
    same group-by-key an engine runs.  Buckets larger than the document-frequency cap are
    skipped: they hold stock text the cap missed, not copies.
    """
    n = len(matrix)
    bands, rows = bands_for(threshold, config.num_perm)
    ids = np.nonzero(present)[0].astype(np.int64)
    cap = _cap(n, config)
    found: list[npt.NDArray[np.int64]] = []
    for band in range(bands):
        block = matrix[ids, band * rows : (band + 1) * rows].astype(np.uint64)
        key = np.zeros(len(ids), dtype=np.uint64)
        for col in range(rows):
            key = key * np.uint64(0x100000001B3) + block[:, col]  # wraps: a hash, not a sum
        found.append(_bucket_codes(key, ids, n, cap))
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    left, right = codes // n, codes % n
    keep = np.zeros(len(codes), dtype=bool)
    for lo in range(0, len(codes), 100_000):
        hi = lo + 100_000
        same = (matrix[left[lo:hi]] == matrix[right[lo:hi]]).mean(axis=1)
        keep[lo:hi] = same >= config.recheck * threshold
    return codes[keep]


def _embed_keys(
    signatures: Sequence[Signature], config: CandidateConfig
) -> tuple[U64, npt.NDArray[np.bool_]]:
    """SimHash band keys of every article (rows of zeros where it has no vector)."""
    n = len(signatures)
    has = np.asarray([s.vector is not None for s in signatures], dtype=bool)
    keys = np.zeros((n, config.embed_bands), dtype=np.uint64)
    if not has.any():
        return keys, has
    sums = vector_sum(signatures)
    ids = np.flatnonzero(has)
    for lo in range(0, len(ids), 10_000):
        chunk = ids[lo : lo + 10_000]
        vectors = np.stack([signatures[k].vector for k in chunk.tolist()])
        keys[chunk] = simhash_keys(vectors, sums, config)
    return keys, has


def _agree(
    codes: npt.NDArray[np.int64], keys: U64, n: int, config: CandidateConfig
) -> npt.NDArray[np.bool_]:
    """Whether each pair's SimHash bits agree as often as vectors at the threshold do.

    Bits agreeing over all bands (integers, so an engine gets the same answer) rather than
    the cosine: 1,700 bits estimate the angle to about 2 degrees, and they are there.
    """
    assert config.embed_threshold is not None
    bits = config.embed_bands * config.embed_rows
    need = _agreement(config.embed_threshold) * bits
    keep = np.zeros(len(codes), dtype=bool)
    for lo in range(0, len(codes), 50_000):
        part = codes[lo : lo + 50_000]
        differ = np.bitwise_count(keys[part // n] ^ keys[part % n]).sum(axis=1)
        keep[lo : lo + 50_000] = bits - differ >= need
    return keep


def _semantic_pairs(
    signatures: Sequence[Signature], stem_codes: npt.NDArray[np.int64], config: CandidateConfig
) -> npt.NDArray[np.int64]:
    """Pairs sharing a SimHash band, or proposed by the stems path, that pass the
    embedding re-check.

    The stems path finds rewrites that keep the vocabulary, the SimHash bands those that
    keep the meaning; each misses about a tenth of the planted rewrites, mostly not the
    same ones.  Stems alone also propose tens of thousands of chance pairs in a large
    corpus (articles sharing a few rare words), which the embedding re-check removes, as
    a rewrite keeps the meaning of the whole text.  Pairs where an article has no vector
    keep the stems path's own verdict.
    """
    n = len(signatures)
    keys, has = _embed_keys(signatures, config)
    ids = np.flatnonzero(has).astype(np.int64)
    cap = _cap(n, config)
    found = [_bucket_codes(keys[ids, band], ids, n, cap) for band in range(config.embed_bands)]
    both = has[stem_codes // n] & has[stem_codes % n]
    codes = np.unique(np.concatenate([*found, stem_codes[both]]))
    return np.union1d(codes[_agree(codes, keys, n, config)], stem_codes[~both])


def candidates(
    signatures: Sequence[Signature], config: CandidateConfig = CandidateConfig()
) -> list[tuple[str, str]]:
    """Pairs of article ids worth aligning, each pair once, in signature order.

    The cost is one pass to count document frequencies, one MinHash per article and path,
    and a sort of band keys per band; pairs come only from shared buckets, never from all
    pairs, and are re-checked on their estimated Jaccard similarity.
    """
    counts = doc_freq(signatures, config)
    templates = _templates(config)
    n = len(signatures)
    matrices = [np.zeros((n, config.num_perm), dtype=np.uint32) for _ in range(2)]
    present = [np.zeros(n, dtype=bool) for _ in range(2)]
    for k, sig in enumerate(signatures):
        for path, values in enumerate(minhashes(sig, counts, config, templates)):
            if values is not None:
                matrices[path][k] = values
                present[path][k] = True
    codes: list[npt.NDArray[np.int64]] = []
    for path, threshold in enumerate((config.shingle_threshold, config.stem_threshold)):
        if threshold is not None:
            codes.append(_band_pairs(matrices[path], present[path], threshold, config))
    if config.embed_threshold is not None:
        stem_codes = (
            codes.pop() if config.stem_threshold is not None else np.zeros(0, dtype=np.int64)
        )
        codes.append(_semantic_pairs(signatures, stem_codes, config))
    merged = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    log.info("%d candidate pairs among %d articles", len(merged), n)
    return [
        (signatures[i].id, signatures[j].id) for i, j in zip(merged // n, merged % n, strict=True)
    ]
