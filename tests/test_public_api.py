"""The public API is what ``newsprism.__all__`` names: pinned here, so that adding or
dropping a name is a deliberate change (with a changelog line), not an accident."""

from __future__ import annotations

import pytest

import newsprism

PUBLIC = [
    "Article",
    "ArticleNLP",
    "Claim",
    "ClaimGroup",
    "Dossier",
    "Entity",
    "IngestReport",
    "InputError",
    "MemoryStore",
    "ModelError",
    "NewsprismError",
    "Options",
    "OptionsError",
    "PairResult",
    "Passage",
    "PipelineError",
    "Quote",
    "ReuseLink",
    "SQLiteStore",
    "Speaker",
    "Statement",
    "Store",
    "StoreError",
    "Story",
    "analyze",
    "analyze_articles",
    "compare",
    "ingest_sources",
    "open_store",
    "quotes",
]


def test_all_is_the_pinned_sorted_list() -> None:
    assert sorted(PUBLIC) == PUBLIC
    assert list(newsprism.__all__) == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_each_name_resolves(name: str) -> None:
    value = getattr(newsprism, name)
    assert value is not None
    assert getattr(value, "__name__", name) == name


def test_the_contract_functions_are_callables_not_modules() -> None:
    # `newsprism.quotes` is the function even though a subpackage has the same name
    for name in ("analyze", "compare", "quotes"):
        assert callable(getattr(newsprism, name)), name


def test_star_import_gives_exactly_the_public_names() -> None:
    namespace: dict[str, object] = {}
    exec("from newsprism import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == PUBLIC
