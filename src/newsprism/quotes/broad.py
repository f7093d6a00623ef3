"""Broad mode (PolNeAR-style attribution): more candidates, then a learned choice.

The cue-first pass takes verbs the cue classifier scores at least
``BROAD_THRESHOLD``.  Broad mode adds weaker candidates (verbs down to
``WEAK_FLOOR``, stance adjectives and possessed nouns, see :mod:`.nominal`)
and lets a second classifier (:mod:`.rerank`), which sees the whole
attribution (how its source was found, what its content is, whether it sits
inside another one), decide which candidates without a quotation stay.
Finally PolNeAR labels each token once: a cue inside another attribution's
content or source phrase is dropped (:func:`drop_nested`, run once the contents
are cut to what was said, :mod:`.tails`), except a relative clause of the
source's head ("Murphy, who thinks often about ..., said"), which is an
attribution of its own and is cut out of the outer source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import (
    BROAD_THRESHOLD,
    content_of,
    cue_probability,
    lemma,
    nominal_probability,
    source_of,
)
from .lexicon import CUE_VERBS
from .models import QuoteModels, shipped
from .nominal import nominal_content, nominal_kind, nominal_source
from .records import Attribution
from .rerank import Context, rerank_probability
from .spans import source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .layout import Layout

__all__ = ["WEAK_FLOOR", "add_candidates", "drop_nested", "select"]

#: Lowest cue probability at which a verb or nominal cue becomes a candidate.
WEAK_FLOOR = 0.25


def add_candidates(
    doc: Doc, lay: Layout, by_cue: dict[int, Attribution], models: QuoteModels | None = None
) -> list[Attribution]:
    """Weak verb cues and nominal cues not already found, without their quotations.

    They do not take quotations from the passes that attribute quotes: a
    quotation keeps the cue that the quotation rules chose for it.
    """
    models = models or shipped()
    out: list[Attribution] = []
    for tok in doc:
        if tok.i in by_cue or lay.in_quote(tok.i):
            continue
        source: Token | None
        if tok.pos_ == "VERB":
            if lemma(tok) in CUE_VERBS or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
                continue  # lexicon verbs were decided by the cue-first pass
            p = cue_probability(tok, lay, models)
            if not WEAK_FLOOR <= p < BROAD_THRESHOLD:
                continue
            source, ranges = source_of(tok), content_of(tok, lay)
        else:
            kind = nominal_kind(tok)
            if kind is None:
                continue
            p = nominal_probability(tok, kind, models)
            if p < WEAK_FLOOR:
                continue
            source, ranges = nominal_source(tok, kind), nominal_content(tok, lay)
        if source is None or ranges is None:
            continue
        out.append(
            Attribution(cue=tok, source=source, content=ranges, p=p, weak=p < BROAD_THRESHOLD)
        )
    return out


def select(
    atts: list[Attribution], lay: Layout, models: QuoteModels | None = None
) -> list[Attribution]:
    """The candidates the reranker keeps (nested ones go later, :func:`drop_nested`)."""
    models = models or shipped()
    if models.rerank.weights:
        ctx = Context(atts, lay)
        threshold = models.rerank.threshold
        return [
            att
            for att in atts
            if att.cue is None or att.pieces or rerank_probability(att, ctx, models) >= threshold
        ]
    return [att for att in atts if not att.weak]


def drop_nested(atts: list[Attribution]) -> list[Attribution]:
    """The attributions whose cue no other one's content or source phrase holds."""
    cues_at = {att.cue.i for att in atts if att.cue is not None}
    inside = {i for att in atts for a, b in att.content for i in range(a, b)}
    for att in atts:
        if att.source is not None:
            att.source_drop = _attributed_relatives(att.source, cues_at)
            a, b = source_phrase(att.source, att.cue, att.source_drop)
            inside.update(i for i in range(a, b) if att.cue is None or i != att.cue.i)
    return [att for att in atts if att.cue is None or att.cue.i not in inside]


def _attributed_relatives(source: Token, cues_at: set[int]) -> frozenset[int]:
    """Tokens of the source head's relative clauses that hold a cue of their own."""
    out: set[int] = set()
    for child in source.children:
        if child.dep_ == "relcl" and child.i > source.i:
            sub = {t.i for t in child.subtree}
            if sub & cues_at:
                out |= sub
    return frozenset(out)
