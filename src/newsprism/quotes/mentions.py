"""Small readings of the words around a mention, shared by the speaker resolver.

What a token sequence says about a name (a hyphen inside it, its text without
stray punctuation) and whether a noun stands for a person or for people: kept
apart from :mod:`.speakers` so that module holds the resolution itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gender import word_gender
from .lexicon import ANONYMOUS_NOUNS, GENERIC_PERSON_NOUNS, GROUP_NOUNS, TITLE_WORDS
from .syntax import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["JOINED_PARTICLES", "hyphen_joins", "people", "person_noun", "span_text", "trim"]


#: Lower-case particles joined to a surname by a hyphen: the Arabic article and its
#: assimilated forms ("Ibrahim al-Hassan", "Mohammed el-Baradei", "Ahmad ash-Shar").
JOINED_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"})


def hyphen_joins(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is a hyphen written inside a capitalised name.

    Also after the Arabic article ("al-Hassan"): the tokenizer splits it off, and
    without it the name shown is "Hassan" with "Ibrahim al" as a role, or "al" alone.
    """
    if doc[j].text not in ("-", "‐") or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return False
    if doc[j - 1].text[:1].isupper():
        return True
    return (
        doc[j - 1].lower_ in JOINED_PARTICLES and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
    )


def span_text(doc: Doc, start: int, end: int) -> str:
    """The words of ``doc[start:end]`` on one line, without edge punctuation."""
    return " ".join(doc[start:end].text.split()).strip(" ,;:—–")


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without punctuation or space tokens at either edge."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


#: Nouns for a person besides the lexicon's descriptions and titles.
_PERSON_NOUNS = frozenset(
    {"doctor", "nurse", "physician", "owner", "driver", "neighbour", "neighbor", "victim"}
    | {"survivor", "farmer", "mother", "father", "wife", "husband", "daughter", "son"}
)


def person_noun(lemma: str) -> bool:
    """A singular noun for one person ("the officer", "Ontario's top doctor")."""
    return (
        lemma in GENERIC_PERSON_NOUNS
        or lemma in ANONYMOUS_NOUNS
        or lemma in TITLE_WORDS
        or lemma in _PERSON_NOUNS
        or word_gender(lemma) is not None
    )


def people(tok: Token) -> bool:
    """A plural noun for people ("officials", "Democrats"), which "they" can stand for."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    lem = lemma_of(tok)
    return tok.ent_type_ in ("NORP", "ORG") or lem in GROUP_NOUNS or lem in GENERIC_PERSON_NOUNS
