from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
GOLD = ROOT / "examples" / "gold.json"
DATA = Path(__file__).resolve().parent / "data"
COUNCIL = DATA / "council"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # lets tests import gold_scoring


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def council_dir() -> Path:
    """The second annotated story: four outlets on one council vote (articles + gold)."""
    return COUNCIL


@pytest.fixture(scope="session")
def council_dossier() -> dict[str, Any]:
    """``newsprism.analyze`` on the council story, as the JSON the contract publishes."""
    import newsprism

    dossier = newsprism.analyze([str(COUNCIL / "articles.jsonl")])
    data: dict[str, Any] = json.loads(dossier.to_json())
    return data


@pytest.fixture(scope="session")
def dossier_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (ROOT / "docs" / "dossier.schema.json").read_text(encoding="utf-8")
    )
    return data


# CI and developer machines have 2 cores, often busy: time-based health checks
# would fail for reasons unrelated to the code under test.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "newsprism", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("newsprism")


# --- a PostgreSQL server per test session and a fresh database per test ------------


def _load_pg_server():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parent / "pg_server.py"
    spec = importlib.util.spec_from_file_location("newsprism_tests_pg_server", path)
    assert spec and spec.loader
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


pg_server = _load_pg_server()
_names = itertools.count()


@pytest.fixture(scope="session")
def postgres_base() -> Iterator[str]:
    if pg_server.pg_binaries() is None:
        pytest.skip(
            "PostgreSQL binaries (initdb, pg_ctl) not installed: apt-get install postgresql"
        )
    pytest.importorskip(
        "psycopg", reason="psycopg not installed: pip install 'newsprism[postgres]'"
    )
    with pg_server.postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_base: str) -> str:
    """A new, empty database on the session's server."""
    import psycopg

    name = f"t{next(_names)}"
    with psycopg.connect(f"{postgres_base}/postgres", autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return f"{postgres_base}/{name}"
