"""Attribution cues that are not verbs: stance adjectives and possessed nouns.

PolNeAR's annotators mark what a person thinks or intends wherever the text
states it, not only with a verb: "Republicans are wary of Trump" (a copula and
an adjective, the copula's subject as source) and "Pence's call for a special
prosecutor" (a noun, its possessor as source).  Whether a given adjective or
noun carries an attribution depends on the word and on what it governs
("eager to", "skeptical of" do; "ready", "right" mostly do not), so the same
learned classifier as for verbs decides, over features prefixed by the
candidate's kind; these cues are used in broad mode only.

The default (speech) mode takes one narrow case of its own: a noun that names
something said, with a possessor and a clause ("Trump's claim that ..."),
see :func:`speech_noun_content`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .lexicon import SPEECH_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .layout import Layout

__all__ = [
    "NominalKind",
    "nominal_content",
    "nominal_features",
    "nominal_kind",
    "nominal_source",
    "speech_noun_content",
]

NominalKind = Literal["adj", "noun"]

#: Verbs that link a subject to a stance adjective ("is", "remains", "seems").
_LINKING = frozenset({"be", "become", "remain", "seem", "appear", "feel", "grow", "sound", "stay"})
#: What a stance word governs that states its content ("wary of", "call for").
_CONTENT_DEPS = ("prep", "xcomp", "ccomp", "acl")


def _lemma(tok: Token) -> str:
    return str(tok.lemma_ or tok.lower_).lower()


def nominal_kind(tok: Token) -> NominalKind | None:
    """Whether ``tok`` can be a non-verbal cue, and which kind."""
    if tok.dep_ == "acomp" and _lemma(tok.head) in _LINKING and _subject(tok.head) is not None:
        return "adj"
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        return "noun"
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def nominal_source(tok: Token, kind: NominalKind) -> Token | None:
    """The copula's subject for an adjective, the possessor for a noun."""
    if kind == "adj":
        return _subject(tok.head)
    for child in tok.children:
        if child.dep_ == "poss":
            return child
    return None


def nominal_content(tok: Token, layout: Layout) -> list[tuple[int, int]] | None:
    """What the stance is about: the word's preposition, clause or infinitive."""
    a, b = layout.unit_bounds(tok.i)
    toks: set[int] = set()
    for child in tok.children:
        if child.i > tok.i and child.dep_ in _CONTENT_DEPS:
            toks |= {t.i for t in child.subtree if a <= t.i < b}
    if not toks:
        return None
    toks.discard(tok.i)
    words = sorted(i for i in toks if not tok.doc[i].is_space)
    out: list[tuple[int, int]] = []
    for i in words:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out or None


def nominal_features(tok: Token, kind: NominalKind, subject_kind: str) -> list[str]:
    """Sparse features of a candidate, prefixed by its kind so they stay apart from verbs'."""
    lem = _lemma(tok)
    k = kind[0]
    feats = [f"{k}:kind", f"{k}:lem={lem}", f"{k}:dep={tok.dep_}", f"{k}:subj={subject_kind}"]
    feats.append(f"{k}:lem|subj={lem}|{subject_kind}")
    if kind == "adj":
        feats.append(f"{k}:link={_lemma(tok.head)}")
    else:
        feats.append(f"{k}:lem|dep={lem}|{tok.dep_}")
    governs = "none"
    for child in tok.children:
        if child.i > tok.i and child.dep_ in _CONTENT_DEPS:
            word = _lemma(child) if child.dep_ == "prep" else child.dep_
            feats += [f"{k}:gov={word}", f"{k}:lem|gov={lem}|{word}"]
            governs = word
        elif child.dep_ in ("neg", "advmod"):
            feats.append(f"{k}:{child.dep_}={child.lower_}")
    if governs == "none":
        feats += [f"{k}:gov=none", f"{k}:lem|gov={lem}|none"]
    return feats


def speech_noun_content(tok: Token, layout: Layout) -> list[tuple[int, int]] | None:
    """The clause a possessed speech noun reports ("Trump's claim that ...", "his vow to ...").

    Only a clause counts: "remarks about him" names a topic, not what was said.
    """
    if _lemma(tok) not in SPEECH_NOUNS or not any(c.dep_ == "poss" for c in tok.children):
        return None
    a, b = layout.unit_bounds(tok.i)
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("acl", "ccomp", "relcl") and _clausal(tok, child):
            toks = sorted(t.i for t in child.subtree if a <= t.i < b and not t.is_space)
            if toks:
                return [(toks[0], toks[-1] + 1)]
    return None


def _clausal(noun: Token, verb: Token) -> bool:
    """A "that" clause, or a "to" infinitive after a commitment ("his vow to ..."), but
    not a relative clause ("the claim he made") or a purpose ("statements to explain")."""
    return any(
        (c.dep_ == "mark" and c.lower_ == "that")
        or (c.dep_ == "aux" and c.lower_ == "to" and _lemma(noun) in _COMMITMENTS)
        for c in verb.children
    )


#: Speech nouns whose "to" infinitive is what was said ("a pledge to add soldiers").
_COMMITMENTS = frozenset({"promise", "pledge", "vow", "threat", "claim"})
