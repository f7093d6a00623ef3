"""Shared helpers for the reuse tests (random texts in a small vocabulary)."""

from __future__ import annotations

import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "reuse"

# A small vocabulary so that random texts have realistic word lengths.
VOCAB = [
    "government",
    "minister",
    "council",
    "report",
    "budget",
    "election",
    "senator",
    "company",
    "market",
    "shares",
    "police",
    "officers",
    "court",
    "judge",
    "ruling",
    "vote",
    "campaign",
    "donors",
    "energy",
    "prices",
    "climate",
    "storm",
    "river",
    "bridge",
    "hospital",
    "doctors",
    "patients",
    "school",
    "teachers",
    "students",
    "union",
    "strike",
    "workers",
    "airline",
    "flights",
    "airport",
    "weather",
    "winter",
    "summer",
    "farmers",
    "harvest",
    "exports",
    "trade",
    "tariffs",
    "bank",
    "rates",
    "inflation",
    "growth",
    "jobs",
    "factory",
    "plant",
    "engineers",
    "software",
    "security",
    "network",
]


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(VOCAB) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, sentences: int = 12) -> str:
    return " ".join(sentence(rng, rng.randint(9, 16)) for _ in range(sentences))
