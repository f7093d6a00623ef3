"""The ingest command: bad input, exit codes, a batch killed halfway; a bad --db."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CMD = [sys.executable, "-m", "newsprism"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=300)


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Headline here\n\nA real paragraph of news text.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = tmp_path / "s.db"
    proc = run(
        "ingest",
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "missing.txt"),
        "--db",
        str(db),
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("skipped")]
    assert len(lines) == 3, proc.stderr
    assert any("missing.txt" in ln for ln in lines)
    assert any("empty.txt" in ln for ln in lines)
    assert any("binary.txt" in ln for ln in lines)
    assert _count(db) == 1
    assert "1 new" in proc.stdout and "3 failed" in proc.stdout


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First article text, long enough to count.\n")
    db = tmp_path / "s.db"
    assert run("ingest", str(tmp_path), "--db", str(db)).returncode == 0
    again = run("ingest", str(tmp_path), "--db", str(db))
    assert again.returncode == 0
    assert "0 new, 1 already stored" in again.stdout
    assert _count(db) == 1


def test_killed_ingest_keeps_what_it_stored_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 3000
    for i in range(total):
        (corpus / f"a{i:05d}.txt").write_text(
            f"Article number {i} says something new: {i * 7919}.\n"
        )
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [*CMD, "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while _count(db) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < total, f"kill came too late or too early: {partial} stored"

    rerun = run("ingest", str(corpus), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == total
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == total
    con.close()


@pytest.mark.parametrize("command", ["serve", "worker", "stories"])
def test_an_unreachable_store_is_one_line_and_exit_2(command: str) -> None:
    proc = run(command, "--db", "postgresql://127.0.0.1:1/nowhere")
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr
    assert "postgresql://127.0.0.1:1/nowhere" in proc.stderr and "check --db" in proc.stderr
    assert len(lines) <= 3  # one message (Rich may wrap it), never a stack


def test_time_sigma_is_kept_in_the_store_and_checked(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    proc = run("stories", "--db", db, "--time-sigma", "0")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--time-sigma" in proc.stderr and "positive number of days" in proc.stderr
    assert run("stories", "--db", db, "--time-sigma", "14").returncode == 0
    from newsprism.store import open_store
    from newsprism.stories import stored_config

    store = open_store(db)
    try:
        assert stored_config(store).time_sigma_days == 14.0
    finally:
        store.close()
