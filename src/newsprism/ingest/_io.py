"""Shared input handling for the readers: reading files under the size cap, decoding text.

Helpers here raise :class:`~newsprism.errors.InputError`; the readers turn it into
an :class:`~newsprism.ingest._base.IngestFailure` with :func:`failure`.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError
from ._base import MAX_BYTES, IngestFailure

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Non-UTF-8 text whose letters are at most this share non-ASCII is read as Windows-1252.
_WESTERN_MAX_NON_ASCII = 0.15
#: Control characters (Unicode category Cc) other than tab, newlines and form feed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")


def many_controls(count: int, length: int) -> bool:
    """More control characters than text has: the one rule for "binary" content."""
    return count > max(2, length // 100)


def binary_head(head: bytes) -> bool:
    """Whether a file's first bytes are binary: a NUL and many control bytes.  One stray
    NUL (a bad line among good JSON lines) is not, so the lines after it are read."""
    return b"\x00" in head and many_controls(len(_CONTROL_BYTES.findall(head)), len(head))


def failure(exc: InputError) -> IngestFailure:
    return IngestFailure(exc.source, exc.reason)


def format_size(n: int) -> str:
    """``20 MiB``, ``512 KiB``, ``100 bytes``: for messages about size caps."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def too_large(cap: int = MAX_BYTES) -> str:
    return f"larger than the {format_size(cap)} cap"


def os_reason(exc: OSError) -> str:
    """The one-line reason for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The whole file, refusing missing, unreadable, empty and over-cap files."""
    source = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise IsADirectoryError(source)
        if p.stat().st_size > MAX_BYTES:
            raise InputError(source, too_large())
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(source, os_reason(exc)) from None
    if len(data) > MAX_BYTES:  # grew while we looked, or a special file
        raise InputError(source, too_large())
    if not data:
        raise InputError(source, "empty file")
    return data


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, source: str = "", *, encoding: str | None = None) -> str:
    """Decode text bytes, newlines normalised to ``\\n``; refuse binary content.

    Order: a byte-order mark; strict UTF-8 (text that is valid UTF-8 is UTF-8,
    whatever a server declared); ``encoding`` (a declared charset) when it works;
    then, for mostly-ASCII text (a Western language with a few
    accents and curly quotes), Windows-1252, the superset of Latin-1 that nearly
    all such files really are; otherwise charset-normalizer's best guess.  NUL
    bytes (outside UTF-16/32), undecodable bytes and many control characters
    mean binary content.
    """
    text = _decode(data, source, encoding)
    text = normalise_newlines(text).removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError(source, "binary file, not text")
    if many_controls(len(_CONTROL.findall(text)), len(text)):
        raise InputError(source, "binary file, not text")
    return text


def _decode(data: bytes, source: str, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(source, f"not valid {codec.upper()} text") from None
    if b"\x00" in data:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: detect instead
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mostly_ascii(western):
        return western
    best = from_bytes(data).best()
    if best is None:
        if western is not None:
            return western
        raise InputError(source, "binary file, not text (no text encoding fits)")
    return str(best)


def _mostly_ascii(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    return non_ascii / len(letters) <= _WESTERN_MAX_NON_ASCII


def file_id(path: str | os.PathLike[str]) -> str:
    """The article id of a file: its name without extension (``a.warc.gz`` -> ``a``)."""
    name = Path(path).name
    for ext in (".gz", ".bz2", ".xz"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return Path(name).stem or name
