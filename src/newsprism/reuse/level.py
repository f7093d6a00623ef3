"""How heavily a derived text was reworked: copy, edited or rewrite.

Whether two texts are derived at all is decided by the coverage rules of
:mod:`~newsprism.reuse.verdict`; *how* the smaller one was made from the other is a
finer call that hand-set thresholds got right for only 70% of the Clough & Stevenson
answers.  A multinomial logistic regression over alignment and containment features of
the smaller text, trained on those answers by ``benchmarks/train_reuse_level_model.py``
and shipped as the ``reuse_level`` artifact (coefficients only, :mod:`newsprism.artifacts`),
makes that call.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from rapidfuzz.distance import LCSseq

from ..artifacts import load as load_artifact
from ..model import Relation
from .align import Features
from .prepare import Prepared

__all__ = ["LEVELS", "level", "level_features"]

#: verbatim share of the smaller text from which a pair is a copy whatever the model says
NEAR_VERBATIM = 0.95
#: model classes, in the order of the model's rows, and the relation each one means
LEVELS: tuple[Relation, ...] = ("copy", "edited", "rewrite")
FEATURES = (
    "verbatim",
    "edited",
    "aligned",
    "topic",
    "purity",
    "log_mean_tile",
    "tiles_per_word",
    "sentence_containment",
    "sentences_contained",
    "c1",
    "c2",
    "c3",
    "c4",
    "c5",
    "word_lcs",
    "log_passages",
)


def _grams(words: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(words[i:] for i in range(n)), strict=False))


def level_features(pa: Prepared, pb: Prepared, f: Features) -> list[float]:
    """Features of the smaller text (by unquoted words) against the larger one."""
    if f.words_a <= f.words_b:
        small, large, verbatim, edited, aligned = pa, pb, f.verbatim_a, f.edited_a, f.aligned_a
    else:
        small, large, verbatim, edited, aligned = pb, pa, f.verbatim_b, f.edited_b, f.aligned_b
    sw, lw = small.doc.words, large.doc.words
    large_sets = [set(lw[s.first : s.last]) for s in large.doc.sentences]
    best: list[float] = []
    for sent in small.doc.sentences:
        words = set(sw[sent.first : sent.last])
        if len(words) >= 4 and large_sets:
            best.append(max(len(words & other) / len(words) for other in large_sets))
    contain = [
        len(_grams(sw, n) & _grams(lw, n)) / max(1, len(_grams(sw, n))) for n in (1, 2, 3, 4, 5)
    ]
    return [
        verbatim,
        edited,
        aligned,
        f.topic,
        verbatim / edited if edited else 0.0,
        math.log1p(f.tile_words / f.tiles) if f.tiles else 0.0,
        f.tiles / f.tile_words if f.tile_words else 0.0,
        sum(best) / len(best) if best else 0.0,
        sum(b >= 0.8 for b in best) / len(best) if best else 0.0,
        *contain,
        LCSseq.similarity(sw, lw) / len(sw) if sw else 0.0,
        # a heavy rewrite breaks its source into many small aligned pieces (reworded
        # sentences, short edited runs); a cut or a light edit keeps a few long ones
        math.log1p(f.passages),
    ]


#: name of the shipped model (:func:`newsprism.artifacts.load`)
ARTIFACT = "reuse_level"


def _model() -> Mapping[str, Any]:
    return load_artifact(ARTIFACT).params


def level(features: list[float]) -> Relation:
    """The most likely level; features are clipped to the range seen in training, since
    news articles run far longer than the answers the model learnt from and a linear model
    extrapolates wildly (one 1,200-word tile is not "more edited" than a 40-word one)."""
    model = _model()
    if features[0] >= NEAR_VERBATIM:
        return "copy"  # nothing left for a model to weigh
    features = [
        min(max(x, lo), hi) for x, lo, hi in zip(features, model["min"], model["max"], strict=True)
    ]
    best, best_z = LEVELS[0], -math.inf
    for name, coef, intercept in zip(LEVELS, model["coef"], model["intercept"], strict=True):
        z = intercept + sum(
            w * (x - mu) / sd
            for x, mu, sd, w in zip(features, model["mean"], model["scale"], coef, strict=True)
        )
        if z > best_z:
            best, best_z = name, z
    return best
