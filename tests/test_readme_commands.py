"""The README's first two commands are the project's front door: ``make test`` is what
CI runs (``.ci/run``), and this test runs ``make demo`` as written, so both are proven
on every CI run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "the README starts with a sh block of commands"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_readme_starts_with_the_two_commands() -> None:
    assert _readme_commands() == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("make") is None or not (ROOT / ".venv" / "bin" / "newsprism").exists(),
    reason="needs make and the project's .venv (which `make test` builds)",
)
def test_make_demo_writes_the_bundled_story(tmp_path: Path) -> None:
    res = subprocess.run(
        ["make", "demo", f"OUT={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    dossier = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 4 and len(dossier["stories"]) == 1
    assert (tmp_path / "report.html").stat().st_size > 10_000
    assert "# " in (tmp_path / "report.md").read_text(encoding="utf-8")
