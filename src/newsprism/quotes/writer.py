"""Who writes an article, for "I" and "we" in its own narration.

An op-ed's "I" is its author and an editorial's "we" its outlet; a reader
resolves them from the byline, or, unsigned, from the closing line about the
writer.  A letters page has one writer per letter: each signature line ("Chris
Smith.", "Ann Ruiz, Dayton, Ohio.") signs the paragraphs above it up to the
previous signature.  Kept apart from :mod:`.speakers`, which resolves the article's sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .gender import first_name_gender
from .marks import find_quoted

__all__ = ["Kind", "Writer"]

#: What a speaker is: a person, an organisation, or a document quoted as speaking.
Kind = Literal["person", "org", "document"]


@dataclass(frozen=True, slots=True)
class Writer:
    """Who writes the article: its author (a person) or, unsigned, its outlet."""

    #: Empty when only a letters page's signatures are known.
    name: str
    role: str | None
    kind: Kind
    #: A letters page's signatures: (offset of the signature line, its name), in order.
    letters: tuple[tuple[int, str], ...] = ()

    @classmethod
    def of(cls, author: str | None, outlet: str | None, text: str = "") -> Writer | None:
        """The author when the article names one, else the outlet, else nobody.

        With no author given, an opinion piece's closing line about its writer
        ("Rudy Giuliani is the former mayor of New York City.") names the author,
        and so does a columnist's name heading a first-person column ("Ann
        Coulter: And Then There Was the One").
        """
        letters = _signatures(text)
        author = (author or "").strip() or _bio_name(text) or _column_name(text)
        if author and "," not in author and " and " not in author:
            return cls(author, "author", "person", letters)  # one signed author, not a list
        outlet = (outlet or "").strip()
        if outlet:
            return cls(outlet, None, "org", letters)
        return cls("", None, "person", letters) if letters else None

    def at(self, offset: int) -> Writer | None:
        """Who writes the narration at ``offset``: on a letters page the letter's
        signer (the first signature below it), elsewhere the article's writer."""
        for start, name in self.letters:
            if start > offset:
                return Writer(name, "author", "person")
        return self if self.name else None


#: An op-ed's closing line about its writer: "Name Name is (a|an|the) ...",
#: "Rep. Raul Grijalva, D-Ariz., was ...", "Joel B. Pollak is Senior Editor ...".
_BIO = re.compile(
    r"((?:[A-Z][\w'’-]*\.? ){1,3}[A-Z][\w'’-]+)(?:, [A-Z]-[A-Z][\w.]*,|,)? "
    r"(?:is|was|has been|serves as) "
    r"(?:a|an|the|author|professor|director|president|chair|editor|senior|former|[A-Z]"
    # a title with no article: "is playwright-in-residence at Wheaton College"
    r"|[a-z]+(?:-[a-z]+)* (?:at|of|for|in)\b)"
)
#: A second person's bio on the same line ("... Julie Burton is president of ..."):
#: a piece by several writers, whose "we" no one name resolves.
_SECOND_BIO = re.compile(r"[.;] (?:[A-Z][\w'’-]*\.? ){1,3}[A-Z][\w'’-]+ (?:is|was) ")
#: A one-word name's bio must say the person writes: "Gaudiano is a ... reporter".
_BIO_SURNAME = re.compile(
    r"([A-Z][\w'’-]+) is (?:a|an|the) [^.]*\b(?:reporter|writer|columnist|correspondent|"
    r"editor|contributor|author)\b"
)
#: A book excerpt's credit line: "From STEALING AMERICA by Dinesh D’Souza. Copyright ...".
_EXCERPT = re.compile(r"\bby ((?:[A-Z][\w'’-]+\.? ){1,3}[A-Z][\w'’-]+)\. Copyright\b")
#: Words in the last line a bio can have at most.
_BIO_WORDS = 40
#: Titles a bio's name may open with ("Rep.", "Sen."), left out of the writer's name.
_BIO_TITLES = frozenset({"rep", "sen", "gov", "dr", "mr", "mrs", "ms", "prof"})


def _narration(text: str) -> str:
    """The text with its quotations blanked out: the writer's own words."""
    narration = list(text)
    for q in find_quoted(text):
        narration[q.start : q.end] = " " * (q.end - q.start)
    return "".join(narration)


def _bio_name(text: str) -> str:
    """The writer an op-ed's closing lines describe (the last two: a "Follow @..."
    line often ends it), if the narration speaks in the first person."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) < 3:
        return ""
    found = ""
    for line in reversed(lines[-2:]):
        if len(line.split()) > _BIO_WORDS:
            continue
        m = _BIO.match(line) or _BIO_SURNAME.match(line) or _EXCERPT.search(line)
        if m is not None:
            found = "" if _SECOND_BIO.search(line) else m.group(1)
            break
    if not found:
        return ""
    if not re.search(r"\b(?:I|We)\b", _narration(text)):
        return ""  # no first person outside quotations: nothing the bio would resolve
    words = found.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _BIO_TITLES:
        words.pop(0)
    return " ".join(words)


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


#: A word of a signer's name: capitalised, not a heading's capitals ("TWITTER").
_NAME_WORD = r"[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*"
#: The signer's town after the name: ", Dayton, Ohio", ", Long Beach, Calif.".
_PLACE = r"(?:, [A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,2}){0,2}"
#: A letter's signature line: a name alone, with at most a place after a comma
#: ("Heather T. Remoff.", "Ann Ruiz, Dayton, Ohio."), or a tweet's "@handle.".
_SIGNATURE = re.compile(
    rf"((?:{_NAME_WORD}|[A-Z]\.) (?:(?:{_NAME_WORD}|[A-Z]\.) ){{0,2}}{_NAME_WORD}"
    rf"(?:,? (?:Jr|Sr)\.?)?){_PLACE}\.?|(@\w+)\."
)
#: Signatures opening with a known given name a letters page needs: one may be a
#: name alone on a line, and section headings ("Human Rights.") have the same shape.
_LETTERS_MIN = 2


def _signatures(text: str) -> tuple[tuple[int, str], ...]:
    """A letters page's signature lines, if it has them and speaks in the first person.

    A signature follows a paragraph of the letter: a line right after another
    signature is the signer's town ("Long Beach, Calif."), and the first line is
    the headline.
    """
    if not _FIRST_PERSON_NARRATION.search(text) and not re.search(r"\b(?:We|we)\b", text):
        return ()
    found: list[tuple[int, str]] = []
    offset, after_text = 0, False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            m = _SIGNATURE.fullmatch(stripped)
            if m is not None and after_text:
                found.append((offset, m.group(1) or m.group(2)))
            after_text = m is None
        offset += len(line) + 1
    named = sum(1 for _, n in found if n[0] == "@" or first_name_gender(n.split()[0]) is not None)
    return tuple(found) if named >= _LETTERS_MIN else ()
