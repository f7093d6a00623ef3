"""Where a reported content ends: one thing said per cue, without the writer's additions.

The parse hangs more on a reported clause than the speaker said: a second
statement of the same speaker coordinated inside it ("Spicer said the party
was not in a crisis and urged everyone to relax": "urged" has a content of its
own), and the writer's relative clause after it ("Murphy said he supports the
final bill, which includes accountability provisions not in the Senate bill").
A reader checking the quote wants what "said" reports, and PolNeAR's annotators
mark it so; the content then ran past the annotated end and matched nothing.
These rules cut such tails off indirect contents after the parse
(:func:`trim_tails`); the nominal conjuncts of an object content
(:func:`more_objects`) go the other way, keeping what the parser split off.

Measured on PolNeAR train articles 300-839 (speech mode, an annotated
attribution found when a prediction overlaps it by half): the second
statement +20 matched contents, -2; the relative clause +30, -10 (annotators
keep a relative clause now and then, "helped Clinton, who does not need to
demonstrate her staying power": one in four of those it changes).  Round
12b: the second statement keeps the first one's speaker (speech, with the
right source +23, -0), and broad mode drops nested attributions only after
these cuts (see :func:`.broad.drop_nested`; broad +75 matched, -6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .layout import Layout
from .records import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["more_objects", "trim_tails"]

#: Words that open a relative clause set off by a comma: the writer's aside.
#: Not "that", which opens restrictive clauses the speaker's words need.
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
_NOMINAL = ("NOUN", "PROPN", "NUM")


def more_objects(cue: Token, child: Token) -> bool:
    """A nominal the parser coordinated with the cue verb is more of its object.

    "noting limited gains in take-home pay and continued risks from terrorism",
    "blamed Clinton for the past decade and a half of foreign policies": a noun
    cannot be a second verb phrase, so a nominal conjunct of the verb (and the
    "and" before it) belongs to what the verb reports, where a verb conjunct
    ("praised X and said ...") is a second statement.  PolNeAR train 300-839,
    speech mode: +8 matched contents, -0.
    """
    if child.i < cue.i:
        return False
    if child.dep_ == "conj":
        return child.pos_ in _NOMINAL
    if child.dep_ == "cc":
        return any(g.dep_ == "conj" and g.i > child.i and g.pos_ in _NOMINAL for g in cue.children)
    return False


def trim_tails(doc: Doc, atts: list[Attribution], lay: Layout, *, statements: bool = True) -> None:
    """Cut second statements and trailing relative clauses off indirect contents.

    Runs once the attributions are complete (their cues known), before the
    quotations left over become quotes of their own.
    """
    by_cue = {att.cue.i: att for att in atts if att.cue is not None}
    for att in atts:
        if att.cue is None or not att.content or att.direct:
            continue
        nxt = _second_statement(doc, att, by_cue) if statements else None
        if nxt is not None and _hand_over(doc, att, by_cue[nxt.i], nxt):
            _cut(doc, att, nxt.left_edge.i)
            if att.source is not None:
                # The same speaker goes on: "Ruiz said Hale was careless and
                # criticized him" is Ruiz criticizing, though the parse hangs
                # "criticized" under Hale's clause.
                by_cue[nxt.i].source = att.source
        comma = _relative_tail(doc, att, lay)
        if comma is not None:
            _cut(doc, att, comma)


def _second_statement(doc: Doc, att: Attribution, by_cue: dict[int, Attribution]) -> Token | None:
    """The cue of a second statement coordinated inside a reported clause, if any.

    "she said she admires his determination and highlighted their shared
    commitment": the parser makes "highlighted" a conjunct of "admires", but
    a verb with no subject of its own that is itself a cue with its own
    content is the speaker going on to a second statement (one content per
    cue).  A conjunct with its own subject ("said A and B has ...") is left:
    annotators keep it as often as not (tried: +2, -1), and so is one that
    is no cue ("said she made the decision and thought ..."): cutting at any
    subjectless verb conjunct there gave +26, -84.
    """
    assert att.cue is not None
    if not any(c.dep_ == "ccomp" for c in att.cue.children):
        return None
    lo, hi = att.content[0][0], att.content[-1][1]
    for tok in doc[max(lo + 1, att.cue.i + 1) : hi]:
        if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or tok.i not in by_cue:
            continue
        if not lo <= tok.head.i < hi or tok.head.i == att.cue.i:
            continue
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            continue
        if by_cue[tok.i] is att or not (by_cue[tok.i].content or by_cue[tok.i].pieces):
            continue
        return tok
    return None


def _hand_over(doc: Doc, att: Attribution, second: Attribution, cue: Token) -> bool:
    """Give the quotations past the cut to the second statement, when its content holds
    them ("said that he will 'try to form a stable government' and insisted that his
    party was 'still the No. 1 force'"); False when one cannot be placed (no cut then)."""
    at = doc[cue.left_edge.i].idx
    later = [p for p in att.pieces if p.end > at]
    if not later:
        return True
    if any(p.start < at for p in later) or not second.content:
        return False
    first, last = doc[second.content[0][0]], doc[second.content[-1][1] - 1]
    if not all(first.idx <= p.start and p.end <= last.idx + len(last) + 1 for p in later):
        return False
    att.pieces = [p for p in att.pieces if p.end <= at]
    second.pieces = sorted([*second.pieces, *later], key=lambda p: p.start)
    return True


def _relative_tail(doc: Doc, att: Attribution, lay: Layout) -> int | None:
    """The comma before a relative clause that ends the content ("..., which includes
    ..."), after the last quotation in it: the writer describing a thing named in what
    was said.  Only a clause that is all the rest of the content."""
    assert att.cue is not None
    lo, hi = att.content[0][0], att.content[-1][1]
    quoted_to = max((p.end for p in att.pieces), default=-1)
    for c in range(max(lo + 1, att.cue.i + 1), hi - 1):
        tok = doc[c]
        if tok.text != "," or lay.in_quote(c) or tok.idx < quoted_to:
            continue
        if doc[c + 1].lower_ not in _RELATIVE:
            continue
        tops = [
            t
            for t in doc[c + 1 : hi]
            if not (t.is_punct or t.is_space) and not (c < t.head.i < hi and t.head.i != t.i)
        ]
        if len(tops) == 1 and tops[0].dep_ == "relcl":
            return c
    return None


def _cut(doc: Doc, att: Attribution, at: int) -> None:
    """End the content before token ``at``, and before the punctuation or "and" there."""
    lo = att.content[0][0]
    cut = at
    while cut > lo and (
        (doc[cut - 1].is_punct and not doc[cut - 1].is_quote)
        or doc[cut - 1].is_space
        or doc[cut - 1].dep_ == "cc"
    ):
        cut -= 1
    if cut > lo:
        att.content = [(a, min(b, cut)) for a, b in att.content if a < cut]
