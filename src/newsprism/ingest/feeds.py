"""RSS and Atom feeds, from a file or a URL, with feedparser.

Each entry becomes one article.  Its text is the entry's full content
(``content:encoded``, Atom ``<content>``, or a long ``<description>``) when that
holds at least ``min_words`` words and does not end like a teaser ("…", "Read
more"); otherwise the linked page is fetched through the :class:`Fetcher` and
extracted like any page.  Entry metadata: title, link (the url), published
(ISO 8601, UTC), author; the feed's title is the outlet for every entry.

feedparser is only ever handed bytes, never a URL or a file name: it would
otherwise fetch on its own, past the fetcher's address guard.
"""

from __future__ import annotations

import io
import logging
import re
import time
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import InputError
from ..model import Article, Provenance
from ._base import IngestFailure, Item, stable_id, unexpected
from ._io import failure, normalise_newlines, read_bytes
from .fetch import Fetcher, HttpFetcher, fetch_ok
from .html import article_from_page, html_to_text

log = logging.getLogger(__name__)

MIN_WORDS = 100
_TEASER_END = re.compile(
    r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (?:story|article))"
    r"[\s\W]*$",
    re.IGNORECASE,
)
_FEED_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*"
    rb"<(?:rss|feed|rdf:RDF)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data``'s root element is an RSS, Atom or RSS 1.0 (RDF) document's."""
    return bool(_FEED_START.match(data[:8192]))


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _xml_problem(exc: object) -> str | None:
    """What is wrong with the feed's XML, from feedparser's ``bozo_exception``
    (encoding notices, which feedparser recovers from fully, are not problems)."""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"{exc.getMessage()} on line {exc.getLineNumber()}"
    if isinstance(exc, xml.sax.SAXException):
        return exc.getMessage()
    return None


def _content_text(entry: Any) -> str:
    """The longest text among the entry's content and summary."""
    best = ""
    candidates = [*entry.get("content", [])]
    if entry.get("summary"):
        candidates.append(entry.get("summary_detail") or {"value": entry["summary"]})
    for item in candidates:
        value = item.get("value") or ""
        kind = (item.get("type") or "text/html").lower()
        text = html_to_text(value) if "html" in kind else normalise_newlines(value).strip()
        if len(text) > len(best):
            best = text
    return best


class FeedReader:
    """Reads RSS/Atom feeds from files or URLs; linked pages come through ``fetcher``."""

    name = "feed"

    def __init__(
        self,
        fetcher: Fetcher | None = None,
        *,
        allow_private: bool = False,
        min_words: int = MIN_WORDS,
    ) -> None:
        self.fetcher: Fetcher = fetcher or HttpFetcher(allow_private=allow_private)
        self.min_words = min_words

    def read(self, source: str) -> Iterator[Item]:
        try:
            if source.startswith(("http://", "https://")):
                result = fetch_ok(self.fetcher, source)
                data, base = result.content, result.url
            else:
                data, base = read_bytes(source), None
        except InputError as exc:
            yield failure(exc)
            return
        yield from self.read_document(data, source, base_url=base)

    def read_document(
        self, data: bytes, source: str, *, base_url: str | None = None
    ) -> Iterator[Item]:
        """The articles of one feed document already in hand (``source`` names it)."""
        import feedparser  # on first use: most runs read no feed

        headers = {"content-location": base_url} if base_url else None
        try:
            parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
        except Exception as exc:  # feedparser on a broken encoding= declaration, say
            yield IngestFailure(source, f"not a readable feed: {unexpected(exc)}")
            return
        entries = parsed.get("entries") or []
        problem = _xml_problem(parsed.get("bozo_exception"))
        if not entries:
            if problem and not parsed.get("version"):
                yield IngestFailure(source, f"not a valid RSS or Atom feed ({problem})")
            elif not parsed.get("version"):
                yield IngestFailure(source, "not an RSS or Atom feed")
            else:
                yield IngestFailure(source, "feed has no entries")
            return
        feed = parsed.get("feed", {})
        outlet = (feed.get("title") or "").strip() or None
        for n, entry in enumerate(entries, 1):
            try:
                yield self._entry(entry, n, source, outlet)
            except Exception as exc:  # one entry must never stop the feed
                yield IngestFailure(f"{source}#entry-{n}", unexpected(exc))
        if problem:  # feedparser read on past the error: say so once
            count = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
            yield IngestFailure(source, f"malformed feed XML ({problem}); {count} read leniently")

    def _entry(self, entry: Any, n: int, source: str, outlet: str | None) -> Item:
        link = (entry.get("link") or "").strip() or None
        guid = (entry.get("id") or "").strip() or None
        fields: dict[str, Any] = {
            "outlet": outlet,
            "title": (entry.get("title") or "").strip() or None,
            "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            "url": link,
            "author": (entry.get("author") or "").strip() or None,
        }
        metadata: dict[str, Any] = {"feed": source}
        if guid:
            metadata["guid"] = guid
        tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
        if tags:
            metadata["tags"] = tags
        if not fields["published"] and (entry.get("published") or entry.get("updated")):
            metadata["date_text"] = entry.get("published") or entry.get("updated")
        article_id = stable_id(link or guid or f"{source}#{n}")
        text = _content_text(entry)
        full = len(text.split()) >= self.min_words and not _TEASER_END.search(text)
        where = f"{source}#entry-{n}"
        if not full and link:
            page = self._fetch_page(link, article_id, fields, metadata)
            if isinstance(page, Article):
                return page
            if not text:
                return IngestFailure(
                    where, f"linked page {page} (and the entry has no text of its own)"
                )
            # the page cannot be had: the feed's own text is the article
            log.info("%s: %s; the entry's own text is used", where, page)
            metadata["link_error"] = page.reason
        if not text:
            return IngestFailure(where, "entry has no text and no link")
        if not full:  # a short entry with nothing to fetch: the entry is all there is
            metadata["partial"] = True
        return Article(
            id=article_id,
            text=text,
            metadata=metadata,
            provenance=Provenance(source=where, reader=self.name),
            **fields,
        )

    def _fetch_page(
        self, link: str, article_id: str, fields: dict[str, Any], metadata: dict[str, Any]
    ) -> Item:
        try:
            result = fetch_ok(self.fetcher, link)
            page = article_from_page(result, id=article_id, source=link, reader=self.name)
        except InputError as exc:
            return failure(exc)
        if page.outlet and page.outlet != fields["outlet"]:
            metadata["sitename"] = page.outlet
        given = {k: v for k, v in fields.items() if v}
        merged = {k: given.get(k) or getattr(page, k) for k in fields}
        return Article(
            id=article_id,
            text=page.text,
            metadata={**page.metadata, **metadata},
            provenance=page.provenance,
            **merged,
        )
