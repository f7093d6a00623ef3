from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
GOLD = ROOT / "examples" / "gold.json"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    return GOLD


# CI and developer machines have 2 cores, often busy: time-based health checks
# would fail for reasons unrelated to the code under test.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "newsprism", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("newsprism")
