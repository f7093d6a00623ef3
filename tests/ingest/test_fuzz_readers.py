"""Hostile inputs for every reader (files, HTML, feeds, WARC, JSONL, URLs): whatever the
bytes, reading yields articles and one-line failures naming the input, never raises.

Bounded (a few dozen examples per reader, no deadline) so the whole module runs in
seconds; ``benchmarks/bench_fuzz.py`` throws thousands at the command line.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsprism._api import ingest_sources
from newsprism.ingest import HttpFetcher, IngestFailure, read_sources
from newsprism.model import Article
from newsprism.store import MemoryStore

sys.path.insert(0, str(Path(__file__).parent))
from fuzz_inputs import (
    EXTENSIONS,
    feed_documents,
    good_feed_item,
    good_json_line,
    good_warc,
    hostile_names,
    hostile_urls,
    html_documents,
    json_lines,
    warc_variants,
)

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _read_one(path: Path) -> list[Article | IngestFailure]:
    items = list(read_sources([str(path)]))
    for item in items:
        assert isinstance(item, Article | IngestFailure)
        if isinstance(item, IngestFailure):
            assert item.source.startswith(str(path)), item
            assert "\n" not in item.reason, item
    return items


@FUZZ
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=4096))
def test_any_bytes_under_any_extension(tmp_path: Path, ext: str, data: bytes) -> None:
    path = tmp_path / f"input{ext}"
    path.write_bytes(data)
    _read_one(path)


@FUZZ
@given(name=hostile_names(), text=st.text(max_size=300))
def test_any_file_name(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    report = ingest_sources([str(path)], store=MemoryStore())
    assert len(report.ids) + len(report.failures) >= 1


@FUZZ
@given(lines=json_lines())
@example(  # found by Hypothesis: one stray NUL made the whole file "binary"
    lines=b"\x00\n"
    + b"[" * 9000
    + b'\n{"id": "good-0", "title": "Plan", "text": "The board met."}\n'
)
def test_jsonl(tmp_path: Path, lines: bytes) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(lines)
    items = _read_one(path)
    good = sum(1 for line in lines.split(b"\n") if line.startswith(b'{"id": "good'))
    assert sum(isinstance(i, Article) and i.id.startswith("good") for i in items) == good


@FUZZ
@given(doc=html_documents())
def test_html(tmp_path: Path, doc: bytes) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(doc)
    _read_one(path)


@FUZZ
@given(doc=feed_documents())
def test_feeds(tmp_path: Path, doc: bytes) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(doc)
    with HttpFetcher(connect_timeout=0.5, read_timeout=0.5) as fetcher:
        items = list(read_sources([str(path)], fetcher=fetcher))
    for item in items:
        if isinstance(item, IngestFailure):
            assert item.source.startswith(str(path)), item


@FUZZ
@given(data=warc_variants())
def test_warc(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / ("a.warc.gz" if data[:2] == b"\x1f\x8b" else "a.warc")
    path.write_bytes(data)
    items = _read_one(path)
    assert items, "a WARC that gives nothing must say why"


@FUZZ
@given(url=hostile_urls())
def test_urls(url: str) -> None:
    with HttpFetcher(connect_timeout=0.5, read_timeout=0.5) as fetcher:
        items = list(read_sources([url], fetcher=fetcher))
    assert items and all(isinstance(i, IngestFailure) for i in items), items


def test_the_generators_start_from_good_inputs(tmp_path: Path) -> None:
    """The hostile inputs are mutations of inputs that do read: the base WARC gives its
    articles, the good JSONL line and feed entry are read."""
    for gzipped in (False, True):
        path = tmp_path / ("b.warc.gz" if gzipped else "b.warc")
        path.write_bytes(good_warc(("p", "q"), gzipped=gzipped))
        assert [type(i) for i in _read_one(path)] == [Article, Article]
    path = tmp_path / "g.jsonl"
    path.write_bytes(good_json_line(1, "m") + b"\n")
    assert [type(i) for i in _read_one(path)] == [Article]
    feed = tmp_path / "g.xml"
    feed.write_text(
        f'<rss version="2.0"><channel><title>T</title>{good_feed_item("k")}</channel></rss>'
    )
    [entry] = _read_one(feed)
    assert isinstance(entry, Article) and "Budget k passed" in entry.text


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_an_empty_file_is_one_failure(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"empty{ext}"
    path.write_bytes(b"")
    items = _read_one(path)
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
