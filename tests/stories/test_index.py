"""The inverted index's candidates against their plain definition.

``_Index.candidates`` is written for speed (issue 19, round 10); what it must return is
the ``k`` stories with the largest sums of the query weights of the terms pointing at
them, each sum taken in the query's term order, ties broken by first appearance — what
``heapq.nlargest`` returns over ``acc.get(idx, 0.0) + weight`` sums — or, when no more
than ``k`` stories are met, all of them in the order met (the caller ranks them).  The stories the
clusterer scores depend on it to the bit, so the two are compared exactly.
"""

from __future__ import annotations

import heapq

from hypothesis import given
from hypothesis import strategies as st

from newsprism.stories._vectors import _Index


def _reference(index: _Index, q: dict[str, float], k: int) -> list[int]:
    acc: dict[int, float] = {}
    for term, weight in q.items():
        for idx in index.get(term, {}):
            acc[idx] = acc.get(idx, 0.0) + weight
    if len(acc) <= k:
        return list(acc)
    return heapq.nlargest(k, acc, key=acc.__getitem__)


_TERMS = [f"t{i}" for i in range(12)]
# a few weights, so that equal sums (ties) are common
_WEIGHTS = st.sampled_from([0.1, 0.2, 0.3, 0.25, 1 / 3, 0.7])


@given(
    postings=st.dictionaries(
        st.sampled_from(_TERMS),
        st.lists(st.integers(0, 40), min_size=1, max_size=15, unique=True),
        max_size=10,
    ),
    query=st.dictionaries(st.sampled_from(_TERMS), _WEIGHTS, max_size=8),
    k=st.integers(1, 6),
)
def test_candidates_are_the_largest_sums_in_first_seen_order(
    postings: dict[str, list[int]], query: dict[str, float], k: int
) -> None:
    index = _Index({t: dict.fromkeys(ids) for t, ids in postings.items()})
    assert index.candidates(query, k) == _reference(index, query, k)


def test_a_story_under_several_terms_sums_their_weights() -> None:
    index = _Index({"flood": {7: None, 3: None}, "dam": {3: None}, "river": {9: None}})
    query = {"flood": 0.5, "dam": 0.4, "river": 0.45}
    # story 3: 0.5 + 0.4, story 7: 0.5, story 9: 0.45
    assert index.candidates(query, 2) == [3, 7]
    assert index.candidates(query, 1) == [3]
    assert index.candidates(query, 3) == [7, 3, 9]  # all met, in the order met
