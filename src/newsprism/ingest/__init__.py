"""Ingest: turn sources (files, folders, globs, URLs, feeds, WARC, JSONL) into articles.

Readers yield *raw* articles (boilerplate not yet removed: that is
``newsprism.clean``'s job) with their :class:`~newsprism.model.Provenance`, and
an :class:`IngestFailure` for each input they cannot read; they never raise for
bad input.  :func:`read_sources` resolves the SOURCE arguments of
``newsprism analyze`` and dispatches to the right reader.
"""

from ._base import MAX_BYTES, IngestFailure, IngestNotice, Item, Reader, stable_id
from .feeds import FeedReader, looks_like_feed
from .fetch import USER_AGENT, AddressRefused, Fetcher, FetchResult, HttpFetcher, MemoryFetcher
from .html import HtmlReader, article_from_html, html_to_text
from .jsonl import JsonlReader, Manifest, article_from_record
from .sources import EXTENSIONS, FOLDER_EXTENSIONS, iter_files, read_sources
from .text import TextReader, article_from_text, looks_like_headline, split_title
from .warc import WarcReader

__all__ = [
    "EXTENSIONS",
    "FOLDER_EXTENSIONS",
    "MAX_BYTES",
    "USER_AGENT",
    "AddressRefused",
    "FeedReader",
    "FetchResult",
    "Fetcher",
    "HtmlReader",
    "HttpFetcher",
    "IngestFailure",
    "IngestNotice",
    "Item",
    "JsonlReader",
    "Manifest",
    "MemoryFetcher",
    "Reader",
    "TextReader",
    "WarcReader",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "html_to_text",
    "iter_files",
    "looks_like_feed",
    "looks_like_headline",
    "read_sources",
    "split_title",
    "stable_id",
]
