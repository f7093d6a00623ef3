"""``newsprism serve``: the web app, its JSON API and its job worker.

Needs the ``web`` extra (FastAPI, uvicorn, python-multipart).  :func:`serve`
runs the app with uvicorn and, unless told otherwise, one worker process that
analyses queued input; :func:`work` runs a worker alone (more workers may run
against the same store, each claims its own jobs).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
from pathlib import Path

from ..model import to_dict
from ..options import DEFAULT_OPTIONS, Options
from .app import (
    MAX_BODY,
    SETTINGS_ENV,
    Settings,
    create_app,
    hosts_from_env,
    start_worker,
    stop_worker,
    token_from_env,
)
from .jobs import (
    IngestRequest,
    Job,
    JobQueue,
    JobResult,
    PastedText,
    UploadedFile,
    Worker,
    stop_on_signals,
)

__all__ = [
    "IngestRequest",
    "Job",
    "JobQueue",
    "JobResult",
    "PastedText",
    "Settings",
    "UploadedFile",
    "Worker",
    "create_app",
    "serve",
    "work",
]

log = logging.getLogger(__name__)


def serve(
    db: str | Path = "newsprism.db",
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    worker: bool = True,
    options: Options = DEFAULT_OPTIONS,
    max_body: int | None = None,
    allowed_hosts: tuple[str, ...] = (),
    workers: int = 1,
    cache_mb: int | None = None,
    access_log: bool = False,
) -> None:
    """Run the web app until SIGINT/SIGTERM.  ``token`` defaults to ``$NEWSPRISM_TOKEN``.

    ``cache_mb`` bounds each web process's cache of responses (0: none).
    ``access_log`` logs every request: off by default, as it cost 40 % of the
    throughput under 200 clients (``benchmarks/RESULTS.md``); a proxy in front
    usually logs them anyway.
    ``workers`` web processes share the port (uvicorn's own supervisor); one job
    worker process runs beside them unless ``worker`` is False.  On SIGTERM the
    job worker finishes or puts back its job, requests in flight get 5 seconds,
    and the command returns: seconds, never an analysis' length.
    """
    import uvicorn

    settings = Settings(
        db=str(db),
        token=token or token_from_env(),
        options=options,
        host=host,
        allowed_hosts=tuple(allowed_hosts) or hosts_from_env(),
        max_body=max_body or MAX_BODY,
    )
    if cache_mb is not None:
        settings = dataclasses.replace(settings, cache_bytes=cache_mb * 1024 * 1024)
    # requests still running after a stop get 5 s (uvicorn's default waits for ever)
    if workers <= 1:
        uvicorn.run(
            create_app(dataclasses.replace(settings, worker=worker)),
            host=host,
            port=port,
            log_level="info",
            access_log=access_log,
            timeout_graceful_shutdown=5,
        )
        return
    # the web processes build their app from the environment, and none runs jobs:
    # the one job worker belongs to this process
    os.environ[SETTINGS_ENV] = json.dumps(to_dict(settings))
    proc = start_worker(settings) if worker else None
    try:
        uvicorn.run(
            "newsprism.web.app:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            access_log=access_log,
            timeout_graceful_shutdown=5,
        )
    finally:
        if proc is not None:
            stop_worker(proc)


def work(db: str | Path = "newsprism.db", *, options: Options = DEFAULT_OPTIONS) -> None:
    """Run one job worker until SIGINT/SIGTERM (from the main thread).

    The job in hand gets a few seconds to finish, then goes back in the queue
    (:func:`~newsprism.web.jobs.stop_on_signals`).
    """
    stop = threading.Event()
    stop_on_signals(stop)
    Worker(db, options=options).run(stop)
