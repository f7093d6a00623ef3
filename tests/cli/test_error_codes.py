"""The CLI's one-line error carries the error's code; bad option values are exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CMD = [sys.executable, "-m", "newsprism"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=300)


def test_a_bad_option_value_is_one_line_with_its_code(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Some news."}\n')
    proc = run(
        "batch", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--block-days", "0"
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "error: [E102] block_days must be a positive number"
    )
    assert not (tmp_path / "out").exists()


def test_an_unusable_store_is_one_line_with_its_code(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nA paragraph of news.\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    proc = run("analyze", str(tmp_path / "a.txt"), "--db", str(blocker / "s.db"))
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [E301] "), proc.stderr
