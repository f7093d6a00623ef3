"""Per-text material for alignment, computed once per article and reused for every pair.

A story of n articles has n(n-1)/2 pairs; preparing words, sentence vectors and name sets
once per article keeps the pairwise work to comparisons only.  Everything here is a pure
function of one text, so an engine can compute it where the article lives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from . import embed
from .text import STOP, Doc, analyse

__all__ = [
    "Prepared",
    "SentenceInfo",
    "Terms",
    "expression_grams",
    "first_places",
    "prepare",
    "stem",
    "terms",
]

_DIGIT = re.compile(r"\d")


def stem(word: str) -> str:
    """A crude prefix stem, so "investigate" meets "investigation" across a rewrite.

    Rewriters change inflection and derivation more than roots; a six-letter prefix
    catches most of that for English without a lemmatizer on the hot path.
    """
    return word[:6]


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """What a reworded sentence keeps: stems, names, numbers; quoted words left out."""

    content: frozenset[str]  # stems of unquoted content words
    names: frozenset[str]  # unquoted capitalised words and numbers
    size: int  # unquoted words
    words: frozenset[str] = frozenset()  # unquoted words
    bigrams: frozenset[str] = frozenset()  # unquoted consecutive word pairs
    numbers: frozenset[str] = frozenset()  # unquoted tokens with digits
    sequence: tuple[str, ...] = ()  # unquoted words in order
    text: str = ""  # unquoted words, lower case, joined by spaces


_term_ids: dict[str, int] = {}


def _term_id(term: str) -> int:
    # interned, so two texts' terms meet as integers: ids hold within one process only,
    # as do the Prepared records that carry them (never stored or sent)
    got = _term_ids.get(term)
    if got is None:
        got = _term_ids[term] = len(_term_ids)
    return got


@dataclass(frozen=True, slots=True)
class Terms:
    """Each sentence's content stems and names as sorted integer ids with their sentence,
    so that the terms two texts' sentences share are counted for all sentence pairs at
    once (:func:`~newsprism.reuse.align._similarity`) rather than set by set."""

    content: np.ndarray  # term ids, sorted (int64)
    content_rows: np.ndarray  # the sentence of each
    names: np.ndarray
    names_rows: np.ndarray
    content_sizes: np.ndarray  # len(content) of each sentence
    names_sizes: np.ndarray
    sizes: np.ndarray  # unquoted words of each sentence


def _sorted_ids(sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    ids = np.fromiter((_term_id(t) for terms in sets for t in terms), dtype=np.int64)
    rows = np.repeat(np.arange(len(sets), dtype=np.int64), [len(terms) for terms in sets])
    order = np.argsort(ids, kind="stable")
    return ids[order], rows[order]


def terms(sentences: tuple[SentenceInfo, ...]) -> Terms:
    """The :class:`Terms` of a text's sentences."""
    content, content_rows = _sorted_ids([s.content for s in sentences])
    names, names_rows = _sorted_ids([s.names for s in sentences])
    return Terms(
        content,
        content_rows,
        names,
        names_rows,
        np.array([len(s.content) for s in sentences], dtype=np.int64),
        np.array([len(s.names) for s in sentences], dtype=np.int64),
        np.array([s.size for s in sentences], dtype=np.int64),
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    doc: Doc
    sentences: tuple[SentenceInfo, ...]
    vectors: np.ndarray | None  # one unit row per sentence (unquoted words), or None
    names: frozenset[str]  # all names and numbers, quoted or not: the topic of the text
    content: frozenset[str]  # all content stems
    whole: SentenceInfo = SentenceInfo(frozenset(), frozenset(), 0)  # all words as one unit
    whole_vector: np.ndarray | None = None
    expression: frozenset[tuple[str, ...]] = frozenset()  # see :func:`expression_grams`
    #: where each content stem first occurs, as a share of the text (:func:`first_places`)
    firsts: Mapping[str, float] = field(default_factory=dict)
    terms: Terms | None = None  # :func:`terms` of ``sentences`` (None: computed when used)


#: words in an expression n-gram
EXPRESSION_N = 3


def expression_grams(doc: Doc) -> frozenset[tuple[str, ...]]:
    """The text's own wording: word trigrams with no name, number or quoted word in them.

    Two reports of one event share its facts (names, places, figures) and the statements
    they quote; what a copy or a rewrite shares beyond that is phrasing, the words *around*
    the facts ("had to taser him to get him out of", "was struck and killed").  Trigrams
    within one sentence, not across a boundary, and not of stop words alone.
    """
    grams: set[tuple[str, ...]] = set()
    n = EXPRESSION_N
    for sent in doc.sentences:
        plain = [
            not doc.quoted[k]
            and not _is_name(doc.text[doc.starts[k] : doc.ends[k]], k == sent.first)
            for k in range(sent.first, sent.last)
        ]
        for k in range(sent.first, sent.last - n + 1):
            if not all(plain[k - sent.first : k - sent.first + n]):
                continue
            gram = doc.words[k : k + n]
            if not all(w in STOP for w in gram):
                grams.add(gram)
    return frozenset(grams)


#: letters a word needs to mark a point in :func:`first_places` ("us", "mr" do not)
MIN_POINT_LETTERS = 3


def first_places(doc: Doc) -> dict[str, float]:
    """Where each content stem first occurs, as a share of the text's words.

    A rewrite takes its source's points in its source's order, so the words that first
    bring in a point (a name, a place, "arrested", "evacuated") come in the same order in
    both texts; two reports of one event written separately share those words but bring
    them in as each writer sees fit.  Quoted words count: a quotation is a point too.
    """
    n = len(doc.words)
    out: dict[str, float] = {}
    for k, w in enumerate(doc.words):
        if w in STOP or len(w) < MIN_POINT_LETTERS:
            continue
        out.setdefault(stem(w), k / n)
    return out


def _is_name(raw: str, sentence_initial: bool) -> bool:
    if _DIGIT.search(raw):
        return True
    return raw[:1].isupper() and not sentence_initial and raw.lower() not in STOP


def _unit(
    doc: Doc, spans: list[tuple[int, int]], keep_quoted: bool = False
) -> tuple[SentenceInfo, list[str]]:
    content: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    bigrams: set[str] = set()
    kept: list[str] = []
    words: list[str] = []
    for first, last in spans:
        prev = ""
        for k in range(first, last):
            if doc.quoted[k] and not keep_quoted:
                prev = ""
                continue
            word = doc.words[k]
            raw = doc.text[doc.starts[k] : doc.ends[k]]
            kept.append(raw)
            words.append(word)
            if _is_name(raw, k == first):
                names.add(word)
            if _DIGIT.search(word):
                numbers.add(word)
            if word not in STOP:
                content.add(stem(word))
            if prev:
                bigrams.add(prev + " " + word)
            prev = word
    info = SentenceInfo(
        frozenset(content),
        frozenset(names),
        len(kept),
        frozenset(words),
        frozenset(bigrams),
        frozenset(numbers),
        tuple(words),
        " ".join(words),
    )
    return info, kept


def prepare(text: str, *, semantic: bool = True) -> Prepared:
    doc = analyse(text)
    infos: list[SentenceInfo] = []
    bare: list[list[str]] = []
    for sent in doc.sentences:
        info, kept = _unit(doc, [(sent.first, sent.last)])
        infos.append(info)
        bare.append(kept)
    # the whole text as one unit, quotations included: it feeds the sentence paraphrase
    # model for texts of a sentence or two, where a quote is most of what there is
    whole, whole_text = _unit(doc, [(s.first, s.last) for s in doc.sentences], keep_quoted=True)
    all_names = {
        doc.words[k]
        for sent in doc.sentences
        for k in range(sent.first, sent.last)
        if _is_name(text[doc.starts[k] : doc.ends[k]], k == sent.first)
    }
    all_content = {stem(w) for w in doc.words if w not in STOP}
    vectors = whole_vector = None
    if semantic and embed.available():
        # sentence vectors leave quotations out; the whole-text vector keeps them
        vectors, _ = embed.embed_words(bare)
        whole_vector = embed.embed_words([whole_text])[1][0]
    return Prepared(
        doc,
        tuple(infos),
        vectors,
        frozenset(all_names),
        frozenset(all_content),
        whole,
        whole_vector,
        expression_grams(doc),
        first_places(doc),
        terms(tuple(infos)),
    )
