"""The job queue and worker on a real PostgreSQL server, beside a feed watcher.

The same queue code as SQLite's, with ``FOR UPDATE SKIP LOCKED`` claiming; these
tests race real threads with their own connections, as separate processes would.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Sequence

import pytest

from newsprism import stories
from newsprism.model import Article, Dossier
from newsprism.store import Store, open_store
from newsprism.web import IngestRequest, JobQueue, PastedText, Worker

pytestmark = pytest.mark.timeout(240)


def fast_analyse(articles: Sequence[Article], store: Store) -> Dossier:
    return Dossier(articles=tuple(articles), filled=("articles",))


def text(n: int, topic: str) -> PastedText:
    return PastedText(
        f"The {topic} council met on Tuesday, meeting number {n}, and voted on the budget.\n\n"
        f"Councillor number {n} said the {topic} vote was close.",
        title=f"{topic.title()} council meeting {n}",
        outlet=f"{topic.title()} Daily",
    )


def test_postgres_queue_hands_each_job_to_one_worker(postgres_url: str) -> None:
    queue = JobQueue(postgres_url)
    ids = {queue.enqueue(IngestRequest(texts=(text(i, "harbour"),))).id for i in range(30)}
    claimed: list[list[int]] = [[], [], []]

    def drain(k: int) -> None:
        mine = JobQueue(postgres_url, migrate=False)  # its own connection, like a process
        while (job := mine.claim(f"w{k}:1")) is not None:
            claimed[k].append(job.id)
        mine.close()

    threads = [threading.Thread(target=drain, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    flat = [j for c in claimed for j in c]
    assert sorted(flat) == sorted(ids)  # every job once, none twice
    assert queue.counts() == {"running": 30}
    queue.close()


def test_postgres_worker_runs_a_job_and_recovers_a_dead_workers_job(postgres_url: str) -> None:
    worker = Worker(postgres_url, analyse=fast_analyse)
    job = worker.queue.enqueue(IngestRequest(texts=(text(1, "harbour"),)))
    dead = f"{socket.gethostname()}:999999999"
    assert worker.queue.claim(dead) is not None
    assert worker.queue.recover() == [job.id]
    done = worker.run_once()
    assert done is not None and done.id == job.id and done.state == "done"
    assert done.result is not None and done.result.inserted == 1 and done.result.stories
    store = open_store(postgres_url)
    try:
        assert store.count_articles() == 1
        assert store.get_dossier(done.result.stories[0]) is not None
    finally:
        store.close()


def test_watcher_and_worker_at_once_lose_no_placement(postgres_url: str) -> None:
    """A watcher and a worker placing articles of one story at once: none is lost.

    Both load the story, add a member and save it back; without the store's
    lock around placement the later save drops the earlier one's member.
    """
    open_store(postgres_url).close()
    queue = JobQueue(postgres_url)
    for i in range(6):
        queue.enqueue(IngestRequest(texts=(text(i, "harbour"),)))
    errors: list[BaseException] = []

    def watcher() -> None:
        try:
            store = open_store(postgres_url)
            for i in range(6):
                t = text(100 + i, "harbour")
                store.add_article(Article(f"feed-{i}", t.text, "Feed Daily", t.title))
                stories.update(store, list(store.articles([f"feed-{i}"])))
            store.close()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    def work() -> None:
        try:
            w = Worker(postgres_url, analyse=fast_analyse)
            while w.run_once() is not None:
                pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=watcher), threading.Thread(target=work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    store = open_store(postgres_url)
    try:
        placed = [a for s in store.stories() for a in s.articles]
        assert sorted(placed) == sorted(a.id for a in store.articles())
        assert store.count_articles() == 12
        assert queue.counts() == {"done": 6}
    finally:
        store.close()
        queue.close()
