"""WARC and WARC.gz files with fastwarc.

Every ``response`` record with HTTP status 200 and an HTML content type (and
every HTML ``resource`` record) becomes an article through the HTML extractor;
the url is ``WARC-Target-URI``.  ``published`` is the page's own date
(htmldate); the capture time is kept in ``metadata["warc_date"]``, since a
crawl date is not a publication date.  Other records (requests, images,
redirects, robots.txt) are skipped without a word.

A record that is broken (a block digest that does not match, unparsable HTTP
headers, a page with no text) is one failure named ``file#record-id``; a file
that is not a WARC at all is one failure; a file that cannot be read past some
record is one failure after the articles before it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..errors import InputError
from ._base import MAX_BYTES, IngestFailure, Item, stable_id, unexpected
from ._io import failure, os_reason, too_large
from .html import article_from_html, is_html

log = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"


def _start(path: str) -> bytes:
    """The first bytes of the file, gunzipped if it is gzip."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith(_GZIP_MAGIC):
        try:
            return zlib.decompressobj(wbits=47).decompress(head, 64)
        except zlib.error:
            return b""
    return head


def _record_id(record: Any) -> str:
    return (record.record_id or "").strip("<>") or f"offset-{record.stream_pos}"


def _where(source: str, record: Any) -> str:
    """``file#record-id``: how a failure names one record of an archive."""
    try:
        return f"{source}#{_record_id(record)}"
    except Exception:  # a record too broken to name: the archive names it
        return source


class WarcReader:
    """Reads ``.warc`` / ``.warc.gz`` files."""

    name = "warc"

    def read(self, source: str) -> Iterator[Item]:
        try:
            start = _start(source)
        except OSError as exc:
            yield IngestFailure(source, os_reason(exc))
            return
        if not start:
            yield IngestFailure(source, "empty file")
            return
        if start.startswith(b"filedesc://"):
            yield IngestFailure(source, "ARC files are not supported; convert them to WARC first")
            return
        if not start.startswith(b"WARC/"):
            yield IngestFailure(source, "not a WARC file")
            return
        yield from self._records(source)

    def _records(self, source: str) -> Iterator[Item]:
        seen: set[str] = set()
        done = yielded = 0
        kinds = WarcRecordType.response | WarcRecordType.resource
        try:
            with open(source, "rb") as fh:
                for record in ArchiveIterator(fh, parse_http=False):
                    if not record.record_id or record.record_type == WarcRecordType.unknown:
                        # garbage that fastwarc read as a record: nothing after it is sound
                        at = f"after record {done}" if done else "at the first record"
                        yield IngestFailure(
                            source,
                            f"unreadable {at}: not a valid WARC record at byte "
                            f"{record.stream_pos} (no WARC-Record-ID or WARC-Type)",
                        )
                        return
                    done += 1
                    if not record.record_type & kinds:
                        continue
                    try:
                        item = self._record(source, record, seen)
                    except Exception as exc:  # one record must never stop the archive
                        item = IngestFailure(_where(source, record), unexpected(exc))
                    if item is not None:
                        yielded += 1
                        yield item
        except OSError as exc:
            where = f"after record {done}" if done else "at the first record"
            yield IngestFailure(source, f"unreadable {where}: {exc}")
            return
        if not done:
            # fastwarc ends quietly where a file that starts "WARC/" goes on with garbage
            yield IngestFailure(source, "no WARC record could be read (corrupt after its start)")
        elif not yielded:  # an input that gives nothing says why
            n = f"{done} record{'' if done == 1 else 's'}"
            yield IngestFailure(source, f"no HTML page in the archive ({n}, none a page)")

    def _record(self, source: str, record: Any, seen: set[str]) -> Item | None:
        record_id = _record_id(record)
        where = f"{source}#{record_id}"
        url = record.headers.get("WARC-Target-URI") or None
        is_response = record.record_type == WarcRecordType.response
        if record.content_length > MAX_BYTES:
            return IngestFailure(where, too_large())
        if record.headers.get("WARC-Block-Digest") and not record.verify_block_digest(
            consume=False
        ):
            return IngestFailure(where, "block digest mismatch (corrupt or truncated record)")
        if is_response:
            try:
                record.parse_http(auto_decode="all")
            except (OSError, ValueError) as exc:
                return IngestFailure(where, f"invalid HTTP headers ({exc})")
            status = record.http_headers.status_code if record.is_http else None
            if status is None:
                return IngestFailure(where, "no HTTP status line in the response record")
            content_type = record.http_content_type
            charset = record.http_charset
        else:
            status, charset = 200, None
            content_type = record.headers.get("Content-Type")
        if status != 200:
            log.debug("skipping %s: HTTP %s", where, status)
            return None
        try:
            payload = record.reader.read()
        except OSError as exc:
            return IngestFailure(where, f"cannot read the record ({exc})")
        if not is_html(content_type, payload):
            log.debug("skipping %s: %s", where, content_type)
            return None
        key = url or record_id
        article_id = stable_id(key) if key not in seen else stable_id(key, record_id)
        seen.add(key)
        metadata = {"warc_record_id": record_id}
        if record.headers.get("WARC-Date"):
            metadata["warc_date"] = record.headers.get("WARC-Date")
        try:
            return article_from_html(
                payload,
                id=article_id,
                source=where,
                reader=self.name,
                url=url,
                charset=charset,
                metadata=metadata,
            )
        except InputError as exc:
            return failure(exc)
