"""The JSON API's tests of ``test_api.py`` again, with the app on a PostgreSQL store.

A team runs ``newsprism serve --db postgresql://...``: the same requests must
give the same answers (listing, search, dossiers, errors, ingest jobs run by
the worker), so every test taking the ``live`` server is imported and run here.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import LiveServer, run_live

_spec = importlib.util.spec_from_file_location(
    "newsprism_tests_web_api_shared", Path(__file__).with_name("test_api.py")
)
assert _spec and _spec.loader
_shared = importlib.util.module_from_spec(_spec)
_shared.__package__ = __package__
_spec.loader.exec_module(_shared)

pytestmark = pytest.mark.timeout(240)

for _name, _fn in vars(_shared).items():
    if _name.startswith("test_") and "live" in inspect.signature(_fn).parameters:
        globals()[_name] = _fn


@pytest.fixture(scope="module")
def live(postgres_base: str) -> Iterator[LiveServer]:
    import psycopg

    with psycopg.connect(f"{postgres_base}/postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE web_api")
    yield from run_live(f"{postgres_base}/web_api")
