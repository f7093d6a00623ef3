"""Per-article claims: the clauses that assert something a reader could check.

A claim is the *clause* around a figure or date, not the whole sentence,
because one sentence often carries two facts that other outlets report
differently ("Musk has been in regular contact with Putin since 2022, the
Journal reported Friday": the contacts and the day of the report).  Denials
and reported findings without figures are kept as whole sentences, since the
denial verb and the source are what a reader needs to see.

A sentence that carries a quotation is a statement claim held by its speaker
(:attr:`Claim.holder`): positions are facts outlets line up too ("we will see them
in court" in four reports).  Figures and dates inside long quotations are not
value claims of their own: the speaker's words, not the outlet's account.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article, Claim, ClaimKind, Quote, Value
from ..nlp import doc_text
from .lexicon import DENIAL, disputing, may_deny
from .proposition import Proposition, hedged, proposition
from .values import Found, find_values, last_year

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CAPABILITIES", "extract_claims"]

log = logging.getLogger(__name__)

#: What :func:`extract_claims` needs from :func:`newsprism.nlp.parse` (the same
#: parse as the quotes stage, so one parse serves both).
CAPABILITIES: frozenset[str] = frozenset({"syntax", "entities", "lemmas"})

#: Dependencies that open a clause of its own: a fact there is a different claim.
_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "xcomp"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
#: Quoted spans with at least this many words are statements, not narrative.
_QUOTE_MIN_WORDS = 6
#: Sentences longer than this are split to clauses even for findings.
_MAX_FINDING_CHARS = 400


def _quote_mask(text: str) -> bytearray:
    from ..quotes.marks import find_quoted  # the quote scanner is shared, not duplicated

    mask = bytearray(len(text))
    for q in find_quoted(text):
        if len(text[q.start : q.end].split()) >= _QUOTE_MIN_WORDS:
            mask[q.start : q.end] = b"\x01" * (q.end - q.start)
    return mask


def _root(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it.

    Not ``Span.root``: spaCy checks the whole document's parse on every call,
    which made extraction quadratic in article length.
    """
    lo, hi = span.start, span.end
    for tok in span:
        if tok.head.i == tok.i or not lo <= tok.head.i < hi:
            return tok
    return span[0]


def _predicate(tok: Token) -> Token:
    """The verb that governs ``tok`` (itself if it is one)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _clause_root(tok: Token) -> Token:
    """Where a value's clause starts: its verb, or the noun a participle modifies.

    "A Journal article published on Thursday revealed ..." gives the noun
    phrase "A Journal article published on Thursday", not the whole sentence.
    """
    pred = _predicate(tok)
    if pred.dep_ in ("acl", "relcl") and pred.head.i != pred.i:
        return pred.head
    return pred


def _clause_tokens(root: Token, keep: set[int]) -> list[Token]:
    """Tokens of ``root``'s clause, skipping embedded clauses that hold no kept token."""
    out: list[Token] = []
    stack = [root]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in ("VERB",)):
                sub = {t.i for t in child.subtree}
                if not sub & keep:
                    continue
            stack.append(child)
    return out


def _conditional(root: Token) -> bool:
    cur: Token | None = root
    while cur is not None:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in cur.children):
            return True
        cur = cur.head if cur.head.i != cur.i else None
    return False


def _trimmed(doc: Doc, toks: list[Token]) -> tuple[int, int] | None:
    idx = sorted(t.i for t in toks if not (t.is_punct or t.is_space)) or sorted(t.i for t in toks)
    lo, hi = idx[0], idx[-1]
    while lo <= hi and (
        doc[lo].is_punct
        or doc[lo].is_space
        or doc[lo].lower_ in ("and", "but")
        or doc[lo].dep_ == "mark"
    ):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


_DATELINE = re.compile(r"\b(?:updated|published|posted|last modified)\b", re.IGNORECASE)
_DATELINE_WORDS = 12
#: A line that opens with the stamp word and a colon or a date is page furniture even
#: when it stamps twice ("PUBLISHED: 16:05 GMT, 9 June 2013 | UPDATED: 06:55 GMT, 10
#: June 2013"), up to this many words.
_STAMP_START = re.compile(
    r"^\s*(?:first\s+)?(?:updated|published|posted|last\s+(?:updated|modified))\s*(?::|on\b|\d)",
    re.IGNORECASE,
)
_STAMP_WORDS = 24


def _is_dateline(text: str, at: int) -> bool:
    """A short line stamping when the page was published or updated: page furniture."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    line = text[lo : hi if hi != -1 else len(text)]
    if _STAMP_START.match(line) and len(line.split()) <= _STAMP_WORDS:
        return True
    if len(line.split()) > _DATELINE_WORDS:
        return False
    if _DATELINE.search(line):
        return True
    rest = line
    for f in find_values(line):  # a line that is a date and little else
        if f.value.kind in ("date", "day"):
            rest = rest.replace(line[f.start : f.end], " ")
    return rest != line and len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2


def _line_of(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Clip a span to the line holding ``anchor``: a claim never runs over a paragraph
    break (a headline glued to the first sentence is a parser error, not one claim)."""
    lo = text.rfind("\n", start, anchor) + 1 or start
    hi = text.find("\n", anchor, end)
    lo = max(lo, start)
    hi = end if hi == -1 else hi
    while hi > lo and text[hi - 1] in " \t.,;:":
        hi -= 1
    while lo < hi and text[lo] in " \t":
        lo += 1
    return lo, hi


def _values_in(
    text: str, sent: Span, published: str | None, mask: bytearray, year: str | None = None
) -> list[Found]:
    base = sent.start_char
    out = []
    for f in find_values(text[sent.start_char : sent.end_char], published, year):
        start, end = base + f.start, base + f.end
        if any(mask[start:end]) or _is_dateline(text, start):
            continue
        if f.value.value is None:
            continue  # "this week" in an undated article: nothing to check
        out.append(Found(start, end, f.value))
    return out


def _count_text(doc: Doc, whole_text: str, f: Found) -> Found:
    """Extend a count to its counted noun: "two" -> "two astronauts"."""
    if f.value.kind != "count":
        return f
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return f
    if " of " in f.value.text:
        return f  # "28 of 41 passes" already names its noun
    nums = [t for t in span if t.like_num]
    if not nums:
        return f
    num = nums[-1]
    head = num.head
    near = num.dep_ in ("nummod", "quantmod") and 0 < head.i - num.i <= 5
    if near and head.pos_ in ("NOUN", "PROPN") and head.idx + len(head) >= f.end:
        end = head.idx + len(head)
        text = whole_text[f.start : end]
        return Found(f.start, end, Value(f.value.kind, text, f.value.value))
    return f


_Spans = list[tuple[int, int, tuple[Value, ...], ClaimKind, Proposition]]
#: A figure's clause shorter than this ("Rossi noted Tuesday") says too little to line
#: up on its own; its sentence's statement claim carries the figure.
_VALUE_MIN_WORDS = 5
#: A statement claim needs this many words and a verb: shorter lines are headings and
#: captions ("No gun has been recovered" has five).
_STATEMENT_MIN_WORDS = 5
_FINITE = frozenset({"VERB", "AUX"})


#: Share of a line's tokens that must be words for it to be prose, not a URL or a path
#: ("com / 2013 / may / 03 / local / lohan - rehab").
_PROSE_SHARE = 0.6


def _prose(line: str) -> bool:
    toks = line.split()
    words = sum(1 for t in toks if "/" not in t and any(map(str.isalpha, t)))
    return words >= _PROSE_SHARE * len(toks)


def _statement(
    text: str, sent: Span, mask: bytearray, values: list[Found], whole: tuple[int, int]
) -> _Spans:
    """The sentence itself as one statement claim: what happened, who holds what position.

    Events, places and positions are stated in whole sentences far more often than
    in one clause around a figure, and outlets line them up sentence by sentence;
    the values of the sentence travel with it so the group can show them.
    """
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < _STATEMENT_MIN_WORDS or not any(t.pos_ in _FINITE for t in sent):
        return []
    body = text[sent.start_char : sent.end_char].rstrip()
    if body.endswith("?"):
        return []
    lo, hi = _line_of(text, whole[0], whole[1], _longest_line(text, whole[0], whole[1]))
    kept = tuple(f.value for f in values if lo <= f.start and f.end <= hi)
    line = sent.doc.char_span(lo, hi, alignment_mode="expand")
    return [(lo, hi, kept, "statement", proposition(_root(line or sent)))]


def _longest_line(text: str, start: int, end: int) -> int:
    """Where the line with the most words of ``[start, end)`` starts.

    The parser glues a headline, a dateline or a time stamp without a full stop to the
    lede below it ("Sunday, 21 July 2013 / A FIRE has badly damaged the Waitrose
    supermarket"); the statement is the lede, the longest line, not the first.  Cutting
    such sentences into one claim per line was tried and made the headlines claims of
    their own, which grouped badly (benchmarks/RESULTS.md, round 3).  A page stamp is
    never the statement, however long.
    """
    best, best_words, at = start, -1, start
    while at < end:
        nl = text.find("\n", at, end)
        stop = end if nl == -1 else nl
        words = len(text[at:stop].split())
        if words > best_words and not _is_dateline(text, at):
            best, best_words = at, words
        at = stop + 1
    return best


def _more_lines(text: str, sent: Span) -> bool:
    """Whether a sentence starting with a time stamp or dateline line goes on in a line
    of prose ("9:15 p.m." glued by the parser to the paragraph below it): the stamp is
    left out (its values too, see :func:`_values_in`), the paragraph is not."""
    nl = text.find("\n", sent.start_char, sent.end_char)
    return nl != -1 and len(text[nl : sent.end_char].split()) >= _STATEMENT_MIN_WORDS


def _sentence_claims(
    doc: Doc, text: str, sent: Span, published: str | None, mask: bytearray, year: str | None
) -> _Spans:
    """Claims of one sentence; ``text`` is the document's text (``Doc.text`` rebuilds
    it from the tokens on every access, and ``Span.text`` its span of it)."""
    sent_text = text[sent.start_char : sent.end_char]
    if all(mask[sent.start_char : sent.end_char]) and sent.end_char > sent.start_char:
        return []
    if _is_dateline(text, sent.start_char) and not _more_lines(text, sent):
        return []
    if not _prose(sent_text):
        return []
    values = [_count_text(doc, text, f) for f in _values_in(text, sent, published, mask, year)]
    denial = (
        may_deny(sent_text)
        and bool(DENIAL.search(sent_text))
        and not any(mask[m.start() + sent.start_char] for m in DENIAL.finditer(sent_text))
    )
    whole = _trimmed(doc, list(sent))
    if whole is None:
        return []
    if denial and len(sent_text) <= _MAX_FINDING_CHARS:
        first = DENIAL.search(sent_text)
        anchor = sent.start_char + (first.start() if first else 0)
        lo, hi = _line_of(text, whole[0], whole[1], anchor)
        kept = tuple(f.value for f in values if lo <= f.start and f.end <= hi)
        return [(lo, hi, kept, "statement", proposition(_root(sent)))]
    by_root: dict[int, list[Found]] = {}
    roots: dict[int, Token] = {}
    for f in values:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None:
            continue
        root = _clause_root(_root(span))
        if _conditional(root):
            continue
        by_root.setdefault(root.i, []).append(f)
        roots[root.i] = root
    out: _Spans = []
    for i, found in by_root.items():
        keep = {t.i for f in found for t in doc.char_span(f.start, f.end, "expand") or ()}
        bounds = _trimmed(doc, _clause_tokens(roots[i], keep))
        if bounds is None:
            continue
        lo, hi = _line_of(text, bounds[0], bounds[1], found[0].start)
        kept = tuple(f.value for f in found if lo <= f.start and f.end <= hi)
        if kept and len(text[lo:hi].split()) >= _VALUE_MIN_WORDS:
            out.append((lo, hi, kept, "value", proposition(roots[i])))
    return out + _statement(text, sent, mask, values, whole)


def _disputed(text: str) -> bool:
    """A denial or a debunk.  A negated main verb is not enough: on ECB+ and the seeds
    "did not deny", "will not affect", "did not explicitly suggest" outnumbered the
    negations that dispute a report."""
    return disputing(text)


#: Share of a claim a quotation must cover for the claim to be the speaker's.
HOLDER_SHARE = 0.5


def _attributions(quotes: Sequence[Quote]) -> list[tuple[int, int, str]]:
    """``(start, end, speaker name)`` of each quotation with a speaker, in order: the
    attribution as a whole (speaker, cue and what was said), as :func:`_holder` reads
    it (built once per article, not once per claim)."""
    out = []
    for q in quotes:
        if q.speaker is None:
            continue
        spans = [(q.start, q.end), *(x for x in (q.speaker_span, q.cue_span) if x)]
        out.append((min(a for a, _ in spans), max(b for _, b in spans), q.speaker.name))
    return out


def _holder(start: int, end: int, attributions: Sequence[tuple[int, int, str]]) -> str | None:
    """The speaker of the attribution (:func:`_attributions`) covering most of
    ``[start, end)``, if it covers at least :data:`HOLDER_SHARE` of it ("Peskov said
    the two spoke once")."""
    best, best_cover = None, HOLDER_SHARE * max(1, end - start)
    for lo, hi, name in attributions:
        cover = min(end, hi) - max(start, lo)
        if cover >= best_cover:
            best, best_cover = name, cover
    return best


def extract_claims(article: Article, doc: Doc, quotes: Sequence[Quote] = ()) -> tuple[Claim, ...]:
    """The checkable claims of one article, in text order, ids ``"{article}:c{n}"``.

    ``doc`` is the parse of ``article.text`` with :data:`CAPABILITIES`; ``quotes``
    are the article's quotations, whose speakers become the claims' holders.  Pure:
    the same article, parse and quotations always give the same claims.
    """
    text = doc_text(doc)
    if text != article.text:
        log.warning("article %s: parse does not match its text; offsets may be off", article.id)
    mask = _quote_mask(text)
    spans: _Spans = []
    year: str | None = None  # the last year the article named: what "that year" means
    for sent in doc.sents:
        got = _sentence_claims(doc, text, sent, article.published, mask, year)
        spans.extend(got)
        year = last_year([v for _lo, _hi, vs, _k, _p in got for v in vs]) or year
    spans.sort(key=lambda s: (s[0], s[1], s[3]))
    attributions = _attributions(quotes)
    claims = []
    for n, (start, end, values, kind, prop) in enumerate(spans):
        claims.append(
            Claim(
                id=f"{article.id}:c{n}",
                article=article.id,
                text=text[start:end],
                start=start,
                end=end,
                values=values,
                kind=kind,
                polarity="denied" if _disputed(text[start:end]) else "asserted",
                holder=_holder(start, end, attributions),
                subject=prop.subject,
                predicate=prop.predicate,
                object=prop.object,
                hedged=hedged(text[start:end]),
            )
        )
    return tuple(claims)
