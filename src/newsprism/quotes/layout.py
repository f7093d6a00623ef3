"""Paragraphs, sentences and quotations of one parsed article, per token.

The parser's sentences may run over a paragraph break (news text often
separates paragraphs with one newline), so the rules use "units": the parser's
sentences cut again at every line break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import doc_text
from .marks import Quoted, find_quoted

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Layout", "line_clip"]


class Layout:
    """Paragraphs, sentences and quotations of one parsed article, per token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quoted: list[Quoted] = find_quoted(doc_text(doc))
        n = len(doc)
        self.para: list[int] = [0] * n
        self.quote: list[int] = [-1] * n
        self.unit: list[int] = [0] * n  # sentence within paragraph
        self._members: list[list[int]] = [[] for _ in self.quoted]
        para = 0
        unit = 0
        k = 0
        for tok in doc:
            if tok.is_sent_start and tok.i > 0:
                unit += 1
            if "\n" in tok.text:
                para += 1
                unit += 1
            self.para[tok.i] = para
            self.unit[tok.i] = unit
            while k < len(self.quoted) and self.quoted[k].end <= tok.idx:
                k += 1
            if k < len(self.quoted) and self.quoted[k].start <= tok.idx < self.quoted[k].end:
                self.quote[tok.i] = k
                self._members[k].append(tok.i)
            if "\n" in tok.whitespace_:
                para += 1
                unit += 1

    def in_quote(self, i: int) -> bool:
        return self.quote[i] >= 0

    def touched(self, ranges: list[tuple[int, int]]) -> set[int]:
        return {self.quote[i] for a, b in ranges for i in range(a, b)} - {-1}

    def share_inside(self, ranges: list[tuple[int, int]]) -> float:
        words = [i for a, b in ranges for i in range(a, b) if not self.doc[i].is_punct]
        if not words:
            return 0.0
        return sum(self.quote[i] >= 0 for i in words) / len(words)

    def tokens(self, k: int) -> list[int]:
        return list(self._members[k])

    def unit_bounds(self, i: int) -> tuple[int, int]:
        a = i
        while a > 0 and self.unit[a - 1] == self.unit[i]:
            a -= 1
        b = i
        while b + 1 < len(self.doc) and self.unit[b + 1] == self.unit[i]:
            b += 1
        return a, b + 1


def line_clip(doc: Doc, i: int, start: int, end: int) -> tuple[int, int]:
    """The part of token range ``[start, end)`` on the same line as token ``i``.

    spaCy glues a headline, a dateline or a live-blog time stamp written
    without a full stop to the sentence on the next line ("7:10 p.m.\\n\\nBernie
    Sanders' campaign says"), so a subtree can span a line break; a speaker's
    name or phrase never does.
    """
    a = start
    for k in range(i - 1, start - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            a = k + 1
            break
    b = end
    for k in range(i, end):
        if k > i and "\n" in doc[k].text:
            b = k
            break
        if "\n" in doc[k].whitespace_:
            b = k + 1
            break
    return a, b
