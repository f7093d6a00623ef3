"""The job queue: persistent, claimed once, recovered after a crash, retried, bounded."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from newsprism import Options
from newsprism.model import Article, Dossier
from newsprism.store import SQLiteStore, Store
from newsprism.web import IngestRequest, JobQueue, PastedText, Settings, Worker
from newsprism.web.jobs import MAX_ATTEMPTS, stop_on_signals

from .conftest import start_server

pytestmark = pytest.mark.timeout(180)

TEXT = PastedText(
    "The city council of Northbury voted on Tuesday to close the old library.\n\n"
    "The vote was 7 to 2.",
    title="Northbury votes to close library",
    outlet="Northbury News",
)


def fast_analyse(articles: Sequence[Article], store: Store) -> Dossier:
    return Dossier(articles=tuple(articles), filled=("articles",))


def test_a_queued_job_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    server, thread, url = start_server(Settings(db=str(db)))  # no worker running
    with httpx.Client(base_url=url) as c:
        job = c.post("/api/ingest", json={"texts": [{"text": TEXT.text}]}).json()
    server.should_exit = True
    thread.join(10)
    # a new process (here: a new worker on the same file) finds the job and runs it
    queue = JobQueue(db)
    queued = queue.get(job["id"])
    assert queued is not None and queued.state == "queued"
    done = Worker(db, analyse=fast_analyse).run_once()
    assert done is not None and done.id == job["id"] and done.state == "done"
    assert done.result is not None and done.result.inserted == 1


def test_a_job_left_running_by_a_dead_worker_is_recovered(tmp_path: Path) -> None:
    queue = JobQueue(tmp_path / "s.db")
    job = queue.enqueue(IngestRequest(texts=(TEXT,)))
    dead = f"{socket.gethostname()}:999999999"  # no such process
    claimed = queue.claim(dead)
    assert claimed is not None and claimed.id == job.id and claimed.state == "running"
    assert queue.claim("someone-else:1") is None  # never handed out twice
    alive = f"{socket.gethostname()}:{__import__('os').getpid()}"
    other = queue.enqueue(IngestRequest(texts=(TEXT,)))
    assert queue.claim(alive) is not None
    assert queue.recover() == [job.id]  # the live worker's job stays with it
    worker = Worker(tmp_path / "s.db", analyse=fast_analyse)
    done = worker.run_once()
    assert done is not None and done.id == job.id and done.state == "done"
    running = queue.get(other.id)
    assert running is not None and running.state == "running"


def test_a_failing_job_is_retried_then_marked_failed(tmp_path: Path) -> None:
    def broken(articles: Sequence[Article], store: Store) -> Dossier:
        raise RuntimeError("analysis exploded")

    worker = Worker(tmp_path / "s.db", analyse=broken)
    job = worker.queue.enqueue(IngestRequest(texts=(TEXT,)))
    states = []
    for _ in range(MAX_ATTEMPTS):
        ran = worker.run_once()
        assert ran is not None
        states.append(ran.state)
    assert states == ["queued"] * (MAX_ATTEMPTS - 1) + ["failed"]
    final = worker.queue.get(job.id)
    assert final is not None and final.error and "analysis exploded" in final.error
    assert worker.run_once() is None


def test_serve_runs_a_worker_process_that_finishes_jobs(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    server, thread, url = start_server(Settings(db=str(db), worker=True))
    try:
        with httpx.Client(base_url=url, timeout=30) as c:
            job = c.post("/api/ingest", json={"texts": [{"text": TEXT.text}]}).json()
            done = threading.Event()
            for _ in range(600):
                state = c.get(f"/api/jobs/{job['id']}").json()["state"]
                if state in ("done", "failed"):
                    done.set()
                    break
                done.wait(0.2)
            assert state == "done"
    finally:
        server.should_exit = True
        thread.join(40)
    assert not thread.is_alive()


PAGE = b"""<!doctype html><html><head><title>Dam repaired in Kestrel Valley</title>
<meta property="og:site_name" content="Valley Times"></head><body><article>
<h1>Dam repaired in Kestrel Valley</h1>
<p>Workers finished repairs on the Kestrel Valley dam on Wednesday, two months after a
leak forced the evacuation of 300 homes, the regional water board said.</p>
<p>"The dam is safe again," said board chair Ruth Amadi, adding that residents could return
home by the weekend after a final inspection.</p>
</article></body></html>"""


@pytest.fixture
def local_site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/dam.html"
    server.shutdown()


def test_url_jobs_keep_the_private_address_guard(tmp_path: Path, local_site: str) -> None:
    queue = JobQueue(tmp_path / "s.db")
    # queued directly, past the API's own check: the worker's fetcher still refuses
    queue.enqueue(IngestRequest(urls=(local_site,)))
    refused = Worker(tmp_path / "s.db", analyse=fast_analyse).run_once()
    assert refused is not None and refused.state == "done" and refused.result is not None
    assert refused.result.inserted == 0
    assert "loopback" in refused.result.failures[0]
    # a worker told to allow private addresses (tests, intranets) fetches and stores it
    queue.enqueue(IngestRequest(urls=(local_site,)))
    allowed = Options(allow_private=True)
    fetched = Worker(tmp_path / "s.db", analyse=fast_analyse, options=allowed).run_once()
    assert fetched is not None and fetched.result is not None
    assert fetched.result.inserted == 1 and fetched.result.stories
    store = SQLiteStore(tmp_path / "s.db")
    art = store.get_article(fetched.result.articles[0])
    store.close()
    assert art is not None and "Kestrel Valley" in (art.title or "")


def test_a_stopping_worker_puts_back_the_job_it_cannot_finish(tmp_path: Path) -> None:
    """SIGTERM mid-job: the job gets its grace period, then goes back in the queue."""

    def slow(articles: Sequence[Article], store: Store) -> Dossier:
        time.sleep(120)
        return fast_analyse(articles, store)

    worker = Worker(tmp_path / "s.db", analyse=slow)
    job = worker.queue.enqueue(IngestRequest(texts=(TEXT,)))
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM)}
    stop = threading.Event()
    try:
        stop_on_signals(stop, grace_s=0.5)
        threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM)).start()
        started = time.monotonic()
        worker.run(stop, 0.1)
        took = time.monotonic() - started
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    assert took < 10
    back = worker.queue.get(job.id)
    assert back is not None and back.state == "queued" and back.attempts == 0
    # the next worker runs it in full
    done = Worker(tmp_path / "s.db", analyse=fast_analyse).run_once()
    assert done is not None and done.id == job.id and done.state == "done"


def test_a_worker_forks_its_parse_while_its_heartbeat_thread_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the analysis forks spaCy's parse workers (Options(jobs=2)) while the job's
    # heartbeat thread keeps writing to SQLite: a child forked while that thread
    # holds a lock (SQLite's, logging's, the allocator's) must not hang or fail
    from newsprism.nlp import plan_processes
    from newsprism.web import jobs as jobs_module

    monkeypatch.setattr(jobs_module, "HEARTBEAT_S", 0.002)  # beats all through the parse
    db = tmp_path / "s.db"
    texts = tuple(
        PastedText(
            f"The city council of Northbury voted on Tuesday to close the old library, "
            f"report {n}. The vote was 7 to 2. Mayor Ellen Park said the building "
            "was unsafe. Residents protested outside the Northbury town hall.",
            title=f"Northbury votes to close library ({n})",
            outlet=f"Outlet {n}",
        )
        for n in range(8)
    )
    job = JobQueue(db).enqueue(IngestRequest(texts=texts))
    done = Worker(db, options=Options(jobs=2)).run_once()
    assert done is not None and done.id == job.id and done.state == "done", done
    assert done.result is not None and done.result.inserted == len(texts)
    store = SQLiteStore(db)
    sizes = [len(s.articles) for s in store.stories()]
    assert max(sizes) == len(texts)  # one story of 8: parsed in two processes
    assert plan_processes(max(sizes), 2, 32)[0] == 2
    assert all(store.get_dossier(s.id) is not None for s in store.stories())
