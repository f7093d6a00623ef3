"""The clusterer's vectors and index: what an article and a story are, as numbers.

An article is three unit TF-IDF vectors (:class:`_Vectors`: words; names;
figures and dates, :func:`_marks`); a story (:class:`_Story`) is the sum of
its members' vectors (its centroids), its span of dates, and, while it is
small, its members (:class:`_Member`) so one can be moved out again.  The
inverted index (:class:`_Index`) points terms at the stories whose centroids
they weigh most in.  The arithmetic on sparse vectors (cosines, leave-one-out
cosines, in-place sums) lives here too; what the clusterer decides with them
is :mod:`._decision` and :mod:`.cluster`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from sys import intern

from .._words import MONTHS

_ENT = "\x01"  # index-key prefix that keeps entity keys apart from words


_VALUE = itemgetter(1)
_WEIGHT = itemgetter(0)
_LOG1 = [math.log(n + 1.0) for n in range(1 << 16)]


def _grow_log1(df: int) -> None:
    """Extend ``_LOG1`` (ln(n + 1) by n) past ``df`` with room to spare: a table
    of the values computed the same way, so weights do not change."""
    start = len(_LOG1)
    if df >= start:
        _LOG1.extend([math.log(n + 1.0) for n in range(start, df + (1 << 16))])


def _top(weights: dict[str, float], k: int) -> dict[str, float]:
    if len(weights) <= k:
        return weights
    # a C-level sort beats heapq.nlargest for the few hundred items met here
    return dict(sorted(weights.items(), key=_VALUE, reverse=True)[:k])


def _ranked_unit(weights: dict[str, float], k: int) -> dict[str, float]:
    """The ``k`` heaviest items, heaviest first (ties in insertion order), as a unit
    vector: :func:`_unit` of them, without a dict in between."""
    top = sorted(weights.items(), key=_VALUE, reverse=True)[:k]
    norm = math.hypot(*map(_VALUE, top))
    return {key: v / norm for key, v in top} if norm else dict(top)


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.hypot(*weights.values())
    return {k: v / norm for k, v in weights.items()} if norm else weights


def _interned(weights: dict[str, float]) -> dict[str, float]:
    """A copy with interned keys, so every centroid holding a word shares one string
    object: only for keys that enter a story (the others die with their article)."""
    return {intern(k): v for k, v in weights.items()}


def _cos(unit_vec: dict[str, float], centroid: dict[str, float], norm: float) -> float:
    if not norm:
        return 0.0
    # the smaller side is walked and looked up in the other (no set of the shared
    # keys is built: 10 % faster than ``keys() & keys()``).  fsum is exact, so the
    # cosine does not depend on the order the terms are summed in
    if len(unit_vec) > len(centroid):
        unit_vec, centroid = centroid, unit_vec
    return math.fsum([v * centroid[k] for k, v in unit_vec.items() if k in centroid]) / norm


_MONTHS = frozenset(MONTHS)
#: how many of the strongest names of each side :func:`_share` compares
_TOP_NAMES = 5


def _marks(wvec: dict[str, float]) -> dict[str, float]:
    """An article's figures and dates: the words with a leading digit (tolls, scores,
    magnitudes, years, days of the month) and month names, as a unit vector.

    Two events of the same kind (two quakes, two rehab stays) share most words
    and often names, but rarely their numbers and dates; in the word cosine these
    few terms drown among the shared ones, so they get a cosine of their own."""
    months = _MONTHS
    return _unit({k: v for k, v in wvec.items() if k[0].isdigit() or k in months})


def _share(top: list[str], vec: dict[str, float], other: dict[str, float]) -> float:
    """The weight share of ``top`` (strongest keys of ``vec``) that ``other`` has too."""
    total = hit = 0.0
    for k in top:
        v = vec[k]
        total += v
        if k in other:
            hit += v
    return hit / total if total else 1.0


class _Member:
    """What a small story keeps of each member so it can move it out again: its
    vectors (as weighed when it arrived, so subtracting them is exact), date,
    title and outlet.  Dropped once the story outgrows ``split_max``.

    A story's first member has no vectors of its own (``None``) while it is
    alone: the story's centroid is its vectors then, and they are copied out
    (:func:`_pin`) only when the story changes, so the many one-article
    stories do not hold their vectors twice."""

    __slots__ = ("day", "id", "outlet", "title", "vecs")

    def __init__(
        self, id: str, vecs: _Vectors | None, day: float | None, title: str, outlet: str | None
    ) -> None:
        self.id = id
        self.vecs = vecs
        self.day = day
        self.title = title
        self.outlet = outlet


@dataclass(slots=True)
class _Story:
    id: str
    seq: int
    title: str
    title_date: float | None
    words: dict[str, float]
    entities: dict[str, float]
    articles: list[str]
    outlets: dict[str, None] = field(default_factory=dict)  # a set (see ``indexed``)
    first: float | None = None
    last: float | None = None
    wnorm: float = -1.0  # -1: stale, recompute
    enorm: float = -1.0
    marks: dict[str, float] = field(default_factory=dict)  # figures and dates
    mnorm: float = -1.0
    top_names: list[str] | None = None  # None: stale, recompute
    merged_into: str | None = None
    dirty: bool = True
    evicted: bool = False
    # index keys pointing here (while live), as a dict: an ordered set the cyclic
    # collector leaves alone (a set of strings is tracked; every story has one)
    indexed: dict[str, None] = field(default_factory=dict)
    members: list[_Member] | None = None  # while small (see ``split_max``); None: unknown

    def word_norm(self) -> float:
        if self.wnorm < 0:
            self.wnorm = math.sqrt(sum(v * v for v in self.words.values()))
        return self.wnorm

    def entity_norm(self) -> float:
        if self.enorm < 0:
            self.enorm = math.sqrt(sum(v * v for v in self.entities.values()))
        return self.enorm

    def mark_norm(self) -> float:
        if self.mnorm < 0:
            self.mnorm = math.sqrt(sum(v * v for v in self.marks.values()))
        return self.mnorm

    def names(self) -> list[str]:
        """The story's strongest entity keys (cached until it changes)."""
        if self.top_names is None:
            self.top_names = list(_top(self.entities, _TOP_NAMES))
        return self.top_names

    def gap(self, day: float | None) -> float:
        """Days between ``day`` and the story's span (0 inside it or when undated)."""
        if day is None or self.first is None or self.last is None:
            return 0.0
        return max(0.0, self.first - day, day - self.last)


class _Vectors:
    """One article's unit vectors: words, entities, and figures and dates."""

    __slots__ = ("entities", "marks", "words")

    def __init__(
        self, words: dict[str, float], entities: dict[str, float], marks: dict[str, float]
    ) -> None:
        self.words = words
        self.entities = entities
        self.marks = marks


#: story numbers in update order (a dict is an ordered set with O(1) moves).  A plain
#: dict, not a subclass: a dict of ints is left out of the cyclic collector's passes
#: (an instance of a subclass never is, and the index holds tens of thousands)
_Posting = dict[int, None]


class _Index(dict[str, _Posting]):
    """Inverted index from terms to the stories whose centroids they weigh most in.

    Each posting list keeps only its most recently updated stories (``cap``), so
    a query touches a bounded number of postings however many stories exist."""

    __slots__ = ()

    def candidates(self, q: dict[str, float], k: int) -> list[int]:
        """The (at most) ``k`` stories the query's terms point at most strongly."""
        acc: dict[int, float] = {}
        postings = self
        # a membership test and a store, not ``acc.get(idx, 0.0)``: most of the ~120
        # postings a query meets are a story's first (no C call to parse arguments
        # for); 0.0 + w == w, so the sums are the same to the bit
        for term, weight in q.items():
            plist = postings.get(term)
            if plist:
                for idx in plist:
                    if idx in acc:
                        acc[idx] += weight
                    else:
                        acc[idx] = weight
        if len(acc) <= k:
            return list(acc)
        # what heapq.nlargest returns (ties in insertion order), but a C-level sort
        # of the ~100 stories met beats its Python loop over them
        return sorted(acc, key=acc.__getitem__, reverse=True)[:k]

    def point(self, idx: int, story: _Story, terms: Iterable[str], cap: int) -> None:
        """Point ``terms`` at story ``idx``, most recent last; trim each list to ``cap``."""
        postings = self
        indexed = story.indexed
        for term in terms:
            plist = postings.get(term)
            if plist is None:
                plist = postings[term] = {}
            elif idx in plist:
                del plist[idx]  # re-insert at the end: recently updated stories stay findable
            plist[idx] = None
            indexed[term] = None
            if len(plist) > cap:
                del plist[next(iter(plist))]

    def drop(self, idx: int, story: _Story) -> None:
        """Take a story out of the index, dropping lists left empty: a stream's
        vocabulary keeps growing (new names every day), and the index should only
        hold the terms of stories that can still be joined."""
        postings = self
        for term in story.indexed:
            plist = postings.get(term)
            if plist is not None:
                plist.pop(idx, None)
                if not plist:
                    del postings[term]
        story.indexed = {}


def _span_gap(a: _Story, b: _Story) -> float:
    """Days between two stories' spans (0 when they overlap or either is undated)."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return 0.0
    return max(0.0, a.first - b.last, b.first - a.last)


def _restored_members(story: _Story) -> list[_Member] | None:
    """A restored one-article story's member, its vectors still its centroid (as
    in :meth:`StoryClusterer._create`), so a resumed stream splits it as a single
    run would.  Larger stories' members' vectors are not stored: they are never
    split after a restore.  A centroid that is no unit vector (a story left with
    one article by a manual :meth:`~StoryClusterer.split`) is not taken."""
    if len(story.articles) != 1:
        return None
    for vec in (story.words, story.entities, story.marks):
        if vec and abs(math.fsum(v * v for v in vec.values()) - 1.0) > 1e-6:
            return None
    outlet = next(iter(story.outlets), None)
    return [_Member(story.articles[0], None, story.first, story.title, outlet)]


def _pin(story: _Story) -> None:
    """Copy a one-article story's centroids out as its member's vectors, before
    they change (see :class:`_Member`)."""
    members = story.members
    if members and members[0].vecs is None:
        members[0].vecs = _Vectors(dict(story.words), dict(story.entities), dict(story.marks))


def _loo_cos(vec: dict[str, float], centroid: dict[str, float], norm: float) -> tuple[float, bool]:
    """The cosine of the unit vector ``vec`` with ``centroid`` minus ``vec`` (which it
    holds), and whether that rest is non-empty: one dot product, no copy."""
    get = centroid.get
    dot = sum([x * get(k, 0.0) for k, x in vec.items()])
    rest2 = norm * norm - 2.0 * dot + 1.0
    if rest2 <= 1e-9:
        return 0.0, False
    return (dot - 1.0) / math.sqrt(rest2), True


def _rest_share(ranked: list[tuple[str, float]], vec: dict[str, float]) -> float:
    """The weight share of the strongest names of ``ranked`` (a centroid, heaviest
    first) minus ``vec`` that ``vec`` has too: :func:`_share` of the rest's top names.

    Only names of ``vec`` lose weight, so once ``_TOP_NAMES`` names outside it are
    seen, no later name can be among the rest's strongest."""
    top: list[tuple[float, str]] = []
    outside = 0
    for k, c in ranked:
        x = vec.get(k)
        if x is None:
            top.append((c, k))
            outside += 1
            if outside == _TOP_NAMES:
                break
        elif c - x > 1e-9:
            top.append((c - x, k))
    if len(top) > _TOP_NAMES:
        top = sorted(top, key=_WEIGHT, reverse=True)[:_TOP_NAMES]  # stable on ties
    total = hit = 0.0
    for r, k in top:
        total += r
        if k in vec:
            hit += r
    return hit / total if total else 1.0


def _subtract(target: dict[str, float], vec: dict[str, float]) -> None:
    for k, v in vec.items():
        left = target.get(k, 0.0) - v
        if left > 1e-9:
            target[k] = left
        else:
            target.pop(k, None)


def _add_unit(target: dict[str, float], vec: dict[str, float], norm: float) -> float:
    """Add the unit vector ``vec`` into ``target``; return the new norm (-1 if stale).

    |c + v|^2 = |c|^2 + 2 c.v + |v|^2 with |v| = 1: norms stay exact without a pass."""
    dot = _add_into(target, vec)
    if norm < 0:
        return norm
    return math.sqrt(max(0.0, norm * norm + 2.0 * dot + (1.0 if vec else 0.0)))


def _add_into(target: dict[str, float], vec: dict[str, float]) -> float:
    """Add ``vec`` into ``target``; return their dot product before the addition.
    A key new to ``target`` is interned (see :func:`_interned`)."""
    get = target.get
    dot = 0.0
    for k, v in vec.items():
        old = get(k)
        if old is None:
            target[intern(k)] = v
        else:
            dot += old * v
            target[k] = old + v
    return dot
