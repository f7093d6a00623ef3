"""A sentence stating two facts, cited by the group of each (examples written for the
project, not the seeds)."""

from __future__ import annotations

from newsprism.claims import group_claims
from newsprism.claims.align import PairModel
from newsprism.claims.cite import citations
from newsprism.claims.coverage import build_coverage
from newsprism.model import Article, Claim, ClaimGroup


def _claim(article: str, n: int, text: str, kind: str = "statement") -> Claim:
    return Claim(
        id=f"{article}:c{n}",
        article=article,
        text=text,
        start=0,
        end=len(text),
        kind="statement" if kind == "statement" else "value",
    )


#: The ledger states both facts in one sentence; the courier and the gazette state
#: each in a sentence of its own.
FERRY = {
    "ledger": [
        "The ferry Morning Star ran aground near Pike Island, and the harbor board "
        "suspended its captain, Ellen Marsh.",
        "Volunteers served soup to stranded travellers at the quay.",
    ],
    "courier": [
        "The ferry Morning Star ran aground near Pike Island late in the evening.",
        "The harbor board suspended the captain, Ellen Marsh, pending an inquiry.",
        "A tug from the mainland towed the vessel back to port.",
    ],
    "gazette": [
        "The Morning Star ferry ran aground off Pike Island with passengers aboard.",
        "Captain Ellen Marsh was suspended by the harbor board.",
        "Insurers have sent an assessor to inspect the hull.",
    ],
}


def _ferry() -> tuple[list[Article], tuple[Claim, ...], tuple[ClaimGroup, ...]]:
    arts = [Article(id=a, text=" ".join(t), published="2025-06-13") for a, t in FERRY.items()]
    claims = [_claim(a, n, t) for a, ts in FERRY.items() for n, t in enumerate(ts)]
    out, groups = group_claims(claims, arts, [])
    return arts, out, groups


def test_a_sentence_stating_two_facts_is_cited_by_the_group_of_each() -> None:
    _, out, found = _ferry()
    claims = {c.id: c for c in out}
    groups = {g.id: g.claims for g in found}
    aground = next(g for g, m in groups.items() if "courier:c0" in m)
    suspended = next(g for g, m in groups.items() if "courier:c1" in m)
    assert aground != suspended
    assert set(groups[aground]) == {"ledger:c0", "courier:c0", "gazette:c0"}
    assert set(groups[suspended]) == {"ledger:c0", "courier:c1", "gazette:c1"}
    # the claim names its first group; each group still holds one claim per article
    assert claims["ledger:c0"].group in (aground, suspended)
    for members in groups.values():
        arts = [claims[m].article for m in members]
        assert len(arts) == len(set(arts))


def test_an_article_cited_by_a_group_does_not_omit_it() -> None:
    arts, out, groups = _ferry()
    ledger = next(c for c in build_coverage(out, groups, [], arts, []) if c.article == "ledger")
    assert ledger.omits == ()


MODEL = PairModel(bias=0.0, weights=(), threshold=0.2)


def _graph(kind: str = "statement") -> list[Claim]:
    """a0 states two facts; {a0, b0} is one group, {b1, c1} the other (both hold b)."""
    return [
        _claim("a", 0, "one sentence stating two facts", kind),
        _claim("b", 0, "the first fact"),
        _claim("b", 1, "the second fact"),
        _claim("c", 1, "the second fact again"),
    ]


GROUPS = [[0, 1], [2, 3]]


def test_a_claim_linked_to_every_member_of_a_blocked_group_is_cited() -> None:
    prob = {(0, 1): 0.6, (0, 2): 0.5, (0, 3): 0.45, (2, 3): 0.8}
    assert citations(GROUPS, prob, _graph(), MODEL) == [(0, 1)]


def test_no_citation_under_twice_the_threshold_or_without_a_strong_link_to_each_member() -> None:
    weak = {(0, 1): 0.6, (0, 2): 0.3, (0, 3): 0.3, (2, 3): 0.8}  # mean 1.5x the threshold
    assert citations(GROUPS, weak, _graph(), MODEL) == []
    one = {(0, 1): 0.6, (0, 2): 0.9, (0, 3): 0.25, (2, 3): 0.8}  # c1 under 1.5x the threshold
    assert citations(GROUPS, one, _graph(), MODEL) == []


def test_a_figure_clause_or_a_group_of_one_is_not_cited() -> None:
    prob = {(0, 1): 0.6, (0, 2): 0.5, (0, 3): 0.45, (2, 3): 0.8}
    assert citations(GROUPS, prob, _graph("value"), MODEL) == []
    assert citations([[0, 1], [2], [3]], prob, _graph(), MODEL) == []


def test_groups_that_share_no_article_are_left_to_the_linkage() -> None:
    claims = [*_graph()[:2], _claim("c", 1, "the second fact"), _claim("d", 1, "again")]
    prob = {(0, 1): 0.6, (0, 2): 0.5, (0, 3): 0.45, (2, 3): 0.8}
    assert citations(GROUPS, prob, claims, MODEL) == []


def test_a_conflicting_group_cites_nothing() -> None:
    prob = {(0, 1): 0.6, (0, 2): 0.5, (0, 3): 0.45, (2, 3): 0.8}
    assert citations(GROUPS, prob, _graph(), MODEL, ["corroborated", "corroborated"]) == [(0, 1)]
    assert citations(GROUPS, prob, _graph(), MODEL, ["corroborated", "conflicting"]) == []
