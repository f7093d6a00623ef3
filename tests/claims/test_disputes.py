"""Disputes across articles: the article-level dispute model and the linking of a
disputing article's claims to what it disputes (examples written for the project)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism import artifacts, nlp
from newsprism.claims import CAPABILITIES, extract_claims, group_claims
from newsprism.claims.disputes import _anchor, _part_alike, link_article_disputes
from newsprism.claims.features import EntityIndex, Features, features
from newsprism.claims.stance import (
    ARTICLE_FEATURES,
    MAX_PARTNERS,
    DisputeModel,
    camps,
    dispute_model,
    disputed_pairs,
    signals,
    terms,
)
from newsprism.claims.verdicts import Judgement, judge
from newsprism.entities import merge_entities
from newsprism.model import Article, Claim, ClaimGroup, Entity

DATA = Path(__file__).resolve().parents[1] / "data" / "claims" / "disputed_story.json"


def _articles(key: str) -> list[Article]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return [Article(id=a["id"], text=a["text"], published="2025-06-13") for a in raw[key]]


def _group(
    arts: list[Article], model: DisputeModel | None = None
) -> tuple[dict[str, Claim], tuple[ClaimGroup, ...]]:
    docs = list(nlp.parse([a.text for a in arts], CAPABILITIES))
    claims = [c for a, d in zip(arts, docs, strict=True) for c in extract_claims(a, d)]
    ents = merge_entities([nlp.to_record(a.id, d) for a, d in zip(arts, docs, strict=True)])
    out, groups = group_claims(claims, arts, [], ents, dispute_model=model)
    return {c.id: c for c in out}, groups


def _claims(rows: list[tuple[str, str, str]]) -> list[Claim]:
    """One whole-text claim per (article, text, polarity) row, ids c0, c1, ..."""
    return [
        Claim(id=f"c{i}", article=a, text=t, start=0, end=len(t), polarity=pol)
        for i, (a, t, pol) in enumerate(rows)
    ]


def _side_articles(g: ClaimGroup, claims: dict[str, Claim]) -> list[set[str]]:
    return [{claims[c].article for c in s.claims} for s in g.sides]


def test_the_shipped_model_reads_the_features_the_code_makes() -> None:
    model = dispute_model()
    art = artifacts.load("claims_disputes")
    assert tuple(art["features"]) == ARTICLE_FEATURES
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(ARTICLE_FEATURES)
    assert model.vocabulary and 0 < model.threshold < 1
    assert art.provenance.command and "dev_disputed_flagged" in art.provenance.metrics


def test_signals_count_denying_sentences_and_distancing() -> None:
    report, _, debunk = _articles("disputed")
    s, d = signals(report), signals(debunk)
    assert s.cues == 0 and d.cues >= 3
    assert d.distanced > s.distanced
    assert d.sentences == 4


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc XYZ.'’-\n"), max_size=80))
def test_terms_are_lower_case_words_and_pairs_never_names(text: str) -> None:
    for t in terms(text):
        assert t == t.lower() and 1 <= len(t.split()) <= 2
        assert not any(w[:1].isupper() for w in t.split())


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab fake hoax not the story. "), max_size=60),
    st.text(alphabet=st.sampled_from("cd said report was. "), max_size=60),
    st.floats(min_value=-1.0, max_value=1.0),
)
def test_the_pair_score_does_not_depend_on_the_order(x: str, y: str, cos: float) -> None:
    model = dispute_model()
    a, b = signals(Article(id="a", text=x)), signals(Article(id="b", text=y))
    assert model.score(a, b, cos) == pytest.approx(model.score(b, a, cos))


def test_a_debunk_is_flagged_against_each_report_and_reports_are_not() -> None:
    arts = _articles("disputed")
    pairs = disputed_pairs(arts)
    assert {(a, d) for a, d, _ in pairs} == {("ledger", "sentinel"), ("courier", "sentinel")}
    assert disputed_pairs(_articles("agreeing")) == []


def test_camps_take_each_article_to_the_side_of_most_of_its_pairs() -> None:
    # a2 leans to the disputing side against a1 but more strongly asserts against d:
    # the weak a1-a2 pair must not part the two asserting articles
    pairs = [("a1", "d", 0.9), ("a2", "d", 0.8), ("a1", "a2", 0.4), ("x", "y", 0.5)]
    assert camps(pairs) == [(["a1", "a2"], ["d"]), (["x"], ["y"])]


def test_a_large_story_compares_each_article_with_a_bounded_window() -> None:
    arts = [Article(id=f"a{i:03d}", text=f"Report number {i} was filed.") for i in range(80)]
    everything = dataclasses.replace(dispute_model(), threshold=0.0)
    pairs = disputed_pairs(arts, everything)
    assert len(pairs) == sum(min(MAX_PARTNERS, 79 - i) for i in range(80))


def test_the_reports_face_the_debunk_in_one_disputed_group() -> None:
    claims, groups = _group(_articles("disputed"))
    disputed = [g for g in groups if g.conflict == "disputed"]
    assert len(disputed) == 1
    sides = _side_articles(disputed[0], claims)
    assert {"ledger", "courier"} in sides and {"sentinel"} in sides
    # the background both reports share is still corroborated, not disputed
    assert any(g.verdict == "corroborated" for g in groups)


def test_a_debunk_without_a_linkable_denial_is_linked_by_the_article_model() -> None:
    arts = _articles("disputed")[:2] + _articles("quiet")
    claims, groups = _group(arts)
    disputed = [g for g in groups if g.conflict == "disputed"]
    assert len(disputed) == 1
    assert _side_articles(disputed[0], claims) == [{"ledger", "courier"}, {"sentinel"}]
    # the sentence rules alone do not see it: with no article pair flagged, no dispute
    never = dataclasses.replace(dispute_model(), threshold=2.0)
    _, groups = _group(arts, never)
    assert not [g for g in groups if g.verdict == "conflicting"]


def test_a_debunk_that_only_retells_the_claim_is_anchored_by_what_it_retells() -> None:
    # its denying sentences name nothing the reports say; the claim it retells
    # ("Posts ... said that Rosie ... gave birth to twins") carries the dispute
    arts = _articles("disputed")[:2] + _articles("retold")
    claims, groups = _group(arts)
    disputed = [g for g in groups if g.conflict == "disputed"]
    assert len(disputed) == 1
    assert _side_articles(disputed[0], claims) == [{"ledger", "courier"}, {"checker"}]
    assert "Rosie" in disputed[0].topic and "twins" in disputed[0].topic


def test_the_loose_anchor_is_the_pair_most_of_the_camp_comes_close_to() -> None:
    # unit vectors: the debunk's claims 2 and 3 both match report claim 0 or 1, but
    # claim 3 matches the proposition all three reports carry (claims 0, 4, 5)
    texts = [
        ("r1", "Rosie the elephant gave birth to twins at the zoo"),
        ("r1", "Rosie was fed apples by the keepers at the zoo"),
        ("d", "Rosie was fed apples by the keepers at the zoo, posts said"),
        ("d", "Rosie the elephant gave birth to twins at the zoo, posts said"),
        ("r2", "Rosie the elephant had twins at the zoo"),
        ("r3", "The zoo's Rosie the elephant gave birth to twin calves"),
    ]
    claims = [
        Claim(id=f"c{i}", article=a, text=t, start=0, end=len(t)) for i, (a, t) in enumerate(texts)
    ]
    rosie = Entity(id="person:rosie", name="Rosie", kind="person", articles=("r1", "r2", "r3", "d"))
    feats = [features(c, EntityIndex([rosie])) for c in claims]
    birth, apples = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    retold = np.array([0.95, 0.0, 0.3122])  # the debunk's wording of the birth: cosine 0.95
    vectors = np.array([birth, apples, apples, retold, birth, birth], dtype=np.float32)
    # the exact copy (apples, cosine 1.0) would come first by closeness alone
    pick = _anchor([0, 1, 4, 5], [2, 3], claims, feats, vectors, strict=False, camp=range(6))
    assert pick in {(0, 3), (4, 3), (5, 3)}
    # a copy far from every other claim is all there is: it is taken
    alone = _anchor([1], [2], claims, feats, vectors, strict=False, camp=range(6))
    assert alone == (1, 2)


def test_a_denial_is_not_set_against_articles_that_read_alike() -> None:
    # three outlets tell one story; "b" also reports the ministry's denial. Against
    # "a", which reads alike as a whole, it is no dispute; against "c" it still is.
    said = "The ministry denied that the bridge had been closed"
    rows = [
        ("a", "The bridge was closed on Friday after cracks were found", "asserted"),
        ("b", "The bridge was closed on Friday, officials said", "asserted"),
        ("b", said, "denied"),
        ("c", "Engineers closed the bridge on Friday", "asserted"),
    ]
    claims = _claims(rows)
    feats = [features(c, EntityIndex(())) for c in claims]
    ab = frozenset(("a", "b"))
    assert _part_alike([[0, 1, 2]], claims, feats, {ab}) == [[0, 1], [2]]
    # "c" reads otherwise: the denial stays in the group, facing "c"
    assert _part_alike([[0, 2, 3]], claims, feats, {ab}) == [[0, 2, 3]]
    # nothing reads alike: nothing moves
    assert _part_alike([[0, 1, 2]], claims, feats, set()) == [[0, 1, 2]]


def test_agreeing_reports_make_no_conflict() -> None:
    _, groups = _group(_articles("agreeing"))
    assert not [g for g in groups if g.verdict == "conflicting"]
    assert any(g.verdict == "corroborated" for g in groups)


def test_a_report_retelling_the_disputed_claim_in_other_words_joins_its_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # one camp: three reports against a debunk; r1's claim and the debunk's denial
    # anchor the group; r2 tells the birth in other words (cosine 0.47 to the anchor
    # pair), r3 is further off (0.40): r2 stands with r1, r3 stays out
    rows = [
        ("r1", "Rosie the elephant gave birth to twins at the zoo", "asserted"),
        ("d", "Rosie the elephant did not give birth to twins at the zoo", "denied"),
        ("r2", "Keepers say Rosie the elephant gave birth to two calves at the zoo", "asserted"),
        ("r3", "Rosie the elephant was moved to the zoo's new birth enclosure", "asserted"),
    ]
    claims = _claims(rows)
    rosie = Entity(id="person:rosie", name="Rosie", kind="person", articles=("r1", "r2", "r3", "d"))
    feats = [features(c, EntityIndex([rosie])) for c in claims]
    vectors = np.array(
        [[1, 0, 0], [1, 0, 0], [0.47, (1 - 0.47**2) ** 0.5, 0], [0.40, 0, (1 - 0.40**2) ** 0.5]],
        dtype=np.float32,
    )
    arts = [Article(id=a, text=t) for a, t, _ in rows]
    flagged = [("r1", "d", 0.9), ("r2", "d", 0.9), ("r3", "d", 0.9)]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, _ = link_article_disputes([[0], [1], [2], [3]], claims, feats, vectors, arts)
    assert [0, 1, 2] in groups and [3] in groups


def test_fact_checking_verdicts_dispute_and_ordinary_uses_do_not() -> None:
    from newsprism.claims.lexicon import disputing

    assert disputing("The mayor's claim about the budget does not stand up to scrutiny.")
    assert disputing("The viral post about the flood is misleading, the agency said.")
    assert not disputing("The old bridge held up well in the storm.")
    assert not disputing("The senator did not hold up the bill this time.")


def test_an_anchor_on_a_side_detail_gives_way_to_the_story_s_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the debunk's only strict anchor is a side detail (an expert's doubt against the
    # report's line naming the expert: two articles come near it); the story's claim,
    # which the debunk retells and every report carries, reaches all four: it carries
    # the dispute, so each report faces the debunk
    rows = [
        ("r1", "Dylan Thomas had a spider crawl under his skin in Bali", "asserted"),
        ("r1", "Christopher Buddle, a professor at McGill University, studies spiders", ""),
        ("d", "Christopher Buddle, a McGill University professor, says it is not possible", ""),
        ("d", "Dylan Thomas says he had a spider crawl under his skin in Bali", "asserted"),
        ("r2", "In Bali a spider crawled under the skin of Dylan Thomas", "asserted"),
        ("r3", "Dylan Thomas found a spider had crawled under his skin in Bali", "asserted"),
    ]
    claims = [
        Claim(id=f"c{i}", article=a, text=t, start=0, end=len(t), polarity=pol or "asserted")
        for i, (a, t, pol) in enumerate(rows)
    ]
    people = [
        Entity(id="person:dylan-thomas", name="Dylan Thomas", kind="person", articles=("r1", "d")),
        Entity(id="person:buddle", name="Christopher Buddle", kind="person", articles=("r1", "d")),
    ]
    feats = [features(c, EntityIndex(people)) for c in claims]
    story, detail = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    doubt = np.array([0.0, 0.83, (1 - 0.83**2) ** 0.5])  # the doubt: cosine 0.83 to the detail
    retold = np.array([0.95, 0.0, (1 - 0.95**2) ** 0.5])
    vectors = np.array([story, detail, doubt, retold, story, story], dtype=np.float32)
    # the debunk says so in a sentence of its own (round 10: a camp linked on a retelling
    # needs one, :data:`newsprism.claims.disputes.MIN_CUES`)
    debunk = "Experts say the spider story is a hoax."
    arts = [Article(id=a, text=debunk if a == "d" else "") for a in ("r1", "d", "r2", "r3")]
    flagged = [("r1", "d", 0.9), ("r2", "d", 0.9), ("r3", "d", 0.9)]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, out = link_article_disputes([[i] for i in range(6)], claims, feats, vectors, arts)
    assert [0, 3, 4, 5] in groups
    assert out[3].kind == "denial"
    # with the side detail alone (no report retells the story), the detail carries it
    alone = [0, 1, 2]
    groups, _ = link_article_disputes(
        [[i] for i in alone], [claims[i] for i in alone], feats[:3], vectors[:3], arts[:2]
    )
    assert [1, 2] in groups


def test_a_report_aligned_with_the_anchor_faces_a_debunk_that_names_none_of_its_actors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the debunk names the place, not the man; the first report names both and anchors
    # the dispute; the second report, aligned with the first, names only the man: it
    # stands on the disputed side because the debunk is about what the anchor states
    rows = [
        ("r1", "Josh Lin gave a homeless man in Fresno one hundred dollars and filmed him"),
        (
            "d",
            "The film of the homeless man outside the shelter in Fresno was staged, a witness said",
        ),
        ("r2", "Josh Lin handed the homeless man money outside the shelter and he bought food"),
    ]
    claims = [
        Claim(
            id=f"c{i}",
            article=a,
            text=t,
            start=0,
            end=len(t),
            polarity="denied" if a == "d" else "asserted",
        )
        for i, (a, t) in enumerate(rows)
    ]
    people = [
        Entity(id="person:josh-lin", name="Josh Lin", kind="person", articles=("r1", "r2")),
        Entity(id="place:fresno", name="Fresno", kind="place", articles=("r1", "d")),
    ]
    feats = [features(c, EntityIndex(people)) for c in claims]
    vectors = np.array([[1.0, 0.0, 0.0]] * 3, dtype=np.float32)
    arts = [Article(id=a, text="") for a in ("r1", "d", "r2")]
    flagged = [("r1", "d", 0.9), ("r2", "d", 0.9)]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, out = link_article_disputes([[0, 2], [1]], claims, feats, vectors, arts)
    assert groups == [[0, 1, 2]]
    verdict = judge(claims, out, {}, {})
    assert verdict.verdict == "conflicting" and verdict.conflict == "disputed"
    assert [set(s.claims) for s in verdict.sides] == [{"c0", "c2"}, {"c1"}]


def _camp_of_two(
    monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, str, str]], texts: dict[str, str]
) -> tuple[list[list[int]], list[Claim]]:
    """The camp step on one claim per row, every claim at one point of meaning, the
    first article flagged against each other one; ``texts``: the articles' bodies."""
    claims = _claims(rows)
    people = [
        Entity(id="person:ann-cole", name="Ann Cole", kind="person", articles=tuple(texts)),
        Entity(id="place:dover", name="Dover", kind="place", articles=tuple(texts)),
    ]
    feats = [features(c, EntityIndex(people)) for c in claims]
    vectors = np.array([[1.0, 0.0, 0.0]] * len(rows), dtype=np.float32)
    arts = [Article(id=a, text=t) for a, t in texts.items()]
    first = rows[0][0]
    flagged = [(first, a, 0.9) for a in texts if a != first]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, _ = link_article_disputes([[i] for i in range(len(rows))], claims, feats, vectors, arts)
    return groups, claims


def test_a_retelling_is_no_dispute_unless_its_article_debunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the flagged article only retells the report: with no sentence that denies or
    # debunks anywhere in it, the model's flag alone links nothing; with one, it does
    report = "Mayor Ann Cole opened the new river bridge in Dover on Monday."
    retold = "Mayor Ann Cole opened the new river bridge in Dover, the post says"
    rows = [("r", report.rstrip("."), "asserted"), ("d", retold, "asserted")]
    groups, _ = _camp_of_two(monkeypatch, rows, {"r": report, "d": retold + "."})
    assert groups == [[0], [1]]
    debunk = retold + ". The post is a hoax."
    groups, _ = _camp_of_two(monkeypatch, rows, {"r": report, "d": debunk})
    assert groups == [[0, 1]]


def test_a_debunk_naming_no_actor_joins_when_its_article_debunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # d1's denial names the mayor and anchors the dispute; d2's only claim names
    # nobody, so the recruit test cannot place it: it joins the disputed group when
    # its article has a debunking sentence, and stays out when it has none
    report = "Mayor Ann Cole opened the new river bridge in Dover on Monday."
    denial = "Mayor Ann Cole did not open the new river bridge in Dover, her office said"
    rows = [
        ("r", report.rstrip("."), "asserted"),
        ("d1", denial, "denied"),
        ("d2", "Nobody was there to cut the ribbon, a neighbour said", "asserted"),
    ]
    texts = {"r": report, "d1": denial + ".", "d2": rows[2][1] + "."}
    groups, _ = _camp_of_two(monkeypatch, rows, texts)
    assert [0, 1] in groups and [2] in groups
    texts["d2"] = rows[2][1] + ". The opening was a hoax."
    groups, _ = _camp_of_two(monkeypatch, rows, texts)
    assert groups == [[0, 1, 2]]


def test_a_debunk_is_shown_by_its_own_denial_not_by_what_it_retells(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the camp links the debunk by its retelling of the report (the loose anchor); its
    # article also says the report is false in a sentence naming no one: that sentence,
    # not the retelling, is what the group shows for the debunking outlet
    rows = [
        ("r", "Ann Cole opened the new river bridge in Dover on Monday", "asserted"),
        ("d", "Ann Cole opened the new river bridge in Dover, the leaflet says", "asserted"),
        ("d", "The leaflet is a hoax and nothing was opened", "denied"),
    ]
    claims = _claims(rows)
    people = [
        Entity(id="person:ann-cole", name="Ann Cole", kind="person", articles=("r", "d")),
        Entity(id="place:dover", name="Dover", kind="place", articles=("r", "d")),
    ]
    feats = [features(c, EntityIndex(people)) for c in claims]
    vectors = np.array([[1.0, 0.0], [0.95, 0.3122], [0.2, 0.98]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    arts = [
        Article(id="r", text=rows[0][1] + "."),
        Article(id="d", text=rows[1][1] + ". " + rows[2][1] + "."),
    ]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: [("r", "d", 0.9)])
    groups, out = link_article_disputes([[0], [1], [2]], claims, feats, vectors, arts)
    assert [0, 2] in groups and [1] in groups
    assert out[2].kind == "denial" and out[1].kind != "denial"
    verdict = judge([claims[0], claims[2]], [out[0], out[2]], {}, {})
    assert verdict.conflict == "disputed"
    assert verdict.sides[1].text == "The leaflet is a hoax and nothing was opened"
    # a retelling that already carries denial wording is the article's doubt: it stays
    denying = "Ann Cole's office is denying the leaflet about the river bridge in Dover"
    claims[1] = dataclasses.replace(claims[1], text=denying, end=len(denying))
    feats[1] = features(claims[1], EntityIndex(people))
    groups, _ = link_article_disputes([[0], [1], [2]], claims, feats, vectors, arts)
    assert [0, 1] in groups and [2] in groups


def _bridge_camp(
    monkeypatch: pytest.MonkeyPatch, second_report: str, ents: list[Entity]
) -> tuple[list[list[int]], Judgement, list[Features]]:
    """An anchor report naming Dover, a debunk of it, and a second report aligned with
    the anchor; the article model flags both reports against the debunk."""
    rows = [
        ("r1", "The new river bridge by the harbour in Dover was opened on Monday"),
        ("d", "The opening of the new river bridge by the harbour in Dover was staged"),
        ("r2", second_report),
    ]
    claims = [
        Claim(
            id=f"c{i}",
            article=a,
            text=t,
            start=0,
            end=len(t),
            polarity="denied" if a == "d" else "asserted",
        )
        for i, (a, t) in enumerate(rows)
    ]
    feats = [features(c, EntityIndex(ents)) for c in claims]
    vectors = np.array([[1.0, 0.0, 0.0]] * 3, dtype=np.float32)
    arts = [Article(id=a, text="") for a in ("r1", "d", "r2")]
    flagged = [("r1", "d", 0.9), ("r2", "d", 0.9)]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, out = link_article_disputes([[0, 2], [1]], claims, feats, vectors, arts)
    return groups, judge(claims, out, {}, {}), feats


def test_a_camp_s_denial_faces_every_report_of_its_group_whatever_it_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the second report names only the builder: the debunk is read as naming the actors
    # of every report of the group, so the second report stands on the disputed side too
    dover = Entity(id="place:dover", name="Dover", kind="place", articles=("r1", "d"))
    builder = Entity(id="org:kestrel-works", name="Kestrel Works", kind="org", articles=("r2",))
    groups, verdict, _ = _bridge_camp(
        monkeypatch,
        "Kestrel Works opened the new river bridge by the harbour on Monday",
        [dover, builder],
    )
    assert groups == [[0, 1, 2]]
    assert verdict.conflict == "disputed"
    assert [set(s.claims) for s in verdict.sides] == [{"c0", "c2"}, {"c1"}]


def test_a_nameless_report_of_the_group_faces_the_debunk_as_the_anchor_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the second report opens on a pronoun and names no one: it is read as naming the
    # anchor's actors and words, so it stands on the asserting side with the anchor
    # instead of in the group on no side
    dover = Entity(id="place:dover", name="Dover", kind="place", articles=("r1", "d"))
    groups, verdict, feats = _bridge_camp(
        monkeypatch, "It was opened to traffic on Monday after two years of building work", [dover]
    )
    assert not feats[2].entities
    assert groups == [[0, 1, 2]]
    assert verdict.conflict == "disputed"
    assert [set(s.claims) for s in verdict.sides] == [{"c0", "c2"}, {"c1"}]


def test_a_debunk_s_own_doubt_places_it_though_far_from_the_anchor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # d1's denial names the mayor and anchors the dispute; d2 debunks in its own words,
    # naming no one and far in meaning from the anchor pair (cosine 0.33, under the
    # recruit floor): its doubting claim still places it on the disputing side, while
    # its retelling, as far from the pair, stays out
    report = "Mayor Ann Cole opened the new river bridge in Dover on Monday."
    denial = "Mayor Ann Cole did not open the new river bridge in Dover, her office said"
    doubt = "A photograph of the supposed ceremony is likely a fake from another town"
    retold = "The ceremony photograph was shared widely on Tuesday"
    rows = [
        ("r", report.rstrip("."), "asserted"),
        ("d1", denial, "denied"),
        ("d2", retold, "asserted"),
        ("d2", doubt, "denied"),
    ]
    claims = _claims(rows)
    people = [
        Entity(id="person:ann-cole", name="Ann Cole", kind="person", articles=("r", "d1")),
        Entity(id="place:dover", name="Dover", kind="place", articles=("r", "d1")),
    ]
    feats = [features(c, EntityIndex(people)) for c in claims]
    far = float(np.sqrt(1 - 0.33**2))
    vectors = np.array(
        [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.33, far, 0.0], [0.33, 0.0, far]], dtype=np.float32
    )
    arts = [
        Article(id="r", text=report),
        Article(id="d1", text=denial + "."),
        Article(id="d2", text=f"{retold}. {doubt}. The whole story is a hoax."),
    ]
    flagged = [("r", "d1", 0.9), ("r", "d2", 0.9)]
    monkeypatch.setattr("newsprism.claims.disputes.scored_pairs", lambda *_: flagged)
    groups, out = link_article_disputes([[0], [1], [2], [3]], claims, feats, vectors, arts)
    assert [0, 1, 3] in groups and [2] in groups
    verdict = judge([claims[m] for m in (0, 1, 3)], [out[m] for m in (0, 1, 3)], {}, {})
    assert verdict.conflict == "disputed"
    assert [set(s.claims) for s in verdict.sides] == [{"c0"}, {"c1", "c3"}]
