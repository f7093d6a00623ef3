"""The clusterer's stories and their index: the mechanics, without the decisions.

:class:`_Stories` keeps every story (centroids, members, dates, outlets), the
online document frequencies, the inverted index and the log of events; it
weighs an article into its vectors, creates a story, joins an article to one,
folds stories together, evicts those left behind in time, and saves and
restores its state.  *Whether* an article joins, which stories merge and which
member moves out is the policy of :class:`~.cluster.StoryClusterer`, which
builds on it; the numbers themselves are :mod:`._vectors`.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from itertools import chain, islice

from .._dates import published_day
from ..model import Article, ArticleNLP
from ._decision import ClusterConfig, horizon_days
from ._features import SUBLINEAR, Bags, bags, sublinear
from ._records import StoryEvent, StoryState
from ._vectors import (
    _ENT,
    _LOG1,
    _add_into,
    _add_unit,
    _grow_log1,
    _Index,
    _interned,
    _marks,
    _Member,
    _pin,
    _ranked_unit,
    _restored_members,
    _Story,
    _top,
    _Vectors,
)


def story_id(first_article: str) -> str:
    """A story's id comes from the article that started it, so a re-run over the
    same stream gives the same ids, and ids never depend on a counter."""
    return "story-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


def _iso_day(days: float | None) -> str | None:
    if days is None:
        return None
    return datetime.fromtimestamp(days * 86400.0, UTC).isoformat(timespec="seconds")


_CLOCK: list[tuple[int, str]] = [(-1, "")]


def _now() -> str:
    """The time an event is logged at, to the second: formatted once a second, not
    once an event (a stream creates hundreds of stories a second)."""
    now = int(time.time())
    second, text = _CLOCK[0]
    if now != second:
        text = datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")
        _CLOCK[0] = (now, text)
    return text


def _title_of(article: Article) -> str:
    if article.title:
        return article.title.strip()
    first = article.text.strip().split("\n", 1)[0]
    cut = first.find(". ")
    if 0 < cut < 90:
        return first[: cut + 1]
    return first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0] + "…"


class _Stories:
    """The stories, their index and their log (see the module docstring)."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self._stories: list[_Story] = []
        self._by_id: dict[str, int] = {}
        self._article_story: dict[str, int] = {}
        self._postings = _Index()
        self._df: Counter[str] = Counter()
        # terms counted since the last save; None while nothing was ever saved or
        # restored, when every term is unsaved: a clusterer that is never saved
        # (a benchmark, a batch block) then keeps no second copy of its vocabulary
        self._df_dirty: set[str] | None = None
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

    def count_background(self, df: Mapping[str, int], docs: int) -> None:
        """Count documents of ordinary news into the frequencies, not into any story:
        the weights a small corpus would otherwise lack (see :mod:`._background`)."""
        self._df.update(df)
        self._docs += docs
        if self._df_dirty is not None:
            self._df_dirty.update(df)

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
        if self._df_dirty is None:
            return dict(self._df), self._docs
        return {t: self._df[t] for t in self._df_dirty}, self._docs

    def drain_events(self) -> list[StoryEvent]:
        out, self._events = self._events, []
        return out

    def mark_clean(self) -> None:
        for s in self._stories:
            s.dirty = False
        self._df_dirty = set()

    def restore(self, states: Iterable[StoryState], df: dict[str, int], docs: int) -> None:
        """Load a saved state (see :mod:`.persist`); the index is rebuilt from it."""
        self._df = Counter(df)
        self._docs = docs
        self._df_dirty = set()
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
                outlets=dict.fromkeys(st.outlets),
                first=published_day(st.first),
                last=published_day(st.last),
                merged_into=st.merged_into,
                dirty=False,
            )
            if st.merged_into is not None:  # never a candidate again (see _merge)
                story.words, story.entities, story.marks = {}, {}, {}
            elif self.config.calibration.split_threshold > 0:
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
        dirty = self._df_dirty
        if dirty is not None:
            dirty.update(raw.words.keys())
            dirty.update(ents)
        return ents

    def _weigh(self, raw: Bags, *, count: bool = True) -> tuple[dict[str, float], dict[str, float]]:
        """Unit TF-IDF vectors; the DF counts take this article in first (like a
        batch vectorizer would), so a word first seen here is rare, not unknown."""
        df = self._df
        ents = self._count(raw) if count else [_ENT + k for k in raw.entities]
        # (1 + ln tf) * idf, idf = ln((N + 1) / (df + 1)) + 1 as scikit-learn's smoothed
        # IDF; 1 + ln(tf) and ln(df + 1) come from tables (inlined: this is the
        # hottest loop of the step).  Nearly always every tf and df is inside them, so
        # the loop does not test it: an IndexError sends the article through the loop
        # that computes past the ends, and the df table grows to cover it (streams of
        # millions of articles have words in more than 65,536 documents)
        base = math.log(self._docs + 1.0) + 1.0
        table, tf1 = _LOG1, SUBLINEAR
        get = df.__getitem__
        try:
            w = {k: tf1[v] * (base - table[get(k)]) for k, v in raw.words.items()}
            e = {
                k: tf1[v] * (base - table[get(ek)])
                for (k, v), ek in zip(raw.entities.items(), ents, strict=True)
            }
        except IndexError:
            w, e = self._weigh_past(raw, ents, base)
        return _ranked_unit(w, self.config.article_terms), _ranked_unit(
            e, self.config.article_entities
        )

    def _weigh_past(
        self, raw: Bags, ents: list[str], base: float
    ) -> tuple[dict[str, float], dict[str, float]]:
        """:meth:`_weigh`'s weights when a tf or a df is past its table's end (the
        same values: the tables hold what is computed here); the df table then
        grows to cover this article's."""
        table, size, log = _LOG1, len(_LOG1), math.log
        tf1, tfs = SUBLINEAR, len(SUBLINEAR)
        get = self._df.__getitem__
        w = {
            k: (tf1[v] if v < tfs else sublinear(v))
            * (base - (table[d] if (d := get(k)) < size else log(d + 1.0)))
            for k, v in raw.words.items()
        }
        e = {
            k: (tf1[v] if v < tfs else sublinear(v))
            * (base - (table[d] if (d := get(ek)) < size else log(d + 1.0)))
            for (k, v), ek in zip(raw.entities.items(), ents, strict=True)
        }
        _grow_log1(max(map(get, chain(raw.words, ents)), default=0))
        return w, e

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
            outlets={article.outlet: None} if article.outlet else {},
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
        idx: int | None = None,
    ) -> None:
        """Add the article to ``story`` (number ``idx``, looked up by id when not given:
        the id table holds every story ever made, so the caller that knows the number
        spares a look-up that misses the caches on a long stream)."""
        if idx is None:
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
            story.outlets[article.outlet] = None
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            if article.title and (story.title_date is None or day < story.title_date):
                story.title, story.title_date = article.title.strip(), day
        story.dirty = True
        self._article_story[article.id] = idx
        self._index(idx, query)
        self._saw(day)

    def _merge(self, best: int, others: list[tuple[float, int]]) -> tuple[_Story, tuple[str, ...]]:
        """Fold together the stories this article matches strongly; return the survivor.

        Two stories that one report fits equally well were one event split early
        (before enough reports arrived to show it).  The oldest story keeps its
        id, so ids already shown to users stay valid; the others are logged as
        merged into it and resolve to it from then on.  A merged story keeps its
        title, articles, dates and outlets, not its centroids (their sum is the
        survivor's): its saved state has none, like an evicted story's.
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
            # its centroids are in the survivor's now, and a merged story is never a
            # candidate again: dropped, as the sweep drops an evicted story's (kept,
            # merged stories held a third of all centroid terms after 300k articles
            # of the planted stream, memory no placement reads)
            gone.words, gone.entities, gone.marks = {}, {}, {}
            gone.wnorm = gone.enorm = gone.mnorm = -1.0
            gone.top_names = None
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
