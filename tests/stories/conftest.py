from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"


@pytest.fixture(scope="session")
def fixture_articles() -> list[Article]:
    with (DATA / "articles.jsonl").open(encoding="utf-8") as fh:
        return [Article(**json.loads(line)) for line in fh if line.strip()]
