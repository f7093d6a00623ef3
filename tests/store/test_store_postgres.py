"""The store behaviours of ``test_store.py``, run against a real PostgreSQL server.

The shared tests are imported from ``test_store.py`` (every test taking the
``store`` fixture), so the two implementations answer to one set of behaviours;
PostgreSQL-only behaviours (migrations, concurrent writers) follow.
"""

from __future__ import annotations

import importlib.util
import inspect
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, Provenance, Story
from newsprism.store import Store, open_store

_spec = importlib.util.spec_from_file_location(
    "newsprism_tests_store_shared", Path(__file__).with_name("test_store.py")
)
assert _spec and _spec.loader
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)

for _name, _fn in vars(_shared).items():
    if _name.startswith("test_") and "store" in inspect.signature(_fn).parameters:
        globals()[_name] = _fn


@pytest.fixture
def store(postgres_url: str) -> Iterator[Store]:
    from newsprism.store.postgres import PostgresStore

    s = PostgresStore(postgres_url)
    yield s
    s.close()


def art(i: str, text: str, url: str | None = None) -> Article:
    return Article(id=i, text=text, url=url, outlet="X", provenance=Provenance(f"{i}.txt", "text"))


def test_postgres_schema_version_and_reopen(postgres_url: str) -> None:
    from newsprism.store.postgres import MIGRATIONS, PostgresStore
    from newsprism.store.sqlite import MIGRATIONS as SQLITE_MIGRATIONS

    assert len(MIGRATIONS) == len(SQLITE_MIGRATIONS)
    s = PostgresStore(postgres_url)
    s.add_article(art("a", "kept"))
    s.close()
    s2 = PostgresStore(postgres_url)
    assert s2.version == len(MIGRATIONS)
    assert s2.count_articles() == 1
    s2.close()


def test_postgres_refuses_a_newer_schema(postgres_url: str) -> None:
    from newsprism.store.postgres import MIGRATIONS, PostgresStore

    PostgresStore(postgres_url).close()
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("INSERT INTO schema_version VALUES (%s)", (len(MIGRATIONS) + 3,))
    with pytest.raises(StoreError, match="upgrade newsprism"):
        PostgresStore(postgres_url)


def test_open_store_postgres_url(postgres_url: str) -> None:
    from newsprism.store.postgres import PostgresStore

    # skips only through the postgres_url fixture (no PostgreSQL binaries or psycopg);
    # a routing failure here is a failure
    s = open_store(postgres_url)
    assert isinstance(s, PostgresStore)
    s.close()


def test_concurrent_writers_store_each_article_once(postgres_url: str) -> None:
    """Two writers (a watcher and a web worker) adding overlapping articles at once."""
    from newsprism.store.postgres import PostgresStore

    PostgresStore(postgres_url).close()  # migrate once; the writers then race on data
    texts = [f"Article number {i} about the harbour." for i in range(40)]
    results: list[list[bool]] = [[], []]
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            s = PostgresStore(postgres_url)
            for i, text in enumerate(texts):
                # same ids and texts from both writers, and one id clash with other text
                results[k].append(s.add_article(art(f"a{i}", text)).inserted)
            results[k].append(s.add_article(art("clash", f"writer {k}")).inserted)
            s.save_stories([Story(f"s{k}", "T", ("a0", "a1"))])
            s.close()
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    s = PostgresStore(postgres_url)
    assert s.count_articles() == len(texts) + 2  # each text once; both clashing ids kept
    assert [sum(x) for x in zip(results[0][:-1], results[1][:-1], strict=True)] == [1] * 40
    ids = {a.id for a in s.articles()}
    assert "clash" in ids and any(i.startswith("clash~") for i in ids)
    assert {st.id for st in s.stories()} == {"s0", "s1"}
    s.close()


def test_concurrent_first_open_migrates_once(postgres_url: str) -> None:
    from newsprism.store.postgres import MIGRATIONS, PostgresStore

    errors: list[BaseException] = []

    def opener() -> None:
        try:
            PostgresStore(postgres_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    s = PostgresStore(postgres_url)
    assert s.version == len(MIGRATIONS)
    s.close()


def test_unreachable_server_is_a_store_error() -> None:
    pytest.importorskip("psycopg", reason="psycopg not installed")
    from newsprism.store.postgres import PostgresStore

    with pytest.raises(StoreError, match="PostgreSQL"):
        PostgresStore("postgresql://nobody@127.0.0.1:1/none")
