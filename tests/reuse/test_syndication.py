"""Syndicated copies are articles: the same text from two outlets is two articles with a
copy pair between them; only the same text from the same source is kept once."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsprism
from newsprism.report import render_markdown

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
    # the report shows the pair as a copy between the two outlets, and one source
    report = render_markdown(dossier)
    copy_line = next(line for line in report.splitlines() if "**copy**" in line)
    assert "Alder Valley Wire" in copy_line and "Port Alder Herald" in copy_line
    assert "**1** independent sources" in report


def test_the_reuse_command_lists_a_syndicated_copy(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        [
            {"id": "wire", "outlet": "Alder Valley Wire", "text": TEXT},
            {"id": "herald", "outlet": "Port Alder Herald", "text": TEXT},
        ],
    )
    proc = subprocess.run(
        [sys.executable, "-m", "newsprism", "reuse", src],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "220"},
    )
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if "Alder Valley Wire" in line)
    assert "Port Alder Herald" in row and "copy" in row


def test_the_same_text_from_the_same_outlet_is_kept_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    src = _write(
        tmp_path,
        [
            {"id": "first", "outlet": "Port Alder Herald", "text": TEXT},
            {"id": "again", "outlet": "Port Alder Herald", "text": TEXT},
        ],
    )
    with caplog.at_level(logging.INFO, logger="newsprism"):
        dossier = newsprism.analyze(src)
    assert [a.id for a in dossier.articles] == ["first"]
    # the dropped duplicate (line 2) is reported, not silently lost
    assert any(
        "wire.jsonl:2" in r.getMessage() and "kept once" in r.getMessage() for r in caplog.records
    )
