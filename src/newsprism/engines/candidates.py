"""Corpus-wide reuse candidates as a Spark job: MinHash banding joins with a df cap.

The same steps as :func:`newsprism.reuse.candidates`, written as an engine runs
them, so the pairs are identical (checked by the tests):

1. ``signature`` per article (a map);
2. document frequencies: per-partition ``bincount`` of the hashed features into
   the count-min array, summed with ``treeReduce`` and broadcast;
3. ``minhashes`` per article against the cap, then one band key per band and path
   (a flatMap);
4. the banding join: ``groupByKey`` on (path, band, key); buckets larger than the
   cap are skipped (stock text), the rest give pairs, ``distinct``;
5. the re-check on estimated Jaccard: the pairs joined twice with the MinHash
   vectors.

The local engine calls :func:`newsprism.reuse.candidates` itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..model import Article
from ..reuse import CandidateConfig, candidates, doc_freq, minhashes, signature
from ..reuse.candidates import Signature, bands_for

__all__ = ["local_candidates", "spark_candidates"]

Pair = tuple[str, str]
Counts = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], int]
_DEFAULT = CandidateConfig()


def _ordered(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def local_candidates(articles: Sequence[Article], config: CandidateConfig = _DEFAULT) -> list[Pair]:
    """Candidate pairs in one process, as sorted ``(smaller id, larger id)`` pairs."""
    sigs = [signature(a.id, a.text, config) for a in sorted(articles, key=lambda a: a.id)]
    return sorted(_ordered(a, b) for a, b in candidates(sigs, config))


def _cap(n: int, config: CandidateConfig) -> int:
    return max(config.min_df_cap, int(config.max_df * n))


def _partition_counts(sigs: Iterable[Signature], config: CandidateConfig) -> Iterator[Counts]:
    """One partition's count-min arrays (``reuse.doc_freq`` over the partition)."""
    yield doc_freq(sigs, config)


def _add(x: Counts, y: Counts) -> Counts:
    return x[0] + y[0], x[1] + y[1], x[2] + y[2]


def _band_keys(
    sigs: Iterable[Signature], counts: Counts, config: CandidateConfig
) -> Iterator[tuple[tuple[int, int, int], str] | tuple[str, tuple[Any, ...]]]:
    """``((path, band, key), id)`` for the banding join and ``(id, vectors)`` for the re-check."""
    from ..reuse.candidates import _templates

    templates = _templates(config)
    thresholds = (config.shingle_threshold, config.stem_threshold)
    for sig in sigs:
        vectors = minhashes(sig, counts, config, templates)
        yield sig.id, tuple(None if v is None else v.tobytes() for v in vectors)
        for path, (values, threshold) in enumerate(zip(vectors, thresholds, strict=True)):
            if values is None or threshold is None:
                continue
            bands, rows = bands_for(threshold, config.num_perm)
            block = values[: bands * rows].astype(np.uint64).reshape(bands, rows)
            key = np.zeros(bands, dtype=np.uint64)
            for col in range(rows):
                key = key * np.uint64(0x100000001B3) + block[:, col]
            for band, k in enumerate(key.tolist()):
                yield (path, band, int(k)), sig.id


def _bucket_pairs(path: int, members: Iterable[str], cap: int) -> Iterator[tuple[Pair, int]]:
    """Pairs of one bucket, tagged with a bit for the path (shingles 1, stems 2)."""
    ids = sorted(set(members))
    if 1 < len(ids) <= cap:
        for a, b in itertools.combinations(ids, 2):
            yield (a, b), 1 << path


def _recheck(
    paths: int, va: tuple[bytes | None, ...], vb: tuple[bytes | None, ...], config: CandidateConfig
) -> bool:
    """Kept if, on a path whose buckets proposed it, the estimated Jaccard clears the bar."""
    thresholds = (config.shingle_threshold, config.stem_threshold)
    for path, (values_a, values_b, threshold) in enumerate(zip(va, vb, thresholds, strict=True)):
        if not paths & (1 << path) or values_a is None or values_b is None or threshold is None:
            continue
        x = np.frombuffer(values_a, dtype=np.uint32)
        y = np.frombuffer(values_b, dtype=np.uint32)
        if float((x == y).mean()) >= config.recheck * threshold:
            return True
    return False


def spark_candidates(articles: Any, config: CandidateConfig = _DEFAULT) -> Any:
    """An RDD of sorted ``(id, id)`` candidate pairs from an RDD of articles."""
    sc = articles.context
    sigs = articles.map(lambda a: signature(a.id, a.text, config)).cache()
    counts: Counts = sigs.mapPartitions(lambda it: _partition_counts(it, config)).treeReduce(_add)
    cap = _cap(counts[2], config)
    shared = sc.broadcast(counts)
    keyed = sigs.mapPartitions(lambda it: _band_keys(it, shared.value, config)).cache()
    vectors = keyed.filter(lambda kv: isinstance(kv[0], str))
    buckets = keyed.filter(lambda kv: not isinstance(kv[0], str)).groupByKey()
    pairs = buckets.flatMap(lambda kv: _bucket_pairs(kv[0][0], kv[1], cap)).reduceByKey(
        lambda x, y: x | y
    )
    # the re-check, as ``candidates`` does it per path: (a, (b, paths)) -> join a's
    # vectors -> (b, (a, paths, va)) -> join b's vectors -> keep
    checked = (
        pairs.map(lambda kv: (kv[0][0], (kv[0][1], kv[1])))
        .join(vectors)
        .map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1], kv[1][1])))
        .join(vectors)
        .filter(lambda kv: _recheck(kv[1][0][1], kv[1][0][2], kv[1][1], config))
        .map(lambda kv: _ordered(kv[1][0][0], kv[0]))
    )
    return checked
