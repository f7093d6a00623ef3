"""A job whose URLs httpx cannot even parse fails those URLs only (issue 18): the
pasted text beside them is stored, the job is done, not retried three times."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsprism.model import Article, Dossier
from newsprism.store import Store
from newsprism.web import IngestRequest, JobQueue, PastedText, Worker

from .conftest import LiveServer

pytestmark = pytest.mark.timeout(120)

URLS = ("http://0177.0.0.1/x", "http://127.000.000.001/", "http://[::1/x")


def fast_analyse(articles: Sequence[Article], store: Store) -> Dossier:
    return Dossier(articles=tuple(articles), filled=("articles",))


def test_bad_url_forms_fail_alone_and_the_pasted_text_is_stored(tmp_path: Path) -> None:
    text = PastedText(
        "The city council of Northbury voted on Tuesday to close the old library.",
        title="Northbury votes to close library",
    )
    JobQueue(tmp_path / "s.db").enqueue(IngestRequest(urls=URLS, texts=(text,)))
    job = Worker(tmp_path / "s.db", analyse=fast_analyse).run_once()
    assert job is not None and job.state == "done" and job.attempts == 1
    assert job.result is not None and job.result.inserted == 1
    assert [f.split(": ", 1)[0] for f in job.result.failures] == list(URLS)
    assert all(": invalid URL (" in f for f in job.result.failures)


def test_an_unparsable_url_is_a_bad_request_not_a_server_error(live: LiveServer) -> None:
    auth = {"Authorization": f"Bearer {live.token}"}
    with live.client() as c:
        resp = c.post("/api/ingest", json={"urls": ["http://[::1/x"]}, headers=auth)
    assert resp.status_code == 422, resp.text
    assert "not a valid URL" in resp.text
