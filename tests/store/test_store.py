"""One set of behaviours, run against every store implementation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, ArticleNLP, Mention, Provenance, Span, Story
from newsprism.store import MemoryStore, SQLiteStore, Store, open_store
from newsprism.store.sqlite import MIGRATIONS


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def art(i: str, text: str, url: str | None = None) -> Article:
    return Article(id=i, text=text, url=url, outlet="X", provenance=Provenance(f"{i}.txt", "text"))


def test_add_get_and_count(store: Store) -> None:
    added = store.add_article(art("a", "Alpha text."))
    assert added.inserted and added.id == "a"
    assert store.get_article("a") == art("a", "Alpha text.")
    assert store.count_articles() == 1
    assert store.get_article("nope") is None


def test_same_content_is_not_stored_twice(store: Store) -> None:
    store.add_article(art("a", "Same   text."))
    again = store.add_article(art("b", "Same text."))  # whitespace differences only
    assert not again.inserted and again.duplicate_of == "a"
    assert store.count_articles() == 1


def test_same_url_is_not_stored_twice(store: Store) -> None:
    store.add_article(art("a", "Version one.", url="https://x.test/1"))
    again = store.add_article(art("b", "Version two.", url="https://x.test/1"))
    assert not again.inserted
    assert store.count_articles() == 1


def test_clashing_ids_get_a_suffix_not_an_overwrite(store: Store) -> None:
    store.add_article(art("story", "First file."))
    second = store.add_article(art("story", "Second file, other folder."))
    assert second.inserted and second.id.startswith("story~")
    assert store.get_article("story") is not None
    assert store.get_article(second.id) is not None


def test_articles_in_requested_order(store: Store) -> None:
    for i in "abc":
        store.add_article(art(i, f"text {i}"))
    assert [a.id for a in store.articles(["c", "a", "zz"])] == ["c", "a"]
    assert [a.id for a in store.articles()] == ["a", "b", "c"]


def test_nlp_cache_by_version(store: Store) -> None:
    store.add_article(art("a", "Adam Smith spoke."))
    rec = ArticleNLP("a", (Span(0, 17),), (Mention(0, 10, "Adam Smith", "PERSON"),))
    store.put_nlp(rec, "v1")
    assert store.get_nlp("a", "v1") == rec
    assert store.get_nlp("a", "v2") is None


def test_stories_and_dossiers(store: Store) -> None:
    store.add_article(art("a", "x"))
    store.save_stories([Story("s1", "Title", ("a",))])
    store.save_stories([Story("s1", "Title 2", ("a",))])
    assert store.stories() == [Story("s1", "Title 2", ("a",))]
    store.save_dossier("s1", '{"schema": "x"}')
    assert store.get_dossier("s1") == '{"schema": "x"}'
    assert store.get_dossier("s2") is None


def test_sqlite_persists_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    s = SQLiteStore(path)
    s.add_article(art("a", "kept"))
    s.close()
    s2 = SQLiteStore(path)
    assert s2.count_articles() == 1
    assert s2.version == len(MIGRATIONS)
    s2.close()


def test_sqlite_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="upgrade newsprism"):
        SQLiteStore(path)


def test_open_store_urls(tmp_path: Path) -> None:
    assert isinstance(open_store(":memory:"), MemoryStore)
    s = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    assert isinstance(s, SQLiteStore)
    s.close()
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/x")


def test_unusable_paths_are_a_clear_store_error(tmp_path: Path) -> None:
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("this is not a database, just text " * 100)
    for bad in (not_sqlite, tmp_path / "missing-folder" / "x.db"):
        with pytest.raises(StoreError, match="cannot open store"):
            SQLiteStore(bad)


def test_exclusive_serialises_read_modify_write(store: Store) -> None:
    """Without the lock, threads reading then writing one counter lose increments."""
    import threading
    import time

    store.set_meta("n", "0")

    def bump() -> None:
        for _ in range(20):
            with store.exclusive("counter"):
                n = int(store.get_meta("n") or "0")
                time.sleep(0.0005)  # widen the window a missing lock would lose
                store.set_meta("n", str(n + 1))

    threads = [threading.Thread(target=bump) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.get_meta("n") == "60"
    with store.exclusive("counter"):  # released: it can be taken again
        pass


def _bump_in_process(path: str) -> None:
    s = SQLiteStore(path)
    for _ in range(15):
        with s.exclusive("counter"):
            s.set_meta("n", str(int(s.get_meta("n") or "0") + 1))
    s.close()


def test_sqlite_exclusive_holds_across_processes(tmp_path: Path) -> None:
    import multiprocessing

    path = str(tmp_path / "p.db")
    SQLiteStore(path).close()
    ctx = multiprocessing.get_context("fork")  # the test module is not importable by path
    procs = [ctx.Process(target=_bump_in_process, args=(path,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    s = SQLiteStore(path)
    assert s.get_meta("n") == "30"
    s.close()
