"""``newsprism serve`` and ``newsprism worker`` as processes: stopping, and what they log.

Each is signalled the way ``timeout(1)``, a container stop or a service manager
does it: SIGTERM to the whole process group, so the server and its worker
process get it at once.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")

from newsprism.web import IngestRequest, JobQueue, PastedText

pytestmark = pytest.mark.timeout(300)

CMD = [sys.executable, "-m", "newsprism"]
STOP_WITHIN_S = 15.0
TEXT = PastedText(
    "The harbour of Eastport reopened on Monday, a week after the storm sank two ferries.\n\n"
    '"We are open for business," harbour master Lena Okafor said.',
    title="Eastport harbour reopens",
    outlet="Eastport Echo",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as fh:
        return subprocess.Popen(
            [*CMD, *args], stdout=fh, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_group(proc: subprocess.Popen[bytes]) -> float:
    """SIGTERM to the process group; seconds until the command returned."""
    t = time.monotonic()
    os.killpg(proc.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(STOP_WITHIN_S + 30)
    return time.monotonic() - t


@pytest.fixture
def procs() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def wait_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()
        try:
            if httpx.get(url + "/api/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError("server did not start: " + log.read_text())


def test_serve_stops_on_sigterm_within_seconds(tmp_path: Path, procs: list) -> None:  # type: ignore[type-arg]
    port, log = free_port(), tmp_path / "serve.log"
    proc = start(["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)], log)
    procs.append(proc)
    url = f"http://127.0.0.1:{port}"
    wait_up(url, proc, log)
    assert httpx.get(url + "/").status_code == 200  # one request, then the stop
    time.sleep(1.0)  # the worker process is polling its queue
    took = stop_group(proc)
    assert proc.poll() is not None and took < STOP_WITHIN_S, (took, log.read_text())
    assert "Traceback" not in log.read_text()


def test_serve_finishes_or_puts_back_the_job_in_hand(tmp_path: Path, procs: list) -> None:  # type: ignore[type-arg]
    port, log, db = free_port(), tmp_path / "serve.log", tmp_path / "s.db"
    proc = start(["serve", "--db", str(db), "--port", str(port)], log)
    procs.append(proc)
    url = f"http://127.0.0.1:{port}"
    wait_up(url, proc, log)
    job = httpx.post(url + "/api/ingest", json={"texts": [{"text": TEXT.text}]}).json()
    deadline = time.monotonic() + 120
    while httpx.get(f"{url}/api/jobs/{job['id']}").json()["state"] == "queued":
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
    took = stop_group(proc)  # mid-job (the analysis loads its models first)
    assert proc.poll() is not None and took < STOP_WITHIN_S, (took, log.read_text())
    ended = JobQueue(db).get(job["id"])
    assert ended is not None and ended.state in ("done", "queued"), (ended, log.read_text())
    if ended.state == "queued":  # put back: the cut-short try does not count
        assert ended.attempts == 0 and "put back in the queue" in log.read_text()


def test_worker_logs_each_job_on_one_line_and_stops_on_sigterm(tmp_path: Path, procs: list) -> None:  # type: ignore[type-arg]
    db, log = tmp_path / "s.db", tmp_path / "worker.log"
    queue = JobQueue(db)
    first = queue.enqueue(IngestRequest(texts=(TEXT,)))
    again = queue.enqueue(IngestRequest(texts=(TEXT,)))  # the same text: nothing new
    proc = start(["worker", "--db", str(db)], log)
    procs.append(proc)
    deadline = time.monotonic() + 240
    while (queue.get(again.id) or again).state not in ("done", "failed"):
        assert time.monotonic() < deadline and proc.poll() is None, log.read_text()
        time.sleep(0.3)
    took = stop_group(proc)
    assert took < STOP_WITHIN_S, log.read_text()
    text = log.read_text()
    done = re.findall(
        r"^INFO newsprism\.web\.jobs: job (\d+) \(ingest\) done in [\d.]+ s: (.*)$", text, re.M
    )
    assert [j for j, _ in done] == [str(first.id), str(again.id)], text
    assert re.match(r"1 new, 0 already stored, 0 failed; stories: story-\w+$", done[0][1])
    assert re.match(r"0 new, 1 already stored, 0 failed; stories: story-\w+$", done[1][1])
    assert "stopped" in text and "Traceback" not in text
