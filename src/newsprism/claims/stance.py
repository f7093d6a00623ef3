"""Which articles of a story stand on opposite sides of what they report.

A disputing article rarely denies in one sentence what another asserts in
one: "There was only one problem.  The video was a fake"; "might not be a
completely accurate account, according to some arachnid experts"; "He had to
take it back shortly afterward".  Sentence rules (:mod:`.lexicon`) see the
cue words of a few such articles; most carry none of them in a sentence that
also names what they dispute (FNC-1 bodies 300-900: 74 of the 114 pairs of a
body agreeing with a claim and one disagreeing with it have no denial claim
on the disagreeing side).

So the decision is taken per *pair of articles*, from what each article says
as a whole: how many of its sentences deny or debunk, how much of its wording
keeps the claim at arm's length ("alleged", "rumours", "not"), how alike the
two articles are, and which words of a learned, topic-free vocabulary one of
the two uses and the other does not ("the story", "false", "could be",
"reported that").  A logistic regression over these (``claims_disputes``
artefact, trained on FNC-1 bodies 900 and above, threshold picked on bodies
300-900) scores the pair; :mod:`.disputes` then links the claims that carry
the disagreement.  Which article disputes: the one with more denial and
distancing per sentence.

Text only (a regex sentence split, no parse): the model reads the article as
the training script did, and the corpus stage has no parse at hand.  It reads
:data:`.lexicon.DISTANCED` and :func:`.lexicon.disputing` too: a change to either
changes its features, so retrain it (``benchmarks/train_claims_disputes.py``).
Bounded: each article is compared with at most :data:`MAX_PARTNERS` others.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from .. import artifacts
from ..model import Article
from ..reuse import embed
from .lexicon import DISTANCED, disputing

__all__ = [
    "ARTICLE_FEATURES",
    "ArticleSignals",
    "DisputeModel",
    "dispute_model",
    "disputed_pairs",
    "pair_features",
    "scored_pairs",
    "signals",
    "terms",
]

#: Dense features of a pair of articles, in the artefact's order.
ARTICLE_FEATURES = (
    "cues_min",
    "cues_max",
    "cues_diff",
    "distanced_min",
    "distanced_max",
    "distanced_diff",
    "cue_share_diff",
    "cosine",
    "jaccard",
)
#: Articles each article is compared with at most (the cost bound of a large story).
MAX_PARTNERS = 32
#: Words of an article read for its vector: its lead and body, not an endless page.
VECTOR_WORDS = 400

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")


def terms(text: str) -> frozenset[str]:
    """Lower-case words and word pairs: names are left out (capitalised), so what
    the model learns is how an article talks, not whom a training story was about."""
    low = [w.lower() for w in _TOKEN.findall(text) if w[:1].islower()]
    return frozenset(low) | frozenset(f"{a} {b}" for a, b in itertools.pairwise(low))


@dataclass(frozen=True, slots=True)
class ArticleSignals:
    """What the dispute model reads of one article, computed once per article."""

    article: str
    sentences: int
    cues: int  # sentences that deny or debunk (:func:`.lexicon.disputing`)
    distanced: float  # distancing or negating words per sentence
    words: frozenset[str]  # :func:`terms`


def signals(article: Article) -> ArticleSignals:
    sentences = [s for s in _SENTENCE.split(article.text) if s.strip()]
    n = max(1, len(sentences))
    return ArticleSignals(
        article=article.id,
        sentences=n,
        cues=sum(1 for s in sentences if disputing(s)),
        distanced=sum(len(DISTANCED.findall(s)) for s in sentences) / n,
        words=terms(article.text),
    )


def lean(s: ArticleSignals) -> float:
    """How much an article denies or distances itself: the disputing side of a pair
    is the one that leans more."""
    return s.cues / s.sentences + 0.1 * s.distanced


def pair_features(a: ArticleSignals, b: ArticleSignals, cosine: float) -> list[float]:
    """The dense features of :data:`ARTICLE_FEATURES` for one pair (symmetric)."""
    ca, cb = math.log1p(a.cues), math.log1p(b.cues)
    shared = len(a.words & b.words)
    union = len(a.words) + len(b.words) - shared
    return [
        min(ca, cb),
        max(ca, cb),
        abs(ca - cb),
        min(a.distanced, b.distanced),
        max(a.distanced, b.distanced),
        abs(a.distanced - b.distanced),
        abs(a.cues / a.sentences - b.cues / b.sentences),
        cosine,
        shared / union if union else 0.0,
    ]


@dataclass(frozen=True, slots=True)
class DisputeModel:
    """``p = sigmoid(bias + w . standardised(dense) + sum of the weights of the
    vocabulary terms exactly one of the two articles uses)``; disputed at ``threshold``."""

    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    vocabulary: Mapping[str, float]
    threshold: float

    def known(self, a: ArticleSignals) -> tuple[frozenset[str], float]:
        """The article's vocabulary terms and the sum of their weights (once per article)."""
        terms = frozenset(t for t in a.words if t in self.vocabulary)
        return terms, sum(self.vocabulary[t] for t in terms)

    def score(
        self,
        a: ArticleSignals,
        b: ArticleSignals,
        cosine: float,
        known: tuple[tuple[frozenset[str], float], tuple[frozenset[str], float]] | None = None,
    ) -> float:
        """The probability that ``a`` and ``b`` stand on opposite sides (``known``: their
        :meth:`known` terms, when the caller scores each article against many)."""
        dense = pair_features(a, b, cosine)
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, dense, self.mean, self.scale, strict=True)
        )
        (ta, sa), (tb, sb) = known or (self.known(a), self.known(b))
        # terms in exactly one of the two: sum(a) + sum(b) - 2 sum(a & b)
        z += sa + sb - 2.0 * sum(self.vocabulary[t] for t in ta & tb)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def dispute_model() -> DisputeModel:
    """The shipped model (``artifacts/data/claims_disputes.json``)."""
    art = artifacts.load("claims_disputes")
    names = tuple(art["features"])
    if names != ARTICLE_FEATURES:
        raise artifacts.ArtifactError(
            f"claims_disputes was trained on features {names}, the code makes "
            f"{ARTICLE_FEATURES}; retrain it with `python benchmarks/train_claims_disputes.py`"
        )
    return DisputeModel(
        bias=float(art["bias"]),
        mean=tuple(float(x) for x in art["mean"]),
        scale=tuple(float(x) for x in art["scale"]),
        weights=tuple(float(x) for x in art["weights"]),
        vocabulary={str(k): float(v) for k, v in art["vocabulary"].items()},
        threshold=float(art["threshold"]),
    )


def vectors(articles: Sequence[Article]) -> npt.NDArray[np.float32]:
    """Static embeddings of each article's first :data:`VECTOR_WORDS` words (zeros
    when wordllama is missing: the cosine feature then reads 0 for every pair)."""
    if not articles or not embed.available():
        return np.zeros((len(articles), 1), dtype=np.float32)
    return embed.embed([" ".join(a.text.split()[:VECTOR_WORDS]) for a in articles])


def disputed_pairs(
    articles: Sequence[Article], model: DisputeModel | None = None
) -> list[tuple[str, str, float]]:
    """(asserting article, disputing article, probability) for each pair the model
    scores at or above its threshold, most probable first."""
    model = model or dispute_model()
    return [t for t in scored_pairs(articles, model) if t[2] >= model.threshold]


def scored_pairs(
    articles: Sequence[Article], model: DisputeModel | None = None
) -> list[tuple[str, str, float]]:
    """(leaning less, leaning more, probability) for every pair the model compares
    (:data:`MAX_PARTNERS` each), most probable first: :func:`disputed_pairs` and the
    pairs that read alike (:data:`.disputes.ALIKE`)."""
    if len(articles) < 2:
        return []
    model = model or dispute_model()
    sig = [signals(a) for a in articles]
    known = [model.known(s) for s in sig]
    vec = vectors(articles)
    out = []
    n = len(articles)
    for i in range(n):
        # each article meets the next MAX_PARTNERS in order: every pair of a small
        # story, a bounded window of a large one
        for j in range(i + 1, min(n, i + 1 + MAX_PARTNERS)):
            p = model.score(sig[i], sig[j], float(vec[i] @ vec[j]), (known[i], known[j]))
            a, d = (i, j) if lean(sig[i]) <= lean(sig[j]) else (j, i)
            out.append((articles[a].id, articles[d].id, p))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


def camps(pairs: Sequence[tuple[str, str, float]]) -> list[tuple[list[str], list[str]]]:
    """(asserting articles, disputing articles) of each connected set of disputed pairs.

    An article may lean to the disputing side of one pair and the asserting side of
    another; it takes the side its pairs give it on balance (summed probability), and
    only the pairs that agree with both articles' sides join the camps: a noisy pair
    between two articles of one side must not part them.
    """
    balance: dict[str, float] = {}
    for a, d, p in pairs:
        balance[a] = balance.get(a, 0.0) - p
        balance[d] = balance.get(d, 0.0) + p
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, d, _ in pairs:
        if balance[a] <= 0.0 < balance[d]:
            parent[find(d)] = find(a)
    members: dict[str, list[str]] = {}
    for x in sorted(parent):
        members.setdefault(find(x), []).append(x)
    return [
        (
            [x for x in arts if balance[x] <= 0.0],
            [x for x in arts if balance[x] > 0.0],
        )
        for _, arts in sorted(members.items())
    ]
