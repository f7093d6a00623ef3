"""The learned parts of quote attribution, as immutable records built from artifacts.

Three models, each shipped as one file under :mod:`newsprism.artifacts`:

* ``quotes_cue_shares`` (:class:`CueShares`): how often PolNeAR annotators mark
  a verb lemma in a frame as a cue (``benchmarks/bench_quotes_train_cues.py``);
  a feature of the cue classifier.
* ``quotes_cues`` (:class:`CueClassifier`): logistic regression over
  :func:`.cues.cue_features` (verbs, with a bias) and
  :func:`.cues.nominal_cue_features` (adjectives and nouns, whose kind features
  carry their own bias) (``benchmarks/bench_quotes_train_model.py``).
* ``quotes_rerank`` (:class:`Reranker`): logistic regression over
  :func:`.rerank.rerank_features`, the second look at a broad-mode candidate
  (same script).

Code that scores takes a :class:`QuoteModels` (``models=``) and falls back to
:func:`shipped`, built once from the artifacts; training code builds its own
records and passes them explicitly -- nothing patches module state.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

from ..artifacts import load as load_artifact

__all__ = [
    "CUES",
    "CUE_SHARES",
    "RERANK",
    "RERANK_THRESHOLD",
    "CueClassifier",
    "CueShares",
    "QuoteModels",
    "Reranker",
    "logistic",
    "shipped",
]

#: Artifact names.
CUE_SHARES = "quotes_cue_shares"
CUES = "quotes_cues"
RERANK = "quotes_rerank"

#: Probability above which a reranked candidate without a quotation stays; low
#: because a candidate adds to F1 when it is right more often than about F1 / 2
#: (tuned on train 300-599 held out).
RERANK_THRESHOLD = 0.2

_EMPTY: Mapping[str, float] = MappingProxyType({})


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _floats(raw: Mapping[str, Any]) -> Mapping[str, float]:
    return MappingProxyType({str(k): float(v) for k, v in raw.items()})


@dataclass(frozen=True, slots=True)
class CueShares:
    """Share of a verb's occurrences annotators mark as a cue, by frame and lemma."""

    frame_prior: Mapping[str, float]
    by_lemma: Mapping[str, Mapping[str, float]]

    def share(self, lemma: str, frame: str) -> float:
        return self.by_lemma.get(lemma, _EMPTY).get(frame, self.frame_prior.get(frame, 0.0))

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> CueShares:
        by_lemma = {str(k): _floats(v) for k, v in params["by_lemma"].items()}
        return cls(_floats(params["frame_prior"]), MappingProxyType(by_lemma))

    def to_params(self) -> dict[str, Any]:
        return {
            "frame_prior": dict(self.frame_prior),
            "by_lemma": {k: dict(v) for k, v in sorted(self.by_lemma.items())},
        }


@dataclass(frozen=True, slots=True)
class _Linear:
    """Sparse logistic regression: a bias and one weight per feature name."""

    bias: float
    weights: Mapping[str, float]

    def score(self, feats: Iterable[str], *, bias: bool = True) -> float:
        get = self.weights.get
        return (self.bias if bias else 0.0) + sum(get(f, 0.0) for f in feats)

    def to_params(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items()))}


@dataclass(frozen=True, slots=True)
class CueClassifier(_Linear):
    """Is this verb (with the bias) or adjective / noun (own kind bias) a cue?"""

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> CueClassifier:
        return cls(float(params["bias"]), _floats(params["weights"]))


@dataclass(frozen=True, slots=True)
class Reranker(_Linear):
    """Is this broad-mode candidate an attribution with this source?

    An empty ``weights`` means no reranker: broad mode then keeps strong cues only.
    """

    threshold: float = field(default=RERANK_THRESHOLD)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Reranker:
        return cls(float(params["bias"]), _floats(params["weights"]))


@dataclass(frozen=True, slots=True)
class QuoteModels:
    """Everything quote attribution has learned, passed as one value."""

    shares: CueShares
    cues: CueClassifier
    rerank: Reranker


@cache
def shipped() -> QuoteModels:
    """The models shipped with newsprism (built once from the artifacts)."""
    return QuoteModels(
        shares=CueShares.from_params(load_artifact(CUE_SHARES).params),
        cues=CueClassifier.from_params(load_artifact(CUES).params),
        rerank=Reranker.from_params(load_artifact(RERANK).params),
    )
