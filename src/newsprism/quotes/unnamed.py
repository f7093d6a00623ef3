"""Unnamed people a pronoun or a description stands for.

News often brings in a voice without a name: "One retired fisherman who lives on the
island had harsher words ... \\n\\n 'He never listened,' he said", "A drunk man shouted
... 'Go home,' the drunk man said".  The speaker resolver looks for *named* antecedents
first, so "he" went to a man named earlier as an object and "the drunk man" to the
most salient named man.  Round 8 of issue 16 found both on fresh outlets (FNC-1,
ECB+); these readings keep the unnamed person the sentence is about.  Kept apart
from :mod:`.speakers`, which holds the resolution order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gender import Gender, agrees, pronoun_gender, word_gender
from .layout import Layout
from .lexicon import OCCUPATION_NOUNS
from .mentions import person_noun
from .syntax import lemma_of, main_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "described_subject",
    "introduced_unnamed",
    "personish",
    "pronoun_subject",
    "relative_possessor",
    "sentence_before",
]

_INDEFINITE = ("a", "an", "one")


def personish(tok: Token) -> bool:
    """A singular common noun for a person: a noun of the lexicon, an occupation, or
    one a relative "who" follows ("a passenger who has used the ferry")."""
    noun = lemma_of(tok)
    if person_noun(noun) or noun in OCCUPATION_NOUNS:
        return True
    return any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose") for c in tok.children)


def sentence_before(doc: Doc, layout: Layout, sent_of: list[int], i: int) -> tuple[int, int] | None:
    """Token range of the sentence before token ``i``'s, passing over blank ones and a
    quotation's own sentences ('"X," he fumed. "Y. Z." he said': the one of "fumed").

    ``sent_of`` maps each token to its sentence (the resolver's, which never runs
    over a paragraph break)."""
    first = i
    while first > 0 and sent_of[first - 1] == sent_of[i]:
        first -= 1
    for _ in range(4):
        last = first
        while first > 0 and sent_of[first - 1] == sent_of[last - 1]:
            first -= 1
        if first == last or not all(
            layout.in_quote(k) or doc[k].is_punct or doc[k].is_space for k in range(first, last)
        ):
            break
    return None if first == last else (first, last)


def described_subject(
    doc: Doc, layout: Layout, first: int, last: int, want: Gender | None
) -> Token | None:
    """The unnamed person the sentence ``doc[first:last]`` is about, if any.

    The subject of its main clause, outside quotation marks, when it is a singular
    common noun for a person with no name in apposition ("One longtime employee who
    has worked with Williams had a few words ...") and agrees with the pronoun's
    gender ``want`` ("One bright young woman ..." is no "he"); or a subject "he" or
    "she", which may continue such a person.
    """
    for k in range(first, last):
        tok = doc[k]
        if tok.dep_ != "nsubj" or layout.in_quote(k):
            continue
        verb = tok.head
        if not first <= verb.i < last or not main_clause(verb):
            continue
        if verb.dep_ != "ROOT" and first <= verb.head.i < last:
            continue  # a clause of the sentence, not its own (a heading glued above is)
        if tok.lower_ in ("he", "she"):
            return tok  # the resolver knows whom it stood for
        # The main subject: only an unnamed singular person is taken.
        if tok.tag_ != "NN" or tok.ent_type_ or not personish(tok):
            return None
        if any(c.dep_ == "appos" for c in tok.children):
            return None
        if any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in tok.children):
            # "The Republican nominee noted ...": a definite description is someone
            # named before, which the resolver's usual order finds.
            return None
        if want is not None and not agrees(want, word_gender(lemma_of(tok))):
            return None
        own = {t.i for t in tok.subtree}
        if any(
            doc[j].ent_type_ == "PERSON" and j not in own and not layout.in_quote(j)
            for j in range(first, last)
        ):
            # "A reporter asked Sanders how he's feeling. He replied": a person the
            # sentence names beside the subject may be the one meant; the usual order.
            return None
        return tok
    return None


def introduced_unnamed(text: str, tok: Token, words: str) -> bool:
    """Whether "the ``words``" was brought in before ``tok`` as "a/an/one ``words``".

    "A drunk man shouted ... the drunk man said": the description is that unnamed
    man, not the most salient named one.
    """
    if not words:
        return False
    pattern = rf"\b(?:{'|'.join(_INDEFINITE)})\s+{re.escape(words)}\b"
    return re.search(pattern, text[: tok.idx], re.IGNORECASE) is not None


def relative_possessor(tok: Token) -> Token | None:
    """The named possessor of the noun a relative clause with subject ``tok`` modifies.

    "Mr. Trump's RT appearance, in which he said ...": "he" is Trump, whoever else
    the passage is about.
    """
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.dep_ != "relcl":
        return None
    for child in verb.head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", ""):
            return child
    return None


def pronoun_subject(
    doc: Doc, layout: Layout, first: int, last: int, want: Gender | None
) -> Token | None:
    """The subject "he"/"she" of the main verb of the sentence ``doc[first:last]``,
    of gender ``want`` and outside quotation marks: a sentence about someone only a
    pronoun names, which continues whoever that pronoun stands for."""
    for t in doc[first:last]:
        if t.dep_ != "ROOT":
            continue
        for c in t.children:
            pronoun = c.dep_ == "nsubj" and c.lower_ in ("he", "she")
            if pronoun and not layout.in_quote(c.i) and pronoun_gender(c.text) == want:
                return c
    return None
