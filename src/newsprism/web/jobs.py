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
import dataclasses
import functools
import json
import logging
import os
import re
import socket
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from ..ingest.fetch import Fetcher
from ..model import Article, Dossier, Story, from_dict, to_dict
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
    """What to analyse: URLs (pages or feeds), pasted texts and uploaded files."""

    urls: tuple[str, ...] = ()
    texts: tuple[PastedText, ...] = ()
    files: tuple[UploadedFile, ...] = ()

    def empty(self) -> bool:
        return not (self.urls or self.texts or self.files)


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
    """A threading.Event or a multiprocessing Event."""

    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


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
    from .._api import to_dossier
    from ..pipeline import State
    from ..stages import default_pipeline

    pipeline = default_pipeline(store, options=options)
    return to_dossier(pipeline(State(articles=tuple(articles))))


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
        """Run the next queued job, if any; return it as it ended."""
        job = self.queue.claim(self.name)
        if job is None:
            return None
        log.info("job %d: started (attempt %d)", job.id, job.attempts)
        stop_beat = threading.Event()
        beat = threading.Thread(target=self._beat, args=(job.id, stop_beat), daemon=True)
        beat.start()
        try:
            result = self.process(job)
        except Exception as exc:  # a job must never take the worker down
            log.exception("job %d failed", job.id)
            self.queue.fail(job, f"{type(exc).__name__}: {exc}")
        else:
            self.queue.finish(job.id, result)
            log.info("job %d: done, stories %s", job.id, ", ".join(result.stories))
        finally:
            stop_beat.set()
            beat.join()
        return self.queue.get(job.id)

    def _beat(self, job_id: int, stop: threading.Event) -> None:
        queue = JobQueue(self.path, migrate=False)  # its own connection, for its thread
        while not stop.wait(HEARTBEAT_S):
            queue.heartbeat(job_id)

    def run(self, stop: StopSignal, poll_s: float = 0.5) -> None:
        """Work until ``stop`` is set, first recovering jobs of workers that died."""
        self.queue.recover()
        while not stop.is_set():
            if self.run_once() is None:
                stop.wait(poll_s)

    def process(self, job: Job) -> JobResult:
        from .. import _api
        from .. import stories as story_clusters

        req = job.request
        store = open_store(self.path)
        try:
            with tempfile.TemporaryDirectory(prefix="newsprism-job-") as tmp:
                sources = list(req.urls) + self._write_inputs(job, Path(tmp))
                report = _api.ingest_sources(
                    sources, store=store, options=self.options, fetcher=self.fetcher
                )
            arts = list(store.articles(report.ids))
            story_clusters.update(store, arts)
            ids = set(report.ids)
            stories = [s for s in store.stories() if ids.intersection(s.articles)]
            for story in stories:
                self._analyse_story(store, story)
            return JobResult(
                articles=report.ids,
                stories=tuple(s.id for s in stories),
                inserted=report.inserted,
                duplicates=report.duplicates,
                failures=tuple(str(f) for f in report.failures),
            )
        finally:
            store.close()

    @staticmethod
    def _write_inputs(job: Job, folder: Path) -> list[str]:
        """Pasted texts and uploads as files, so they go through the ordinary readers."""
        paths = []
        for n, text in enumerate(job.request.texts, start=1):
            path = folder / f"pasted-{job.id}-{n}.md"
            path.write_text(_front_matter(text), encoding="utf-8")
            paths.append(str(path))
        for n, upload in enumerate(job.request.files, start=1):
            sub = folder / f"upload-{n}"
            sub.mkdir()
            name = _SAFE_NAME.sub("-", Path(upload.name).name).strip(".-") or f"upload-{n}.txt"
            path = sub / name
            path.write_bytes(upload.data())
            paths.append(str(path))
        return paths

    def _analyse_story(self, store: Store, story: Story) -> None:
        arts = list(store.articles(story.articles))
        dossier = self.analyse(arts, store)
        counts = list(dossier.reuse.independent_sources.values())
        reuse = dataclasses.replace(
            dossier.reuse, independent_sources={story.id: counts[0]} if len(counts) == 1 else {}
        )
        dossier = dataclasses.replace(dossier, stories=(story,), reuse=reuse)
        store.save_dossier(story.id, dossier.to_json(indent=None))


def run_worker(path: str, stop: StopSignal, options: Options = DEFAULT_OPTIONS) -> None:
    """A worker process's main: what ``newsprism serve`` starts beside the web server."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    Worker(path, options=options).run(stop)
