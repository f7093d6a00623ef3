"""Fixtures for the ingest tests: the fixture folder and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # lets the test modules import ingest_server
DATA = HERE.parent / "data" / "ingest"

from ingest_server import Server, serve  # noqa: E402


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def http_server() -> Iterator[Server]:
    with serve() as server:
        yield server
