"""Shared helpers for the reuse tests (random texts in a small vocabulary)."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import strategies as st

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


#: A vocabulary where runs, stems, names and quotes repeat across random texts.
SMALL_WORDS = ["council", "voted", "Ruiz", "budget", "the", "of", "new", "bridge", "Tuesday", "12"]


@st.composite
def small_text(draw: st.DrawFn, min_sentences: int = 0) -> str:
    """Sentences from :data:`SMALL_WORDS`, some with a closing quotation, so the
    alignment's runs, stems, names and quotes repeat (the property tests' texts)."""
    sentences = []
    for _ in range(draw(st.integers(min_sentences, 7))):
        words = draw(st.lists(st.sampled_from(SMALL_WORDS), min_size=1, max_size=12))
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(words)))
            words = [*words[:cut], f'"{" ".join(words[cut:])}"'] if cut < len(words) else words
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)
