"""Keeping the clusterer's state in a store, so story ids survive re-runs.

A run loads the saved stories (centroids, spans, members) and document
frequencies, places new articles, and saves back only what changed, with the
log of creations and merges.  An article already placed is never placed again,
so re-running over the same input is a no-op and new articles join old stories.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Article, ArticleNLP, Story
from ..store import ClusteringStore, Coordination, StoryStateStore
from ._background import background
from ._records import Assignment, StoryEvent
from .cluster import ClusterConfig, StoryClusterer, stream_order

__all__ = [
    "StorySummary",
    "configure",
    "list_stories",
    "load",
    "save",
    "split_story",
    "stored_config",
    "stories_for",
    "update",
]

log = logging.getLogger(__name__)

#: The store lock held from loading the clusterer to saving it: a watcher and a
#: web worker placing articles at once would otherwise each save a story
#: without the other's new members (:meth:`~newsprism.store.Coordination.exclusive`).
LOCK = "stories"


#: the store setting that holds its stream's time decay width (days)
SIGMA_KEY = "stories.time_sigma_days"


def configure(store: Coordination, *, time_sigma_days: float) -> None:
    """Set how far apart in time the reports of one story in ``store`` may be.

    The width of the time decay (days; see :class:`~.cluster.ClusterConfig`) is
    kept in the store, so every later placement there (``stories``, ``watch``,
    ``analyze --db``, the web worker) uses it, not only the command that set it.
    Three days suit a news cycle; stories that run for weeks with gaps between
    reports (a trial, a campaign) want more, at some cost in precision among
    look-alike stories and in memory (``benchmarks/results/stories.md``).
    """
    if not _positive(time_sigma_days):
        raise ValueError(f"time sigma must be a positive number of days, not {time_sigma_days!r}")
    store.set_meta(SIGMA_KEY, repr(float(time_sigma_days)))


def stored_config(store: Coordination) -> ClusterConfig:
    """The clusterer settings ``store`` asks for (defaults until :func:`configure`)."""
    raw = store.get_meta(SIGMA_KEY)
    if raw is None:
        return ClusterConfig()
    try:
        sigma = float(raw)
    except ValueError:
        sigma = math.nan
    if not _positive(sigma):
        log.warning("store setting %s=%r is no positive number of days: ignored", SIGMA_KEY, raw)
        return ClusterConfig()
    return dataclasses.replace(ClusterConfig(), time_sigma_days=sigma)


def _positive(days: float) -> bool:
    return math.isfinite(days) and days > 0


def load(store: ClusteringStore, config: ClusterConfig | None = None) -> StoryClusterer:
    """A clusterer resumed from ``store`` (empty if nothing was saved), with ``config``
    or else the store's own settings (:func:`stored_config`)."""
    clusterer = StoryClusterer(config if config is not None else stored_config(store))
    df, docs = store.story_df()
    clusterer.restore(store.story_states(), df, docs)
    return clusterer


def save(clusterer: StoryClusterer, store: ClusteringStore) -> list[StoryEvent]:
    """Write what changed since the last save; return the events written."""
    states = list(clusterer.states(dirty_only=True))
    df, docs = clusterer.df_changes()
    events = clusterer.drain_events()
    store.save_story_states(states)
    store.save_story_df(df, docs)
    store.add_story_events(events)
    # the plain story records ``analyze``/``show`` read; a merged story keeps its
    # row, emptied, so no article is claimed by two stories
    store.save_stories(
        Story(st.id, st.title, () if st.merged_into else st.articles) for st in states
    )
    clusterer.mark_clean()
    return events


def update(
    store: ClusteringStore,
    articles: Iterable[Article] | None = None,
    nlp: Sequence[ArticleNLP] | None = None,
    *,
    config: ClusterConfig | None = None,
    clusterer: StoryClusterer | None = None,
) -> list[Assignment]:
    """Place ``articles`` (default: every stored article not yet in a story) and save.

    The batch's document frequencies are counted first, then its articles are
    placed in :func:`~.cluster.stream_order`.  Load, placement and save happen
    under the store's :data:`LOCK`, so concurrent writers lose no placement.
    """
    with store.exclusive(LOCK):
        cl = clusterer if clusterer is not None else load(store, config)
        return _place(store, cl, articles, nlp)


def _place(
    store: ClusteringStore,
    cl: StoryClusterer,
    articles: Iterable[Article] | None,
    nlp: Sequence[ArticleNLP] | None,
) -> list[Assignment]:
    todo = list(store.articles() if articles is None else articles)
    todo = [a for a in todo if cl.story_of(a.id) is None]
    by_id = {r.article: r for r in nlp or ()}
    if cl.documents == 0:  # a new store: its first batch is weighed as stories.group does
        cl.count_background(*background(len(todo)))
    cl.prime(todo, nlp)  # a batch is known whole: count it before placing it
    out = [cl.add(a, by_id.get(a.id)) for a in stream_order(todo)]
    events = save(cl, store)
    log.info("placed %d articles; %d story events", len(out), len(events))
    return out


def stories_for(
    store: ClusteringStore,
    articles: Sequence[Article],
    nlp: Sequence[ArticleNLP] | None = None,
    *,
    config: ClusterConfig | None = None,
) -> tuple[Story, ...]:
    """The stored stories of ``articles``, placing those not yet in one first.

    What ``analyze`` needs when it runs against a persistent store: the corpus's
    stories with the ids they have (or get) in the store, each listing only the
    corpus's own members, oldest story first.
    """
    with store.exclusive(LOCK):
        cl = load(store, config)
        _place(store, cl, articles, nlp)
    wanted = {a.id for a in articles}
    out: list[Story] = []
    for sid, members, title in cl.members():
        mine = tuple(a for a in members if a in wanted)
        if mine:
            out.append(Story(sid, title, mine))
    return tuple(out)


def split_story(
    store: ClusteringStore,
    story: str,
    article_ids: Iterable[str],
    *,
    config: ClusterConfig | None = None,
) -> str:
    """Move stored articles out of ``story`` into a new story, logged; return its id."""
    with store.exclusive(LOCK):
        cl = load(store, config)
        new = cl.split(story, list(store.articles(article_ids)))
        save(cl, store)
    return new


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One line of ``newsprism stories``."""

    id: str
    title: str
    size: int
    outlets: tuple[str, ...]
    first: str | None
    last: str | None
    merged: tuple[str, ...] = ()  # ids folded into this story, which now resolve to it


def list_stories(store: StoryStateStore, *, min_size: int = 1) -> list[StorySummary]:
    """Standing stories, most recently active first, then largest."""
    merged: dict[str, list[str]] = {}
    for event in store.story_events():
        if event.kind == "merged" and event.other:
            merged.setdefault(event.story, []).append(event.other)
    out = [
        StorySummary(
            st.id,
            st.title,
            st.size,
            st.outlets,
            st.first,
            st.last,
            tuple(merged.get(st.id, ())),
        )
        for st in store.story_states()
        if st.merged_into is None and st.size >= min_size
    ]
    out.sort(key=lambda s: (s.last or "", s.size), reverse=True)
    return out
