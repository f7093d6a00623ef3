"""The verdict for one pair of texts, symmetric by construction.

Greedy tiling and one-to-one matching break ties by position, so aligning (a, b) and
(b, a) could differ in a word or two; the pair is therefore always aligned in one
canonical order and the result mirrored back, which makes ``compare(a, b)`` and
``compare(b, a)`` agree exactly, up to the direction.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from ..model import Article, PairResult, Passage, Relation
from .align import REWORD_THRESHOLD, Alignment, Layers, align, layers, prose_bound
from .direction import direction
from .prepare import Prepared, prepare
from .similarity import pair_features, probability
from .verdict import DERIVED, may_be_derived, score, verdict

__all__ = ["MIN_WORDS", "compare", "compare_if_shared", "compare_prepared", "judge"]

log = logging.getLogger(__name__)

#: words a text needs before :func:`compare` gives a verdict: a headline's worth; below
#: that any shared word is most of the text and no relation means anything
MIN_WORDS = 5
#: texts of at most this many sentences are judged by the sentence paraphrase model
SHORT_SENTENCES = 2
#: sentence similarity of a second look at same-topic pairs first found not derived;
#: None (the default) takes no second look.  At 0.5 it lifts Clough & Stevenson's
#: derived-vs-non F1 from 0.964 to 0.973 (one answer), but on ECB+ (same-event news
#: from different outlets) it turns 185 more pairs into "rewrite" (378 -> 563 of
#: 5,568), most of them independent reports on reading: independent-source counts
#: matter more to a reader than one plagiarised answer (benchmarks/results/reuse.md).
SECOND_LOOK_REWORD: float | None = None


def _mirror(al: Alignment) -> Alignment:
    passages = tuple(
        sorted(
            (Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.kind) for p in al.passages),
            key=lambda p: (p.a_start, p.b_start),
        )
    )
    return Alignment(passages, al.features.swapped())


def judge(
    first: Prepared, second: Prepared, lay: Layers | None = None
) -> tuple[Alignment, Relation, bool]:
    """Alignment, coverage verdict and whether it took the second look (longer texts).

    When :data:`SECOND_LOOK_REWORD` is set (off by default, see there), a same-topic pair
    with no reused passage at all ("independent") gets a second look with that lower
    sentence similarity; if that alignment finds it derived, it is a rewrite.  A heavy
    rewrite paraphrases each source sentence loosely and lands just under the usual
    threshold.  Lowering the threshold for every pair would
    also change the alignments of copies and edits, and with them how coverage grades
    them; a pair tied to the other text only by loose paraphrases is a rewrite by
    definition.  The value 0.5 was chosen by nested cross-validation on Clough & Stevenson
    (``benchmarks/bench_reuse_clough_threshold.py``).  ``lay``: the pair's
    :func:`~newsprism.reuse.align.layers`, when already computed.
    """
    lay = lay if lay is not None else layers(first, second)
    al = align(first, second, first=lay)
    relation = verdict(al.features, len(al.passages))
    look = SECOND_LOOK_REWORD
    if look is not None and relation == "independent":  # partial: copied runs, no rewrite
        lenient = align(first, second, look, first=lay)
        if verdict(lenient.features, len(lenient.passages)) in DERIVED:
            return lenient, "rewrite", True
    return al, relation, False


def compare_prepared(
    pa: Prepared, pb: Prepared, a: Article | None = None, b: Article | None = None
) -> PairResult:
    """:func:`compare` on texts prepared once, with article metadata for the direction."""
    result = _compare(pa, pb, a, b, screen=False)
    assert result is not None  # only a screened comparison stops early
    return result


def compare_if_shared(
    pa: Prepared, pb: Prepared, a: Article | None = None, b: Article | None = None
) -> PairResult | None:
    """:func:`compare_prepared`, or None when the pair shares too little to be derived.

    The first layers of the alignment (copied runs, sentence similarities, the chain of
    points: :func:`~newsprism.reuse.align.layers`) are computed, and the pair stops there
    when they rule out every kind of derived evidence
    (:func:`~newsprism.reuse.verdict.may_be_derived`): its verdict would be
    "independent" or "unrelated".  Otherwise the alignment goes on from those layers, so
    the result is :func:`compare_prepared`'s exactly.  Texts of a sentence or two, judged
    by the paraphrase model on the whole text, are always compared.
    """
    return _compare(pa, pb, a, b, screen=True)


def _compare(
    pa: Prepared, pb: Prepared, a: Article | None, b: Article | None, *, screen: bool
) -> PairResult | None:
    canonical = (len(pa.doc.text), pa.doc.text) <= (len(pb.doc.text), pb.doc.text)
    first, second = (pa, pb) if canonical else (pb, pa)
    short = max(len(pa.doc.sentences), len(pb.doc.sentences)) <= SHORT_SENTENCES
    if short:  # the relation comes from the paraphrase model below
        relation: Relation = "unrelated"
        al_first = align(first, second)
    else:
        lay = layers(first, second)
        if screen:
            look = min(REWORD_THRESHOLD, SECOND_LOOK_REWORD or REWORD_THRESHOLD)
            if not may_be_derived(lay.borrowed, lay.chain, prose_bound(first, second, lay, look)):
                return None
        al_first, relation, _ = judge(first, second, lay)
    al = al_first if canonical else _mirror(al_first)
    paraphrase = None
    strength = score(al.features)
    if short:
        cos = None
        if pa.whole_vector is not None and pb.whole_vector is not None:
            cos = float(pa.whole_vector @ pb.whole_vector)
        paraphrase = probability(pair_features(pa.whole, pb.whole, cos), semantic=cos is not None)
        strength = round(paraphrase, 4)
        relation = verdict(al.features, len(al.passages), paraphrase)
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

    Raises :class:`~newsprism.errors.InputError` when either text is empty or has fewer
    than :data:`MIN_WORDS` words.
    """
    pa, pb = prepare(text_a), prepare(text_b)
    for name, p in (("text_a", pa), ("text_b", pb)):
        n = len(p.doc.words)
        if n < MIN_WORDS:
            what = "is empty" if n == 0 else f"has {n} word{'s' if n > 1 else ''}"
            raise InputError(
                name, f"{what}; compare needs at least {MIN_WORDS} words of article text"
            )
    return compare_prepared(pa, pb)
