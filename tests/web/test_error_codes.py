"""newsprism's own errors reach API clients in the one error shape, with their code."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.errors import InputError, NewsprismError, StoreError
from newsprism.store import open_store
from newsprism.web import Settings, create_app


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (StoreError("cannot open store x.db"), 503),
        (InputError("a.txt", "empty file"), 422),
    ],
)
def test_the_api_error_carries_the_code(tmp_path: Path, error: NewsprismError, status: int) -> None:
    db = tmp_path / "s.db"
    open_store(str(db)).close()
    app = create_app(Settings(db=str(db)))

    @app.get("/api/boom")
    def boom() -> None:
        raise error

    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        resp = client.get("/api/boom")
    assert resp.status_code == status
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    err = body["error"]
    assert err["status"] == status and err["code"] == error.code
    assert err["message"] == str(error) and err["message"].startswith(f"[{error.code}] ")
    assert err["details"] == [{"fix": error.fix}]
