"""HTML pages, from files or fetched, to articles with trafilatura.

trafilatura finds the main text and the metadata: title, site name (the
outlet), author, canonical URL, and the date through htmldate (publication
date, not modification; ``extensive_search`` off, because guessing a date from
any year in the text is worse than having none).  The text comes back one
block a line; blocks are joined with blank lines, the paragraph separator of
the rest of the pipeline.  Nothing else is removed: boilerplate that
trafilatura keeps is the cleaning stage's business.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from ..model import Article, Provenance
from ._base import Item
from ._io import failure, file_id, read_bytes
from .fetch import FetchResult

log = logging.getLogger(__name__)

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_METADATA_KEYS = ("description", "hostname", "categories", "tags", "language", "pagetype")


_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")


def is_html(content_type: str | None, data: bytes) -> bool:
    """Whether a document is HTML: by its media type when it has a telling one, else by
    how it starts (``<!DOCTYPE html>``, ``<html>``, ...)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media != "application/octet-stream":
        return media in _HTML_TYPES
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_HTML_STARTS)


def decode_html(data: bytes, charset: str | None = None) -> str | bytes:
    """The page as text when it has a declared ``charset`` (valid UTF-8 is taken as UTF-8
    whatever the declaration: servers often say ISO-8859-1 by default), else the bytes
    for trafilatura to sniff (``<meta charset>``, then detection)."""
    if charset:
        for encoding in ("utf-8", charset):
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data


def article_from_html(
    html: str | bytes,
    *,
    id: str,
    source: str,
    reader: str,
    url: str | None = None,
    fetched_at: str | None = None,
    charset: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """Extract one article from a page; raises :class:`InputError` naming ``source``."""
    if isinstance(html, bytes):
        if b"\x00" in html[:8192]:
            raise InputError(source, "binary file, not text")
        html = decode_html(html, charset)
    if not html.strip():
        raise InputError(source, "empty page")
    # imported on first use: trafilatura costs a tenth of a second to import, and
    # most commands (and plain-text corpora) never read a page
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    try:
        doc = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # trafilatura on hostile markup: report, never crash a batch
        log.debug("trafilatura failed on %s", source, exc_info=True)
        raise InputError(source, f"cannot parse the HTML ({type(exc).__name__})") from None
    text = (doc.text or "").strip() if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not text:
        raise InputError(source, "no article text found in the page")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    meta: dict[str, Any] = {}
    for key in _METADATA_KEYS:
        value = getattr(doc, key, None)
        if value:
            meta[key] = value
    canonical = getattr(doc, "url", None)
    if canonical and url and canonical != url:
        meta["canonical_url"] = canonical
    meta.update(metadata or {})
    return Article(
        id=id,
        text="\n\n".join(paragraphs),
        outlet=doc.sitename or None,
        title=doc.title or None,
        published=doc.date or None,
        url=url or canonical or None,
        author=doc.author or None,
        metadata=meta,
        provenance=Provenance(source=source, reader=reader, fetched_at=fetched_at),
    )


def article_from_page(result: FetchResult, *, id: str, source: str, reader: str) -> Article:
    """:func:`article_from_html` for a fetched page: its final URL, charset and fetch time."""
    return article_from_html(
        result.content,
        id=id,
        source=source,
        reader=reader,
        url=result.url,
        fetched_at=result.fetched_at,
        charset=result.charset,
    )


class HtmlReader:
    """Reads ``.html`` / ``.htm`` files; the id is the file name without extension."""

    name = "html"

    def read(self, source: str) -> Iterator[Item]:
        try:
            yield article_from_html(
                read_bytes(source), id=file_id(source), source=source, reader=self.name
            )
        except InputError as exc:
            yield failure(exc)


# --- HTML fragments (feed content) -------------------------------------------------

_BLOCK_TAGS = (
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr ul"
)
_SKIP_TAGS = "script style noscript template svg head title iframe object"
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_SKIP = frozenset(_SKIP_TAGS.split())


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"[ \t\r\n\f\v]+", " ", data))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): blocks become paragraphs
    separated by blank lines, ``<br>`` a line break; scripts and styles are dropped."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
