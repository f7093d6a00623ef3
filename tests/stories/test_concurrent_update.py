"""Two writers placing articles of one story at once (a watcher and a web worker).

Each loads the story, adds a member and saves it back; without the store's lock
around placement the later save drops the earlier one's members.  Run on SQLite
(two connections to one file) and on a real PostgreSQL server.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsprism import stories
from newsprism.model import Article
from newsprism.store import open_store

pytestmark = pytest.mark.timeout(240)


def _race(db: str) -> None:
    open_store(db).close()  # create or migrate once; the writers then race on data
    errors: list[BaseException] = []

    def writer(k: str) -> None:
        try:
            store = open_store(db)
            for i in range(12):
                aid = f"{k}-{i}"
                store.add_article(
                    Article(
                        aid,
                        f"The harbour council met on Tuesday, meeting {k}{i}, and voted on the "
                        f"budget. Councillor {k}{i} said the harbour vote was close.",
                        f"Outlet {k}",
                        f"Harbour council meeting {k}{i}",
                    )
                )
                stories.update(store, list(store.articles([aid])))
            store.close()
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    store = open_store(db)
    try:
        placed = sorted(a for s in store.stories() for a in s.articles)
        assert placed == sorted(a.id for a in store.articles())
        assert len(placed) == 24
        states = list(store.story_states())
        assert sorted(a for st in states if not st.merged_into for a in st.articles) == placed
    finally:
        store.close()


def test_concurrent_placement_on_sqlite_loses_nothing(tmp_path: Path) -> None:
    _race(str(tmp_path / "s.db"))


def test_concurrent_placement_on_postgres_loses_nothing(postgres_url: str) -> None:
    _race(postgres_url)
