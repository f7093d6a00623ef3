"""From alignment coverage to a verdict: copy, edited, rewrite, partial, independent, unrelated.

Coverage is read on the *smaller* text (by unquoted words): a brief that reprints the first
half of a wire story is wholly derived even though it covers only half of its source, and
the verdict must not change when the two texts are swapped.  Thresholds are round numbers
set a priori and checked on Clough & Stevenson (cut/light/heavy/non), not fitted to it;
the figures are in benchmarks/results/reuse.md.
"""

from __future__ import annotations

from ..model import Relation
from .align import Features

__all__ = ["DERIVED", "score", "verdict"]

#: relations that make one text depend on the other (used for families)
DERIVED: frozenset[Relation] = frozenset({"copy", "edited", "rewrite"})

COPY_VERBATIM = 0.7  # share of the smaller text inside long exact runs
COPY_PURITY = 0.85  # verbatim share of the copied material (the rest being edits)
EDITED = 0.4  # share inside verbatim or edited runs
REWRITE = 0.2  # share inside any aligned passage, reworded sentences included
REWRITE_MIN_PASSAGES = 3
PARTIAL = 0.1  # share inside verbatim or edited runs for "some passages reused"
TOPIC = 0.2  # share of names and content stems two texts of one story have in common


def _smaller(f: Features) -> tuple[float, float, float]:
    if f.words_a <= f.words_b:
        return f.verbatim_a, f.edited_a, f.aligned_a
    return f.verbatim_b, f.edited_b, f.aligned_b


def verdict(f: Features, passages: int, paraphrase: float | None = None) -> Relation:
    """The relation; ``paraphrase`` is the sentence model's probability for short texts.

    Two texts of a sentence or two are judged by the sentence paraphrase model: any
    shared phrase covers a large share of a single sentence, so coverage alone would call
    most same-topic sentence pairs "edited".
    """
    verbatim, edited, aligned = _smaller(f)
    if paraphrase is not None:
        if paraphrase < 0.5:
            return "independent" if f.topic >= TOPIC else "unrelated"
        if verbatim >= COPY_VERBATIM and verbatim >= COPY_PURITY * edited:
            return "copy"
        return "edited" if edited >= EDITED else "rewrite"
    if verbatim >= COPY_VERBATIM and verbatim >= COPY_PURITY * edited:
        return "copy"
    if edited >= EDITED:
        return "edited"
    # a rewrite needs several aligned passages, unless the texts are that short
    fewest = min(f.sentences_a, f.sentences_b) or REWRITE_MIN_PASSAGES
    if aligned >= REWRITE and passages >= min(REWRITE_MIN_PASSAGES, fewest):
        return "rewrite"
    if max(f.edited_a, f.edited_b) >= PARTIAL:
        return "partial"
    if f.topic >= TOPIC:
        return "independent"
    return "unrelated"


def score(f: Features) -> float:
    """Strength of the reuse evidence: the aligned share of the smaller text."""
    return round(_smaller(f)[2], 4)
