"""Where the words naming a source begin and end.

Attribution corpora (PolNeAR, PARC) and readers take the source as the noun
phrase the text uses for it, as written: "Robert Reich, who served as labor
secretary", "a longtime adviser to both Clintons", "who" when the relative
pronoun is the subject.  The parser's subtree of the subject's head gives most
of that; what it adds beyond the phrase comes from attachment errors and is
cut here: the cue and its content when the cue modifies the source ("a super
PAC supporting Rubio"), a focus word before the phrase ("even critics"), and
time, place or medium phrases and participial clauses after a name ("Jeb Bush
in a Medium post", "Smith, delivering Cross' speech").  Parse and tokenizer
slips are mended the way PolNeAR's annotators read the words: the phrase stays
in its paragraph, never stops inside a hyphenated word ("co-host"), and a
final "and" takes the conjunct the parser hung elsewhere ("Yahoo News and
former anchor Katie Couric"); a leading "both" stays ("both Mrs. Clinton and
her campaign": 4 of 4 on train 300-599, where "only" is kept 1 time in 3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["own_verb", "source_phrase"]

#: Focus words that precede a source phrase without belonging to it.
_FOCUS = frozenset({"even", "only", "just", "also"})
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
    kept = {t.i for t in source.subtree}
    if source.i + 2 < len(doc) and _joins(source, doc[source.i + 1]):
        # The parser took a hyphenated word's prefix for the head ("the ex | - |
        # wife of ..."): the phrase runs on through the noun the word belongs to.
        head = doc[source.i + 2]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if source not in head.subtree:
            kept |= {source.i + 1} | {t.i for t in head.subtree}
    kept -= drop
    stop = own_verb(source, kept)
    if stop is not None:
        kept = {i for i in kept if i < stop}
    # The contiguous run around the head, inside its paragraph (the parser's
    # sentences run over single line breaks: "...adviser to Biden Jr.\n\nMrs. Clinton").
    start = end = source.i
    while start - 1 in kept and not _breaks(doc[start - 1]):
        start -= 1
    while end + 1 in kept and not _breaks(doc[end]):
        end += 1
    end += 1
    # Never end or start inside a hyphenated word the tokenizer split ("co-host").
    while end + 1 < len(doc) and _joins(doc[end - 1], doc[end]) and _joins(doc[end], doc[end + 1]):
        end += 2
    while (
        start > 1 and _joins(doc[start - 2], doc[start - 1]) and _joins(doc[start - 1], doc[start])
    ):
        start -= 2
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
    if end > start + 1 and doc[end - 1].dep_ == "cc" and end < len(doc):
        end = _last_conjunct(doc[end - 1], cue) or end - 1
    return start, end


def own_verb(source: Token, kept: set[int]) -> int | None:
    """The first tensed verb after ``source`` in its phrase, outside relative clauses.

    A noun phrase holds no tensed verb of its own; one there is the sentence's
    verb, which the small parser hung under the noun ("Trump defended eminent
    domain, calling it ...": "Trump" heads the sentence, "defended" is an
    adjective of "domain"; "Murphy, the head of Right to Rise USA, tweeted on
    Friday").  The phrase ends before it.  Only a verb read as an adjective
    right after the head, or a tensed one after a comma, counts: the tagger
    calls many participles tensed ("people briefed on the talks"), and those
    belong to the phrase.
    """
    doc = source.doc
    for i in sorted(kept):
        tok = doc[i]
        if i <= source.i or tok.pos_ != "VERB":
            continue
        adjective = tok.dep_ == "amod" and i == source.i + 1 and tok.head.i > i  # "defended domain"
        tensed = tok.tag_ in ("VBD", "VBZ", "VBP") and doc[i - 1].text == ","
        if not (adjective or tensed):
            continue  # "people briefed on the talks": a participle, part of the phrase
        up = tok
        while up.i != source.i and up.dep_ != "relcl" and up.head.i != up.i:
            up = up.head
        if up.i == source.i:
            return i
    return None


def _last_conjunct(cc: Token, cue: Token | None) -> int | None:
    """End of the conjunct after a phrase-final "and" the parser hung elsewhere.

    "Yahoo News and former TV network anchor Katie Couric": the second
    conjunct's phrase, up to its head, unless it runs into the cue.
    """
    doc = cc.doc
    tok = doc[cc.i + 1]
    while tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN", "NUM") and not _breaks(tok):
        tok = tok.head
    end = tok.right_edge.i + 1
    if (cue is not None and cc.i < cue.i < end) or "\n" in doc[cc.i : end].text:
        return None
    return end


def _joins(left: Token, right: Token) -> bool:
    """Whether ``left`` and ``right`` are parts of one hyphenated word."""
    hyphen = left if left.text in ("-", "–") else right if right.text in ("-", "–") else None
    return hyphen is not None and not left.whitespace_ and left.i + 1 == right.i


def _breaks(tok: Token) -> bool:
    """Whether a paragraph break follows ``tok``."""
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def _circumstance(source: Token, child: Token) -> bool:
    """A dependent after the source that tells when, where or how, not who.

    After a common noun or a quantifier a preposition more often belongs to
    the phrase ("a staffer in the room", "some in the crowd", "a poll in
    February"), except with a day ("the campaign on Monday", "during a Sunday").
    """
    if child.dep_ == "prep":
        if child.lower_ not in _CIRCUMSTANCE:
            return False
        dated = child.lower_ != "in" and any(
            o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children
        )
        return dated or source.pos_ == "PROPN" or source.tag_ == "PRP"
    return child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and _after_comma(child)


def _after_comma(tok: Token) -> bool:
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in (",", "—", "–", "-")


def _edge(tok: Token) -> bool:
    """Punctuation or space at a phrase's edge ("%" is a word: "42%")."""
    return tok.is_space or (tok.is_punct and tok.pos_ == "PUNCT")
