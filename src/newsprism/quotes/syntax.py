"""Small questions about the parse that speaker resolution asks of a token.

Kept apart from ``speakers.py`` so that module stays readable: each helper
reads one token's place in the dependency tree, none keeps state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import CUE_VERBS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "PLURAL_TAGS",
    "lemma_of",
    "main_clause",
    "object_names",
    "parenthesis_after",
    "past_dates",
    "placeholder_it",
    "quoted_as",
    "reports",
    "title_before",
]

PLURAL_TAGS = ("NNS", "NNPS")
#: Verbs whose subject "it" is a placeholder: "It is worth noting that",
#: "it seems unfair to say", "It means acknowledging".
DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "mean"})
_COMPLEMENTS = ("acomp", "attr", "advmod", "prep", "npadvmod")


def placeholder_it(it: Token) -> bool:
    """An "it" that stands for nothing: the subject of "be" or "seem" with a clause after.

    "It's worth noting that ...", "it is too soon to say how ...": the writer's
    own voice, so no organisation or document named before is its speaker.
    """
    if it.dep_ not in ("nsubj", "expl") or it.head.lemma_ not in DUMMY_IT_VERBS:
        return False
    # The clause stands after the verb or its complement ("worth [noting]",
    # "too soon [to say]"); "it was opposed to the test" is China speaking.
    near = [c for c in it.head.children if c.i > it.i and c.dep_ not in ("conj", "cc")]
    near += [g for c in near if c.dep_ in _COMPLEMENTS for g in c.children]
    return any(c.dep_ in ("ccomp", "xcomp", "csubj", "pcomp") for c in near)


def reports(subject: Token) -> bool:
    """Whether a subject is the speaker of a reporting verb ("Meyer said")."""
    return subject.dep_ in ("nsubj", "nsubjpass") and lemma_of(subject.head) in CUE_VERBS


def main_clause(verb: Token) -> bool:
    """A verb of the sentence's own clause, not of a subordinate one ("If Musk is ...")."""
    if verb.dep_ in ("advcl", "relcl", "acl", "pcomp", "csubj"):
        return False
    return not any(c.dep_ == "mark" and c.lower_ not in ("that",) for c in verb.children)


def lemma_of(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def past_dates(tok: Token) -> Token:
    """The noun a relative clause really modifies when the parser hung it on a date.

    "its statement released on Friday, which called ..." attaches ``which`` to
    Friday; a date does not speak, so climb to the noun the date phrase modifies.
    """
    for _ in range(4):
        if tok.ent_type_ not in ("DATE", "TIME") or tok.head.i == tok.i:
            break
        tok = tok.head
        while tok.pos_ not in ("NOUN", "PROPN", "PRON") and tok.head.i != tok.i:
            tok = tok.head
    return tok


def title_before(doc: Doc, start: int) -> str | None:
    """Title words written right before a name ("Sen." in "Sen. Jeanne Shaheen")."""
    j = start
    while j > 0:
        if doc[j - 1].lower_.rstrip(".") in TITLE_WORDS:
            j -= 1
        elif (
            j > 1
            and doc[j - 1].text == "."
            and doc[j - 2].lower_ in TITLE_WORDS
            and not doc[j - 2].whitespace_
        ):
            j -= 2  # "Const. Mark Brown": the tokenizer split the title's full stop
        else:
            break
    return doc[j:start].text if j < start else None


def parenthesis_after(doc: Doc, tok: Token) -> str | None:
    """A short parenthesis right after a name: a party tag like "(D-N.H.)"."""
    i = tok.i + 1
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + 8, len(doc))):
            if doc[j].text == ")":
                return doc[i : j + 1].text
    return None


def quoted_as(cue: Token) -> Token | None:
    """The object of "quoted" in "The Herald quoted friends of X as saying ...".

    "as saying" has no subject of its own, and the parser often hangs it on a
    relative clause of the object ("friends of the suspect, who spoke on condition
    of anonymity, as saying"), whose subject is then taken for the speaker; the
    ones quoted are the object of "quoted" (or "cited").
    """
    if cue.dep_ != "pcomp" or cue.head.lower_ != "as":
        return None
    head = cue.head.head
    for _ in range(6):
        if lemma_of(head) in ("quote", "cite") and head.pos_ == "VERB":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            return objects[0] if objects else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def object_names(tok: Token) -> frozenset[str]:
    """Names the pronoun's own verb takes as objects ("he told Hannity", "she
    thanked Ms. Ruiz for"): a subject pronoun is none of them."""
    verb = tok.head
    out: set[str] = set()
    for child in verb.children:
        if child.i == tok.i:
            continue
        heads = [child] if child.dep_ in ("dobj", "dative", "iobj") else []
        if child.dep_ == "prep":
            heads = [c for c in child.children if c.dep_ == "pobj"]
        out.update(h.lower_ for h in heads if h.pos_ == "PROPN")
    return frozenset(out)
