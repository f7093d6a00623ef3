"""Resolve SOURCE strings (URLs, files, folders, globs) and read them all.

:func:`read_sources` is what ``newsprism analyze SOURCE...`` calls.  Each source
is, in this order: an http(s) URL (fetched; a feed or a page, told apart by
content type and content), an existing file (read by extension, or by
sniffing its content when the extension says nothing), an existing folder
(read recursively in sorted order, hidden files and folders skipped, only
files with a known extension, and not ``.json`` or ``.xml``: see
:data:`FOLDER_EXTENSIONS`), a glob pattern (matches in sorted order), or
else one failure.  A file reached twice in one call is read once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from ._base import IngestFailure, Item, Reader, guarded, stable_id, unexpected
from ._io import decode_text, failure, os_reason
from .feeds import FeedReader, looks_like_feed
from .fetch import Fetcher, HttpFetcher, fetch_ok
from .html import HtmlReader, article_from_page, is_html
from .jsonl import JsonlReader, Manifest
from .text import TextReader, article_from_text
from .warc import WarcReader

#: Reader name for each known extension (``.warc.gz`` is matched before ``.gz``).
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}
#: Found in a folder, ``.json`` and ``.xml`` files are left alone: folders hold plenty of
#: JSON and XML that is not articles (annotations, configs, sitemaps).  Named on the
#: command line (or matched by a glob) they are read.
FOLDER_EXTENSIONS = frozenset(EXTENSIONS) - {".json", ".xml"}
_GLOB_CHARS = frozenset("*?[")
_NO_SUCH = "no such file, folder, glob match or URL"


def extension(path: str | os.PathLike[str]) -> str:
    """The known extension of ``path`` (lower case, ``.warc.gz`` whole), or its last suffix."""
    name = Path(path).name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext) and len(name) > len(ext):
            return ext
    return Path(name).suffix


def iter_files(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Files under ``folder`` with an extension in :data:`FOLDER_EXTENSIONS`, recursively,
    in sorted order; hidden files and folders (names starting with ".") are skipped,
    symlinked folders are not followed."""
    root = Path(folder)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and extension(name) in FOLDER_EXTENSIONS:
                found.append(Path(dirpath) / name)
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


def sniff(path: str | os.PathLike[str]) -> str:
    """The reader name for a file of unknown extension, from its first bytes."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith((b"\x1f\x8b", b"WARC/", b"filedesc://")):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if is_html(None, head):
        return "html"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return "jsonl"
    return "text"


def _reader_name(path: str) -> str:
    return EXTENSIONS.get(extension(path)) or sniff(path)


def _read_url(url: str, fetcher: Fetcher, feeds: FeedReader) -> Iterator[Item]:
    try:
        result = fetch_ok(fetcher, url)
        kind = result.content_type
        if not result.content.strip():
            yield IngestFailure(url, "empty response")
        elif looks_like_feed(result.content):
            yield from feeds.read_document(result.content, url, base_url=result.url)
        elif is_html(kind, result.content):
            yield article_from_page(result, id=stable_id(url), source=url, reader="url")
        elif kind == "text/plain":
            text = decode_text(result.content, url, encoding=result.charset)
            yield article_from_text(
                text,
                id=stable_id(url),
                source=url,
                reader="url",
                url=result.url,
                fetched_at=result.fetched_at,
            )
        else:
            yield IngestFailure(url, f"unsupported content type {kind or '(none)'}")
    except InputError as exc:
        yield failure(exc)


def _item_source(article: Article) -> str:
    return article.provenance.source if article.provenance else article.id


def _empty_folder(folder: str) -> str:
    """Why a folder gave nothing: no files, or only files of kinds that are not read."""
    kinds: set[str] = set()
    for _dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        kinds.update(extension(n) or "no extension" for n in filenames if not n.startswith("."))
        if len(kinds) > 5:
            break
    if not kinds:
        return "empty folder: no files to read"
    shown = ", ".join(sorted(kinds)[:5])
    known = ", ".join(sorted(FOLDER_EXTENSIONS))
    return f"no files to read in the folder (found {shown}; read are {known})"


def read_sources(
    sources: Iterable[str],
    *,
    fetcher: Fetcher | None = None,
    allow_private: bool = False,
    manifest: str | None = None,
) -> Iterator[Item]:
    """Every article (or failure) of every source, in order; never raises for bad input.

    ``fetcher`` serves URLs and feeds' linked pages (default: an :class:`HttpFetcher`
    honouring ``allow_private``, closed at the end); ``manifest`` names a CSV/JSONL
    file whose rows add metadata to the articles they name.
    """
    if isinstance(sources, str):  # one source, not its characters
        sources = [sources]
    own = fetcher is None
    http: Fetcher = fetcher if fetcher is not None else HttpFetcher(allow_private=allow_private)
    feeds = FeedReader(http)
    readers: dict[str, Reader] = {
        "text": TextReader(),
        "html": HtmlReader(),
        "jsonl": JsonlReader(),
        "feed": feeds,
        "warc": WarcReader(),
    }
    extra: Manifest | None = None
    if manifest is not None:
        try:
            extra = Manifest.load(manifest)
        except InputError as exc:
            yield failure(exc)
    seen: set[str] = set()

    def read_file(path: str) -> Iterator[Item]:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        try:
            name = _reader_name(path)
        except OSError as exc:
            yield IngestFailure(path, os_reason(exc))
            return
        yield from guarded(path, readers[name].read(path))

    def read_folder(folder: str) -> Iterator[Item]:
        found = False
        for path in iter_files(folder):
            found = True
            yield from read_file(str(path))
        if not found:
            yield IngestFailure(folder, _empty_folder(folder))

    def resolve(source: str) -> Iterator[Item]:
        if source.startswith(("http://", "https://")):
            yield from guarded(source, _read_url(source, http, feeds))
        elif "://" in source:
            scheme = source.split("://", 1)[0]
            yield IngestFailure(source, f"unsupported URL scheme {scheme!r} (only http and https)")
        elif os.path.isfile(source):
            yield from read_file(source)
        elif os.path.isdir(source):
            yield from read_folder(source)
        elif _GLOB_CHARS & set(source):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield IngestFailure(source, _NO_SUCH)
            for match in matches:
                if os.path.isdir(match):
                    yield from read_folder(match)
                else:
                    yield from read_file(match)
        else:
            yield IngestFailure(source, _NO_SUCH)

    try:
        for source in sources:
            for item in resolve(source):
                if extra is not None and not isinstance(item, IngestFailure):
                    try:
                        item = extra.apply(item)
                    except Exception as exc:  # a manifest row that does not fit the article
                        item = IngestFailure(_item_source(item), f"manifest: {unexpected(exc)}")
                yield item
    finally:
        if own and isinstance(http, HttpFetcher):
            http.close()
