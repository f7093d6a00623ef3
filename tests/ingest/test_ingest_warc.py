"""WARC reader, on WARC files written here with warcio."""

from __future__ import annotations

import gzip as gz
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestFailure, WarcReader, read_sources, stable_id
from newsprism.model import Article

CAPITAL = "https://capitalledger.example/politics/musk-putin-inquiry"
WIRE = "https://wire.example/world/kremlin-denies"


def write_warc(path: Path, data_dir: Path, *, gzip: bool) -> dict[str, str]:
    """A small crawl: two articles, a request, an image, a 404, a capture with a broken
    digest, a page with no text and a second capture of the first page.  Returns the
    record ids of the interesting records by name."""
    ids: dict[str, str] = {}
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)

        def response(
            name: str, url: str, body: bytes, content_type: str, status: str = "200 OK"
        ) -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            ids[name] = record.rec_headers.get_header("WARC-Record-ID").strip("<>")
            if name != "broken":
                writer.write_record(record)
                return
            # damage the record after its digest was computed, as a bad disk or copy would
            raw = io.BytesIO()
            WARCWriter(raw, gzip=False).write_record(record)
            damaged = raw.getvalue().replace(b"Smith stopped", b"Smyth stopped")
            fh.write(gz.compress(damaged) if gzip else damaged)

        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        request = StatusAndHeaders("GET /politics HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                CAPITAL, "request", payload=io.BytesIO(b""), http_headers=request
            )
        )
        capital = (data_dir / "musk_putin_capital.html").read_bytes()
        response("capital", CAPITAL, capital, "text/html; charset=utf-8")
        response(
            "wire",
            WIRE,
            (data_dir / "musk_putin_wire.html").read_bytes(),
            "text/html; charset=windows-1252",
        )
        response("image", "https://wire.example/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
        response(
            "missing",
            "https://wire.example/gone",
            b"<html>gone</html>",
            "text/html",
            "404 Not Found",
        )
        response("broken", "https://wire.example/broken", capital, "text/html")
        response("blank", "https://wire.example/blank", b"<html><body></body></html>", "text/html")
        response("again", CAPITAL, capital, "text/html; charset=utf-8")
    return ids


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_records_become_articles(tmp_path: Path, data_dir: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    ids = write_warc(path, data_dir, gzip=gzip)
    items = list(WarcReader().read(str(path)))
    capital, wire, broken, blank, again = items

    assert isinstance(capital, Article)
    assert capital.id == stable_id(CAPITAL)
    assert capital.url == CAPITAL
    assert capital.outlet == "The Capital Ledger"
    assert capital.author == "Dana Whitfield"
    assert capital.published == "2024-10-26"
    assert capital.metadata["warc_record_id"] == ids["capital"]
    assert capital.metadata["warc_date"]  # the capture time, kept apart from `published`
    assert capital.metadata["canonical_url"].endswith("/2024/10/26/musk-putin-inquiry")
    assert capital.provenance is not None
    assert capital.provenance.source == f"{path}#{ids['capital']}"
    assert capital.provenance.reader == "warc"
    assert "\n\nSmith stopped short" in capital.text

    assert isinstance(wire, Article)
    assert "“absolutely untrue”" in wire.text  # decoded with the HTTP charset

    # the image, the request and the 404 are skipped without a word; broken ones are named
    assert broken == IngestFailure(
        f"{path}#{ids['broken']}", "block digest mismatch (corrupt or truncated record)"
    )
    assert isinstance(blank, IngestFailure)
    assert blank.source == f"{path}#{ids['blank']}"
    assert blank.reason == "no article text found in the page"

    # a second capture of the same URL gets its own id
    assert isinstance(again, Article) and again.id == stable_id(CAPITAL, ids["again"])


def test_read_sources_dispatches_warc_gz(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, data_dir, gzip=True)
    items = list(read_sources([str(tmp_path)]))
    assert sum(isinstance(i, Article) for i in items) == 3


def test_corrupt_gzip_stops_with_one_failure_after_the_good_records(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, data_dir, gzip=True)
    data = path.read_bytes()
    cut = len(data) * 2 // 3
    path.write_bytes(data[:cut] + b"\x00" * 64 + data[cut + 64 :])
    items = list(WarcReader().read(str(path)))
    assert isinstance(items[0], Article)
    last = items[-1]
    assert isinstance(last, IngestFailure) and last.source == str(path)
    assert last.reason.startswith("unreadable after record ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"<html><body>not a crawl</body></html>", "not a WARC file"),
        (
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03+I-.\x01\x00\x0c~\x7f\xd8\x04\x00\x00\x00",
            "not a WARC file",
        ),
        (
            b"filedesc://crawl.arc 0.0.0.0 20241026000000 text/plain 76\n",
            "ARC files are not supported; convert them to WARC first",
        ),
    ],
)
def test_not_a_warc(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    assert list(WarcReader().read(str(path))) == [IngestFailure(str(path), reason)]


def test_missing_warc(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.warc.gz")
    assert list(WarcReader().read(path)) == [IngestFailure(path, "file not found")]
