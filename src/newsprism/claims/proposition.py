"""What a claim asserts, read from its parse: who (subject) did what (predicate) to whom
(object), and whether the source hedges it.

Two outlets rarely share a sentence, but they share the proposition: "Police arrested
Jackson early Tuesday" and "Jackson was arrested on suspicion of DUI" have one predicate
("arrest") and one patient ("Jackson").  So the triple is normalised the way a reader
normalises it:

* a reporting verb is looked through to what is reported ("Police said Jackson was
  arrested" asserts the arrest; the source is the claim's holder or narration);
* a passive is read as the active ("Jackson was arrested by police": subject
  "police", object "Jackson");
* a copula names its complement ("SeaMicro is a start-up": predicate "be start-up");
* a negation is kept on the predicate ("not injure"), a particle too ("pick up").

Hedges are words by which the source distances itself from the claim's truth
("may", "reportedly", "is expected to"), kept with the claim in the dossier.  The
verdict rules do not read them: taken as the "vaguer" side of a fact they found 3
imprecise ECB+ facts for 9 agreeing ones lost (benchmarks/RESULTS.md, round 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..quotes.lexicon import CUE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Proposition", "hedged", "proposition"]

#: Verbs whose complement clause is what a claim asserts: the quotes stage's reporting
#: verbs (one lexicon for both stages) and verbs of belief and evidence.
REPORTING = CUE_VERBS | frozenset({"believe", "think", "show", "learn"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "acomp", "dative"})
#: Modifiers kept in a subject's or object's phrase: names of several words, not their
#: articles and adjectives ("the Indian navy" and "India's navy" share "navy").
_NAME_PARTS = frozenset({"compound", "flat", "amod", "nmod"})
_HEDGE = re.compile(
    r"\b(?:may|might|could|reportedly|allegedly|possibly|probably|likely|apparently|"
    r"perhaps|expected to|is said to|are said to|believed to|thought to|appears? to|"
    r"seems? to|rumou?red|unconfirmed|purportedly|supposedly)\b",
    re.IGNORECASE,
)
#: Steps through reporting verbs at most ("X said Y told police that Z").
_MAX_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Proposition:
    subject: str | None
    predicate: str | None
    object: str | None


def hedged(text: str) -> bool:
    """Whether the text distances its source from the claim's truth."""
    return bool(_HEDGE.search(text))


def _phrase(head: Token) -> str:
    """A participant's name: its head with the compound words before it, lower case."""
    parts = [c for c in head.lefts if c.dep_ in _NAME_PARTS and c.pos_ in ("PROPN", "NOUN")]
    words = [t.text for t in sorted([*parts, head], key=lambda t: t.i)]
    if head.pos_ == "PRON":
        return head.lower_
    return " ".join(words).lower() if head.pos_ == "PROPN" else head.lemma_.lower()


def _reported(verb: Token) -> Token:
    """Through reporting verbs to the clause they report."""
    for _ in range(_MAX_DEPTH):
        if verb.lemma_.lower() not in REPORTING:
            break
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is None:
            break
        verb = comp
    return verb


def proposition(root: Token) -> Proposition:
    """The triple of the clause ``root`` heads (module docstring)."""
    verb = _reported(root)
    children = list(verb.children)
    lemma = verb.lemma_.lower()
    if lemma == "be":
        comp = next((c for c in children if c.dep_ in ("attr", "acomp")), None)
        if comp is not None:
            lemma = f"be {comp.lemma_.lower()}"
    prt = next((c for c in children if c.dep_ == "prt"), None)
    if prt is not None:
        lemma = f"{lemma} {prt.lower_}"
    if any(c.dep_ == "neg" for c in children):
        lemma = f"not {lemma}"
    subj = next((c for c in children if c.dep_ in _SUBJECTS), None)
    obj = next((c for c in children if c.dep_ in _OBJECTS and not lemma.startswith("be ")), None)
    subject = _phrase(subj) if subj is not None else None
    obj_text = _phrase(obj) if obj is not None else None
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subject, obj_text = (_phrase(by) if by is not None else None), subject
    return Proposition(subject, lemma or None, obj_text)
