from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import (
    SCHEMA,
    Article,
    ClaimGroup,
    Dossier,
    Entity,
    Passage,
    Provenance,
    Quote,
    RemovedLine,
    Reuse,
    ReuseLink,
    Side,
    Speaker,
    Story,
    entity_id,
    from_dict,
)

text = st.text(min_size=0, max_size=40)
opt_text = st.none() | text


@st.composite
def articles(draw: st.DrawFn) -> Article:
    return Article(
        id=draw(st.text(min_size=1, max_size=10)),
        text=draw(text),
        outlet=draw(opt_text),
        title=draw(opt_text),
        published=draw(opt_text),
        removed=tuple(
            RemovedLine(draw(text), "credit", tuple(draw(st.lists(text, max_size=2))))
            for _ in range(draw(st.integers(0, 2)))
        ),
        metadata=draw(st.dictionaries(st.text(max_size=5), st.integers() | text, max_size=3)),
        provenance=draw(st.none() | st.builds(Provenance, source=text, reader=st.just("text"))),
    )


@given(st.lists(articles(), max_size=3))
def test_dossier_json_round_trip(arts: list[Article]) -> None:
    d = Dossier(articles=tuple(arts))
    assert Dossier.from_json(d.to_json()) == d


def test_full_dossier_round_trip_and_contract_shape() -> None:
    d = Dossier(
        articles=(Article("a", "Hello.", removed=(RemovedLine("Follow us", "promo"),)),),
        stories=(Story("s1", "T", ("a",)),),
        reuse=Reuse(
            pairs=(
                ReuseLink(
                    "a", "b", "rewrite", 0.8, "common-source", (Passage(0, 5, 1, 6, "reworded"),)
                ),
            ),
            families=(("a", "b"),),
            independent_sources={"s1": 1},
        ),
        quotes=(
            Quote(
                "a:q1",
                "a",
                "Hi",
                0,
                2,
                "direct",
                Speaker("Adam Smith", "Rep."),
                (3, 8),
                "said",
                (9, 13),
            ),
        ),
        claim_groups=(
            ClaimGroup("g1", "money", "conflicting", ("c1", "c2"), 2, (Side("x", ("c1",)),)),
        ),
        entities=(Entity("person:adam-smith", "Adam Smith", "person", ("Smith",)),),
        filled=("reuse",),
    )
    raw = json.loads(d.to_json())
    assert raw["schema"] == SCHEMA
    assert raw["articles"][0]["removed"] == ["Follow us"]  # the contract's list of strings
    assert raw["reuse"]["pairs"][0]["passages"][0]["kind"] == "reworded"
    assert raw["quotes"][0]["speaker"] == {"name": "Adam Smith", "role": "Rep.", "entity": None}
    assert raw["quotes"][0]["speaker_span"] == [3, 8]
    assert Dossier.from_json(d.to_json()) == d


def test_records_are_frozen() -> None:
    art = Article("a", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.text = "y"  # type: ignore[misc]


def test_removed_as_plain_strings_is_accepted() -> None:
    art = from_dict(Article, {"id": "a", "text": "t", "removed": ["Read more: x"]})
    assert art.removed[0].text == "Read more: x"


def test_entity_id_is_stable_and_normalised() -> None:
    assert (
        entity_id("person", "Adam  Smith")
        == entity_id("PERSON", "adam smith")
        == "person:adam-smith"
    )
    assert entity_id("org", "SpaceX's") == "org:spacex-s"


def test_to_dict_treats_each_type_by_what_it_is_not_by_the_first_value_seen() -> None:
    # to_dict keeps each type's treatment after its first value; these types must
    # still each get their own: a tuple subclass is a list, any mapping a dict with
    # string keys, a record's class (not a record) is passed through
    from collections import namedtuple
    from types import MappingProxyType

    from newsprism.model import Story, to_dict

    pair = namedtuple("pair", "a b")
    story = Story(id="s", title="t", articles=("a1", "a2"))
    value = {"p": pair(1, story), "m": MappingProxyType({1: (2.5, None)}), "c": Story}
    for _ in range(2):  # once to learn the types, once from what was kept
        assert to_dict(value) == {
            "p": [1, {"id": "s", "title": "t", "articles": ["a1", "a2"]}],
            "m": {"1": [2.5, None]},
            "c": Story,
        }
