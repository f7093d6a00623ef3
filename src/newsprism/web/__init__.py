"""``newsprism serve``: the web app, its JSON API and its job worker.

Needs the ``web`` extra (FastAPI, uvicorn, python-multipart).  :func:`serve`
runs the app with uvicorn and, unless told otherwise, one worker process that
analyses queued input; :func:`work` runs a worker alone (more workers may run
against the same store, each claims its own jobs).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ..options import DEFAULT_OPTIONS, Options
from .app import Settings, create_app, token_from_env
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
) -> None:
    """Run the web app until interrupted.  ``token`` defaults to ``$NEWSPRISM_TOKEN``."""
    import uvicorn

    settings = Settings(
        db=str(db),
        token=token or token_from_env(),
        worker=worker,
        options=options,
        **({"max_body": max_body} if max_body else {}),
    )
    if settings.token is None and host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s without NEWSPRISM_TOKEN: anyone can queue jobs", host)
    # requests still running after a stop get 5 s (uvicorn's default waits for ever)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=5,
    )


def work(db: str | Path = "newsprism.db", *, options: Options = DEFAULT_OPTIONS) -> None:
    """Run one job worker until SIGINT/SIGTERM (from the main thread).

    The job in hand gets a few seconds to finish, then goes back in the queue
    (:func:`~newsprism.web.jobs.stop_on_signals`).
    """
    stop = threading.Event()
    stop_on_signals(stop)
    Worker(db, options=options).run(stop)
