"""``watch`` against a real HTTP feed server on 127.0.0.1 that changes, fails and recovers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from newsprism.ingest.fetch import HttpFetcher
from newsprism.model import Article
from newsprism.store import SQLiteStore
from newsprism.stories import list_stories, load
from newsprism.watch import WatchEvent, watch


def rss(articles: list[Article]) -> bytes:
    items = "".join(
        f"<item><title>{escape(a.title or '')}</title><guid isPermaLink='false'>{a.id}</guid>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(a.published + 'T12:00:00+00:00'))}"
        f"</pubDate><description>{escape(a.text)}</description></item>"
        for a in articles
        if a.published
    )
    return (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Test feed</title>"
        f"<link>http://example.org/</link><description>t</description>{items}</channel></rss>"
    ).encode()


class FeedServer:
    """Serves, per path, a script of answers: each request takes the next; the last repeats.

    An answer is ``("feed", bytes)`` (with an ETag, and 304 when the client sends it
    back), ``("status", code)`` or ``("broken", b"")``.
    """

    def __init__(self) -> None:
        self.scripts: dict[str, list[tuple[str, object]]] = {}
        self.seen: list[tuple[str, str | None]] = []  # (path, If-None-Match)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                script = server.scripts.get(self.path) or [("status", 404)]
                kind, payload = script.pop(0) if len(script) > 1 else script[0]
                sent_tag = self.headers.get("If-None-Match")
                server.seen.append((self.path, sent_tag))
                if kind == "status":
                    self.send_response(int(payload))  # type: ignore[call-overload]
                    self.end_headers()
                    return
                body = payload if isinstance(payload, bytes) else b"<rss><channel><item>"
                tag = f'"{abs(hash(body))}"'
                if kind == "feed" and sent_tag == tag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                if kind == "feed":
                    self.send_header("ETag", tag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer()
    yield s
    s.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_watch_polls_fails_recovers_and_updates_stories(
    server: FeedServer, fixture_articles: list[Article], tmp_path: Path
) -> None:
    arts = {a.id: a for a in fixture_articles}
    v1 = rss([arts["quake-chile-1"], arts["quake-japan-1"], arts["transfer-1"]])
    v2 = rss([arts[i] for i in ("quake-chile-1", "quake-japan-1", "transfer-1", "quake-japan-2")])
    server.scripts["/a.xml"] = [("feed", v1), ("feed", v1), ("feed", v2)]
    server.scripts["/b.xml"] = [
        ("status", 503),
        ("status", 503),
        ("broken", b""),
        ("feed", rss([arts["quake-chile-2"], arts["budget-1"]])),
    ]
    feeds = [server.url + "/a.xml", server.url + "/b.xml", f"http://127.0.0.1:{closed_port()}/c"]
    events: list[WatchEvent] = []
    fake = FakeTime()
    store = SQLiteStore(tmp_path / "w.db")
    with HttpFetcher(allow_private=True, connect_timeout=2, read_timeout=5) as fetcher:
        summary = watch(
            feeds,
            store=store,
            fetcher=fetcher,
            interval=100.0,
            iterations=8,
            retry=10.0,
            on_event=events.append,
            clock=fake.clock,
            sleep=fake.sleep,
        )
    # B failed twice with 503, once as a broken document, then recovered;
    # C (nothing listening) failed every time it was due; A carried on regardless
    failed_b = [e for e in events if e.kind == "failed" and e.feed == feeds[1]]
    assert [e.message for e in failed_b][:2] == ["HTTP 503", "HTTP 503"]
    assert "RSS" in failed_b[2].message or "feed" in failed_b[2].message
    assert [e.retry_in for e in failed_b] == [10.0, 20.0, 40.0]
    assert any(e.kind == "failed" and e.feed == feeds[2] for e in events)
    fetched = [e.feed for e in events if e.kind == "fetched"]
    assert fetched.count(feeds[0]) == 2 and fetched.count(feeds[1]) == 1
    assert fake.now == 200.0  # A: polls at 0, 100 (304) and 200
    # A's second poll was conditional and answered 304; its third saw new content
    a_tags = [tag for path, tag in server.seen if path == "/a.xml"]
    assert a_tags[0] is None and a_tags[1] is not None
    assert any(e.kind == "not-modified" and e.feed == feeds[0] for e in events)
    # every new entry was stored and placed; same-event entries share a story
    placed = {e.article: e for e in events if e.kind == "article"}
    assert summary.new_articles == len(placed) == 6
    cl = load(store)
    ids = {e.message: e.article for e in placed.values()}
    chile = [ids[arts[i].title or ""] for i in ("quake-chile-1", "quake-chile-2")]
    japan = [ids[arts[i].title or ""] for i in ("quake-japan-1", "quake-japan-2")]
    assert cl.story_of(chile[0]) == cl.story_of(chile[1])
    assert cl.story_of(japan[0]) == cl.story_of(japan[1])
    assert cl.story_of(chile[0]) != cl.story_of(japan[0])
    assert summary.stories_created == len(list_stories(store)) == 4
    # the validators are kept in the store: a restarted watcher stays conditional
    store.close()
    store = SQLiteStore(tmp_path / "w.db")
    server.seen.clear()
    with HttpFetcher(allow_private=True) as fetcher:
        again = watch(feeds[:1], store=store, fetcher=fetcher, iterations=1)
    assert again.new_articles == 0
    assert server.seen[0][1] is not None
    store.close()
