"""The JSON dossier against its published schema (docs/dossier.schema.json): real dossiers
validate, and the schema is strict enough to refuse a missing field or an unknown verdict."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

DATA = Path(__file__).resolve().parent / "data"


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_council_dossier_validates(
    council_dossier: dict[str, Any], dossier_schema: dict[str, Any]
) -> None:
    assert council_dossier["quotes"] and council_dossier["claim_groups"]
    _validator(dossier_schema).validate(council_dossier)


def test_the_web_fixture_dossier_validates(dossier_schema: dict[str, Any]) -> None:
    data = json.loads((DATA / "web" / "full_dossier.json").read_text(encoding="utf-8"))
    _validator(dossier_schema).validate(data)


def _drop(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        node: Any = d
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


def _set(value: Any, *path: str | int) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        node: Any = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "no schema tag": _drop("schema"),
    "other schema version": _set("newsprism.dossier/1", "schema"),
    "claim group without its conflict kind": _drop("claim_groups", 0, "conflict"),
    "claim of an unknown kind": _set("clause", "claims", 0, "kind"),
    "no claim groups section": _drop("claim_groups"),
    "article without text": _drop("articles", 0, "text"),
    "quote without speaker field": _drop("quotes", 0, "speaker"),
    "quote kind unknown": _set("reported", "quotes", 0, "kind"),
    "quote start negative": _set(-1, "quotes", 0, "start"),
    "speaker without name": _set({"role": None, "entity": None}, "quotes", 0, "speaker"),
    "group verdict unknown": _set("true", "claim_groups", 0, "verdict"),
    "group without claims": _set([], "claim_groups", 0, "claims"),
    "pair relation unknown": _set("plagiarised", "reuse", "pairs", 0, "relation"),
    "pair direction unknown": _set("a<-b", "reuse", "pairs", 0, "direction"),
    "pair score over one": _set(1.5, "reuse", "pairs", 0, "score"),
    "passage kind unknown": _set("copied", "reuse", "pairs", 0, "passages", 0, "kind"),
    "statement sources as text": _set("2", "statements", 0, "independent_sources"),
    "story without articles": _drop("stories", 0, "articles"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_broken_dossier_is_refused(
    name: str, council_dossier: dict[str, Any], dossier_schema: dict[str, Any]
) -> None:
    validator = _validator(dossier_schema)
    broken = copy.deepcopy(council_dossier)
    assert validator.is_valid(broken)
    MUTATIONS[name](broken)
    assert not validator.is_valid(broken), name
