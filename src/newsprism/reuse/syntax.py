"""What a sentence says, as far as a parse sees it: lemmas by part of speech, who does what.

Word and n-gram overlap (:mod:`.similarity`) tells how much two sentences share, not
*what* the unshared part is.  On newswire that decides a paraphrase more than the amount:
a second sentence that adds a name, a figure or a verb (a new clause, a new fact) is
rarely a paraphrase, while one that swaps adverbs, pronouns and function words usually
is.  And a rewrite keeps who does what to whom (subject, verb, object) while words move
around it.  So the sentence model also reads, from spaCy's small English parser:

* the shares of content lemmas and of dependency arcs (head, relation, dependent) the
  two sentences share (Wan et al. 2006 used such dependency overlap on MSRP);
* whether they share the main verb and a subject, and how much of their objects;
* per part of speech, how many lemmas each sentence has that are not among the other's
  content lemmas (for function words: how many it has at all, a sign of an added clause).

On MSRP train (10-fold CV) these lift the sentence model from 0.770 to about 0.785
(``benchmarks/RESULTS.md``, issue 17 round 4); the per-part-of-speech counts carry most
of it.  Parsing costs a few milliseconds a sentence, so only texts judged by the sentence
model (a sentence or two, :mod:`.compare`) are parsed, never whole articles.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import Any, TypeVar

from ..nlp import parse

__all__ = ["POS", "SYNTAX_FEATURES", "Syntax", "analyse", "analyse_many", "syntax_features"]

#: parts of speech whose lemmas count as content (shared-lemma share)
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: parts of speech whose unshared lemmas are counted one by one
POS = ("PROPN", "NUM", "VERB", "NOUN", "ADJ", "ADV", "ADP", "PRON", "AUX", "PART")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "pobj"})
CAPABILITIES = frozenset({"syntax", "lemmas"})
_T = TypeVar("_T")

SYNTAX_FEATURES = (
    "lemma_shared_min",  # shared content lemmas / own content lemmas (min, max over sides)
    "lemma_shared_max",
    "arc_shared_min",  # shared (head, relation, dependent) lemma triples
    "arc_shared_max",
    "link_shared_min",  # shared (head, dependent) lemma pairs, relation ignored
    "link_shared_max",
    "same_root",  # a main verb (root lemma) in common
    "same_subject",  # a subject lemma in common
    "object_jaccard",
    *(f"log_own_{pos.lower()}_{side}" for pos in POS for side in ("min", "max")),
)


@dataclass(frozen=True, slots=True)
class Syntax:
    """The parse of one short text, as sets of lemmas (lower case)."""

    content: frozenset[str]  # lemmas of content words (:data:`CONTENT_POS`)
    by_pos: tuple[frozenset[str], ...]  # lemmas of each part of speech of :data:`POS`
    arcs: frozenset[tuple[str, str, str]]  # (head, relation, dependent), punctuation left out
    roots: frozenset[str]
    subjects: frozenset[str]
    objects: frozenset[str]

    @property
    def links(self) -> frozenset[tuple[str, str]]:
        return frozenset((h, d) for h, _, d in self.arcs)


def _record(doc: Any) -> Syntax:
    content: set[str] = set()
    by_pos: dict[str, set[str]] = {p: set() for p in POS}
    arcs: set[tuple[str, str, str]] = set()
    roots: set[str] = set()
    subjects: set[str] = set()
    objects: set[str] = set()
    for tok in doc:
        lemma, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
        if pos in CONTENT_POS:
            content.add(lemma)
        if pos in by_pos:
            by_pos[pos].add(lemma)
        if tok.head.i == tok.i:
            roots.add(lemma)
        elif pos != "PUNCT":
            arcs.add((tok.head.lemma_.lower(), dep, lemma))
        if dep in _SUBJECTS:
            subjects.add(lemma)
        elif dep in _OBJECTS:
            objects.add(lemma)
    return Syntax(
        frozenset(content),
        tuple(frozenset(by_pos[p]) for p in POS),
        frozenset(arcs),
        frozenset(roots),
        frozenset(subjects),
        frozenset(objects),
    )


def analyse_many(texts: Iterable[str], batch_size: int = 256) -> list[Syntax]:
    """:func:`analyse` of many texts in one spaCy pipe (training, benchmarks)."""
    return [_record(doc) for doc in parse(texts, CAPABILITIES, batch_size=batch_size)]


@functools.lru_cache(maxsize=4096)
def analyse(text: str) -> Syntax:
    """The parse of ``text`` (cached: in a story one short text meets every other)."""
    return analyse_many([text])[0]


def _shares(a: Set[_T], b: Set[_T]) -> list[float]:
    shared = len(a & b)
    return sorted((shared / max(1, len(a)), shared / max(1, len(b))))


def syntax_features(a: Syntax, b: Syntax) -> list[float]:
    """Symmetric features of two parses, in the order of :data:`SYNTAX_FEATURES`."""
    objects = a.objects | b.objects
    feats = [
        *_shares(a.content, b.content),
        *_shares(a.arcs, b.arcs),
        *_shares(a.links, b.links),
        1.0 if a.roots & b.roots else 0.0,
        1.0 if a.subjects & b.subjects else 0.0,
        len(a.objects & b.objects) / len(objects) if objects else 0.0,
    ]
    # what one side says that the other does not, by kind of word
    for pa, pb in zip(a.by_pos, b.by_pos, strict=True):
        feats += sorted((math.log1p(len(pa - b.content)), math.log1p(len(pb - a.content))))
    return feats
