"""Inputs that used to stop a batch (issue 18): each is now one failure naming its file
(and feed or archive), and the inputs around it are still read."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism._api import ingest_sources
from newsprism.ingest import (
    FeedReader,
    HttpFetcher,
    IngestFailure,
    IngestNotice,
    JsonlReader,
    MemoryFetcher,
    WarcReader,
    read_sources,
)
from newsprism.ingest._base import Item, guarded
from newsprism.model import Article
from newsprism.store import MemoryStore

GOOD = '{"id": "good", "text": "The council approved the budget on Monday."}\n'
WORDS_60 = " ".join(f"word{n}" for n in range(59))


def failures(items: list[Item]) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


def articles(items: list[Item]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_deeply_nested_json_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    depth = sys.getrecursionlimit() * 4
    path.write_text("[" * depth + "]" * depth + "\n" + GOOD, encoding="utf-8")
    items = list(JsonlReader().read(str(path)))
    assert failures(items) == [IngestFailure(str(path), "line 1: JSON nested too deeply to read")]
    assert [a.id for a in articles(items)] == ["good"]


def test_deeply_nested_json_document_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    assert list(JsonlReader().read(str(path))) == [
        IngestFailure(str(path), "JSON nested too deeply to read")
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://0177.0.0.1/x",
        "http://127.000.000.001/",
        "http://[::1/x",
        "http://example.com:99999/",
        "http://exa\x01mple.com/",
        "http://xn--a.com/",
    ],
)
def test_url_forms_httpx_refuses_are_one_failure(url: str) -> None:
    with HttpFetcher() as fetcher:
        [item] = read_sources([url], fetcher=fetcher)
    assert isinstance(item, IngestFailure)
    assert item.source == url and item.reason.startswith("invalid URL")


def _feed(tmp_path: Path, items: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "feed.xml"
    path.write_bytes(
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>Wire</title>{items}</channel></rss>".encode()
    )
    return path


def test_short_entries_keep_the_feeds_text_when_the_link_cannot_be_fetched(
    tmp_path: Path,
) -> None:
    feed = _feed(
        tmp_path,
        f"<item><title>A</title><link>http://127.0.0.1:9/a</link>"
        f"<description>{WORDS_60} alpha.</description></item>"
        f"<item><title>B</title><link>http://bad.example:99999/b</link>"
        f"<description>{WORDS_60} beta.</description></item>",
    )
    with HttpFetcher() as fetcher:
        items = list(FeedReader(fetcher).read(str(feed)))
    assert len(articles(items)) == 2 and not failures(items)
    first, second = articles(items)
    assert first.metadata["partial"] is True
    assert first.metadata["link_error"].startswith("refused: 127.0.0.1 is a loopback address")
    assert second.metadata["link_error"].startswith("invalid URL")


def test_an_entry_failure_names_the_feed_and_the_link(tmp_path: Path) -> None:
    feed = _feed(
        tmp_path,
        "<item><title>A</title><link>https://news.example/gone</link></item>"
        "<item><title>B</title><link>https://news.example/\x01bad</link></item>",
    )
    items = list(FeedReader(MemoryFetcher()).read(str(feed)))
    gone, bad = failures(items)[:2]
    assert gone.source == f"{feed}#entry-1"
    assert gone.reason.startswith("linked page https://news.example/gone: HTTP 404")
    assert bad.source == f"{feed}#entry-2" or bad.source == str(feed)


def test_a_broken_encoding_declaration_is_one_failure(tmp_path: Path) -> None:
    entry = "<item><title>A</title><description>Hi.</description></item>"
    feed = _feed(tmp_path, entry, "undefined")
    [item] = FeedReader(MemoryFetcher()).read(str(feed))
    assert isinstance(item, IngestFailure) and item.source == str(feed)
    assert item.reason.startswith("not a readable feed")


@pytest.mark.parametrize(
    "content",
    [
        b"WARC/1.0\r\n" + bytes(range(256)) * 4,
        b"WARC/1.1\r\nWARC-Type: response\r\ngarbage\r\ngarbage\r\n\r\n",
        b"WARC/1.0\r\n\x00\x01\x02 not a header at all",
    ],
)
def test_a_warc_that_starts_validly_then_turns_to_garbage_is_reported(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    items = list(WarcReader().read(str(path)))
    assert items and all(isinstance(i, IngestFailure) for i in items)
    assert items[-1].source == str(path)


def test_good_records_then_garbage_are_read_then_reported(tmp_path: Path) -> None:
    from test_ingest_warc import write_warc

    path = tmp_path / "crawl.warc"
    write_warc(path, Path(__file__).parent.parent / "data" / "ingest", gzip=False)
    path.write_bytes(path.read_bytes() + b"WARC/1.0\r\nnonsense: yes\r\n\r\n" + b"\xff" * 300)
    items = list(WarcReader().read(str(path)))
    assert len(articles(items)) == 3
    last = items[-1]
    assert isinstance(last, IngestFailure) and last.source == str(path)
    assert last.reason.startswith("unreadable after record")


def test_a_folder_with_nothing_to_read_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    [item] = read_sources([str(tmp_path)])
    assert isinstance(item, IngestFailure) and item.source == str(tmp_path)
    assert item.reason.startswith("no files to read in the folder (found .png;")


def test_whatever_a_reader_raises_ends_only_that_input() -> None:
    art = Article(id="a", text="Text.")

    def reader() -> Iterator[Item]:
        yield art
        raise KeyError("library bug")

    assert list(guarded("src.bin", reader())) == [
        art,
        IngestFailure("src.bin", "could not be read (KeyError: 'library bug')"),
    ]
    deep: list[Item] = list(guarded("d.json", iter([])))
    assert deep == []


def test_a_date_that_is_not_a_date_is_dropped_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "a", "published": "not a date", "text": "The council met."}\n'
        '{"id": "b", "published": "Fri, 25 Oct 2024 09:00:00 GMT", "text": "It voted."}\n'
        '{"id": "c", "published": "2024-10-26", "text": "It adjourned."}\n'
        '{"id": "d", "published": "20245-01-01", "text": "It rested."}\n',
        encoding="utf-8",
    )
    heard: list[IngestNotice] = []
    store = MemoryStore()
    report = ingest_sources([str(path)], store=store, on_notice=heard.append)
    assert len(report.ids) == 4 and not report.failures
    dates = {a.id: a.published for a in store.articles()}
    assert dates == {"a": None, "b": "2024-10-25T09:00:00+00:00", "c": "2024-10-26", "d": None}
    assert store.get_article("a").metadata["date_text"] == "not a date"  # type: ignore[union-attr]
    assert [n.message for n in heard] == [
        "published 'not a date' is not a date; left undated",
        "published '20245-01-01' is not a date; left undated",
    ]
    assert report.notices == tuple(heard)


def test_a_renamed_duplicate_id_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "x", "text": "The council met on Monday."}\n'
        '{"id": "x", "text": "A different story about a fire."}\n',
        encoding="utf-8",
    )
    heard: list[IngestNotice] = []
    report = ingest_sources([str(path)], store=MemoryStore(), on_notice=heard.append)
    assert len(report.ids) == 2 and report.ids[0] == "x" and report.ids[1] != "x"
    [notice] = heard
    assert notice.source == f"{path}:2"
    assert notice.message == f"id 'x' is taken by another article; stored as {report.ids[1]!r}"


def test_failures_are_heard_as_they_happen(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met.\n", encoding="utf-8")
    order: list[str] = []
    sources = ["missing.txt", str(tmp_path / "a.txt"), "http://[::1/x"]

    def progress(what: str, done: int, total: int | None) -> None:
        order.append(f"progress {done}")

    ingest_sources(
        sources,
        store=MemoryStore(),
        progress=progress,
        on_failure=lambda f: order.append(f"failure {f.source}"),
    )
    assert order == [
        "failure missing.txt",
        "progress 1",
        "progress 2",
        "failure http://[::1/x",
        "progress 3",
    ]


def test_an_article_the_store_refuses_fails_alone(tmp_path: Path, postgres_url: str) -> None:
    """PostgreSQL refuses NUL characters in text, which JSON can carry."""
    from newsprism.store import open_store

    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "nul", "text": "A\\u0000B said so."}\n' + GOOD, encoding="utf-8")
    store = open_store(postgres_url)
    try:
        report = ingest_sources([str(path)], store=store)
    finally:
        store.close()
    assert report.ids == ("good",)
    [failure] = report.failures
    assert failure.source == f"{path}:1" and failure.reason.startswith("not stored (")
