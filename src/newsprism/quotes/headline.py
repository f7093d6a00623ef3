"""Headline attributions: "Mark Cuban: I'd consider a White House bid".

News headlines attribute with a colon instead of a verb: the name before it
said what follows ("Clinton: Time for 'intensification' of ISIL strategy",
"Poll: Trump a big turnoff for Latino voters").  The parse of a headline has
no reporting verb, so the cue rules never see it.  PolNeAR's annotators mark
these as attributions with the colon as cue; a reader takes them the same way.

Only a heading line (short, without a sentence's closing punctuation) whose
part before the colon is a whole named entity (a person, an organisation) or
a document noun ("Poll", "Report") counts, and never a label of the page
itself ("UPDATE:", "WATCH:"), which names no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Speaker, entity_id
from .discourse import Found
from .lexicon import DOCUMENT_NOUNS
from .writer import Kind

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["headline_quotes"]

#: A heading longer than this is a sentence, not a headline.
_MAX_WORDS = 25
#: "Name: what they said" at the start of a line; the name is 1-4 words.
_HEADLINE = re.compile(r"[ \t]*([A-Z][\w.'’&-]*(?: [A-Z&][\w.'’&-]*){0,3}):[ \t]+(\S[^\n]*)")
#: Labels a page puts before a headline; they name nobody.
_PAGE_LABELS = frozenset(
    {
        "update",
        "updated",
        "breaking",
        "breaking news",
        "watch",
        "video",
        "photos",
        "photo",
        "live",
        "exclusive",
        "opinion",
        "analysis",
        "review",
        "editorial",
        "commentary",
        "op-ed",
        "listen",
        "podcast",
        "fact check",
        "factcheck",
        "transcript",
        "read more",
        "related",
        "sponsored",
        "correction",
        "note",
        "warning",
        "editor's note",
    }
)


def headline_quotes(
    text: str,
    ents: tuple[Span, ...],
    found: list[Found],
    fullest: Callable[[str, int], str],
) -> list[Found]:
    """Attributions of the article's heading lines of the form "Name: content".

    ``found`` are the quotations already found; a headline overlapping one of
    them that has a speaker is left to it.  ``fullest`` gives the article's
    full form of a surname ("Cuban" -> "Mark Cuban").
    """
    out: list[Found] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        m = _HEADLINE.match(line)
        if m is None or not _heading(line):
            continue
        name = m.group(1)
        if name.lower().rstrip(".") in _PAGE_LABELS:
            continue
        a, b = start + m.start(1), start + m.end(1)
        named = _named(ents, a, b, name)
        if named is None:
            continue
        name, kind, b = named
        c, d = start + m.start(2), start + len(line.rstrip())
        if any(f.speaker is not None and f.start < d and c < f.end for f in found):
            continue
        if kind == "person":
            name = fullest(name, a)
        speaker = Speaker(name=name, role=None, entity=entity_id(kind, name))
        out.append(Found(c, d, "indirect", speaker, (a, b), (b, b + 1)))
    return out


def _heading(line: str) -> bool:
    words = line.split()
    return 2 < len(words) <= _MAX_WORDS and line.rstrip()[-1:] not in ".;,"


def _named(ents: tuple[Span, ...], a: int, b: int, words: str) -> tuple[str, Kind, int] | None:
    """Who the words before the colon name, and where that name ends, or None.

    Title-case headlines defeat the entity recogniser often ("Issa:"), so
    besides an entity starting the line ("CNN President On Trump:" is CNN),
    a short name whose last word ends a person named in the article counts.
    """
    for e in ents:
        if e.start_char == a and e.end_char <= b:
            if e.label_ == "PERSON":
                return e.text, "person", e.end_char
            if e.label_ in ("ORG", "NORP"):
                return e.text, "org", e.end_char
            break  # a place or a date, or a person the tagger misread ("Nadia" GPE)
    if words.lower() in DOCUMENT_NOUNS:
        return words, "document", b
    last = words.split()[-1]
    if len(words.split()) <= 3 and any(
        e.label_ == "PERSON" and e.start_char > b and e.text.split()[-1] == last for e in ents
    ):
        return words, "person", b
    return None
