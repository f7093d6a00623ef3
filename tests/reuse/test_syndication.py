"""Syndicated copies are articles: the same text from two outlets is two articles with a
copy pair between them; only the same text from the same source is kept once."""

from __future__ import annotations

import json
from pathlib import Path

import newsprism

TEXT = (
    "The Port Alder council voted 6-3 on Tuesday to send a transit levy to voters in "
    "November. The levy would raise $42 million a year for buses and a new ferry route, "
    "according to a fiscal note prepared by city staff.\n\n"
    "Councilmember Ruth Halvorsen, who voted against the measure, said the plan asked "
    "residents to pay for routes that had not been drawn yet. Supporters said the city "
    "could not wait another decade for better service, and pointed to crowded buses on "
    "the waterfront line during the morning rush.\n\n"
    "The ballot measure needs a simple majority to pass. If approved, collection would "
    "begin next July, and the first new routes would run within two years."
)


def _write(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def test_the_same_text_from_two_outlets_is_two_articles_and_a_copy(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        [
            {"id": "wire", "outlet": "Alder Valley Wire", "text": TEXT},
            {"id": "herald", "outlet": "Port Alder Herald", "text": TEXT},
        ],
    )
    dossier = newsprism.analyze(src)
    assert sorted(a.id for a in dossier.articles) == ["herald", "wire"]
    pairs = [p for p in dossier.reuse.pairs if {p.a, p.b} == {"wire", "herald"}]
    assert pairs and pairs[0].relation == "copy"
    assert any(set(f) == {"wire", "herald"} for f in dossier.reuse.families)


def test_the_same_text_from_the_same_outlet_is_kept_once(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        [
            {"id": "first", "outlet": "Port Alder Herald", "text": TEXT},
            {"id": "again", "outlet": "Port Alder Herald", "text": TEXT},
        ],
    )
    dossier = newsprism.analyze(src)
    assert [a.id for a in dossier.articles] == ["first"]
