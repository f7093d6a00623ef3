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

This module is the clustering policy; the vectors, story records and index are
:mod:`._vectors`, the two models, their inputs and the knobs :mod:`._decision`
(re-exported here).

Document frequencies are counted online (no corpus is known in advance), as in
Miranda et al.; a story's centroid is the sum of its members' unit vectors
weighted with the IDF of the moment they arrived.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
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
from ._features import Bags, bags
from ._records import Assignment, StoryEvent, StoryState
from ._vectors import (
    _ENT,
    _LOG1,
    _TOP_NAMES,
    _VALUE,
    _add_into,
    _add_unit,
    _cos,
    _Index,
    _interned,
    _loo_cos,
    _marks,
    _Member,
    _pin,
    _ranked,
    _rest_share,
    _restored_members,
    _share,
    _span_gap,
    _Story,
    _subtract,
    _top,
    _unit,
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


def story_id(first_article: str) -> str:
    """A story's id comes from the article that started it, so a re-run over the
    same stream gives the same ids, and ids never depend on a counter."""
    return "story-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


def stream_order(articles: Iterable[Article]) -> list[Article]:
    """The order a stream would have delivered ``articles`` in: oldest first, undated
    last; ties go by id, so one corpus handed over in any order gives the same
    stories and the same story ids."""
    keyed = [(published_day(a.published), a.id, a) for a in articles]
    keyed.sort(key=lambda t: (t[0] is None, t[0] or 0.0, t[1]))
    return [a for _, _, a in keyed]


def _iso_day(days: float | None) -> str | None:
    if days is None:
        return None
    return datetime.fromtimestamp(days * 86400.0, UTC).isoformat(timespec="seconds")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _title_of(article: Article) -> str:
    if article.title:
        return article.title.strip()
    first = article.text.strip().split("\n", 1)[0]
    cut = first.find(". ")
    if 0 < cut < 90:
        return first[: cut + 1]
    return first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0] + "…"


class StoryClusterer:
    """Assigns articles to stories one at a time; see the module docstring.

    ``add`` is idempotent: an article seen before (by id) returns the story it
    is in now.  Creations, merges and splits are logged as :class:`StoryEvent`
    until :meth:`drain_events`; :func:`~newsprism.stories.persist.save` writes
    the changed states and the log to a store.  Not thread-safe: one writer.
    """

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self._stories: list[_Story] = []
        self._by_id: dict[str, int] = {}
        self._article_story: dict[str, int] = {}
        self._postings = _Index()
        self._df: Counter[str] = Counter()
        self._df_dirty: set[str] = set()
        self._docs = 0
        self._events: list[StoryEvent] = []
        self._primed: dict[str, Bags] = {}
        self._sigma2 = 2.0 * self.config.time_sigma_days**2
        # the gap at which the time decay falls below 1/1000: beyond it no
        # probability can clear any threshold worth having
        self._horizon = horizon_days(self.config)
        self._live: set[int] = set()
        self._newest: float | None = None
        self._since_sweep = 0

    # --- public ------------------------------------------------------------------
    def __len__(self) -> int:
        """Stories that stand on their own (merged ones excluded)."""
        return sum(1 for s in self._stories if s.merged_into is None)

    @property
    def documents(self) -> int:
        return self._docs

    def story_of(self, article_id: str) -> str | None:
        """The story an article is in now (following merges)."""
        idx = self._article_story.get(article_id)
        return None if idx is None else self._resolve(idx).id

    def resolve(self, story: str) -> str:
        """The id a story goes by now: itself, or the story it was merged into."""
        idx = self._by_id.get(story)
        return story if idx is None else self._resolve(idx).id

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
        self._join(story, article, vecs, day, query)
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
        story.outlets = {o.outlet for o in members if o.outlet}
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

    def prime(self, articles: Iterable[Article], nlp: Sequence[ArticleNLP] | None = None) -> None:
        """Count a whole corpus into the document frequencies before placing it.

        A stream knows only its past, but a finite corpus (``analyze`` on a
        folder) is known whole: its IDF then weighs the first articles as well as
        the last, which matters most for small corpora, where online counts are
        still mostly noise.  Primed articles are not counted again when added.
        """
        by_id = {r.article: r for r in nlp or ()}
        for article in articles:
            if article.id in self._article_story or article.id in self._primed:
                continue
            raw = bags(article, by_id.get(article.id))
            self._count(raw)
            self._primed[article.id] = raw

    def add_all(
        self, articles: Iterable[Article], nlp: Sequence[ArticleNLP] | None = None
    ) -> list[Assignment]:
        by_id = {r.article: r for r in nlp or ()}
        return [self.add(a, by_id.get(a.id)) for a in articles]

    def states(self, *, dirty_only: bool = False) -> Iterator[StoryState]:
        """Story states (all, or only those changed since :meth:`mark_clean`)."""
        for s in self._stories:
            if dirty_only and not s.dirty:
                continue
            yield StoryState(
                id=s.id,
                title=s.title,
                size=len(s.articles),
                articles=tuple(s.articles),
                first=_iso_day(s.first),
                last=_iso_day(s.last),
                title_date=_iso_day(s.title_date),
                outlets=tuple(sorted(s.outlets)),
                words=tuple(_top(s.words, self.config.centroid_terms).items()),
                entities=tuple(_top(s.entities, self.config.centroid_terms).items()),
                marks=tuple(_top(s.marks, self.config.centroid_terms).items()),
                merged_into=s.merged_into,
                seq=s.seq,
            )

    def members(self) -> Iterator[tuple[str, tuple[str, ...], str]]:
        """(story id, article ids, title) of each standing story, oldest first."""
        for s in self._stories:
            if s.merged_into is None:
                yield s.id, tuple(s.articles), s.title

    def df_changes(self) -> tuple[dict[str, int], int]:
        """Document frequencies changed since :meth:`mark_clean`, and the document count."""
        return {t: self._df[t] for t in self._df_dirty}, self._docs

    def drain_events(self) -> list[StoryEvent]:
        out, self._events = self._events, []
        return out

    def mark_clean(self) -> None:
        for s in self._stories:
            s.dirty = False
        self._df_dirty.clear()

    def restore(self, states: Iterable[StoryState], df: dict[str, int], docs: int) -> None:
        """Load a saved state (see :mod:`.persist`); the index is rebuilt from it."""
        self._df = Counter(df)
        self._docs = docs
        ordered = sorted(states, key=lambda st: st.seq)
        for st in ordered:
            story = _Story(
                id=st.id,
                seq=st.seq,
                title=st.title,
                title_date=published_day(st.title_date),
                words=dict(st.words),
                entities=dict(st.entities),
                # a store written before figures had a centroid of their own:
                # take them from the word centroid, which holds them too
                marks=dict(st.marks) if st.marks else _marks(dict(st.words)),
                articles=list(st.articles),
                outlets=set(st.outlets),
                first=published_day(st.first),
                last=published_day(st.last),
                merged_into=st.merged_into,
                dirty=False,
            )
            if self.config.calibration.split_threshold > 0 and st.merged_into is None:
                story.members = _restored_members(story)
            idx = len(self._stories)
            self._stories.append(story)
            self._by_id[story.id] = idx
        for idx, story in enumerate(self._stories):
            if story.merged_into is None:
                for a in story.articles:
                    self._article_story[a] = idx
                self._index(idx, self._story_terms(story))
                self._live.add(idx)
            else:
                target = self._by_id.get(story.merged_into)
                for a in story.articles:
                    self._article_story[a] = idx if target is None else target

    # --- internals -----------------------------------------------------------------
    def _resolve(self, idx: int) -> _Story:
        story = self._stories[idx]
        while story.merged_into is not None:
            story = self._stories[self._by_id[story.merged_into]]
        return story

    def _count(self, raw: Bags) -> list[str]:
        """Count one document into the document frequencies; return its entity keys."""
        self._docs += 1
        ents = [_ENT + k for k in raw.entities]
        # Counter.update and set.update count in C
        self._df.update(raw.words.keys())
        self._df.update(ents)
        self._df_dirty.update(raw.words.keys())
        self._df_dirty.update(ents)
        return ents

    def _weigh(self, raw: Bags, *, count: bool = True) -> tuple[dict[str, float], dict[str, float]]:
        """Unit TF-IDF vectors; the DF counts take this article in first (like a
        batch vectorizer would), so a word first seen here is rare, not unknown."""
        df = self._df
        ents = self._count(raw) if count else [_ENT + k for k in raw.entities]
        # idf = ln((N + 1) / (df + 1)) + 1, as scikit-learn's smoothed IDF, with
        # ln(df + 1) from a table (inlined: this is the hottest loop of the step)
        base = math.log(self._docs + 1.0) + 1.0
        table, size, log = _LOG1, len(_LOG1), math.log
        get = df.__getitem__
        w = {
            k: v * (base - (table[d] if (d := get(k)) < size else log(d + 1.0)))
            for k, v in raw.words.items()
        }
        e = {
            k: v * (base - (table[d] if (d := get(ek)) < size else log(d + 1.0)))
            for (k, v), ek in zip(raw.entities.items(), ents, strict=True)
        }
        return _unit(_ranked(w, self.config.article_terms)), _unit(
            _ranked(e, self.config.article_entities)
        )

    def _vectors(self, raw: Bags) -> _Vectors:
        """An already counted article's vectors (no change to the frequencies)."""
        wvec, evec = self._weigh(raw, count=False)
        return _Vectors(wvec, evec, _marks(wvec))

    def _query(self, wvec: dict[str, float], evec: dict[str, float]) -> dict[str, float]:
        """An article's strongest terms, as index keys: what it looks candidates up by,
        and what the story it lands in is indexed under."""
        k = self.config.query_terms
        # article vectors are ranked (strongest first): the top terms are a prefix
        q = dict(islice(wvec.items(), k))
        q.update((_ENT + e, v) for e, v in islice(evec.items(), k))
        return q

    def _story_terms(self, story: _Story) -> list[str]:
        k = self.config.index_terms
        return [*_top(story.words, k), *(_ENT + e for e in _top(story.entities, k))]

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
        for idx in self._postings.candidates(query, self.config.candidates):
            story = self._stories[idx]
            if story.merged_into is not None or story.evicted:
                continue
            decay = 1.0
            gap = story.gap(day)
            if gap:
                decay = math.exp(-(gap * gap) / self._sigma2)
                if gap > self._horizon:
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

    def _create(
        self, article: Article, vecs: _Vectors, day: float | None, query: dict[str, float]
    ) -> _Story:
        idx = len(self._stories)
        sid = story_id(article.id)
        if sid in self._by_id:  # the same first id from another source: keep ids unique
            sid = story_id(f"{article.id}#{idx}")
        title = _title_of(article)
        story = _Story(
            id=sid,
            seq=idx,
            title=title,
            title_date=day,
            words=_interned(vecs.words),
            entities=_interned(vecs.entities),
            marks=_interned(vecs.marks),
            articles=[article.id],
            outlets={article.outlet} if article.outlet else set(),
            first=day,
            last=day,
            members=(
                [_Member(article.id, None, day, title, article.outlet)]
                if self.config.calibration.split_threshold > 0
                else None
            ),
        )
        self._stories.append(story)
        self._by_id[sid] = idx
        self._article_story[article.id] = idx
        self._index(idx, query)
        self._live.add(idx)
        self._saw(day)
        self._events.append(StoryEvent("created", sid, _now(), articles=(article.id,)))
        return story

    def _join(
        self,
        story: _Story,
        article: Article,
        vecs: _Vectors,
        day: float | None,
        query: dict[str, float],
    ) -> None:
        idx = self._by_id[story.id]
        if story.members is not None:
            _pin(story)
        story.wnorm = _add_unit(story.words, vecs.words, story.wnorm)
        story.enorm = _add_unit(story.entities, vecs.entities, story.enorm)
        story.mnorm = _add_unit(story.marks, vecs.marks, story.mnorm)
        story.top_names = None
        limit = self.config.centroid_terms
        if len(story.words) > 2 * limit:
            story.words, story.wnorm = _top(story.words, limit), -1.0
        if len(story.entities) > 2 * limit:
            story.entities, story.enorm = _top(story.entities, limit), -1.0
        if len(story.marks) > 2 * limit:
            story.marks, story.mnorm = _top(story.marks, limit), -1.0
        story.articles.append(article.id)
        if story.members is not None:
            if len(story.articles) <= self.config.split_max:
                story.members.append(
                    _Member(article.id, vecs, day, _title_of(article), article.outlet)
                )
            else:
                story.members = None  # grown: its members are no longer moved
        if article.outlet:
            story.outlets.add(article.outlet)
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            if article.title and (story.title_date is None or day < story.title_date):
                story.title, story.title_date = article.title.strip(), day
        story.dirty = True
        self._article_story[article.id] = idx
        self._index(idx, query)
        self._saw(day)

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

    def _merge(self, best: int, others: list[tuple[float, int]]) -> tuple[_Story, tuple[str, ...]]:
        """Fold together the stories this article matches strongly; return the survivor.

        Two stories that one report fits equally well were one event split early
        (before enough reports arrived to show it).  The oldest story keeps its
        id, so ids already shown to users stay valid; the others are logged as
        merged into it and resolve to it from then on.
        """
        if not others:
            return self._stories[best], ()
        group = sorted({best, *(i for _, i in others)}, key=lambda i: self._stories[i].seq)
        survivor = self._stories[group[0]]
        probs = {best: 1.0, **{i: p for p, i in others}}
        merged: list[str] = []
        for idx in group[1:]:
            gone = self._stories[idx]
            if (
                survivor.members is not None
                and gone.members is not None
                and len(survivor.articles) + len(gone.articles) <= self.config.split_max
            ):
                _pin(survivor)
                _pin(gone)
                survivor.members.extend(gone.members)
            else:
                survivor.members = None
            _add_into(survivor.words, gone.words)
            _add_into(survivor.entities, gone.entities)
            _add_into(survivor.marks, gone.marks)
            survivor.articles.extend(gone.articles)
            survivor.outlets |= gone.outlets
            for a in gone.articles:
                self._article_story[a] = group[0]
            for day in (gone.first, gone.last):
                if day is not None:
                    survivor.first = day if survivor.first is None else min(survivor.first, day)
                    survivor.last = day if survivor.last is None else max(survivor.last, day)
            if gone.title_date is not None and (
                survivor.title_date is None or gone.title_date < survivor.title_date
            ):
                survivor.title, survivor.title_date = gone.title, gone.title_date
            gone.merged_into = survivor.id
            gone.members = None
            gone.dirty = True
            self._unindex(idx, gone)
            self._live.discard(idx)
            self._events.append(
                StoryEvent("merged", survivor.id, _now(), other=gone.id, score=probs[idx])
            )
            merged.append(gone.id)
        survivor.wnorm = survivor.enorm = survivor.mnorm = -1.0
        survivor.top_names = None
        survivor.dirty = True
        self._index(group[0], self._story_terms(survivor))
        return survivor, tuple(merged)

    def _saw(self, day: float | None) -> None:
        """Track the stream's newest date; now and then, evict stories left behind it.

        A story whose last report is further than the horizon behind the newest
        article cannot be joined by any article of that date or later (its time
        decay is below the smallest probability that matters), so its centroid is
        dropped from memory.  Memory thus follows the stories of the last few
        weeks, not the whole archive; a late article dated inside an evicted
        story's span starts a new story instead (the one case this trades away).
        """
        if day is not None and (self._newest is None or day > self._newest):
            self._newest = day
        self._since_sweep += 1
        if self._since_sweep < self.config.sweep_every or self._newest is None:
            return
        self._since_sweep = 0
        cutoff = self._newest - self._horizon
        for idx in [i for i in self._live if (self._stories[i].last or cutoff) < cutoff]:
            story = self._stories[idx]
            story.words, story.entities, story.marks, story.evicted = {}, {}, {}, True
            story.members = None
            self._unindex(idx, story)
            self._live.discard(idx)

    def _unindex(self, idx: int, story: _Story) -> None:
        self._postings.drop(idx, story)

    def _index(self, idx: int, terms: Iterable[str]) -> None:
        self._postings.point(idx, self._stories[idx], terms, self.config.posting_cap)
