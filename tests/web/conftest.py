"""A live newsprism web app on 127.0.0.1 over a small store, for API and browser tests."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")

import httpx
import uvicorn

from newsprism.model import Article, Dossier, Story, StoryState
from newsprism.store import open_store
from newsprism.web import Settings, Worker, create_app

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
OTHER = Article(
    "ruritania-1",
    "Voters in Ruritania elected a new parliament on Sunday.\n\nTurnout was 61 percent.",
    "Ruritania Herald",
    "Ruritania elects a new parliament",
    "2024-05-01",
)


def full_dossier() -> Dossier:
    return Dossier.from_json((DATA / "full_dossier.json").read_text(encoding="utf-8"))


#: a story the clusterer merged into the fixture story: its old id must lead there
MERGED = "s-bridge-early"


def seed_store(path: Path | str) -> None:
    """The fixture story (analysed, with a hostile article), one story not analysed yet,
    and an emptied story merged into the fixture story (as the clusterer leaves one)."""
    store = open_store(str(path))
    dossier = full_dossier()
    for art in dossier.articles:
        assert store.add_article(art).inserted
    store.add_article(OTHER)
    store.save_stories(
        [
            *dossier.stories,
            Story("s-ruritania", OTHER.title or "", (OTHER.id,)),
            Story(MERGED, "Bridge closed", ()),
        ]
    )
    store.save_story_states(
        [StoryState(MERGED, "Bridge closed", 0, (), merged_into=dossier.stories[0].id, seq=1)]
    )
    store.save_dossier(dossier.stories[0].id, dossier.to_json(indent=None))
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    db: Path | str  # a SQLite file or a postgresql:// URL
    token: str | None

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def start_server(settings: Settings) -> tuple[uvicorn.Server, threading.Thread, str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def run_live(db: Path | str) -> Iterator[LiveServer]:
    """The app with a token and a worker thread (the real pipeline) beside it."""
    seed_store(db)
    token = "s3cret-token"
    server, thread, url = start_server(Settings(db=str(db), token=token, max_body=2_000_000))
    stop = threading.Event()
    worker = threading.Thread(target=Worker(db).run, args=(stop, 0.1), daemon=True)
    worker.start()
    yield LiveServer(url, db, token)
    stop.set()
    server.should_exit = True
    thread.join(10)
    worker.join(60)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    yield from run_live(tmp_path_factory.mktemp("web") / "store.db")


# --- a real headless Chromium, driven by Playwright -----------------------------------
CHROMIUM = os.environ.get("NEWSPRISM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """A fresh Chromium profile; skipped only when Chromium or Playwright is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(20_000)
        yield context
        context.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $NEWSPRISM_SCREENSHOTS if set (to refresh docs/), else tmp."""
    out = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out
