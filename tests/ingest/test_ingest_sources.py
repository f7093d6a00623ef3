"""read_sources: URLs over real HTTP, files by extension and content, folders, globs."""

from __future__ import annotations

import shutil
from pathlib import Path

from ingest_server import Server

from newsprism.ingest import (
    HttpFetcher,
    IngestFailure,
    MemoryFetcher,
    iter_files,
    read_sources,
    stable_id,
)
from newsprism.model import Article

NO_SUCH = "no such file, folder, glob match or URL"


def test_url_page_over_real_http(http_server: Server, data_dir: Path) -> None:
    url = http_server.add("/story", (data_dir / "musk_putin_capital.html").read_bytes())
    with HttpFetcher(allow_private=True) as fetcher:
        [art] = read_sources([url], fetcher=fetcher)
    assert isinstance(art, Article)
    assert art.id == stable_id(url)
    assert art.url == url
    assert art.outlet == "The Capital Ledger"
    assert art.published == "2024-10-26"
    assert art.metadata["canonical_url"].endswith("/2024/10/26/musk-putin-inquiry")
    assert art.provenance is not None
    assert (art.provenance.source, art.provenance.reader) == (url, "url")
    assert art.provenance.fetched_at


def test_url_allow_private_flag_builds_its_own_fetcher(http_server: Server) -> None:
    url = http_server.add("/note", "Short headline\n\nA plain text note.", "text/plain")
    [art] = read_sources([url], allow_private=True)
    assert isinstance(art, Article)
    assert (art.title, art.text) == ("Short headline", "A plain text note.")
    [refused] = read_sources([url])
    assert isinstance(refused, IngestFailure) and refused.reason.startswith("refused: ")


def test_url_failures_and_the_batch_goes_on(http_server: Server, data_dir: Path) -> None:
    good = http_server.add("/good", (data_dir / "musk_putin_wire.html").read_bytes())
    image = http_server.add("/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
    empty = http_server.add("/empty", b"", "text/html")
    missing = http_server.url("/missing")
    with HttpFetcher(allow_private=True) as fetcher:
        items = list(
            read_sources([missing, image, empty, "ftp://x.example/a", good], fetcher=fetcher)
        )
    assert items[:4] == [
        IngestFailure(missing, "HTTP 404"),
        IngestFailure(image, "unsupported content type image/png"),
        IngestFailure(empty, "empty response"),
        IngestFailure("ftp://x.example/a", "unsupported URL scheme 'ftp' (only http and https)"),
    ]
    assert isinstance(items[4], Article) and items[4].outlet == "Northern Wire"


def test_feed_is_sniffed_even_when_served_as_text_html(data_dir: Path) -> None:
    fetcher = MemoryFetcher()
    fetcher.add("https://blitz.example/feed", (data_dir / "feed_full.rss").read_bytes())
    items = list(read_sources(["https://blitz.example/feed"], fetcher=fetcher))
    assert [a.outlet for a in items if isinstance(a, Article)] == ["BLiTZ", "BLiTZ"]


def test_every_file_type_by_extension(data_dir: Path, seeds_dir: Path) -> None:
    sources = [
        str(seeds_dir / "001_0cc158f5c070f046.txt"),
        str(data_dir / "musk_putin_capital.html"),
        str(data_dir / "feed_full.rss"),
        str(data_dir / "feed.atom"),
    ]
    items = list(read_sources(sources, fetcher=MemoryFetcher()))
    assert items and all(isinstance(i, Article) for i in items)
    assert [i.provenance.reader for i in items if isinstance(i, Article) and i.provenance] == [
        "text",
        "html",
        "feed",
        "feed",
        "feed",
    ]


def test_unknown_extensions_are_sniffed(tmp_path: Path, data_dir: Path) -> None:
    shutil.copy(data_dir / "musk_putin_capital.html", tmp_path / "page.download")
    shutil.copy(data_dir / "feed.atom", tmp_path / "feed.bin")
    (tmp_path / "notes").write_text("Plain notes without an extension.", encoding="utf-8")
    (tmp_path / "records.dat").write_text('{"id": "r1", "text": "From JSONL."}\n', "utf-8")
    names = ["page.download", "feed.bin", "notes", "records.dat"]
    items = list(read_sources([str(tmp_path / n) for n in names], fetcher=MemoryFetcher()))
    readers = [i.provenance.reader for i in items if isinstance(i, Article) and i.provenance]
    assert readers == ["html", "feed", "text", "jsonl"]


def test_folder_recursive_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    for rel in [
        *["b.txt", "a/z.txt", "a/b.md", ".hidden.txt", ".git/c.txt", "c.png", "d.csv"],
        *["config.json", "sitemap.xml"],
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {rel}.", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)] == [
        "a/b.md",
        "a/z.txt",
        "b.txt",
    ]
    items = list(read_sources([str(tmp_path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["b", "z", "b"]


def test_seeds_folder_reads_the_four_articles(seeds_dir: Path, gold_path: Path) -> None:
    items = list(read_sources([str(seeds_dir)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == [
        "000_d82b719c91dbffc4",
        "001_0cc158f5c070f046",
        "002_5f9e32d0296bbd23",
        "003_b37cc764ab2d9a6a",
    ]
    assert not any(isinstance(i, IngestFailure) for i in items)
    # a JSON file that holds no article (the gold annotation) is one clear failure
    [failure] = read_sources([str(gold_path)])
    assert str(failure) == f"{gold_path}: not an article: no text or html field"


def test_a_single_string_is_one_source(seeds_dir: Path) -> None:
    [art] = read_sources(str(seeds_dir / "002_5f9e32d0296bbd23.txt"))  # type: ignore[arg-type]
    assert isinstance(art, Article) and art.id == "002_5f9e32d0296bbd23"


def test_glob_missing_and_duplicates(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "c.md"]:
        (tmp_path / name).write_text(f"Text {name}.", encoding="utf-8")
    pattern = str(tmp_path / "*.txt")
    items = list(
        read_sources(
            [
                pattern,
                str(tmp_path / "a.txt"),  # already read through the glob: read once
                str(tmp_path / "*.xyz"),
                str(tmp_path / "missing.txt"),
                str(tmp_path / "c.md"),
            ]
        )
    )
    assert [i.id if isinstance(i, Article) else str(i) for i in items] == [
        "a",
        "b",
        f"{tmp_path / '*.xyz'}: {NO_SUCH}",
        f"{tmp_path / 'missing.txt'}: {NO_SUCH}",
        "c",
    ]


def test_mixed_batch_with_broken_inputs_keeps_going(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "bad.warc").write_bytes(b"not a warc")
    (tmp_path / "bad.rss").write_bytes(b"\x00 garbage")
    (tmp_path / "good.txt").write_text("Good text.", encoding="utf-8")
    sources = [str(tmp_path), str(data_dir / "articles.jsonl")]
    items = list(read_sources(sources, fetcher=MemoryFetcher()))
    failures = {Path(f.source).name: f.reason for f in items if isinstance(f, IngestFailure)}
    assert failures["binary.txt"] == "binary file, not text"
    assert failures["empty.txt"] == "empty file"
    assert failures["bad.warc"] == "not a WARC file"
    assert failures["bad.rss"].startswith("not a valid RSS or Atom feed")
    ids = [a.id for a in items if isinstance(a, Article)]
    assert ids == ["good", "axios-1", "troib-1", "page-1"]
