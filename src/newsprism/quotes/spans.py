"""Where the words naming a source begin and end.

Attribution corpora (PolNeAR, PARC) and readers take the source as the noun
phrase the text uses for it, as written: "Robert Reich, who served as labor
secretary", "a longtime adviser to both Clintons", "who" when the relative
pronoun is the subject.  The parser's subtree of the subject's head gives most
of that; what it adds beyond the phrase comes from attachment errors and is
cut here: the cue and its content when the cue modifies the source ("a super
PAC supporting Rubio"), a focus word before the phrase ("even critics"), and
time, place or medium phrases and participial clauses after a name ("Jeb Bush
in a Medium post", "Smith, delivering Cross' speech").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["source_phrase"]

#: Focus words that precede a source phrase without belonging to it.
_FOCUS = frozenset({"even", "only", "just", "also", "both"})
_FOCUS_DEPS = ("advmod", "preconj")
#: Prepositions that after a name start a circumstance, not part of the name
#: ("Bush in a post", "Trump on Tuesday"); "of", "to", "for", "at" more often
#: belong to a title ("adviser to", "Senator of", "director at").
_CIRCUMSTANCE = frozenset({"in", "on", "during", "after", "before", "while", "via", "through"})


def source_phrase(
    source: Token, cue: Token | None = None, leave_out: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """Token range of the phrase that names ``source``, the head of an attribution's source.

    ``leave_out`` are tokens that belong elsewhere (a relative clause that is
    an attribution of its own); the phrase stops before them.
    """
    doc = source.doc
    drop: set[int] = set(leave_out)
    if cue is not None and cue.i != source.i and cue in source.subtree:
        # The cue modifies its own source: keep the words before the cue's clause.
        drop |= {t.i for t in cue.subtree}
    for child in source.children:
        if child.i > source.i and _circumstance(source, child):
            drop |= {t.i for t in child.subtree}
    kept = {t.i for t in source.subtree} - drop
    # The contiguous run around the head.
    start = end = source.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    end += 1
    while (
        start > 0
        and doc[start - 1].lower_.rstrip(".") in TITLE_WORDS
        and doc[start - 1].text[0].isupper()
    ):
        start -= 1  # a title the sentence splitter cut off ("Mrs. | Clinton")
    while start < source.i and doc[start].lower_ in _FOCUS and doc[start].dep_ in _FOCUS_DEPS:
        start += 1
    while end > start + 1 and _edge(doc[end - 1]):
        end -= 1
    while start < end - 1 and _edge(doc[start]):
        start += 1
    return start, end


def _circumstance(source: Token, child: Token) -> bool:
    """A dependent after the source that tells when, where or how, not who."""
    if child.dep_ == "prep":
        return child.lower_ in _CIRCUMSTANCE and source.pos_ in ("PROPN", "PRON")
    return child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and _after_comma(child)


def _after_comma(tok: Token) -> bool:
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in (",", "—", "–", "-")


def _edge(tok: Token) -> bool:
    """Punctuation or space at a phrase's edge ("%" is a word: "42%")."""
    return tok.is_space or (tok.is_punct and tok.pos_ == "PUNCT")
