"""HTML reader: trafilatura's main text and metadata, from files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import HtmlReader, IngestFailure, article_from_html, html_to_text
from newsprism.model import Article


def read(path: Path) -> list[Article | IngestFailure]:
    return list(HtmlReader().read(str(path)))


def test_news_page_with_og_site_name_author_meta_and_json_ld(data_dir: Path) -> None:
    path = data_dir / "musk_putin_capital.html"
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.id == "musk_putin_capital"
    assert art.outlet == "The Capital Ledger"
    assert art.title == "Lawmakers seek inquiry into Musk's contacts with Putin"
    assert art.author == "Dana Whitfield"
    assert art.published == "2024-10-26"  # the publication date, not dateModified
    assert art.url == "https://capitalledger.example/politics/2024/10/26/musk-putin-inquiry"
    assert art.metadata["hostname"] == "capitalledger.example"
    assert art.provenance is not None
    assert (art.provenance.source, art.provenance.reader) == (str(path), "html")
    paragraphs = art.text.split("\n\n")
    assert paragraphs[1].startswith("The top Democrat on the House Armed Services Committee")
    assert paragraphs[-1].startswith("Smith stopped short of saying")
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)
    # navigation, related links and the footer are not the article
    assert "Subscribe" not in art.text
    assert "All rights reserved" not in art.text
    assert "Starlink and the war in Ukraine" not in art.text


def test_windows_1252_page_with_meta_date(data_dir: Path) -> None:
    [art] = read(data_dir / "musk_putin_wire.html")
    assert isinstance(art, Article)
    assert art.outlet == "Northern Wire"
    assert art.author == "Lars Eriksson"
    assert art.published == "2024-10-25"
    assert art.url is None
    assert "MOSCOW (Northern Wire) — The Kremlin" in art.text
    assert "“absolutely untrue”" in art.text


def test_declared_charset_wins(data_dir: Path) -> None:
    data = (data_dir / "musk_putin_wire.html").read_bytes()
    art = article_from_html(
        data, id="x", source="test", reader="url", url="https://w.example/a", charset="cp1252"
    )
    assert "“absolutely untrue”" in art.text
    assert art.url == "https://w.example/a"
    assert art.provenance is not None and art.provenance.reader == "url"


def test_page_without_metadata_gets_no_guessed_date() -> None:
    html = (
        "<html><body><article><p>Since 2022 the two men are said to have talked, "
        "and in 2023 as well, according to the report.</p></article></body></html>"
    )
    art = article_from_html(html, id="x", source="test", reader="html")
    assert art.published is None
    assert art.text.startswith("Since 2022")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"<html><head><title>x</title></head><body></body></html>", "no article text found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ],
)
def test_bad_pages(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    [item] = read(path)
    assert isinstance(item, IngestFailure)
    assert item.source == str(path)
    assert item.reason.startswith(reason)


def test_missing_page(tmp_path: Path) -> None:
    [item] = read(tmp_path / "missing.html")
    assert item == IngestFailure(str(tmp_path / "missing.html"), "file not found")


def test_article_from_html_raises_input_error_for_no_text() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_html("<html><body><nav></nav></body></html>", id="x", source="s", reader="url")


def test_html_to_text() -> None:
    fragment = (
        "<p>Hello &amp; <b>bold</b>\n  world.</p><p>Second<br>line two</p>"
        "<script>track()</script><style>p{}</style>"
        "<ul><li>a</li><li>b</li></ul>tail &#8220;q&#8221;"
    )
    assert html_to_text(fragment) == "Hello & bold world.\n\nSecond\nline two\n\na\n\nb\n\ntail “q”"
    assert html_to_text("") == ""
    assert html_to_text("plain words") == "plain words"


def test_utf8_page_declared_as_latin1_is_read_as_utf8() -> None:
    html = (
        "<html><body><article><p>Peskov called it “absolutely untrue” — café.</p>"
        "</article></body></html>"
    )
    art = article_from_html(
        html.encode("utf-8"), id="x", source="s", reader="url", charset="iso-8859-1"
    )
    assert "“absolutely untrue” — café" in art.text
