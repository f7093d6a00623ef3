"""Who may write, which Host names are answered, and the read cache, on a live server."""

from __future__ import annotations

import asyncio
import http.client
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsprism.store import open_store
from newsprism.web import Settings
from newsprism.web._http import ResponseCache, is_loopback, known_hosts

from .conftest import seed_store, start_server
from .test_api import assert_error

pytestmark = pytest.mark.timeout(120)

TEXT = {"texts": [{"text": "The harbour of Eastport reopened on Monday after the storm."}]}


def serve(settings: Settings) -> Iterator[str]:
    server, thread, url = start_server(settings)
    yield url
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    seed_store(db)
    return db


def test_writes_need_a_token_unless_the_server_is_bound_to_loopback(seeded: Path) -> None:
    # bound to every address (the app is told so; the test still connects on loopback)
    for url in serve(Settings(db=str(seeded), host="0.0.0.0")):
        with httpx.Client(base_url=url) as c:
            assert c.get("/api/stories").status_code == 200  # reads stay open
            err = assert_error(c.post("/api/ingest", json=TEXT), 403, "forbidden")
            assert "NEWSPRISM_TOKEN" in str(err["message"])
            assert_error(c.post("/api/stories/s-ruritania/analyse"), 403, "forbidden")
            page = c.get("/stories/s-ruritania").text
            assert "NEWSPRISM_TOKEN" in page and 'id="analyse"' not in page
    # with a token, on any address, writes take it
    for url in serve(Settings(db=str(seeded), host="0.0.0.0", token="t0ken")):
        with httpx.Client(base_url=url) as c:
            assert_error(c.post("/api/ingest", json=TEXT), 401, "unauthorized")
            ok = c.post("/api/ingest", json=TEXT, headers={"Authorization": "Bearer t0ken"})
            assert ok.status_code == 202, ok.text
    # on loopback without a token: open (the machine's own user)
    for url in serve(Settings(db=str(seeded), host="127.0.0.1")):
        with httpx.Client(base_url=url) as c:
            assert c.post("/api/ingest", json=TEXT).status_code == 202


def raw_get(url: str, host: str | None) -> tuple[int, bytes]:
    """A GET with exactly this Host header."""
    parts = httpx.URL(url)
    conn = http.client.HTTPConnection(parts.host, parts.port, timeout=10)
    conn.putrequest("GET", "/api/stories", skip_host=True)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body


def test_the_host_header_must_name_this_server(seeded: Path) -> None:
    settings = Settings(db=str(seeded), host="127.0.0.1", allowed_hosts=("news.example.org",))
    for url in serve(settings):
        port = httpx.URL(url).port
        for host in (
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            "[::1]:8000",
            "news.example.org",
            "NEWS.example.org:443",
            "192.168.1.20:8000",  # an address of the machine: no rebinding without a name
        ):
            assert raw_get(url, host)[0] == 200, host
        for host in ("evil.example", f"evil.example:{port}", "localhost.evil.example", ""):
            status, body = raw_get(url, host)
            assert status == 400, host
            assert b'"code":"unknown_host"' in body and b"--allowed-host" in body


def test_bind_names_and_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    assert not is_loopback("news.example.org")
    assert "news.internal" in known_hosts("news.internal")
    assert known_hosts("0.0.0.0") == known_hosts("::") == known_hosts("127.0.0.1")


def test_reads_come_from_the_cache_until_the_store_changes(seeded: Path) -> None:
    for url in serve(Settings(db=str(seeded))):
        with httpx.Client(base_url=url) as c:
            first = c.get("/api/stories/s-ruritania").text
            assert "Turnout was 61 percent" in first
            page = c.get("/stories/s-ruritania").text
            # another process writes (here: another connection to the file)
            store = open_store(str(seeded))
            dossier = first.replace("Turnout was 61 percent", "Turnout was 62 percent")
            store.save_dossier("s-ruritania", dossier)
            store.close()
            assert "Turnout was 62 percent" in c.get("/api/stories/s-ruritania").text
            assert "Turnout was 62 percent" in c.get("/stories/s-ruritania").text
            assert c.get("/stories/s-ruritania").text != page


def test_the_cache_keeps_whole_get_responses_and_drops_them_on_a_new_generation() -> None:
    calls: list[str] = []
    generation = [1]

    async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        calls.append(scope["path"])
        status = 404 if scope["path"] == "/stories/none" else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b"part 1 ", "more_body": True})
        await send({"type": "http.response.body", "body": f"gen {generation[0]}".encode()})

    async def current() -> object:
        return generation[0]

    cache = ResponseCache(app, current, lambda p: p.startswith("/stories/"), max_bytes=10_000)

    async def get(path: str, method: str = "GET") -> bytes:
        sent: list[dict[str, object]] = []

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b""}

        scope = {"type": "http", "method": method, "path": path, "query_string": b"a=1"}
        await cache(scope, receive, send)  # type: ignore[arg-type]
        return b"".join(m.get("body", b"") for m in sent)  # type: ignore[misc]

    async def scenario() -> None:
        assert await get("/stories/a") == b"part 1 gen 1"
        assert await get("/stories/a") == b"part 1 gen 1"
        assert calls == ["/stories/a"] and cache.hits == 1
        await get("/stories/none")
        await get("/stories/none")  # errors are not kept
        await get("/jobs/1")
        await get("/jobs/1")  # nor what is not a read path
        await get("/stories/a", "POST")
        assert calls.count("/stories/none") == 2 and calls.count("/jobs/1") == 2
        generation[0] = 2  # a write, anywhere
        assert await get("/stories/a") == b"part 1 gen 2"
        assert calls.count("/stories/a") == 3

    asyncio.run(scenario())
