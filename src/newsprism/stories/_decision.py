"""The clusterer's decisions: the two calibrated models, their inputs, and the knobs.

The join model turns the similarities of an article and a candidate story
(:func:`features`) into the probability that they report the same event; the
story-merge model does the same for two stories (:func:`pair_features`).  Their
weights and thresholds are learned offline and ship as the ``stories_calibration``
model file (see :mod:`newsprism.artifacts` and ``docs/models-stories.md``): the
clusterer receives them as a :class:`Calibration` inside its
:class:`ClusterConfig`, never from module globals.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import mul
from typing import Any

from .. import artifacts
from ..model import Article

__all__ = [
    "ARTIFACT",
    "FEATURES",
    "PAIR_FEATURES",
    "Calibration",
    "Candidate",
    "Chooser",
    "ClusterConfig",
    "features",
    "horizon_days",
    "pair_features",
    "probability",
    "shipped_calibration",
]

#: the model file the calibration ships as (``artifacts/data/stories_calibration.json``)
ARTIFACT = "stories_calibration"

#: the join model's inputs, in the order of :func:`features` (and of its weights)
FEATURES: tuple[str, ...] = (
    "bias",
    "cos_words",
    "cos_entities",
    "cos_words*cos_entities",
    "log1p_size",
    "cos_words*log1p_size",
    "cos_entities*log1p_size",
    "cos_marks",
    "both_marks",
    "names_cover",
)

#: the story-merge model's inputs, in the order of :func:`pair_features`
PAIR_FEATURES: tuple[str, ...] = (
    "bias",
    "cos_words",
    "cos_entities",
    "cos_words*cos_entities",
    "log1p_smaller",
    "log1p_larger",
    "names_cover",
    "article_fit",
)


def features(
    cos_words: float,
    cos_entities: float,
    size: int,
    cos_marks: float = 0.0,
    both_marks: bool = False,
    names_cover: float = 1.0,
) -> tuple[float, ...]:
    """The model's inputs for one article-story pair (the first is the bias).

    Size enters because a large story's centroid is smoother, so an article of
    the same event meets it with a lower cosine than it would meet a single
    article.  ``cos_marks`` is the cosine of figures and dates
    (:func:`~newsprism.stories._vectors._marks`), and ``both_marks`` says whether
    both sides have any, so that disjoint figures (a different death toll,
    another year) count against a join while missing ones count for nothing.
    ``names_cover`` is the product of the share of the article's strongest
    names the story has and of the story's strongest names the article has:
    low when each side has its own main actors."""
    ls = math.log1p(size)
    return (
        1.0,
        cos_words,
        cos_entities,
        cos_words * cos_entities,
        ls,
        cos_words * ls,
        cos_entities * ls,
        cos_marks,
        1.0 if both_marks else 0.0,
        names_cover,
    )


def pair_features(
    cos_words: float,
    cos_entities: float,
    smaller: int,
    larger: int,
    names_cover: float,
    article_fit: float,
) -> tuple[float, ...]:
    """The story-merge model's inputs for two stories (the first is the bias).

    The cosines and the names cover are those of :func:`features`, taken
    between the two centroids.  The two sizes enter apart: on ECB+ the stories
    worth merging are mostly an event's small fragment (an early report that
    started a story of its own) beside its main story, while two grown stories
    that look alike are mostly two events of one kind.  ``article_fit`` is the
    join probability that the article linking them had for the other story.
    Figures and dates are left out here: in story pairs they added nothing on
    ECB+ and, on the planted corpus (where they are noise), drove false merges."""
    return (
        1.0,
        cos_words,
        cos_entities,
        cos_words * cos_entities,
        math.log1p(smaller),
        math.log1p(larger),
        names_cover,
        article_fit,
    )


def probability(x: tuple[float, ...], weights: tuple[float, ...]) -> float:
    if len(x) != len(weights):
        raise ValueError(f"{len(weights)} weights for {len(x)} features")
    z = sum(map(mul, x, weights))
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@dataclass(frozen=True, slots=True)
class Calibration:
    """The learned part of the clusterer's decision (how it was learned, and why
    these inputs: ``docs/models-stories.md``).

    ``weights`` / ``threshold``: the join model (:func:`features`) and the
    probability at which an article joins its best story.  ``merge_threshold``:
    a second story the article fits this well too is folded in.
    ``story_weights`` / ``story_merge_threshold``: the story-merge model
    (:func:`pair_features`) and the probability at which two stories merge.
    ``split_threshold``: while a story is small, a member whose leave-one-out
    join probability falls below it is moved out (0: never).
    """

    weights: tuple[float, ...]
    threshold: float
    merge_threshold: float
    story_weights: tuple[float, ...]
    story_merge_threshold: float
    split_threshold: float

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Calibration:
        """From a model file's ``params``; the feature names must be the code's."""
        for names, key in ((FEATURES, "features"), (PAIR_FEATURES, "story_features")):
            if tuple(params[key]) != names:
                raise artifacts.ArtifactError(
                    f"{ARTIFACT}: {key} {list(params[key])} are not the code's {list(names)}; "
                    "re-run benchmarks/bench_stories_calibrate.py --final"
                )
        cal = cls(
            weights=tuple(float(w) for w in params["weights"]),
            threshold=float(params["threshold"]),
            merge_threshold=float(params["merge_threshold"]),
            story_weights=tuple(float(w) for w in params["story_weights"]),
            story_merge_threshold=float(params["story_merge_threshold"]),
            split_threshold=float(params["split_threshold"]),
        )
        if len(cal.weights) != len(FEATURES) or len(cal.story_weights) != len(PAIR_FEATURES):
            raise artifacts.ArtifactError(f"{ARTIFACT}: weights do not match the features")
        return cal

    def params(self) -> dict[str, Any]:
        """What :func:`newsprism.artifacts.write` stores (read by :meth:`from_params`)."""
        return {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "threshold": self.threshold,
            "merge_threshold": self.merge_threshold,
            "story_features": list(PAIR_FEATURES),
            "story_weights": list(self.story_weights),
            "story_merge_threshold": self.story_merge_threshold,
            "split_threshold": self.split_threshold,
        }


def shipped_calibration() -> Calibration:
    """The calibration newsprism ships (``artifacts/data/stories_calibration.json``)."""
    return Calibration.from_params(artifacts.load(ARTIFACT).params)


_CALIBRATED = frozenset(f.name for f in dataclasses.fields(Calibration))


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Knobs of the clusterer.  The decision is ``calibration`` (the shipped one
    by default); the size limits trade memory and speed for recall of candidates
    and are measured in ``benchmarks/results/stories.md``."""

    calibration: Calibration = field(default_factory=shipped_calibration)
    # not calibrated (no labelled set with dates): three days is the width of a
    # news cycle used by Miranda et al. (2018) for their Gaussian time
    # similarities; a story whose span is sigma days away from an article has
    # its probability multiplied by e^-1/2 ~ 0.61
    time_sigma_days: float = 3.0
    article_terms: int = 80  # strongest terms kept per article vector
    article_entities: int = 30
    centroid_terms: int = 200  # strongest terms kept per story centroid
    index_terms: int = 20  # a story's top terms that point to it in the index
    query_terms: int = 8  # an article's top terms (and entities) it looks candidates up by
    posting_cap: int = 64  # most recently updated stories kept per posting list
    candidates: int = 4  # stories scored exactly per article (4, 5 and 8 tie on ECB+)
    sweep_every: int = 4096  # articles between evictions of stories left behind in time
    # the runner-up is only compared when the article's own fit to it reaches
    # this share of the join threshold: a speed gate (0.1 keeps ECB+ held-out
    # B3 unchanged, 0.25 and above cost 0.002; see benchmarks/results/stories.md)
    story_merge_gate: float = 0.1
    # online splits (``calibration.split_threshold``) only while a story has at
    # most this many articles: chosen among 3, 4, 5 and 6 by the ECB+ training
    # halves' B-cubed F1 only (benchmarks/results/stories.md, round 4); see
    # :meth:`StoryClusterer._unmix`
    split_max: int = 5
    # ... unless the article joined with at least this probability: a speed gate
    # (on ECB+ training halves checking those joins too added nothing; on busy
    # streams they are most joins); picked among 0.7-0.999 and none by the
    # training halves' B-cubed F1 only (0.99 and none tie); round 6
    split_gate: float = 0.99

    def tuned(self, **changes: Any) -> ClusterConfig:
        """A copy with ``changes`` to its own fields or to its calibration's."""
        cal = {k: changes.pop(k) for k in list(changes) if k in _CALIBRATED}
        if cal:
            changes["calibration"] = dataclasses.replace(
                changes.get("calibration", self.calibration), **cal
            )
        return dataclasses.replace(self, **changes)


def horizon_days(config: ClusterConfig) -> float:
    """Days past which an article never joins a story: the time decay is below 1/1000.

    Public because the batch engines cut the stream into blocks that must replay
    this much of their past to place articles as the single stream does.
    """
    return config.time_sigma_days * math.sqrt(2.0 * math.log(1000.0))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story an article was compared with: model inputs, time decay, probability."""

    story: str
    features: tuple[float, ...]
    decay: float
    probability: float


Chooser = Callable[[Article, list[Candidate]], str | None]
