"""`newsprism quotes`: the who-said-what table, by speaker, on articles written for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARTICLES = [
    {
        "id": "wire",
        "outlet": "Harbour Post",
        "published": "2026-03-02T09:00:00Z",
        "title": "Port strike ends after talks",
        "text": (
            "Dock workers in Hull ended a nine-day strike on Monday after overnight talks.\n\n"
            '"We got what we came for," said Maria Okafor, the union\'s regional secretary.\n\n'
            "The port operator said that ships would be unloaded again from Tuesday.\n\n"
            'Okafor added: "Nobody wanted this to drag on."'
        ),
    },
    {
        "id": "local",
        "outlet": "Humber Daily",
        "published": "2026-03-02T15:00:00Z",
        "title": "Hull dockers return to work",
        "text": (
            "Hull's dockers voted to return to work on Monday, ending their nine-day walkout.\n\n"
            '"We got what we came for," Maria Okafor told reporters outside the gates.\n\n'
            "Some shopkeepers near the docks said trade had halved during the dispute."
        ),
    },
]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "220"},
    )


def test_quotes_lists_statements_by_speaker_with_the_outlets_carrying_them(
    tmp_path: Path,
) -> None:
    src = tmp_path / "port.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    proc = _run(["quotes", str(src)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    shared = next(line for line in lines if "We got what we came for" in line)
    # one statement carried by both outlets, under the speaker's full name
    assert "Maria Okafor" in proc.stdout
    assert "Harbour Post" in shared and "Humber Daily" in shared
    assert "Nobody wanted this to drag on" in proc.stdout
    assert shared.rstrip(" │").endswith("2"), "two outlets in their own words: two sources"
    assert "port operator" in proc.stdout.lower()

    only = _run(["quotes", str(src), "--speaker", "okafor"], tmp_path)
    assert only.returncode == 0, only.stderr
    assert "Maria Okafor" in only.stdout
    assert "port operator" not in only.stdout.lower()
    assert "shopkeepers" not in only.stdout.lower()


def test_quotes_on_a_missing_source_says_so_and_exits_nonzero(tmp_path: Path) -> None:
    proc = _run(["quotes", str(tmp_path / "nowhere.jsonl")], tmp_path)
    assert proc.returncode in (1, 2)
    assert "Traceback" not in proc.stderr
    assert "nowhere.jsonl" in proc.stderr


def test_broad_adds_stances_to_the_table(tmp_path: Path) -> None:
    src = tmp_path / "budget.txt"
    src.write_text(
        "Senate Republicans are wary of the plan, which they see as a tax increase.\n\n"
        '"We will not raise taxes," Governor Jane Ruiz said on Tuesday.\n',
        encoding="utf-8",
    )
    speech = _run(["quotes", str(src)], tmp_path)
    broad = _run(["quotes", str(src), "--broad"], tmp_path)
    assert speech.returncode == broad.returncode == 0, speech.stderr + broad.stderr
    assert "Jane Ruiz" in speech.stdout and "Jane Ruiz" in broad.stdout
    assert "Republicans" not in speech.stdout
    assert "Republicans" in broad.stdout
