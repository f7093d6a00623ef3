from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from reuse_helpers import VOCAB, article

from newsprism.reuse import CandidateConfig, candidates, signature


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
