"""JSONL articles (CONTRACT.md) and manifests that add metadata to files read from disk.

One JSON object a line: ``id, url, outlet, title, published, author`` and
``text`` (plain text) or ``html`` (a whole page, which goes through the HTML
extractor; the record's own fields win over what the page says).  Unknown
fields are kept in ``metadata`` (a ``metadata`` object is merged into it).  A
bad line is one failure naming its line number; the other lines are read.

``.json`` files may also hold one JSON document: an article object, a list of
them, or an object with an ``articles`` list (a dossier, say).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Article, Provenance
from ._base import MAX_BYTES, IngestFailure, Item, stable_id, unexpected
from ._io import (
    binary_head,
    decode_text,
    failure,
    normalise_newlines,
    os_reason,
    read_bytes,
    too_large,
)
from .html import article_from_html

FIELDS = ("id", "url", "outlet", "title", "published", "author")
_CONTENT = ("text", "html")


def _string(value: Any, key: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
        return str(value)
    if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value) or None
    raise ValueError(f"field {key!r} must be a string, not {type(value).__name__}")


def article_from_record(record: Any, *, source: str, reader: str = "jsonl") -> Article:
    """One article from a decoded JSON record; ``ValueError`` says what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    fields: dict[str, Any] = {key: _string(record.get(key), key) for key in FIELDS}
    text, html = (_string(record.get(key), key) for key in _CONTENT)
    metadata: dict[str, Any] = {}
    extra = record.get("metadata")
    if isinstance(extra, dict):
        metadata.update(extra)
    for key, value in record.items():
        if key not in FIELDS and key not in _CONTENT and not (key == "metadata" and extra is value):
            metadata[key] = value
    if text and text.strip():
        article_id = fields["id"] or stable_id(fields["url"] or text)
        return Article(
            id=article_id,
            text=normalise_newlines(text),
            **{k: v for k, v in fields.items() if k != "id"},
            metadata=metadata,
            provenance=Provenance(source=source, reader=reader),
        )
    if html and html.strip():
        article_id = fields["id"] or stable_id(fields["url"] or html)
        try:
            page = article_from_html(
                html, id=article_id, source=source, reader=reader, url=fields["url"]
            )
        except InputError as exc:
            raise ValueError(exc.reason) from None
        given: dict[str, Any] = {k: v for k, v in fields.items() if v and k != "id"}
        return dataclasses.replace(page, **given, metadata={**page.metadata, **metadata})
    raise ValueError("no text or html field")


class JsonlReader:
    """Reads ``.jsonl`` / ``.ndjson`` / ``.json`` files of articles."""

    name = "jsonl"

    def read(self, source: str) -> Iterator[Item]:
        if Path(source).suffix.lower() == ".json":
            yield from self._read_json(source)
            return
        try:
            fh = open(source, "rb")  # noqa: SIM115 - closed below; streamed, no size cap overall
        except OSError as exc:
            yield IngestFailure(source, os_reason(exc))
            return
        with fh:
            head = fh.peek(8192)[:8192]
            if binary_head(head) and not any(
                line.lstrip(b"\xef\xbb\xbf \t\r").startswith(b"{") for line in head.split(b"\n")
            ):  # binary through and through: one failure, not one per "line"
                yield IngestFailure(source, "binary file, not text")
                return
            yield from self._read_lines(source, fh)

    def _read_json(self, source: str) -> Iterator[Item]:
        try:
            data = read_bytes(source)
        except InputError as exc:
            yield failure(exc)
            return
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield IngestFailure(source, "not UTF-8 text (JSON must be UTF-8)")
            return
        except RecursionError:
            yield IngestFailure(source, _TOO_DEEP)
            return
        except json.JSONDecodeError:
            if b"\x00" in data:
                yield IngestFailure(source, "binary file, not text")
            else:  # JSON lines in a .json file
                yield from self._read_lines(source, io.BytesIO(data))
            return
        if isinstance(document, dict) and isinstance(document.get("articles"), list):
            records: list[Any] = document["articles"]
        elif isinstance(document, list):
            records = document
        else:  # one article object
            yield _record(document, source, source, "not an article", self.name)
            return
        if not records:
            yield IngestFailure(source, "no articles in the file")
        for n, record in enumerate(records, 1):
            yield _record(record, source, f"{source}#{n}", f"record {n}", self.name)

    def _read_lines(self, source: str, fh: IO[bytes]) -> Iterator[Item]:
        seen = 0
        for n, raw in enumerate(_lines(fh), 1):
            if raw is None:
                yield IngestFailure(source, f"line {n}: {too_large()}")
                continue
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen += 1
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                yield IngestFailure(source, f"line {n}: not UTF-8 text (JSON must be UTF-8)")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestFailure(source, f"invalid JSON on line {n}: {_json_error(exc)}")
                continue
            except RecursionError:
                yield IngestFailure(source, f"line {n}: {_TOO_DEEP}")
                continue
            yield _record(record, source, f"{source}:{n}", f"line {n}", self.name)
        if not seen:
            yield IngestFailure(source, "empty file")


_TOO_DEEP = "JSON nested too deeply to read"


def _record(record: Any, file: str, where: str, label: str, reader: str) -> Item:
    """One record's article, or one failure naming ``file`` and ``label`` ("line 3"):
    a record is one input, so whatever reading it raises ends only that record."""
    try:
        return article_from_record(record, source=where, reader=reader)
    except ValueError as exc:
        return IngestFailure(file, f"{label}: {exc}")
    except Exception as exc:  # one record must never stop the file
        return IngestFailure(file, f"{label}: {unexpected(exc)}")


def _json_error(exc: json.JSONDecodeError) -> str:
    """``Expecting ',' delimiter at column 15``."""
    at = "" if exc.msg.endswith(" at") else " at"
    return f"{exc.msg}{at} column {exc.colno}"


def _lines(fh: IO[bytes]) -> Iterator[bytes | None]:
    """The file's lines; ``None`` for a line over the cap (whose rest is skipped)."""
    while True:
        line = fh.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(MAX_BYTES + 1)
            yield None
            continue
        yield line


# --- manifests ---------------------------------------------------------------------

_KEY_COLUMNS = ("id", "file", "filename", "file_name", "path", "name")
_ALIASES = {
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "publisher": "outlet",
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}


class Manifest:
    """Metadata for articles read from files, keyed by id, file name or path.

    Rows come from a CSV/TSV file with a header or from JSONL.  The key column
    is the first of ``id, file, filename, path, name`` that a row has; an
    article matches a row by its source path, its file name, its file name
    without extension, or its id.  Non-empty manifest values replace what the
    reader found (the manifest is what the user says); other columns go into
    ``metadata``.
    """

    def __init__(
        self,
        rows: Iterable[Mapping[str, Any]],
        *,
        base: str | os.PathLike[str] = ".",
        source: str = "manifest",
    ) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self._count = 0
        for n, row in enumerate(rows, 1):
            clean = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
            key = next((str(clean[c]).strip() for c in _KEY_COLUMNS if clean.get(c)), "")
            if not key:
                raise InputError(source, f"row {n} has no id, file or path")
            self._count += 1
            for name in _names(key, Path(base)):
                self._rows.setdefault(name, clean)

    def __len__(self) -> int:
        return self._count

    @classmethod
    def load(cls, path: str) -> Manifest:
        """Read a manifest file; raises :class:`InputError` when it cannot be used."""
        text = decode_text(read_bytes(path), path)
        suffix = Path(path).suffix.lower()
        rows: list[Mapping[str, Any]] = []
        if suffix in (".csv", ".tsv"):
            first = text.split("\n", 1)[0]
            delimiter = "\t" if suffix == ".tsv" or ("\t" in first and "," not in first) else ","
            reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
            if not reader.fieldnames or not any(
                (f or "").strip().lower() in _KEY_COLUMNS for f in reader.fieldnames
            ):
                raise InputError(path, "manifest has no id, file or path column")
            rows = list(reader)
        else:
            for n, line in enumerate(text.split("\n"), 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(
                        path, f"invalid JSON on line {n}: {_json_error(exc)}"
                    ) from None
                if not isinstance(row, dict):
                    raise InputError(path, f"line {n}: expected a JSON object")
                rows.append(row)
        return cls(rows, base=Path(path).parent, source=path)

    def lookup(self, article: Article) -> dict[str, Any] | None:
        candidates = [article.id]
        if article.provenance is not None:
            candidates[:0] = _names(article.provenance.source, Path.cwd())
        for key in candidates:
            if key in self._rows:
                return self._rows[key]
        return None

    def apply(self, article: Article) -> Article:
        row = self.lookup(article)
        if row is None:
            return article
        changes: dict[str, Any] = {}
        metadata = dict(article.metadata)
        for column, value in row.items():
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            field = _ALIASES.get(column)
            if field is not None:
                changes.setdefault(field, value.strip() if isinstance(value, str) else value)
            elif column not in _KEY_COLUMNS:
                metadata[column] = value
        return dataclasses.replace(article, **changes, metadata=metadata)


def _names(key: str, base: Path) -> list[str]:
    """What a manifest key or a source path is known by: itself and, for a file path,
    its absolute path (relative to ``base``), its file name and its name without extension."""
    names = [key]
    path = Path(key)
    if path.suffix or len(path.parts) > 1:
        names += [os.path.abspath(base / path), path.name, path.stem]
    return list(dict.fromkeys(names))
