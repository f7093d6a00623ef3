"""Candidate pairs for a large corpus without comparing all pairs.

Two paths, both MinHash LSH (datasketch) over per-article sets:

* **shingles**: hashed word 5-grams find copies and light edits;
* **stems**: hashed content-word stems (plus names and numbers) find rewrites, which
  change most 5-grams but keep most of the vocabulary and every name.

Both sets drop features found in very many documents (a document-frequency cap, as passim
and SuperFastMatch do): stock phrases, boilerplate and the words of the day's big story
would otherwise put thousands of articles in one bucket.  Document frequencies are counted
in a fixed-size count array (a one-row count-min sketch), so memory stays constant and the
counts of several workers simply add up.

Engine contract: :func:`signature` is a pure function of one article; :func:`doc_freq`
sums over signatures (a reduce); :func:`minhashes` is pure given the summed counts;
:func:`candidates` then bands the MinHashes.  Every step is linear in the corpus; only the
final LSH buckets compare documents, and bucket sizes are bounded by the cap.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

from .prepare import stem
from .text import STOP

__all__ = [
    "CandidateConfig",
    "Signature",
    "bands_for",
    "candidates",
    "doc_freq",
    "minhashes",
    "signature",
]

log = logging.getLogger(__name__)

U32 = npt.NDArray[np.uint32]
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MASK32 = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B1)


@dataclass(frozen=True, slots=True)
class CandidateConfig:
    shingle: int = 5
    num_perm: int = 64
    shingle_threshold: float | None = 0.2  # Jaccard of filtered shingle sets (None: path off)
    stem_threshold: float | None = 0.4  # Jaccard of filtered stem sets (None: path off)
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


def signature(article_id: str, text: str, config: CandidateConfig = CandidateConfig()) -> Signature:
    words = _WORD.findall(text.lower().replace("’", "'"))
    ids = np.fromiter((_hash_word(w) for w in words), dtype=np.uint64, count=len(words))
    n = config.shingle
    if len(ids) >= n:
        # polynomial rolling combination of word hashes, vectorised
        acc = np.zeros(len(ids) - n + 1, dtype=np.uint64)
        for k in range(n):
            acc = (acc * _MULT + ids[k : len(ids) - n + 1 + k]) & _MASK32
        shingles = np.unique(acc.astype(np.uint32))
    else:
        shingles = np.zeros(0, dtype=np.uint32)
    stems = {stem(w) for w in words if w not in STOP and len(w) > 2}
    stem_ids = np.fromiter(
        (_hash_word("\x00" + s) for s in stems), dtype=np.uint64, count=len(stems)
    ).astype(np.uint32)
    return Signature(article_id, shingles, np.unique(stem_ids))


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


def _cap(n: int, config: CandidateConfig) -> int:
    return max(config.min_df_cap, int(config.max_df * n))


def _identity(value: int) -> int:
    return value


def minhashes(
    sig: Signature,
    counts: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], int],
    config: CandidateConfig,
    templates: tuple[MinHash, MinHash],
) -> tuple[U32 | None, U32 | None]:
    """MinHash values of one signature's features that pass the document-frequency cap."""
    sh_counts, st_counts, n = counts
    cap = _cap(n, config)
    mask = np.uint32((1 << config.sketch_bits) - 1)
    out: list[U32 | None] = []
    for values, df, template in (
        (sig.shingles, sh_counts, templates[0]),
        (sig.stems, st_counts, templates[1]),
    ):
        kept = values[df[values & mask] <= cap]
        if len(kept) == 0:
            out.append(None)
            continue
        m = MinHash(
            num_perm=config.num_perm,
            hashfunc=_identity,
            permutations=template.permutations,
            scheme="affine32",
        )
        m.update_batch(kept.tolist())
        out.append(np.asarray(m.hashvalues, dtype=np.uint32))
    return out[0], out[1]


def _templates(config: CandidateConfig) -> tuple[MinHash, MinHash]:
    return (
        MinHash(num_perm=config.num_perm, seed=config.seed, scheme="affine32"),
        MinHash(num_perm=config.num_perm, seed=config.seed + 1, scheme="affine32"),
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
    ids = np.nonzero(present)[0]
    cap = _cap(n, config)
    found: list[npt.NDArray[np.int64]] = []
    for band in range(bands):
        block = matrix[ids, band * rows : (band + 1) * rows].astype(np.uint64)
        key = np.zeros(len(ids), dtype=np.uint64)
        for col in range(rows):
            key = key * np.uint64(0x100000001B3) + block[:, col]  # wraps: a hash, not a sum
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(sorted_keys)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
            if size > cap:
                continue
            members = np.sort(ids[order[start : start + size]])
            i, j = np.triu_indices(size, k=1)
            found.append(members[i].astype(np.int64) * n + members[j])
    if not found:
        return np.zeros(0, dtype=np.int64)
    codes = np.unique(np.concatenate(found))
    left, right = codes // n, codes % n
    keep = np.zeros(len(codes), dtype=bool)
    for lo in range(0, len(codes), 100_000):
        hi = lo + 100_000
        same = (matrix[left[lo:hi]] == matrix[right[lo:hi]]).mean(axis=1)
        keep[lo:hi] = same >= config.recheck * threshold
    return codes[keep]


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
    merged = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    log.info("%d candidate pairs among %d articles", len(merged), n)
    return [
        (signatures[i].id, signatures[j].id) for i, j in zip(merged // n, merged % n, strict=True)
    ]
