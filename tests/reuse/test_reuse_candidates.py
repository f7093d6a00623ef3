from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reuse_helpers import VOCAB, article

from newsprism.reuse import CandidateConfig, candidates, embed, signature
from newsprism.reuse.candidates import EMBEDDING, default_config, simhash_keys, vector_sum


def _corpus(n: int, seed: int) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    rng = random.Random(seed)
    docs = [(f"d{k:04d}", article(rng, 12)) for k in range(n)]
    planted: set[tuple[str, str]] = set()
    for k in range(0, n // 10):
        src_id, src = docs[k]
        words = src.split()
        for i in range(len(words)):
            if rng.random() < 0.1:
                words[i] = rng.choice(VOCAB)
        copy_id = f"e{k:04d}"
        docs.append((copy_id, " ".join(words)))
        planted.add((src_id, copy_id))
    return docs, planted


def test_planted_copies_are_found_without_many_false_pairs() -> None:
    docs, planted = _corpus(300, 1)
    sigs = [signature(i, t) for i, t in docs]
    found = {tuple(sorted(p)) for p in candidates(sigs)}
    assert planted <= found
    assert len(found - planted) < 0.05 * len(docs)


def test_boilerplate_shared_by_many_documents_is_ignored() -> None:
    rng = random.Random(2)
    footer = " ".join(
        ["Subscribe to our newsletter for daily updates on markets and politics."] * 3
    )
    docs = [(f"d{k}", article(rng, 3) + " " + footer) for k in range(60)]
    sigs = [signature(i, t) for i, t in docs]
    config = CandidateConfig(min_df_cap=5)
    assert candidates(sigs, config) == []


@settings(max_examples=20)
@given(st.text(max_size=400))
def test_signature_is_a_pure_function_of_the_text(text: str) -> None:
    one, two = signature("x", text), signature("x", text)
    assert one.shingles.tolist() == two.shingles.tolist()
    assert one.stems.tolist() == two.stems.tolist()


_SOURCE = (
    "The city council approved a new budget on Tuesday after months of debate. Officials "
    "said the plan raises spending on schools and public transport. Critics warned that "
    "property taxes would climb as a result. The mayor praised the vote as a victory for "
    "working families. Opposition members walked out before the final ballot. The budget "
    "takes effect in January."
)
# the same six points in other words: no 5-gram and few stems in common
_REWORDED = (
    "Following a lengthy dispute, municipal lawmakers passed a fresh spending plan this "
    "week. According to authorities, the proposal boosts funding for education and buses. "
    "Opponents cautioned that homeowners would face higher levies. The city's leader hailed "
    "the decision as a win for ordinary households. Members of the minority left the "
    "chamber ahead of the last vote. The new financial plan starts at the beginning of "
    "next year."
)
needs_wordllama = pytest.mark.skipif(not embed.available(), reason="wordllama not installed")


def _reworded_corpus() -> list[tuple[str, str]]:
    rng = random.Random(3)
    docs = [(f"d{k:03d}", article(rng, 8)) for k in range(100)]
    return [*docs, ("src", _SOURCE), ("rew", _REWORDED)]


@needs_wordllama
def test_the_embedding_path_finds_a_rewrite_that_shares_no_phrases() -> None:
    docs = _reworded_corpus()
    only = replace(EMBEDDING, shingle_threshold=None, stem_threshold=None)
    found = set(candidates([signature(i, t, only) for i, t in docs], only))
    assert ("src", "rew") in found
    # texts drawn from one 55-word vocabulary do resemble each other; a few chance pairs
    assert sum(a.startswith("d") and b.startswith("d") for a, b in found) < 0.05 * len(docs)
    lexical = CandidateConfig()
    assert ("src", "rew") not in candidates([signature(i, t, lexical) for i, t in docs], lexical)


@needs_wordllama
def test_default_config_uses_the_embedding_path_when_wordllama_is_there() -> None:
    assert default_config().embed_threshold is not None
    assert CandidateConfig().embed_threshold is None  # what the Spark engine mirrors


@needs_wordllama
def test_vector_sums_are_exact_in_any_order() -> None:
    sigs = [signature(i, t, EMBEDDING) for i, t in _reworded_corpus()]
    whole = vector_sum(sigs)
    first, second = vector_sum(sigs[:37]), vector_sum(sigs[37:])
    assert (first[0] + second[0]).tolist() == whole[0].tolist()
    assert first[1] + second[1] == whole[1] == len(sigs)
    assert vector_sum(reversed(sigs))[0].tolist() == whole[0].tolist()


@needs_wordllama
def test_simhash_keys_of_one_article_do_not_depend_on_its_batch() -> None:
    sigs = [signature(i, t, EMBEDDING) for i, t in _reworded_corpus()]
    sums = vector_sum(sigs)
    vectors = np.stack([s.vector for s in sigs if s.vector is not None])
    batch = simhash_keys(vectors, sums, EMBEDDING)
    assert batch.shape == (len(sigs), EMBEDDING.embed_bands)
    for k in (0, 50, len(sigs) - 1):
        assert simhash_keys(vectors[k : k + 1], sums, EMBEDDING)[0].tolist() == batch[k].tolist()


def test_an_empty_text_has_no_vector() -> None:
    assert signature("x", "", EMBEDDING).vector is None


@settings(max_examples=60, deadline=None)
@given(
    features=st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=300),
    seed=st.integers(0, 2**16),
)
def test_minhash_is_bit_for_bit_datasketchs_affine32(features: list[int], seed: int) -> None:
    """The MinHash written out in numpy gives datasketch 2.0's values, so the candidate
    pairs (and any stored band keys) are those of the library it replaces."""
    datasketch = pytest.importorskip("datasketch")
    from newsprism.reuse.candidates import _minhash, _permutation

    ref = datasketch.MinHash(num_perm=64, seed=seed, hashfunc=lambda x: x, scheme="affine32")
    ref.update_batch(features)
    mine = _minhash(np.asarray(features, dtype=np.uint32), _permutation(seed, 64))
    assert mine.dtype == np.uint32
    assert np.array_equal(mine, ref.hashvalues)
