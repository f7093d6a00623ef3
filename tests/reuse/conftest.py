from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # lets the test modules import reuse_helpers
DATA = HERE.parent / "data" / "reuse"


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.stem[:3]: p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))}
