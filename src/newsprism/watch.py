"""Watching feeds: poll, ingest what is new, place it in stories, repeat.

Each feed is polled with a conditional request (``If-None-Match`` /
``If-Modified-Since`` from the last answer, kept in the store so a restarted
watcher stays polite).  A feed that is down or broken is reported through
``on_event`` and retried with exponential backoff while the others carry on on
their own schedule.  New entries are cleaned and stored like any ingest, then
placed by the story clusterer, whose state is saved after every poll so an
interrupted watch loses nothing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from .clean import clean
from .errors import InputError
from .ingest import IngestFailure
from .ingest.feeds import FeedReader
from .ingest.fetch import Fetcher
from .store import ClusteringStore
from .stories import StoryClusterer
from .stories import load as load_stories
from .stories import save as save_stories
from .stories.persist import LOCK as STORIES_LOCK

__all__ = ["FeedState", "WatchEvent", "WatchSummary", "watch"]

log = logging.getLogger(__name__)

EventKind = Literal["fetched", "not-modified", "failed", "skipped", "article", "merged"]


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """Something the watcher did or met; ``retry_in`` (seconds) comes with ``failed``."""

    kind: EventKind
    feed: str
    message: str = ""
    article: str | None = None
    story: str | None = None
    created: bool = False
    retry_in: float | None = None


@dataclass(frozen=True, slots=True)
class WatchSummary:
    rounds: int
    polls: int
    new_articles: int
    failures: int
    stories_created: int


@dataclass(slots=True)
class FeedState:
    """What a feed's last answer told us; ``failures`` counts consecutive failures."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    due: float = 0.0

    def headers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    def dump(self) -> str:
        return json.dumps(
            {"etag": self.etag, "last_modified": self.last_modified, "failures": self.failures}
        )

    @classmethod
    def restore(cls, url: str, saved: str | None) -> FeedState:
        if not saved:
            return cls(url)
        data = json.loads(saved)
        return cls(url, data.get("etag"), data.get("last_modified"), int(data.get("failures", 0)))


def _key(url: str) -> str:
    return f"feed:{url}"


def watch(
    feeds: Sequence[str],
    *,
    store: ClusteringStore,
    fetcher: Fetcher,
    interval: float = 900.0,
    iterations: int | None = None,
    on_event: Callable[[WatchEvent], None] | None = None,
    retry: float = 60.0,
    max_backoff: float = 6 * 3600.0,
    clusterer: StoryClusterer | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    analyse: Callable[[Sequence[str]], object] | None = None,
) -> WatchSummary:
    """Poll ``feeds`` every ``interval`` seconds for ``iterations`` rounds (forever if None).

    ``analyse``, if given, is called after each poll that stored new articles
    with the ids of the stories they joined (``watch --analyze``: see
    :func:`newsprism.store_analysis.analyse_store`).  A failing feed is next
    tried after ``retry`` seconds, doubling with each consecutive failure up to
    ``max_backoff``; a success resets it.  ``sleep``
    and ``clock`` are injectable so tests can run many rounds in no time.
    """
    emit = on_event or (lambda e: None)
    reader = FeedReader(fetcher)
    states = [FeedState.restore(url, store.get_meta(_key(url))) for url in dict.fromkeys(feeds)]
    rounds = polls = new = failures = created = 0
    while iterations is None or rounds < iterations:
        rounds += 1
        for state in states:
            now = clock()
            if state.due > now:
                continue
            polls += 1
            error, added, made, touched = _poll(state, reader, fetcher, store, clusterer, emit)
            if touched and analyse is not None:
                analyse(touched)
            new += added
            created += made
            if error is None:
                state.failures = 0
                state.due = now + interval
            else:
                failures += 1
                state.failures += 1
                wait = min(max_backoff, retry * 2 ** (state.failures - 1))
                state.due = now + wait
                emit(WatchEvent("failed", state.url, error, retry_in=wait))
            store.set_meta(_key(state.url), state.dump())
        if iterations is not None and rounds >= iterations:
            break
        pause = max(0.0, min(s.due for s in states) - clock()) if states else interval
        sleep(pause)
    return WatchSummary(rounds, polls, new, failures, created)


def _poll(
    state: FeedState,
    reader: FeedReader,
    fetcher: Fetcher,
    store: ClusteringStore,
    clusterer: StoryClusterer | None,
    emit: Callable[[WatchEvent], None],
) -> tuple[str | None, int, int, list[str]]:
    """One conditional fetch of one feed: (why it failed or None, new articles, new
    stories, the stories new articles joined)."""
    url = state.url
    try:
        result = fetcher.fetch(url, headers=state.headers())
    except InputError as exc:
        return exc.reason, 0, 0, []
    if result.status == 304:
        emit(WatchEvent("not-modified", url))
        return None, 0, 0, []
    if result.status != 200:
        return f"HTTP {result.status}", 0, 0, []
    items = list(reader.read_document(result.content, url, base_url=result.url))
    articles = [i for i in items if not isinstance(i, IngestFailure)]
    problems = [i for i in items if isinstance(i, IngestFailure)]
    if not articles and problems and problems[0].source == url:
        return problems[0].reason, 0, 0, []  # the document itself is broken
    state.etag = result.header("etag") or None
    state.last_modified = result.header("last-modified") or None
    emit(WatchEvent("fetched", url, f"{len(articles)} entries"))
    for problem in problems:
        emit(WatchEvent("skipped", url, f"{problem.source}: {problem.reason}"))
    # placed under the store's story lock, from the stored state: a web worker
    # may have placed articles since the last poll
    with store.exclusive(STORIES_LOCK):
        cl = clusterer if clusterer is not None else load_stories(store)
        new = made = 0
        touched: dict[str, None] = {}
        for item in articles:
            article = clean(item)
            if not article.text.strip():
                emit(WatchEvent("skipped", url, f"{article.id}: no article text after cleaning"))
                continue
            added = store.add_article(article)
            if not added.inserted:
                continue
            if added.id != article.id:
                article = dataclasses.replace(article, id=added.id)
            placed = cl.add(article)
            new += 1
            made += placed.created
            touched[placed.story] = None
            emit(
                WatchEvent(
                    "article", url, article.title or "", added.id, placed.story, placed.created
                )
            )
            for gone in placed.merged:
                emit(
                    WatchEvent(
                        "merged", url, f"{gone} merged into {placed.story}", story=placed.story
                    )
                )
        save_stories(cl, store)
    return None, new, made, list(touched)
