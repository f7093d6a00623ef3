"""The verdict for one pair of texts, symmetric by construction.

Greedy tiling and one-to-one matching break ties by position, so aligning (a, b) and
(b, a) could differ in a word or two; the pair is therefore always aligned in one
canonical order and the result mirrored back, which makes ``compare(a, b)`` and
``compare(b, a)`` agree exactly, up to the direction.
"""

from __future__ import annotations

import logging

from ..model import Article, PairResult, Passage
from .align import Alignment, align
from .direction import direction
from .level import level, level_features
from .prepare import Prepared, prepare
from .similarity import pair_features, probability
from .verdict import DERIVED, score, verdict

__all__ = ["compare", "compare_prepared"]

log = logging.getLogger(__name__)

#: texts of at most this many sentences are judged by the sentence paraphrase model
SHORT_SENTENCES = 2


def _mirror(al: Alignment) -> Alignment:
    passages = tuple(
        sorted(
            (Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.kind) for p in al.passages),
            key=lambda p: (p.a_start, p.b_start),
        )
    )
    return Alignment(passages, al.features.swapped())


def compare_prepared(
    pa: Prepared, pb: Prepared, a: Article | None = None, b: Article | None = None
) -> PairResult:
    """:func:`compare` on texts prepared once, with article metadata for the direction."""
    canonical = (len(pa.doc.text), pa.doc.text) <= (len(pb.doc.text), pb.doc.text)
    first, second = (pa, pb) if canonical else (pb, pa)
    al_first = align(first, second)
    al = al_first if canonical else _mirror(al_first)
    paraphrase = None
    strength = score(al.features)
    if max(len(pa.doc.sentences), len(pb.doc.sentences)) <= SHORT_SENTENCES:
        cos = None
        if pa.whole_vector is not None and pb.whole_vector is not None:
            cos = float(pa.whole_vector @ pb.whole_vector)
        paraphrase = probability(pair_features(pa.whole, pb.whole, cos), semantic=cos is not None)
        strength = round(paraphrase, 4)
    relation = verdict(al.features, len(al.passages), paraphrase)
    if paraphrase is None and relation in DERIVED:
        relation = level(level_features(first, second, al_first.features))
    where = direction(relation, al.features, a, b)
    passages = al.passages if relation != "unrelated" else ()
    if paraphrase is not None and relation in DERIVED and not passages:
        doc_a, doc_b = pa.doc, pb.doc
        if doc_a.words and doc_b.words:
            whole = Passage(
                doc_a.starts[0], doc_a.ends[-1], doc_b.starts[0], doc_b.ends[-1], "reworded"
            )
            passages = (whole,)
    return PairResult(relation, strength, where, passages)


def compare(text_a: str, text_b: str) -> PairResult:
    """Reuse verdict for two texts; passage offsets index the texts as given.

    Without publication dates or credit lines the direction comes from containment only
    ("a->b": a is the source), or is "common-source" for parallel rewrites.
    """
    return compare_prepared(prepare(text_a), prepare(text_b))
