"""Splitting raw text into paragraph units and comparing lines loosely.

Readers hand over text in two shapes: one paragraph per line (feeds, most
scrapers, the seed files) or blank-line separated blocks, sometimes hard-wrapped
at ~70 characters (wire archives, e-mail, plain-text dumps).  Cleaning works on
*units*, the paragraphs a reader would see, so that a wrapped footer is judged
as one line and the output can separate paragraphs by exactly one blank line.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
#: Zero-width space, BOM and soft hyphen: invisible, and they break matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad"), None)
#: A line ending like this closes a sentence, so a next line is a new paragraph.
_CLOSED = re.compile(r"[.!?:;…)\]\"'”’»]$")
_BULLET = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s")
#: Hard-wrapped text: lines no longer than this, of similar length.
_WRAP_WIDTH = 100


def squash(line: str) -> str:
    """One line with runs of white space (tabs, no-break spaces) made single spaces."""
    return _WS.sub(" ", line.translate(_INVISIBLE)).strip()


def units(text: str) -> list[str]:
    """The paragraphs of ``text``, each on one line, whitespace normalised.

    Every non-blank input line ends up inside exactly one unit.  Lines of a
    blank-line separated block stay separate paragraphs unless the block looks
    hard-wrapped or a line plainly continues the previous one (it did not end
    a sentence and the next starts in lower case).
    """
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = squash(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    out: list[str] = []
    for block in blocks:
        if not block:
            continue
        if _hard_wrapped(block):
            out.append(" ".join(block))
            continue
        current = block[0]
        for line in block[1:]:
            if _continues(current, line):
                current = f"{current} {line}"
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def _continues(previous: str, line: str) -> bool:
    return not _CLOSED.search(previous) and line[0].islower()


def _hard_wrapped(block: list[str]) -> bool:
    """Three or more lines of similar, terminal-width length, mostly broken mid-sentence."""
    body = block[:-1]
    if len(block) < 3 or any(_BULLET.match(line) for line in block):
        return False
    longest = max(len(line) for line in body)
    if not 50 <= longest <= _WRAP_WIDTH or min(len(line) for line in body) < longest // 2:
        return False
    open_ends = sum(1 for line in body if not _CLOSED.search(line))
    return open_ends * 2 >= len(body) and len(block[-1]) <= longest + 15


def key(line: str) -> str:
    """A comparison key that ignores case, white space, punctuation and quote style."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", line).casefold())


def word_count(line: str) -> int:
    return len(line.split())
