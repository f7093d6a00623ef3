"""Alignment of claims across articles (examples written for the project, not the seeds)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism import artifacts
from newsprism.claims import group_claims
from newsprism.claims.align import PAIR_FEATURES, align, pair_model
from newsprism.claims.features import EntityIndex, features
from newsprism.claims.group import _idf, _vectors
from newsprism.claims.values import find_values
from newsprism.model import Article, Claim, ClaimGroup


def _claim(article: str, n: int, text: str, kind: str = "statement") -> Claim:
    values = tuple(f.value for f in find_values(text, "2025-06-13"))
    return Claim(
        id=f"{article}:c{n}",
        article=article,
        text=text,
        start=0,
        end=len(text),
        values=values,
        kind="statement" if kind == "statement" else "value",
    )


def _groups(texts: dict[str, list[str]]) -> tuple[dict[str, Claim], tuple[ClaimGroup, ...]]:
    arts = [Article(id=a, text=" ".join(t), published="2025-06-13") for a, t in texts.items()]
    claims = [_claim(a, n, t) for a, ts in texts.items() for n, t in enumerate(ts)]
    out, groups = group_claims(claims, arts, [])
    return {c.id: c for c in out}, groups


def test_the_shipped_model_reads_the_features_the_code_makes() -> None:
    model = pair_model()
    art = artifacts.load("claims_pairs")
    assert tuple(art["features"]) == PAIR_FEATURES
    assert len(model.weights) == len(PAIR_FEATURES)
    assert 0 < model.threshold < 1
    assert art.provenance.command and art.provenance.metrics


def test_two_outlets_wording_one_event_differently_are_aligned() -> None:
    claims, _ = _groups(
        {
            "ledger": [
                "The Harbor Council approved the new ferry terminal on Tuesday.",
                "Heavy rain flooded three streets in the old town.",
            ],
            "courier": [
                "Members of the Harbor Council voted to approve a new ferry terminal Tuesday.",
                "The city library will extend its opening hours in July.",
            ],
        }
    )
    assert claims["ledger:c0"].group == claims["courier:c0"].group
    assert claims["ledger:c1"].group != claims["courier:c1"].group
    assert claims["ledger:c1"].group != claims["ledger:c0"].group


def test_one_article_never_holds_two_claims_of_a_group() -> None:
    claims, groups = _groups(
        {
            "a": [
                "The Harbor Council approved the ferry terminal on Tuesday.",
                "The Harbor Council approved the ferry terminal after a long debate.",
            ],
            "b": ["The Harbor Council approved the ferry terminal on Tuesday evening."],
        }
    )
    assert groups
    for g in groups:
        arts = [claims[c].article for c in g.claims]
        assert len(arts) == len(set(arts)), g.claims


def test_a_figure_that_differs_is_a_conflict_of_values() -> None:
    claims, groups = _groups(
        {
            "ledger": ["The ferry terminal will cost $42 million, the Harbor Council said."],
            "courier": ["The Harbor Council said the ferry terminal will cost $45 million."],
        }
    )
    g = next(g for g in groups if g.id == claims["ledger:c0"].group)
    assert claims["courier:c0"].group == g.id
    assert g.verdict == "conflicting" and g.conflict == "values"
    assert len(g.sides) == 2


def test_a_debunk_disputes_the_claim_it_names() -> None:
    claims, groups = _groups(
        {
            "site": ["Singer Mara Velle was found dead in her Lisbon apartment, a report claims."],
            "check": [
                "A fake news report claiming that singer Mara Velle was found dead in her "
                "Lisbon apartment spread online."
            ],
        }
    )
    g = next(g for g in groups if g.id == claims["check:c0"].group)
    assert claims["site:c0"].group == g.id
    assert g.verdict == "conflicting" and g.conflict == "disputed"


WORDS = ["council", "ferry", "terminal", "budget", "storm", "harbor", "vote", "mayor", "road"]


@settings(max_examples=30, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c", "d"]),
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(" ".join),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
    )
)
def test_alignment_is_a_partition_with_distinct_articles(texts: dict[str, list[str]]) -> None:
    claims = [_claim(a, n, t) for a, ts in texts.items() for n, t in enumerate(ts)]
    index = EntityIndex()
    feats = [features(c, index) for c in claims]
    groups = align(claims, feats, _vectors(claims), _idf(feats))
    flat = sorted(i for g in groups for i in g)
    assert flat == list(range(len(claims)))  # every claim in exactly one group
    for g in groups:
        arts = [claims[i].article for i in g]
        assert len(arts) == len(set(arts))
    assert groups == align(claims, feats, _vectors(claims), _idf(feats))  # deterministic


def test_a_fact_carried_by_many_wire_copies_is_one_group() -> None:
    # more copies than one claim's candidate budget: they must still come together
    sentence = "The Harbor Council approved the new ferry terminal on Tuesday."
    texts = {f"copy{n:03d}": [sentence] for n in range(240)}
    claims, groups = _groups(texts)
    assert len({c.group for c in claims.values()}) == 1
    assert groups[0].verdict == "corroborated" and groups[0].independent_sources == 240


def _sentences_with_figures(first: str, second: str) -> tuple[list[Article], list[Claim]]:
    """Two outlets' sentences about a plan, each with the clause around its figure."""
    arts, claims = [], []
    for name, sentence in (
        ("ledger", f"The council approved a {first} plan for the harbour on Tuesday."),
        ("courier", f"On Tuesday the council backed a {second} plan for the harbour."),
    ):
        arts.append(Article(id=name, text=sentence, published="2025-06-13"))
        claims.append(_claim(name, 0, sentence))
        clause = f"{first if name == 'ledger' else second} plan for the harbour"
        at = sentence.index(clause)
        values = tuple(f.value for f in find_values(clause, "2025-06-13"))
        claims.append(
            Claim(
                id=f"{name}:c1",
                article=name,
                text=clause,
                start=at,
                end=at + len(clause),
                values=values,
                kind="value",
            )
        )
    return arts, claims


def test_a_figure_clause_group_folds_into_its_sentences_group() -> None:
    arts, claims = _sentences_with_figures("47-page", "47-page")
    out, groups = group_claims(claims, arts, [])
    by_id = {c.id: c for c in out}
    g = next(g for g in groups if g.id == by_id["ledger:c0"].group)
    # one group for the sentences and their figure, not the same finding twice
    assert {by_id[c].group for c in by_id} == {g.id}
    assert len(g.claims) == 4 and g.verdict == "corroborated"


def test_a_conflict_of_figures_stays_visible_after_folding() -> None:
    arts, claims = _sentences_with_figures("47-page", "48-page")
    out, groups = group_claims(claims, arts, [])
    by_id = {c.id: c for c in out}
    conflicting = [g for g in groups if g.verdict == "conflicting"]
    assert conflicting and all(g.conflict == "values" for g in conflicting)
    assert by_id["ledger:c1"].group == by_id["courier:c1"].group
    assert any(g.id == by_id["ledger:c1"].group for g in conflicting)


def test_one_quotation_with_a_long_attribution_is_still_a_quotation() -> None:
    claims, _ = _groups(
        {
            "ledger": [
                '"The ferry terminal will open in spring and carry riders across the bay," '
                "said Mara Lind, the chair of the Harbor Council's transport committee, who "
                "has led the project since its first vote and plans to step down next year."
            ],
            "courier": [
                '"The ferry terminal will open in spring and carry riders across the bay," '
                "Lind said."
            ],
        }
    )
    assert claims["ledger:c0"].group == claims["courier:c0"].group
