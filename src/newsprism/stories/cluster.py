"""Online story clustering, in the spirit of Miranda et al. (EMNLP 2018).

Each arriving article is compared with a handful of candidate stories on three
TF-IDF representations (words of title and body; named entities; figures and
dates, which tell apart two events of the same kind), on how far each side's
strongest names are shared, and on time (a Gaussian decay of the gap between
its date and the story's first..last span).  A small logistic model, fitted
offline (:class:`~._decision.Calibration`), turns the similarities into the
probability that the article reports the same event; the article joins the most probable
story when that probability clears the calibrated threshold and starts a new
story otherwise.  After a join, the story is compared with the article's
runner-up candidate by a second calibrated model (:func:`pair_features`) and
merged with it when they report one event: in a shuffled stream an event's
first reports often start two stories that no single article fits equally well.
And while a story is small (``split_max`` articles), a join that was not
clear-cut re-checks its older members against the rest with the join model and
moves a misfit out (:meth:`StoryClusterer._unmix`): an event's report that
joined the lone first report of another event would otherwise turn that story
into a mix of both.

Candidates come from an inverted index from terms to the stories whose
centroids they weigh most in; each posting list keeps only its most recently
updated stories, so a query touches a bounded number of postings however many
stories exist, and the per-article cost stays flat as the corpus grows.

This module is the clustering policy (whether to join, merge or split); the
mechanics of stories, their index and their saved state are :mod:`._stories`,
the vectors and the arithmetic on them :mod:`._vectors`, the two models, their
inputs and the knobs :mod:`._decision` (re-exported here).

Document frequencies are counted online (no corpus is known in advance), as in
Miranda et al.; a story's centroid is the sum of its members' unit vectors
weighted with the IDF of the moment they arrived.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import mul

from .._dates import published_day
from ..model import Article, ArticleNLP
from ._decision import (
    FEATURES,
    Candidate,
    Chooser,
    ClusterConfig,
    features,
    horizon_days,
    pair_features,
    probability,
)
from ._features import bags
from ._records import Assignment, StoryEvent
from ._stories import _now, _Stories, story_id
from ._vectors import (
    _TOP_NAMES,
    _VALUE,
    _cos,
    _loo_cos,
    _marks,
    _Member,
    _rest_share,
    _share,
    _span_gap,
    _Story,
    _subtract,
    _Vectors,
)

__all__ = [
    "Candidate",
    "Chooser",
    "ClusterConfig",
    "StoryClusterer",
    "features",
    "horizon_days",
    "pair_features",
    "probability",
    "story_id",
    "stream_order",
]

log = logging.getLogger(__name__)


def stream_order(articles: Iterable[Article]) -> list[Article]:
    """The order a stream would have delivered ``articles`` in: oldest first, undated
    last; ties go by id, so one corpus handed over in any order gives the same
    stories and the same story ids."""
    keyed = [(published_day(a.published), a.id, a) for a in articles]
    keyed.sort(key=lambda t: (t[0] is None, t[0] or 0.0, t[1]))
    return [a for _, _, a in keyed]


class StoryClusterer(_Stories):
    """Assigns articles to stories one at a time; see the module docstring.

    ``add`` is idempotent: an article seen before (by id) returns the story it
    is in now.  Creations, merges and splits are logged as :class:`StoryEvent`
    until :meth:`drain_events`; :func:`~newsprism.stories.persist.save` writes
    the changed states and the log to a store.  Not thread-safe: one writer.
    """

    def add(self, article: Article, nlp: ArticleNLP | None = None) -> Assignment:
        """Place one article: join the most probable story or start a new one."""
        return self.place(article, nlp)

    def place(
        self, article: Article, nlp: ArticleNLP | None = None, *, choose: Chooser | None = None
    ) -> Assignment:
        """Like :meth:`add`, with the decision handed to ``choose``.

        ``choose`` sees every candidate (best first) and returns the id of the
        story to join, any story, or ``None`` for a new one.  Calibration uses it
        to replay a labelled stream with the gold decisions while it records the
        features the model is fitted on.
        """
        known = self._article_story.get(article.id)
        if known is not None:
            return Assignment(article.id, self._resolve(known).id, created=False, score=1.0)
        primed = self._primed.pop(article.id, None)
        if primed is not None:
            wvec, evec = self._weigh(primed, count=False)
        else:
            wvec, evec = self._weigh(bags(article, nlp))
        vecs = _Vectors(wvec, evec, _marks(wvec))
        day = published_day(article.published)
        query = self._query(wvec, evec)
        scored = self._score(query, vecs, day)
        if choose is not None:
            stories = self._stories
            wanted = choose(article, [Candidate(stories[i].id, x, d, -p) for p, i, x, d in scored])
            if wanted is None:
                return self._new(article, vecs, day, query)
            story = self._resolve(self._by_id[wanted])
            self._join(story, article, vecs, day, query)
            return Assignment(article.id, story.id, created=False, score=1.0)
        if not scored or -scored[0][0] < self.config.calibration.threshold:
            return self._new(article, vecs, day, query)
        prob, best = -scored[0][0], scored[0][1]
        others = [
            (-p, i) for p, i, _, _ in scored[1:] if -p >= self.config.calibration.merge_threshold
        ]
        story, merged = self._merge(best, others)
        # with nothing merged the story is ``best`` itself
        self._join(story, article, vecs, day, query, None if merged else best)
        if story.members is not None and len(story.members) >= 3:
            self._unmix(story, prob)
        if self.config.calibration.story_merge_threshold <= 1.0:
            story, more = self._absorb(story, scored)
            merged += more
        return Assignment(article.id, story.id, created=False, score=prob, merged=merged)

    def _absorb(
        self, story: _Story, scored: list[tuple[float, int, tuple[float, ...], float]]
    ) -> tuple[_Story, tuple[str, ...]]:
        """Merge the article's runner-up story into its story when the two now fit.

        In a shuffled stream an event's first reports can start two stories that
        no later article fits equally well (so the article-level merge never
        fires), although the stories, once grown, clearly report one event.
        After each join the story is compared with the runner-up candidate the
        index already returned (no scan: at most one more scoring per article,
        skipped when the article barely fits the runner-up) by a second
        calibrated model on story-to-story inputs (:func:`pair_features`); above
        ``story_merge_threshold`` the two are merged (the older keeps its id) and
        the merge is logged like any other.
        """
        for neg, idx, _, _ in scored[1:]:
            other = self._stories[idx]
            if other.merged_into is not None or other.evicted or other is story:
                continue
            if -neg < self.config.calibration.threshold * self.config.story_merge_gate:
                return story, ()  # the article is no link between them (and it is cheap)
            x = self._pair_features(story, other, -neg)
            prob = probability(x, self.config.calibration.story_weights)
            if prob < self.config.calibration.story_merge_threshold:
                return story, ()
            return self._merge(self._by_id[story.id], [(prob, idx)])
        return story, ()

    def _unmix(self, story: _Story, prob: float) -> None:
        """Move a misfit member out of a small story that has just grown.

        In a shuffled stream one event's report can join the lone first report of
        the same topic's other event; the mixed story then draws both events and
        no merge can undo it.  When a story of at most ``split_max`` articles
        gains one (three or more: with two, neither can be told the misfit), its
        older members are scored against the rest of the story with the join
        model (leave-one-out, exact: the members' vectors are kept while the
        story is small).  The worst, if its fit is below ``split_threshold``,
        moves out to a new story; the story keeps its id; the move is logged.

        Skipped when the article came in with a probability of at least
        ``split_gate``: on ECB+ training halves such joins never paid for the
        check, and on busy streams they are most joins (speed).
        """
        members = story.members
        assert members is not None
        if prob >= self.config.split_gate:
            return
        worst: _Member | None = None
        low = self.config.calibration.split_threshold
        ranked = sorted(story.entities.items(), key=_VALUE, reverse=True)
        for m in members[:-1]:  # the newest, just let in, is last
            fit = self._fit_rest(story, m, ranked)
            if fit < low:
                worst, low = m, fit
        if worst is not None:
            self._move_out(story, worst, low)

    def _fit_rest(self, story: _Story, m: _Member, ranked: list[tuple[str, float]]) -> float:
        """The join probability of member ``m`` for its story without it.

        All from the story's centroids, without building the rest: while the
        story is small its centroids are the sums of its members' unit vectors,
        so with c = rest + v and |v| = 1, rest.v = c.v - 1 and
        |rest|^2 = |c|^2 - 2 c.v + 1 (one dot product per vector kind).
        ``ranked`` is the story's entity centroid, heaviest first.
        """
        v = m.vecs
        assert v is not None  # pinned: the story has grown past one article
        cw = 0.0
        if v.words:
            cw, _ = _loo_cos(v.words, story.words, story.word_norm())
        ents = story.entities
        if v.entities:
            ce, rest_has = _loo_cos(v.entities, ents, story.entity_norm())
            # the share of the member's strongest names the rest still has
            total = hit = 0.0
            for k, w in islice(v.entities.items(), _TOP_NAMES):
                total += w
                if ents.get(k, 0.0) - w > 1e-9:
                    hit += w
            cover = hit / total if total else 1.0
        else:
            ce, cover, rest_has = 0.0, 1.0, bool(ents)
        if rest_has:
            cover *= _rest_share(ranked, v.entities)
        cm, both = _loo_cos(v.marks, story.marks, story.mark_norm()) if v.marks else (0.0, False)
        x = features(cw, ce, len(story.articles) - 1, cm, both, cover)
        decay = 1.0
        if m.day is not None:
            days = [o.day for o in story.members or () if o is not m and o.day is not None]
            if days:
                gap = max(0.0, min(days) - m.day, m.day - max(days))
                decay = math.exp(-(gap * gap) / self._sigma2)
        return probability(x, self.config.calibration.weights) * decay

    def _move_out(self, story: _Story, m: _Member, fit: float) -> None:
        """Take member ``m`` out of ``story`` into a new story (logged as a split)."""
        members = story.members
        assert members is not None
        idx = self._by_id[story.id]
        members.remove(m)
        story.articles.remove(m.id)
        v = m.vecs
        assert v is not None  # pinned: the story has more than one article
        _subtract(story.words, v.words)
        _subtract(story.entities, v.entities)
        _subtract(story.marks, v.marks)
        story.wnorm = story.enorm = story.mnorm = -1.0
        story.top_names = None
        days = [o.day for o in members if o.day is not None]
        story.first, story.last = (min(days), max(days)) if days else (None, None)
        lead = min(members, key=lambda o: (o.day is None, o.day or 0.0))
        story.title, story.title_date = lead.title, lead.day
        story.outlets = dict.fromkeys(o.outlet for o in members if o.outlet)
        story.dirty = True
        self._unindex(idx, story)
        self._index(idx, self._story_terms(story))
        # a new story, not the best other one: on ECB+ training halves this did
        # as well or better (the story-to-story merges fold it in when it fits)
        stub = Article(id=m.id, text="", outlet=m.outlet, title=m.title)
        target = self._create(stub, v, m.day, self._query(v.words, v.entities))
        self._events.pop()  # the split event below says where it came from
        if target.members is not None:
            target.members[0] = m
        self._events.append(
            StoryEvent("split", story.id, _now(), other=target.id, articles=(m.id,), score=fit)
        )

    def _pair_features(self, a: _Story, b: _Story, article_fit: float) -> tuple[float, ...]:
        """:func:`pair_features` of two live stories (either order)."""
        if len(a.articles) > len(b.articles):
            a, b = b, a
        cw = _cos(a.words, b.words, a.word_norm() * b.word_norm())
        if a.entities and b.entities:
            ce = _cos(a.entities, b.entities, a.entity_norm() * b.entity_norm())
            cover = _share(a.names(), a.entities, b.entities) * _share(
                b.names(), b.entities, a.entities
            )
        else:
            ce, cover = 0.0, 1.0
        gap = _span_gap(a, b)
        decay = math.exp(-(gap * gap) / self._sigma2) if gap else 1.0
        return pair_features(cw, ce, len(a.articles), len(b.articles), cover, article_fit * decay)

    def _new(
        self, article: Article, vecs: _Vectors, day: float | None, query: dict[str, float]
    ) -> Assignment:
        story = self._create(article, vecs, day, query)
        return Assignment(article.id, story.id, created=True, score=0.0)

    def add_all(
        self, articles: Iterable[Article], nlp: Sequence[ArticleNLP] | None = None
    ) -> list[Assignment]:
        by_id = {r.article: r for r in nlp or ()}
        return [self.add(a, by_id.get(a.id)) for a in articles]

    def _score(
        self, query: dict[str, float], vecs: _Vectors, day: float | None
    ) -> list[tuple[float, int, tuple[float, ...], float]]:
        """(-probability, story number, features, time decay) of each candidate, best
        first (sorted as plain tuples: story numbers are unique, so ties never reach
        the features)."""
        weights = self.config.calibration.weights
        if len(weights) != len(FEATURES):
            raise ValueError(f"{len(weights)} weights for {len(FEATURES)} features")
        out: list[tuple[float, int, tuple[float, ...], float]] = []
        wvec, evec, mvec = vecs.words, vecs.entities, vecs.marks
        names = list(islice(evec, _TOP_NAMES))  # evec is ranked: its strongest names
        sigma2, horizon = self._sigma2, self._horizon
        for idx in self._postings.candidates(query, self.config.candidates):
            story = self._stories[idx]
            if story.merged_into is not None or story.evicted:
                continue
            decay = 1.0
            if day is not None and story.first is not None and story.last is not None:
                gap = max(0.0, story.first - day, day - story.last)  # story.gap(day), inlined
                if gap:
                    decay = math.exp(-(gap * gap) / sigma2)
                    if gap > horizon:
                        continue
            cw = _cos(wvec, story.words, story.word_norm())
            if evec:
                ce = _cos(evec, story.entities, story.entity_norm())
                cover = _share(names, evec, story.entities)
            else:
                ce, cover = 0.0, 1.0
            if story.entities:
                cover *= _share(story.names(), story.entities, evec)
            both = bool(mvec and story.marks)
            cm = _cos(mvec, story.marks, story.mark_norm()) if both else 0.0
            x = features(cw, ce, len(story.articles), cm, both, cover)
            z = sum(map(mul, x, weights))
            prob = 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0
            out.append((-prob * decay, idx, x, decay))
        out.sort()
        return out

    def split(
        self,
        story: str,
        articles: Sequence[Article],
        nlp: Sequence[ArticleNLP] | None = None,
    ) -> str:
        """Move ``articles`` out of ``story`` into a new story; return the new id.

        For corrections (by a person or a later pass); clustering itself only
        moves single members out of small stories (:meth:`_unmix`).  The moved
        articles' vectors are taken off the old centroid (weighted with today's
        IDF, which approximates what was added) and form the new one; the split
        is logged, and the old story keeps its id (and its date span and
        outlets, which its members no longer tell apart).
        """
        idx = self._by_id[self.resolve(story)]
        old = self._stories[idx]
        moving = [a for a in articles if a.id in set(old.articles)]
        if not moving or len(moving) == len(old.articles):
            raise ValueError("a split must move some, not all, of the story's articles")
        by_id = {r.article: r for r in nlp or ()}
        first, *rest = stream_order(moving)
        vecs = {a.id: self._vectors(bags(a, by_id.get(a.id))) for a in moving}
        new = self._create(first, vecs[first.id], published_day(first.published), {})
        self._events.pop()  # the split event below says where the new story came from
        for a in rest:
            self._join(new, a, vecs[a.id], published_day(a.published), {})
        gone = {a.id for a in moving}
        for v in vecs.values():
            _subtract(old.words, v.words)
            _subtract(old.entities, v.entities)
            _subtract(old.marks, v.marks)
        old.articles = [a for a in old.articles if a not in gone]
        # its centroid now only approximates its members' sum, and a person's
        # correction is not to be undone: no more online splits of it
        old.members = None
        old.wnorm = old.enorm = old.mnorm = -1.0
        old.top_names = None
        old.dirty = True
        new_idx = self._by_id[new.id]
        self._index(new_idx, self._story_terms(new))
        self._events.append(
            StoryEvent("split", old.id, _now(), other=new.id, articles=tuple(sorted(gone)))
        )
        return new.id
