"""Analysis jobs: a queue in the store's ``jobs`` table and a worker that drains it.

A request only records what to analyse and returns at once; a worker process
claims jobs one at a time and runs ingest, story placement and analysis.  The
queue lives in the store (SQLite or PostgreSQL) rather than in the web process
(or FastAPI's background tasks), so a restart or crash loses nothing: on
start-up a worker puts back in the queue every job whose worker died (its
process is gone, or its heartbeat stopped), and the job runs again.  Ingest is
idempotent, so re-running a half done job adds nothing twice.
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import os
import re
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from ..ingest.fetch import Fetcher
from ..model import Article, Dossier, from_dict, to_dict
from ..options import DEFAULT_OPTIONS, Options
from ..store import Store, open_store
from ._conn import Connections

__all__ = [
    "IngestRequest",
    "Job",
    "JobQueue",
    "JobResult",
    "PastedText",
    "StopSignal",
    "UploadedFile",
    "Worker",
    "run_worker",
]

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed"]
MAX_ATTEMPTS = 3
LEASE = timedelta(seconds=120)  # a running job whose heartbeat is older is put back
HEARTBEAT_S = 10.0


@dataclass(frozen=True, slots=True)
class PastedText:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """An uploaded file, kept in the job itself so the job survives a restart."""

    name: str
    data_b64: str

    @classmethod
    def of(cls, name: str, data: bytes) -> UploadedFile:
        return cls(name, base64.b64encode(data).decode("ascii"))

    def data(self) -> bytes:
        return base64.b64decode(self.data_b64)


@dataclass(frozen=True, slots=True)
class IngestRequest:
    """What to analyse: URLs (pages or feeds), pasted texts and uploaded files, and
    stored stories to analyse again (the story page's "Analyse")."""

    urls: tuple[str, ...] = ()
    texts: tuple[PastedText, ...] = ()
    files: tuple[UploadedFile, ...] = ()
    stories: tuple[str, ...] = ()

    def empty(self) -> bool:
        return not (self.urls or self.texts or self.files or self.stories)

    def has_input(self) -> bool:
        return bool(self.urls or self.texts or self.files)


@dataclass(frozen=True, slots=True)
class JobResult:
    articles: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()
    inserted: int = 0
    duplicates: int = 0
    failures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    kind: str
    state: JobState
    request: IngestRequest
    created_at: str
    attempts: int = 0
    started_at: str | None = None
    finished_at: str | None = None
    result: JobResult | None = None
    error: str | None = None
    worker: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="milliseconds")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(worker: str | None) -> bool:
    """Whether the worker that claimed a job may still be running it."""
    if not worker:
        return False
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True  # another machine: only its heartbeat can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_COLUMNS = (
    "id, kind, state, payload, created_at, attempts, started_at, finished_at, result, error, worker"
)


class JobQueue:
    """The ``jobs`` table.  Every change is one transaction; claiming is atomic.

    ``db`` is what ``--db`` takes: a SQLite path or a ``postgresql://`` URL.  The
    SQL is written once with ``?`` placeholders; only claiming differs, because
    PostgreSQL needs ``FOR UPDATE SKIP LOCKED`` for two workers never to take one job.
    """

    def __init__(self, db: str | Path, *, migrate: bool = True) -> None:
        self.path = str(db)
        if migrate:
            open_store(self.path).close()  # create or migrate
        self._conns = Connections(self.path)
        self.postgres = self._conns.postgres

    def _run(self, sql: str, params: tuple[object, ...] = ()) -> Any:
        return self._conns.execute(sql, params)

    @staticmethod
    def _job(row: tuple[object, ...]) -> Job:
        (jid, kind, state, payload, created, attempts, started, finished, result, error, worker) = (
            row
        )
        return Job(
            id=int(str(jid)),
            kind=str(kind),
            state=state,  # type: ignore[arg-type]
            request=from_dict(IngestRequest, json.loads(str(payload))),
            created_at=str(created),
            attempts=int(str(attempts)),
            started_at=str(started) if started else None,
            finished_at=str(finished) if finished else None,
            result=from_dict(JobResult, json.loads(str(result))) if result else None,
            error=str(error) if error else None,
            worker=str(worker) if worker else None,
        )

    def enqueue(self, request: IngestRequest, kind: str = "ingest") -> Job:
        row = self._run(
            "INSERT INTO jobs (kind, state, payload, created_at) VALUES (?, 'queued', ?, ?)"
            " RETURNING id",
            (kind, json.dumps(to_dict(request), ensure_ascii=False), _iso(_now())),
        ).fetchone()
        job = self.get(int(row[0]))
        assert job is not None
        log.info("queued job %d", job.id)
        return job

    def get(self, job_id: int) -> Job | None:
        row = self._run(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return self._job(row) if row else None

    def counts(self) -> dict[str, int]:
        rows = self._run("SELECT state, count(*) FROM jobs GROUP BY state").fetchall()
        return {str(s): int(n) for s, n in rows}

    def claim(self, worker: str) -> Job | None:
        """Take the oldest queued job, or None; two workers never get the same job."""
        now = _iso(_now())
        skip = " FOR UPDATE SKIP LOCKED" if self.postgres else ""
        row = self._run(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?,"
            " heartbeat = ?, started_at = ?"
            " WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1"
            f"{skip}) AND state = 'queued'"
            f" RETURNING {_COLUMNS}",
            (worker, now, now),
        ).fetchone()
        return self._job(row) if row else None

    def heartbeat(self, job_id: int) -> None:
        self._run(
            "UPDATE jobs SET heartbeat = ? WHERE id = ? AND state = 'running'",
            (_iso(_now()), job_id),
        )

    def finish(self, job_id: int, result: JobResult) -> None:
        self._run(
            "UPDATE jobs SET state = 'done', result = ?, error = NULL, finished_at = ?"
            " WHERE id = ?",
            (json.dumps(to_dict(result), ensure_ascii=False), _iso(_now()), job_id),
        )

    def fail(self, job: Job, error: str) -> None:
        """Put the job back for another try, or mark it failed after MAX_ATTEMPTS."""
        state = "failed" if job.attempts >= MAX_ATTEMPTS else "queued"
        self._run(
            "UPDATE jobs SET state = ?, error = ?, finished_at = ? WHERE id = ?",
            (state, error[:2000], _iso(_now()) if state == "failed" else None, job.id),
        )

    def requeue(self, job: Job) -> None:
        """Put a job cut short by a stop back in the queue; the try does not count."""
        self._run(
            "UPDATE jobs SET state = 'queued', worker = NULL,"
            " attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
            " WHERE id = ? AND state = 'running'",
            (job.id,),
        )

    def recover(self, lease: timedelta = LEASE) -> list[int]:
        """Put back jobs left 'running' by a worker that died; return their ids."""
        stale_before = _iso(_now() - lease)
        rows = self._run(
            "SELECT id, worker, heartbeat, attempts FROM jobs WHERE state = 'running'"
        ).fetchall()
        back = []
        for jid, worker, beat, attempts in rows:
            if _alive(worker) and (beat or "") >= stale_before:
                continue
            state = "failed" if int(attempts) >= MAX_ATTEMPTS else "queued"
            self._run(
                "UPDATE jobs SET state = ?, error = coalesce(error, 'worker stopped')"
                " WHERE id = ? AND state = 'running' AND worker IS ?",
                (state, jid, worker),
            )
            back.append(int(jid))
        if back:
            log.warning("recovered %d jobs left by stopped workers: %s", len(back), back)
        return back

    def close(self) -> None:
        self._conns.close()


class StopSignal(Protocol):
    """A threading.Event (or anything with the same two methods)."""

    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


class StopRequested(BaseException):  # like KeyboardInterrupt: not an error
    """Raised in a worker's main thread when a stop's grace period is over mid-job."""


#: how long a stopping worker lets the job in hand run before putting it back
STOP_GRACE_S = 5.0


def stop_on_signals(stop: threading.Event, grace_s: float = STOP_GRACE_S) -> None:
    """SIGTERM or SIGINT: stop taking jobs, and give the job in hand ``grace_s`` seconds.

    A job not finished by then is interrupted (:class:`StopRequested`) and put
    back in the queue, so a service manager's stop takes seconds, not as long as
    an analysis.  A second SIGINT (Ctrl+C twice) stops at once; a repeated
    SIGTERM (``timeout`` signals the whole process group, then ``serve`` signals
    its worker) changes nothing.  Call from the main thread.
    """

    def interrupt(signum: int, frame: object) -> None:
        raise StopRequested

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set():
            if signum == signal.SIGINT:
                raise StopRequested
            return
        stop.set()
        signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, grace_s)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
#: an absolute path of two or more parts: kept to its last part in job messages
_PATH = re.compile(r"(?<![\w/.:])/(?:[^\s/'\"]+/)+([^\s/'\"]*)")


def scrub_paths(text: str, names: dict[str, str] | None = None) -> str:
    """``text`` with server paths out: known inputs by their user-facing names, the rest
    cut to their file name (a job's messages are shown to whoever queued it)."""
    for path, name in sorted((names or {}).items(), key=lambda kv: -len(kv[0])):
        text = text.replace(path, name)
    return _PATH.sub(lambda m: m.group(1) or "(path)", text)


def _front_matter(t: PastedText) -> str:
    fields = {"title": t.title, "outlet": t.outlet, "published": t.published, "url": t.url}
    lines = [f"{k}: {' '.join(v.split())}" for k, v in fields.items() if v and v.strip()]
    return ("---\n" + "\n".join(lines) + "\n---\n\n" if lines else "") + t.text


#: ``analyse(articles, store) -> Dossier``; the default runs newsprism's pipeline.
Analyse = Callable[[Sequence[Article], Store], Dossier]


def default_analyse(
    articles: Sequence[Article], store: Store, options: Options = DEFAULT_OPTIONS
) -> Dossier:
    """newsprism's analysis of one story's articles, reusing the store's NLP cache."""
    from ..store_analysis import run_pipeline

    return run_pipeline(articles, store, options)


class Worker:
    """Runs jobs: ingest into the store, place articles in stories, analyse those stories."""

    def __init__(
        self,
        path: str | Path,
        *,
        options: Options = DEFAULT_OPTIONS,
        analyse: Analyse | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.path = str(path)
        self.queue = JobQueue(self.path)
        self.options = options
        # the default analysis runs with these options; one given runs as it is
        self.analyse: Analyse = analyse or functools.partial(default_analyse, options=options)
        self.fetcher = fetcher
        self.name = worker_name()

    def run_once(self) -> Job | None:
        """Run the next queued job, if any; return it as it ended.

        Each job is logged on one line when it ends (what it stored, which stories
        it analysed, or why it failed); :class:`StopRequested` puts it back.
        """
        job = self.queue.claim(self.name)
        if job is None:
            return None
        started = time.monotonic()
        stop_beat = threading.Event()
        beat = threading.Thread(target=self._beat, args=(job.id, stop_beat), daemon=True)
        beat.start()
        try:
            result = self.process(job)
        except StopRequested:
            self.queue.requeue(job)
            log.info("job %d (%s) put back in the queue: the worker is stopping", job.id, job.kind)
            raise
        except Exception as exc:  # a job must never take the worker down
            log.debug("job %d failed", job.id, exc_info=True)
            error = scrub_paths(" ".join(f"{type(exc).__name__}: {exc}".split()))
            self.queue.fail(job, error)
            retry = "will retry" if job.attempts < MAX_ATTEMPTS else "giving up"
            log.warning(
                "job %d (%s) failed after %.1f s (attempt %d of %d, %s): %s",
                *(job.id, job.kind, time.monotonic() - started, job.attempts, MAX_ATTEMPTS),
                *(retry, error),
            )
        else:
            self.queue.finish(job.id, result)
            log.info(
                "job %d (%s) done in %.1f s: %d new, %d already stored, %d failed; stories: %s",
                *(job.id, job.kind, time.monotonic() - started, result.inserted),
                *(result.duplicates, len(result.failures), ", ".join(result.stories) or "none"),
            )
        finally:
            stop_beat.set()
            beat.join()
        return self.queue.get(job.id)

    def _beat(self, job_id: int, stop: threading.Event) -> None:
        queue = JobQueue(self.path, migrate=False)  # its own connection, for its thread
        while not stop.wait(HEARTBEAT_S):
            queue.heartbeat(job_id)

    def run(self, stop: StopSignal, poll_s: float = 0.5) -> None:
        """Work until ``stop`` is set, first recovering jobs of workers that died.

        A :class:`StopRequested` (a stop's grace period ran out mid-job) ends the
        loop after its job was put back.
        """
        self.queue.recover()
        log.info("worker %s: waiting for jobs in %s", self.name, scrub_paths(self.path))
        try:
            while not stop.is_set():
                if self.run_once() is None:
                    stop.wait(poll_s)
        except StopRequested:
            pass
        finally:
            if _main_thread():  # a stop's pending grace timer must not fire later
                signal.setitimer(signal.ITIMER_REAL, 0)
        log.info("worker %s: stopped", self.name)

    def process(self, job: Job) -> JobResult:
        from .. import _api
        from .. import stories as story_clusters
        from ..store_analysis import analyse_store, merged_into

        req = job.request
        store = open_store(self.path)
        try:
            names: dict[str, str] = {}
            report = None
            if req.has_input():
                with tempfile.TemporaryDirectory(prefix="newsprism-job-") as tmp:
                    sources = list(req.urls) + self._write_inputs(job, Path(tmp), names)
                    report = _api.ingest_sources(
                        sources, store=store, options=self.options, fetcher=self.fetcher
                    )
                arts = list(store.articles(report.ids))
                story_clusters.update(store, arts)
            ids = set(report.ids) if report else set()
            touched = [s.id for s in store.stories() if ids.intersection(s.articles)]
            asked = [merged_into(store, s) or s for s in req.stories]
            runs = analyse_store(store, touched, analyse=self.analyse, place=False)
            forced = analyse_store(
                store,
                [s for s in dict.fromkeys(asked) if s not in touched],
                analyse=self.analyse,
                force=True,
                place=False,
            )
            failed = [*runs.failed, *forced.failed]
            if failed:  # the job is retried: the stories analysed meanwhile are up to date
                raise RuntimeError(
                    "; ".join(f"story {f.story}: {scrub_paths(f.error or '')}" for f in failed)
                )
            return JobResult(
                articles=report.ids if report else (),
                stories=tuple(dict.fromkeys([*touched, *asked])),
                inserted=report.inserted if report else 0,
                duplicates=report.duplicates if report else 0,
                failures=tuple(scrub_paths(str(f), names) for f in report.failures)
                if report
                else (),
            )
        finally:
            store.close()

    @staticmethod
    def _write_inputs(job: Job, folder: Path, names: dict[str, str]) -> list[str]:
        """Pasted texts and uploads as files, so they go through the ordinary readers;
        ``names`` gets each file's user-facing name, for the job's messages."""
        paths = []
        for n, text in enumerate(job.request.texts, start=1):
            path = folder / f"pasted-{job.id}-{n}.md"
            path.write_text(_front_matter(text), encoding="utf-8")
            paths.append(str(path))
            names[str(path)] = f"pasted text {n}"
        for n, upload in enumerate(job.request.files, start=1):
            sub = folder / f"upload-{n}"
            sub.mkdir()
            name = _SAFE_NAME.sub("-", Path(upload.name).name).strip(".-") or f"upload-{n}.txt"
            path = sub / name
            path.write_bytes(upload.data())
            paths.append(str(path))
            names[str(path)] = Path(upload.name).name or name
        names[str(folder)] = "(upload)"
        return paths


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def run_worker(path: str, options: Options = DEFAULT_OPTIONS) -> None:
    """A worker process's main: what ``newsprism serve`` starts beside the web server.

    It stops on SIGTERM or SIGINT (:func:`stop_on_signals`), which is how the
    server stops it: no shared event between the processes, whose lock a killed
    worker could leave held (the server's shutdown used to hang on it).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    stop = threading.Event()
    stop_on_signals(stop)
    Worker(path, options=options).run(stop)
