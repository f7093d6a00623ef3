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
        ("Rudy Giuliani is the former mayor of New York City.") names the author.
        """
        author = (author or "").strip() or _bio_name(text)
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


def _bio_name(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) < 3 or len(lines[-1].split()) > _BIO_WORDS:
        return ""
    m = _BIO.match(lines[-1])
    if m is None:
        return ""
    narration = list(text)
    for q in find_quoted(text):
        narration[q.start : q.end] = " " * (q.end - q.start)
    if not re.search(r"\b(?:I|We)\b", "".join(narration)):
        return ""  # no first person outside quotations: nothing the bio would resolve
    return m.group(1)
