"""Finding a quote by a fragment of its text, for the speaker tests."""

from __future__ import annotations

from pathlib import Path

from newsprism.model import Quote
from newsprism.quotes import quotes

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"


def fixture(name: str) -> list[Quote]:
    """The quotes of a news-style fixture in ``tests/data/quotes``."""
    return quotes((DATA / name).read_text(encoding="utf-8"))


def one(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert hits, f"no quote holding {fragment!r} in {[q.text for q in found]}"
    return hits[0]


def speaker(found: list[Quote], fragment: str) -> str | None:
    sp = one(found, fragment).speaker
    return sp.name if sp else None
