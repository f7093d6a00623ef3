"""How likely two sentences say the same thing in other words (texts of a sentence or two).

A logistic regression over cheap pair features, trained on the MSRP newswire paraphrase
training split by ``benchmarks/train_reuse_sentence_model.py`` and shipped as
the ``reuse_sentence`` artifact (:mod:`newsprism.artifacts`): coefficients only, nothing is
trained or downloaded at run time.
The features are what a rewriter keeps (content stems, names, numbers, meaning as far as
static embeddings see it) and what a different sentence changes (numbers, length).
Without the wordllama embeddings the model is refitted without the cosine feature by the
same script (``lexical`` in the artifact's parameters).

Plain overlap counts every shared word alike, but on newswire some words decide a
paraphrase (a number, "not", a verb of saying dropped or kept) and most do not (names the
two sentences must share anyway).  The artifact therefore also ships *term weights*
learnt on MSRP train, TF-KLD (Ji and Eisenstein, EMNLP 2013): a word's or word pair's
weight is the KL divergence between how often it is shared, when one sentence has it, in
paraphrase pairs and in the others.  Six features read overlap through those weights
(:class:`TermWeights`); the training script cross-fits them so that the regression never
sees weights learnt from its own pair.  They lift MSRP train cross-validated accuracy from
0.757 to 0.768 and val accuracy from 0.782 to 0.796 (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from ..artifacts import load as load_artifact
from .prepare import SentenceInfo

__all__ = ["FEATURES", "TermWeights", "pair_features", "probability", "term_weights"]

FEATURES = (
    "cosine",
    "stem_dice",
    "word_dice",
    "bigram_dice",
    "name_jaccard",
    "number_mismatch",
    "length_ratio",
    "stem_containment",
    "word_lcs",
    "token_set_ratio",
    "char_ratio",
    "log_stems_not_shared",
    "length_difference",
    "shares_a_number",
    "unigram_precision_min",
    "unigram_precision_max",
    "bigram_precision_min",
    "bigram_precision_max",
    "trigram_precision_min",
    "trigram_precision_max",
    "log_own_stems_min",
    "log_own_stems_max",
    "log_own_stems_max_again",
    "partial_ratio",
    "negation_mismatch",
    "word_dice_squared",
    "word_lcs_squared",
    "cosine_times_stem_dice",
    "token_set_times_char_ratio",
    "weighted_word_shared",  # TF-KLD weight of the shared words / of all words
    "log_weighted_word_own_min",  # log 1 + weight of the words only one side has (min, max)
    "log_weighted_word_own_max",
    "weighted_bigram_shared",  # the same for word pairs
    "log_weighted_bigram_own_min",
    "log_weighted_bigram_own_max",
)
_NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "cannot"})


def _negated(words: frozenset[str]) -> bool:
    return bool(words & _NEGATIONS) or any(w.endswith("n't") for w in words)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def _grams(seq: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(seq[i:] for i in range(n)), strict=False))


@dataclass(frozen=True, slots=True)
class TermWeights:
    """TF-KLD weights of words and word pairs (module docstring); a term missing from the
    tables (rare in training, so pruned from the artifact) weighs ``unseen_*``."""

    words: Mapping[str, float]
    bigrams: Mapping[str, float]
    unseen_word: float = 0.0
    unseen_bigram: float = 0.0

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> TermWeights:
        return cls(
            params["words"],
            params["bigrams"],
            float(params["unseen_word"]),
            float(params["unseen_bigram"]),
        )


@functools.lru_cache(maxsize=1)
def term_weights() -> TermWeights:
    """The shipped term weights (:data:`ARTIFACT`)."""
    return TermWeights.from_params(_model()["term_weights"])


def _weighted(
    a: frozenset[str], b: frozenset[str], table: Mapping[str, float], unseen: float
) -> list[float]:
    def mass(terms: frozenset[str]) -> float:
        return sum(table.get(t, unseen) for t in terms)

    total = mass(a | b)
    own = sorted((math.log1p(mass(a - b)), math.log1p(mass(b - a))))
    return [mass(a & b) / total if total else 0.0, own[0], own[1]]


def pair_features(
    a: SentenceInfo, b: SentenceInfo, cosine: float | None, weights: TermWeights | None = None
) -> list[float]:
    """Symmetric features of a sentence pair (min/max wherever a measure has a side);
    ``weights``: the term weights (default: the shipped ones)."""
    names = a.names | b.names
    fewest = min(len(a.content), len(b.content))
    longest = max(a.size, b.size)
    own = sorted((math.log1p(len(a.content - b.content)), math.log1p(len(b.content - a.content))))
    feats = [
        0.0 if cosine is None else cosine,
        _dice(a.content, b.content),
        _dice(a.words, b.words),
        _dice(a.bigrams, b.bigrams),
        len(a.names & b.names) / len(names) if names else 1.0,
        1.0 if a.numbers ^ b.numbers else 0.0,
        min(a.size, b.size) / longest if longest else 0.0,
        len(a.content & b.content) / fewest if fewest else 0.0,
        LCSseq.normalized_similarity(a.sequence, b.sequence),
        fuzz.token_set_ratio(a.text, b.text) / 100,
        fuzz.ratio(a.text, b.text) / 100,
        math.log1p(len(a.content ^ b.content)),
        abs(a.size - b.size) / longest if longest else 0.0,
        1.0 if a.numbers & b.numbers else 0.0,
    ]
    for n in (1, 2, 3):
        ga, gb = _grams(a.sequence, n), _grams(b.sequence, n)
        shared = len(ga & gb)
        pa, pb = shared / max(1, len(ga)), shared / max(1, len(gb))
        feats += [min(pa, pb), max(pa, pb)]
    feats += [own[0], own[1], own[1], fuzz.partial_ratio(a.text, b.text) / 100]
    # "did" and "did not" read alike to every other feature
    feats.append(1.0 if _negated(a.words) != _negated(b.words) else 0.0)
    feats += [feats[2] ** 2, feats[8] ** 2, feats[0] * feats[1], feats[9] * feats[10]]
    w = weights or term_weights()
    feats += _weighted(a.words, b.words, w.words, w.unseen_word)
    feats += _weighted(a.bigrams, b.bigrams, w.bigrams, w.unseen_bigram)
    return feats


#: name of the shipped model (:func:`newsprism.artifacts.load`)
ARTIFACT = "reuse_sentence"


def _model() -> Mapping[str, Any]:
    return load_artifact(ARTIFACT).params


def probability(features: list[float], *, semantic: bool = True) -> float:
    """Paraphrase probability under the shipped model (lexical variant without vectors)."""
    model = _model()["semantic" if semantic else "lexical"]
    z = float(model["intercept"])
    for x, mu, sd, w in zip(
        (features if semantic else features[1:]),
        model["mean"],
        model["scale"],
        model["coef"],
        strict=True,
    ):
        z += w * (x - mu) / sd
    return 1.0 / (1.0 + math.exp(-z))
