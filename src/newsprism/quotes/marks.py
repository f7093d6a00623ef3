"""Find the spans a writer put between quotation marks.

A character scan rather than spaCy's tokens: quote marks decide where a quote
starts and ends before any parse, news text mixes straight and curly marks
(an opening ``“`` closed by ``"`` is common after copy-editing), and a quote
that runs over several paragraphs leaves its mark open at the end of each
paragraph and opens it again at the start of the next.  No maintained library
pairs marks this way (textacy's regex needs matched pairs inside one
paragraph), hence the small scanner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quoted", "find_quoted"]

_OPEN = "“„«"
_CLOSE = "”»"
_STRAIGHT = '"'
_ALL = _OPEN + _CLOSE + _STRAIGHT + "'`"
#: A transcript's turn label after an opening mark ('"WALLACE: ...'): a new
#: speaker's turn, so no continuation of the paragraph before.
_TURN = re.compile(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}:\s")
#: Characters after which a straight mark reads as an opening one.
_OPENS_AFTER = " \t\n([{—–-:/"
#: The characters the scan acts on; it jumps from one to the next (a loop over
#: every character was a tenth of quote extraction).
_NEXT = re.compile("[" + re.escape(_ALL + "\n") + "]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation: ``start``/``end`` bound the words inside the marks.

    ``paragraphs`` is more than one when the quote runs over paragraphs; the
    span then includes the paragraph breaks and the re-opening marks.
    """

    start: int
    end: int
    paragraphs: int = 1


def _mark_at(text: str, i: int) -> int:
    """Length of the double quotation mark starting at ``i`` (0 when none).

    Besides the usual marks, two apostrophes or two backticks stand for a
    double mark in wire copy and PTB-style text ("''Yes,'' he said").
    """
    ch = text[i]
    if ch in _OPEN or ch in _CLOSE or ch == _STRAIGHT:
        return 1
    if ch in "'`" and i + 1 < len(text) and text[i + 1] == ch:
        return 2
    return 0


def _role(text: str, i: int, width: int, is_open: bool) -> str:
    """Whether the mark at ``i`` opens or closes, given whether a quote is open."""
    ch = text[i]
    if ch in _OPEN or ch == "`":
        return "open"
    if ch in _CLOSE:
        return "close"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    if before in _OPENS_AFTER and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "close" if is_open else "open"


def find_quoted(text: str) -> list[Quoted]:
    """Quoted spans of ``text`` in order, merged over paragraph breaks."""
    raw: list[tuple[int, int, bool]] = []  # (start, end, closed)
    open_at: int | None = None
    i = 0
    n = len(text)
    while (found := _NEXT.search(text, i)) is not None:
        i = found.start()
        ch = text[i]
        if ch == "\n" and open_at is not None:
            # A paragraph ends with the quote still open: either a quote that
            # continues in the next paragraph, or a stray mark.  Keep it as an
            # unclosed piece; the merge below decides.
            raw.append((open_at, i, False))
            open_at = None
            i += 1
            continue
        width = _mark_at(text, i) if ch in _ALL else 0
        if not width:
            i += 1
            continue
        if _role(text, i, width, open_at is not None) == "open":
            open_at = i + width
        elif open_at is not None:
            if i > open_at:
                raw.append((open_at, i, True))
            open_at = None
        i += width
    if open_at is not None and n > open_at:
        raw.append((open_at, n, False))
    return _merge(text, raw)


def _next_paragraph_opens(text: str, end: int) -> int | None:
    """Offset just past the opening mark that starts the next paragraph, if any."""
    j = end
    while j < len(text) and text[j].isspace():
        j += 1
    width = _mark_at(text, j) if j < len(text) else 0
    if width and text[j] not in _CLOSE and "\n" in text[end:j]:
        return j + width
    return None


def _merge(text: str, raw: list[tuple[int, int, bool]]) -> list[Quoted]:
    out: list[Quoted] = []
    k = 0
    while k < len(raw):
        start, end, closed = raw[k]
        paragraphs = 1
        while not closed and k + 1 < len(raw):
            nxt = _next_paragraph_opens(text, end)
            if nxt is None or raw[k + 1][0] != nxt or _TURN.match(text, nxt):
                break
            k += 1
            end, closed = raw[k][1], raw[k][2]
            paragraphs += 1
        end = _trim_end(text, start, end)
        start = _trim_start(text, start, end)
        if end > start:
            out.append(Quoted(start, end, paragraphs))
        k += 1
    return out


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
