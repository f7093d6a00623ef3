"""Quotations inside the clause a parenthetical or trailing reporting verb governs.

"During his years in office, Mr. Obama said, a majority of Americans have come
to believe "that climate change is real"": the cue-first pass meets "believe"
inside the clause "said" reports and gives it the quotation, so the speaker was
"a majority of Americans".  A belief has no words; the words in quotation marks
are those of the one who reports it, set off by commas around or after it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .cues import lemma
from .layout import Layout
from .records import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["outer_owns_quotes"]

log = logging.getLogger(__name__)

#: Verbs that report what someone thinks, not what they said: the quotation
#: marks inside such a content cannot be the thinker's own words.
THOUGHT_VERBS = frozenset(
    {"believe", "think", "hope", "fear", "worry", "doubt", "expect", "feel", "know", "wonder"}
)
#: Share of a content's words in quotation marks for it to be someone's words.
QUOTED_SHARE = 0.75
#: Verbs of speech whose parenthetical or trailing use reports a whole clause.
_SAYING = frozenset({"say", "tell", "write", "add", "note", "argue", "report", "explain"})


def _outer_cue(cue: Token) -> Token | None:
    """The speech verb set off by commas that governs the clause holding ``cue``.

    Either a parenthetical hung on the clause ("..., Mr. Obama said, a majority
    ... believe", parataxis) or a verb after its clausal complement ("X believes
    Y, Obama said"); a verb before its clause ("Obama said X believes") is left
    alone.
    """
    node = cue
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "ccomp" and lemma(head) in _SAYING and head.i > node.right_edge.i:
            return head
        for c in head.children:
            if c.dep_ == "parataxis" and c.i != node.i and lemma(c) in _SAYING and _set_off(c):
                return c
        if node.dep_ not in ("ccomp", "advcl", "xcomp", "conj"):
            return None
        node = head
    return None


def _set_off(verb: Token) -> bool:
    """A parenthetical verb with a comma at the edge of its phrase."""
    first = verb.left_edge.i
    doc = verb.doc
    return doc[first].text == "," or (first > 0 and doc[first - 1].text == ",")


def outer_owns_quotes(atts: list[Attribution], lay: Layout) -> None:
    """Give a thought's quotation the speaker of the reporting verb around it.

    Only a content in quotation marks changes, and only under a verb of thought:
    "X says Y is wrong, Mr. Obama said" keeps X as the one who says Y.  The
    quotation may have gone to either cue (the cue-first pass takes them in text
    order), so a thought whose content is quoted words counts as well as one
    holding the quotation.
    """
    by_cue = {att.cue.i: att for att in atts if att.cue is not None}
    for att in atts:
        if att.cue is None or lemma(att.cue) not in THOUGHT_VERBS:
            continue
        if not att.pieces and lay.share_inside(att.content) < QUOTED_SHARE:
            continue
        outer = _outer_cue(att.cue)
        if outer is None or lay.in_quote(outer.i):
            continue
        found = by_cue.get(outer.i)
        if found is None or found.source is None or found.source.i == getattr(att.source, "i", -1):
            continue
        log.debug("quotation under %r given to %r", att.cue.text, found.source.text)
        att.source = found.source
