"""Who writes an article, for "I" and "we" in its own narration.

An op-ed's "I" is its author and an editorial's "we" its outlet; a reader
resolves them from the byline, or, unsigned, from the closing line about the
writer.  Kept apart from :mod:`.speakers`, which resolves the article's sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .marks import find_quoted

__all__ = ["Kind", "Writer"]

#: What a speaker is: a person, an organisation, or a document quoted as speaking.
Kind = Literal["person", "org", "document"]


@dataclass(frozen=True, slots=True)
class Writer:
    """Who writes the article: its author (a person) or, unsigned, its outlet."""

    name: str
    role: str | None
    kind: Kind

    @classmethod
    def of(cls, author: str | None, outlet: str | None, text: str = "") -> Writer | None:
        """The author when the article names one, else the outlet, else nobody.

        With no author given, an opinion piece's closing line about its writer
        ("Rudy Giuliani is the former mayor of New York City.") names the author,
        and so does a columnist's name heading a first-person column ("Ann
        Coulter: And Then There Was the One").
        """
        author = (author or "").strip() or _bio_name(text) or _column_name(text)
        if author and "," not in author and " and " not in author:
            return cls(author, "author", "person")  # one signed author, not a list
        outlet = (outlet or "").strip()
        return cls(outlet, None, "org") if outlet else None


#: An op-ed's closing line about its writer: "Name Name is (a|an|the) ...".
_BIO = re.compile(
    r"((?:[A-Z][\w'’-]+\.? ){1,3}[A-Z][\w'’-]+),? (?:is|was|has been|serves as) "
    r"(?:a|an|the|author|professor|director|president|chair|editor|senior|former)\b"
)
#: Words in the last line a bio can have at most.
_BIO_WORDS = 40


def _narration(text: str) -> str:
    """The text with its quotations blanked out: the writer's own words."""
    narration = list(text)
    for q in find_quoted(text):
        narration[q.start : q.end] = " " * (q.end - q.start)
    return "".join(narration)


def _bio_name(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) < 3 or len(lines[-1].split()) > _BIO_WORDS:
        return ""
    m = _BIO.match(lines[-1])
    if m is None:
        return ""
    if not re.search(r"\b(?:I|We)\b", _narration(text)):
        return ""  # no first person outside quotations: nothing the bio would resolve
    return m.group(1)


#: A column's heading that starts with its writer's name: "Ann Coulter: ...".
_COLUMN = re.compile(r"((?:[A-Z][\w'’-]+\.? ){1,2}[A-Z][\w'’-]+): \S")
#: First-person words of the writer's own narration that make a text a column.
_FIRST_PERSON_NARRATION = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me|My)\b")
#: A transcript's speaker label opening a line ("TAPPER: ", "Q: ").
_TRANSCRIPT = re.compile(r"(?m)^[A-Z][A-Z.'’ -]*: ")
#: How many the narration must have: one "I" may be a transcript's or a slip.
_COLUMN_MIN = 3


def _column_name(text: str) -> str:
    """The name heading a first-person column, if its heading is "Name Name: ..."."""
    first = text.lstrip().split("\n", 1)[0]
    m = _COLUMN.match(first)
    if m is None or len(text.split("\n", 1)) < 2:
        return ""
    body = _narration(text)[len(first) :]
    if len(_FIRST_PERSON_NARRATION.findall(body)) < _COLUMN_MIN or _TRANSCRIPT.search(body):
        return ""  # an interview's "I" is the speaker its label names ("FALLIN: I think")
    return m.group(1)
