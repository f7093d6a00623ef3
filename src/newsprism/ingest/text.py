"""Plain-text and Markdown articles (``.txt``, ``.md``).

The id is the file name without extension.  A first line that reads as a
headline becomes the title and leaves the text; everything else is kept as it
was (only decoded and with newlines normalised): removing boilerplate is the
cleaning stage's job, not the reader's.

A headline is short, has no sentence-final period and is followed by more text.
Photo captions and credits, bylines, datelines, list items and the first line
of a hard-wrapped paragraph are not headlines.  Markdown ``# Heading`` (and, in
``.md`` files, Setext headings and ``---`` front matter) are read as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Provenance
from ._base import Item
from ._io import decode_text, failure, file_id, read_bytes

MAX_TITLE_WORDS = 20
MAX_TITLE_CHARS = 200

_ATX = re.compile(r"^#{1,6}[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
#: Captions and credits: "Photo: Samuel Corum/Getty Images", "(AP Photo/...)", "© Reuters".
_CREDIT = re.compile(
    r"\b(?:photo|photograph|image|picture|illustration|video|graphic|credit|caption|"
    r"file photo|source)s?\s*(?::|/|by\b)"
    r"|getty images|shutterstock|\bap photo\b|\b(?:reuters|afp|epa|ap)/|/(?:reuters|afp|epa)\b"
    r"|\bvia (?:getty|reuters|afp|ap\b)|©|\(c\)\s",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|posted|written|updated|published|last updated)\b[\s:]", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[-*+•·>]\s|\d{1,3}[.)]\s)")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w", re.IGNORECASE)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"(?:\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})[\sT0-9:.,apmAPMUTCESDT+-]*$",
    re.IGNORECASE,
)
#: Page furniture that can stand on the first line of a pasted article.
_FURNITURE = re.compile(
    r"^(?:advertisement|skip to|sign (?:up|in)|subscribe|log ?in|menu|share|listen|watch|"
    r"read more|click|home|breaking news$|live updates?$)\b",
    re.IGNORECASE,
)
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp co ltd vs no "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_SENTENCE_BREAK = re.compile(r"(\S+?)[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def _has_sentence_break(line: str) -> bool:
    """True when a sentence ends inside ``line`` (not after an abbreviation)."""
    for match in _SENTENCE_BREAK.finditer(line):
        word = match.group(1).lower().lstrip(_OPENERS)
        if word in _ABBREVIATIONS or len(word) == 1:  # "Oct. 26", "John F. Kennedy"
            continue
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # U.S., D.C.
            continue
        return True
    return False


def looks_like_headline(line: str) -> bool:
    """Whether one line, on its own, reads as a headline (see the module docstring)."""
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ".,;:" or core.endswith(("—", "–", "-")):
        return False
    first = line.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if sum(ch.isalpha() for ch in line) < len(line.replace(" ", "")) / 2:
        return False
    return not (
        _LIST_ITEM.match(line)
        or _URL.search(line)
        or _CREDIT.search(line)
        or _BYLINE.match(line)
        or _DATE_ONLY.match(line)
        or _FURNITURE.match(line)
        or _has_sentence_break(line)
    )


def split_title(text: str, *, markdown: bool = False) -> tuple[str | None, str]:
    """``(title, rest)``: the headline on the first line, if there is one, and the text without it.

    ``rest`` is ``text`` from the line after the title on, blank lines directly
    after the title dropped; without a title it is ``text`` unchanged.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return None, text
    first = lines[i].strip()
    title: str | None = None
    end = i + 1
    atx = _ATX.match(first)
    if atx:
        title = atx.group("title").strip()
    elif (
        markdown and end < len(lines) and _SETEXT.match(lines[end]) and not _LIST_ITEM.match(first)
    ):
        title, end = first, end + 1
    elif looks_like_headline(first) and end < len(lines):
        following = lines[end].strip()
        if not following:
            title = first  # a headline standing alone
        elif _continues_body(first, following):
            title = first
    if not title:
        return None, text
    while end < len(lines) and not lines[end].strip():
        end += 1
    rest = "\n".join(lines[end:])
    if not rest.strip():
        return None, text
    return title, rest


def _continues_body(first: str, following: str) -> bool:
    """A headline directly followed by its body (or byline, or date), not the first line
    of a hard-wrapped paragraph."""
    start = following.lstrip(_OPENERS)[:1]
    if start.islower():
        return False  # "... is at the center of yet\nanother political storm ..."
    if _BYLINE.match(following) or _DATE_ONLY.match(following):
        return True  # headline, then byline or date, then the body
    return following.rstrip(_CLOSERS)[-1:] in ".!?:" or len(following) > len(first) * 1.5


# --- front matter ------------------------------------------------------------------

_FIELDS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "url": "url",
    "link": "url",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "publisher": "outlet",
}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` front matter between ``---`` lines at the top of a Markdown file."""
    if not text.startswith("---\n"):
        return {}, text
    close = text.find("\n---", 3)
    if close < 0 or text[close + 4 : close + 5] not in ("\n", ""):
        return {}, text
    block = text[4:close]
    fields: dict[str, str] = {}
    for raw in block.split("\n"):
        key, sep, value = raw.partition(":")
        if not sep or not key.strip() or raw[:1].isspace():
            continue
        value = value.strip().strip("\"'")
        if value:
            fields[key.strip().lower()] = value
    return fields, text[close + 5 :]


# --- the reader --------------------------------------------------------------------


def article_from_text(
    text: str,
    *,
    id: str,
    source: str,
    reader: str = "text",
    markdown: bool = False,
    url: str | None = None,
    fetched_at: str | None = None,
) -> Article:
    """An article from decoded text: front matter (Markdown) and first-line headline read."""
    fields: dict[str, Any] = {"url": url}
    metadata: dict[str, Any] = {}
    if markdown:
        front, text = split_front_matter(text)
        for key, value in front.items():
            if key in _FIELDS and not fields.get(_FIELDS[key]):
                fields[_FIELDS[key]] = value
            else:
                metadata[key] = value
    title, body = split_title(text, markdown=markdown)
    if not fields.get("title"):
        fields["title"] = title
    elif title is None or title.casefold() != str(fields["title"]).casefold():
        body = text  # the front matter names the title: a different first line stays text
    if not body.strip():
        raise InputError(source, "no text")
    return Article(
        id=id,
        text=body,
        metadata=metadata,
        provenance=Provenance(source=source, reader=reader, fetched_at=fetched_at),
        **fields,
    )


class TextReader:
    """Reads ``.txt`` and ``.md`` files."""

    name = "text"

    def read(self, source: str) -> Iterator[Item]:
        try:
            text = decode_text(read_bytes(source), source)
            markdown = Path(source).suffix.lower() in (".md", ".markdown")
            yield article_from_text(
                text, id=file_id(source), source=source, reader=self.name, markdown=markdown
            )
        except InputError as exc:
            yield failure(exc)
