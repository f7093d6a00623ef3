"""RSS/Atom reader: full content from the feed, linked pages through the fetcher."""

from __future__ import annotations

from pathlib import Path

from ingest_server import Server

from newsprism.ingest import (
    FeedReader,
    HttpFetcher,
    IngestFailure,
    MemoryFetcher,
    looks_like_feed,
    read_sources,
    stable_id,
)
from newsprism.model import Article

BASE = "https://ledger.example"


def links_feed(data_dir: Path, base: str) -> str:
    return (data_dir / "feed_links.rss").read_text(encoding="utf-8").replace("{base}", base)


def page_fetcher(data_dir: Path) -> MemoryFetcher:
    fetcher = MemoryFetcher()
    fetcher.add(
        f"{BASE}/politics/musk-putin-inquiry",
        (data_dir / "musk_putin_capital.html").read_bytes(),
    )
    fetcher.add(
        f"{BASE}/world/kremlin-denies",
        (data_dir / "musk_putin_wire.html").read_bytes(),
        "text/html; charset=windows-1252",
    )
    return fetcher


def test_rss_with_content_encoded_needs_no_fetching(data_dir: Path) -> None:
    fetcher = MemoryFetcher()
    path = str(data_dir / "feed_full.rss")
    first, second = FeedReader(fetcher).read(path)
    assert fetcher.requests == []
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == stable_id("https://blitz.example/2024/10/27/musk-contacts-putin/")
    assert first.outlet == "BLiTZ"
    assert first.title == "Musk contacts with Putin raise national security concerns in Washington"
    assert first.url == "https://blitz.example/2024/10/27/musk-contacts-putin/"
    assert first.published == "2024-10-27T08:15:00+00:00"
    assert first.author == "Salah Uddin Shoaib Choudhury"
    assert first.metadata["tags"] == ["Politics", "Elon Musk"]
    assert first.metadata["guid"] == "https://blitz.example/?p=50123"
    paragraphs = first.text.split("\n\n")
    assert paragraphs[0].startswith("Elon Musk, the billionaire tech mogul")
    assert "Musk’s alleged contacts with the Kremlin" in paragraphs[1]
    # raw: the syndication footer stays for the cleaner to find
    assert paragraphs[-1] == (
        "The post Musk contacts with Putin raise national security concerns in Washington "
        "appeared first on BLiTZ."
    )
    assert first.provenance is not None
    assert first.provenance.source == f"{path}#entry-1"
    assert first.provenance.reader == "feed"
    assert second.published == "2024-10-25T17:40:00+00:00"


def test_atom_feed(data_dir: Path) -> None:
    fetcher = MemoryFetcher()
    [art] = FeedReader(fetcher).read(str(data_dir / "feed.atom"))
    assert fetcher.requests == []
    assert isinstance(art, Article)
    assert art.outlet == "Vox"
    assert art.author == "Joshua Keating"
    assert art.url == "https://vox.example/politics/musk-putin-national-security"
    assert art.published == "2024-10-26T14:30:00+00:00"  # UTC
    assert art.text.startswith("Generally speaking, the national security state")
    assert len(art.text.split("\n\n")) == 3


def test_feed_with_only_links_fetches_the_pages(data_dir: Path, tmp_path: Path) -> None:
    feed = tmp_path / "links.rss"
    feed.write_text(links_feed(data_dir, BASE), encoding="utf-8")
    fetcher = page_fetcher(data_dir)
    first, second, gone = FeedReader(fetcher).read(str(feed))
    assert [url for url, _ in fetcher.requests] == [
        f"{BASE}/politics/musk-putin-inquiry",
        f"{BASE}/world/kremlin-denies",
        f"{BASE}/gone",
    ]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == stable_id(f"{BASE}/politics/musk-putin-inquiry")
    assert first.outlet == "The Capital Ledger - Politics"  # the feed's title for every entry
    assert first.metadata["sitename"] == "The Capital Ledger"
    assert first.title == "Lawmakers seek inquiry into Musk's contacts with Putin"
    assert first.published == "2024-10-26T14:05:00+00:00"  # the entry's, with its time
    assert first.author == "newsdesk@capitalledger.example (Dana Whitfield)"
    assert "The top Democrat on the House Armed Services Committee" in first.text
    assert first.provenance is not None
    assert first.provenance.source == f"{BASE}/politics/musk-putin-inquiry"
    assert "“absolutely untrue”" in second.text  # the page's declared charset was used
    assert second.author == "Lars Eriksson"  # the page fills what the entry lacks
    # the page is gone, but the feed holds the entry's own text: that is the article
    assert isinstance(gone, Article)
    assert gone.text == "Short teaser."
    assert gone.metadata["partial"] is True
    assert gone.metadata["link_error"] == "HTTP 404"
    assert gone.provenance is not None and gone.provenance.source == f"{feed}#entry-3"


def test_short_entry_without_link_is_kept_as_partial(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Brief</title><description>Only a short note.</description></item>"
        "<item><title>Nothing</title></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    brief, nothing = FeedReader(MemoryFetcher()).read(str(feed))
    assert isinstance(brief, Article)
    assert brief.text == "Only a short note."
    assert brief.metadata["partial"] is True
    assert nothing == IngestFailure(f"{feed}#entry-2", "entry has no text and no link")


def test_broken_and_non_feeds(tmp_path: Path) -> None:
    cases = {
        "garbage.rss": b"\x00\x01 not xml at all <<<",
        "page.xml": b"<html><body><p>Not a feed.</p></body></html>",
        "empty-feed.rss": b"<rss version='2.0'><channel><title>T</title></channel></rss>",
        "empty.rss": b"",
    }
    reasons = {}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        [item] = FeedReader(MemoryFetcher()).read(str(tmp_path / name))
        assert isinstance(item, IngestFailure)
        assert item.source == str(tmp_path / name)
        reasons[name] = item.reason
    assert reasons["garbage.rss"].startswith("not a valid RSS or Atom feed (not well-formed")
    assert reasons["page.xml"] == "not an RSS or Atom feed"
    assert reasons["empty-feed.rss"] == "feed has no entries"
    assert reasons["empty.rss"] == "empty file"


def test_truncated_feed_keeps_the_entries_before_the_break(tmp_path: Path) -> None:
    feed = tmp_path / "cut.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Whole</title><description>A complete entry.</description></item>"
        "<item><title>Cut</title><link>https://t.example/cut</link><descr",
        encoding="utf-8",
    )
    fetcher = MemoryFetcher()
    fetcher.add("https://t.example/cut", "<html><body><p>The cut entry's page.</p></body></html>")
    whole, cut, problem = FeedReader(fetcher).read(str(feed))
    assert isinstance(whole, Article) and whole.text == "A complete entry."
    assert isinstance(cut, Article) and cut.text == "The cut entry's page."
    assert isinstance(problem, IngestFailure) and problem.source == str(feed)
    assert problem.reason.startswith("malformed feed XML (")
    assert problem.reason.endswith("; 2 entries read leniently")


def test_looks_like_feed() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')
    assert looks_like_feed(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>")
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><feed></feed>")


def test_feed_url_over_real_http(data_dir: Path, http_server: Server) -> None:
    http_server.add(
        "/politics/musk-putin-inquiry", (data_dir / "musk_putin_capital.html").read_bytes()
    )
    http_server.add(
        "/world/kremlin-denies",
        (data_dir / "musk_putin_wire.html").read_bytes(),
        "text/html; charset=windows-1252",
    )
    feed_url = http_server.add(
        "/feed", links_feed(data_dir, http_server.base), "application/rss+xml"
    )
    with HttpFetcher(allow_private=True) as fetcher:
        items = list(read_sources([feed_url], fetcher=fetcher))
    first, second, gone = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == http_server.url("/politics/musk-putin-inquiry")
    assert first.provenance is not None and first.provenance.fetched_at
    assert "Kremlin on Friday rejected a report" in second.text
    assert isinstance(gone, Article) and gone.metadata["link_error"] == "HTTP 404"
    assert http_server.seen[0][0] == "/feed"


def test_feed_url_is_refused_without_allow_private(http_server: Server, data_dir: Path) -> None:
    url = http_server.add("/feed", (data_dir / "feed_full.rss").read_bytes(), "application/rss+xml")
    [item] = read_sources([url])
    assert isinstance(item, IngestFailure)
    assert item.reason.startswith("refused: 127.0.0.1 is a loopback address")
    assert http_server.seen == []
