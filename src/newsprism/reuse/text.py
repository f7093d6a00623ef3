"""Cheap text units for reuse detection: words, sentences and quoted spans, all with offsets.

Reuse detection runs on every candidate pair of a large corpus, so it cannot afford a
spaCy parse per article; regular expressions give words and sentence boundaries that are
good enough for alignment (a missed sentence boundary only merges two alignment units),
and every unit keeps character offsets into the original text so passages can be shown.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["Doc", "Sentence", "analyse", "furniture_spans", "quoted_spans"]

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# white space and an upper-case letter, digit or opening quote; paragraph breaks always end one.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
_OPEN = '“"«'
_CLOSE = {"“": "”", '"': '"', "«": "»"}
# Stock words that carry no evidence of reuse on their own.
STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "him",
        "them",
        "us",
        "me",
        "my",
        "not",
        "no",
        "so",
        "than",
        "then",
        "there",
        "here",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "more",
        "most",
        "such",
        "into",
        "about",
        "over",
        "after",
        "before",
        "under",
        "up",
        "down",
        "out",
        "said",
        "says",
        "say",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of the first word
    last: int  # index one past the last word


@dataclass(frozen=True, slots=True)
class Doc:
    """A text cut into normalised words and sentences, with quoted words marked."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    quoted: tuple[bool, ...]  # no evidence of copying: quoted, or on a URL or title line
    sentences: tuple[Sentence, ...]
    # Derived once per text for the pairwise work of :mod:`.align`, which reads them for
    # every pair a text is in (a story of n articles puts each in n - 1 pairs).
    #: ``quoted`` as bytes (1 quoted, 0 not), for counting with numpy
    quoted_mask: bytes = field(init=False, compare=False, repr=False)
    #: how many words are not quoted
    unquoted: int = field(init=False, compare=False, repr=False)
    #: the sentence of each word (-1 for none)
    owner: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        mask = bytes(self.quoted)
        owner = [-1] * len(self.words)
        for s, sent in enumerate(self.sentences):
            owner[sent.first : sent.last] = [s] * (sent.last - sent.first)
        object.__setattr__(self, "quoted_mask", mask)
        object.__setattr__(self, "unquoted", len(mask) - mask.count(1))
        object.__setattr__(self, "owner", tuple(owner))

    def __len__(self) -> int:
        return len(self.words)

    def unquoted_count(self) -> int:
        return self.unquoted


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


#: characters an unclosed quotation may run before the paragraph ends
MAX_OPEN_QUOTE = 600


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted material.

    News convention leaves a quotation open at a paragraph end when the next paragraph
    continues it, so an unclosed quote ends at the paragraph break rather than running on.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN and not (
            ch == '"' and i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{—–-"
        ):
            # (a straight quote right after a word or punctuation closes a quotation, it
            # cannot open one)
            close = _CLOSE[ch]
            para = text.find("\n\n", i + 1)
            para = n if para < 0 else para
            j = text.find(close, i + 1, para)
            if ch == '"':
                k = text.find("”", i + 1, para)  # mixed straight-open, curly-close
                if k >= 0 and (j < 0 or k < j):
                    j = k
            if j < 0 and para - i > MAX_OPEN_QUOTE:
                i += 1  # a stray mark in a text without paragraph breaks quotes nothing
                continue
            end = para if j < 0 else j + 1
            if end - i > 2:
                spans.append((i, end))
            i = end
            continue
        i += 1
    return spans


#: words a quotation may have and still be a statement: a quoted span longer than this
#: (several sentences) reprints another text's passage, as when a blog quotes a wire
#: story's paragraphs, and counts as that text's words rather than as a quotation
MAX_STATEMENT_WORDS = 60
#: words a line without a sentence end may have and still be a title, dateline or byline
MAX_TITLE_WORDS = 20
#: words a line opening with a URL may have and still be only that URL (a tokenised URL
#: splits into many words: at most 31 in ECB+); a longer one is a text that happens to
#: begin with its source's address on the same line, and only prose matters there
MAX_URL_WORDS = 40
_URL = re.compile(r"\s*(?:https?\s*:|www\s*\.)", re.IGNORECASE)  # a line opening with a URL
_LINE = re.compile(r"[^\n]+")
_LINE_END = re.compile(r"[.!?][\"”’)\]]?\s*$")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of lines that are page furniture rather than prose.

    A line that is a source URL, and a short line that ends no sentence (a headline,
    dateline or byline), carry the event's key words in the fewest words: two outlets'
    headlines on one event ("Lindsay Lohan checks into rehab") match by necessity, not by
    copying, and a URL slug repeats its headline.  Such lines are no evidence of reuse,
    like quotations.
    """
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        words = len(_WORD.findall(line))
        if (_URL.match(line) and words <= MAX_URL_WORDS) or (
            words <= MAX_TITLE_WORDS and not _LINE_END.search(line)
        ):
            spans.append((m.start(), m.end()))
    return spans


_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "rep",
        "sen",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
    ]
)


def _abbreviation(text: str, cut: int) -> bool:
    """Whether the full stop before ``cut`` ends a title or initial rather than a sentence."""
    if cut == 0 or text[cut - 1] != ".":
        return False
    k = cut - 1
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    token = text[k : cut - 1].lower()
    return token in _ABBREV or len(token) == 1


def analyse(text: str) -> Doc:
    """Words, sentences and quote marks of one text (a pure function of the text)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD.finditer(text):
        words.append(_norm(m.group()))
        starts.append(m.start())
        ends.append(m.end())
    # furniture lines may hold quotation marks, so the two kinds of span can nest
    statements = [
        (i, j)
        for i, j in quoted_spans(text)
        if len(_WORD.findall(text, i, j)) <= MAX_STATEMENT_WORDS
    ]
    spans = sorted(statements + furniture_spans(text))
    quoted = [False] * len(words)
    if spans:
        span_starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((e for _, e in spans), max))
        for k, pos in enumerate(starts):
            j = bisect_right(span_starts, pos) - 1
            if j >= 0 and pos < reach[j]:
                quoted[k] = True
    sentences: list[Sentence] = []
    begin = 0
    bounds = [m.start() for m in _SENT_END.finditer(text) if not _abbreviation(text, m.start())]
    bounds.append(len(text))
    for cut in bounds:
        first = bisect_right(starts, begin - 1)
        last = bisect_right(starts, cut - 1)
        if last > first:
            sentences.append(Sentence(starts[first], ends[last - 1], first, last))
        begin = cut
    return Doc(text, tuple(words), tuple(starts), tuple(ends), tuple(quoted), tuple(sentences))
