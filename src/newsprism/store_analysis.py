"""Analysing what a store holds: the stories that new articles joined, or one story.

``ingest``, ``watch`` and the web app's ingest jobs store articles and place
them in stories; a story's dossier is written when the story is analysed.  A
story is *due* when its members are not the ones its stored dossier was made
from (new articles joined it, or it was never analysed), so ``analyze --db``
with no sources, ``watch --analyze`` and the web worker all run only what is
new.  What a dossier was made from is kept as a digest of its article ids in
the store's small named values (``analysed:STORY``), one read per story rather
than parsing every stored dossier; a dossier written before that digest
existed is read once to tell.

One story failing to analyse is reported with its id and the reason, and the
others are analysed: one bad value must never lose a run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .model import Article, Dossier, Story
from .options import DEFAULT_OPTIONS, Options
from .store import Store

__all__ = [
    "Analyse",
    "StoreAnalysis",
    "StoryAnalysis",
    "analyse_store",
    "analyse_story",
    "due_stories",
    "run_pipeline",
]

log = logging.getLogger(__name__)

#: ``analyse(articles, store) -> Dossier``: what runs over one story's articles.
Analyse = Callable[[Sequence[Article], Store], Dossier]
#: ``progress(what, done, total)``, as :data:`newsprism._api.Progress`.
Progress = Callable[[str, int, int | None], None]

_DIGEST_KEY = "analysed:"


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """One story analysed (``error`` is None) or not (``error`` says why)."""

    story: str
    title: str
    articles: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StoreAnalysis:
    """What :func:`analyse_store` did: each story it ran, and how many were up to date."""

    stories: tuple[StoryAnalysis, ...]
    up_to_date: int

    @property
    def failed(self) -> tuple[StoryAnalysis, ...]:
        return tuple(s for s in self.stories if s.error is not None)


def run_pipeline(
    articles: Sequence[Article],
    store: Store,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> Dossier:
    """newsprism's pipeline over one story's articles, reusing the store's NLP cache."""
    from ._api import to_dossier
    from .pipeline import State
    from .stages import default_pipeline

    pipeline = default_pipeline(store, progress, options=options)
    return to_dossier(pipeline(State(articles=tuple(articles))))


def _digest(article_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()[:32]


def _stored_members(store: Store, story_id: str) -> frozenset[str] | None:
    """The article ids the stored dossier of ``story_id`` was made from, if it is that story's."""
    text = store.get_dossier(story_id)
    if text is None:
        return None
    try:
        stories = json.loads(text).get("stories") or []
    except (ValueError, AttributeError):
        return None
    if len(stories) != 1 or stories[0].get("id") != story_id:
        return None
    return frozenset(stories[0].get("articles") or ())


def is_due(store: Store, story: Story) -> bool:
    """Whether ``story`` has members its stored dossier was not made from (or none is stored)."""
    digest = _digest(story.articles)
    if store.get_meta(_DIGEST_KEY + story.id) == digest:
        return False
    if _stored_members(store, story.id) == frozenset(story.articles):
        store.set_meta(_DIGEST_KEY + story.id, digest)  # an older dossier: remember it
        return False
    return True


def due_stories(store: Store) -> list[Story]:
    """Standing stories (merged ones are empty) whose dossier is missing or out of date."""
    return [s for s in store.stories() if s.articles and is_due(store, s)]


def analyse_story(
    store: Store,
    story: Story,
    analyse: Analyse | None = None,
    *,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> StoryAnalysis:
    """Analyse one stored story whole and store its dossier; a failure is reported, not raised."""
    arts = list(store.articles(story.articles))
    try:
        dossier = (
            analyse(arts, store)
            if analyse is not None
            else run_pipeline(arts, store, options, progress)
        )
        counts = list(dossier.reuse.independent_sources.values())
        reuse = dataclasses.replace(
            dossier.reuse, independent_sources={story.id: counts[0]} if len(counts) == 1 else {}
        )
        dossier = dataclasses.replace(dossier, stories=(story,), reuse=reuse)
        store.save_dossier(story.id, dossier.to_json(indent=None))
        store.set_meta(_DIGEST_KEY + story.id, _digest(story.articles))
    except Exception as exc:  # one story must never stop the others
        log.debug("story %s: analysis failed", story.id, exc_info=True)  # the traceback, for -v
        reason = f"{type(exc).__name__}: {' '.join(str(exc).split()) or 'no message'}"
        log.warning("story %s: analysis failed: %s", story.id, reason)
        return StoryAnalysis(story.id, story.title, len(arts), reason)
    log.info("story %s: analysed %d articles", story.id, len(arts))
    return StoryAnalysis(story.id, story.title, len(arts))


def analyse_store(
    store: Store,
    story_ids: Sequence[str] | None = None,
    *,
    analyse: Analyse | None = None,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
    on_story: Callable[[StoryAnalysis], None] | None = None,
    force: bool = False,
    place: bool = True,
) -> StoreAnalysis:
    """Place unplaced articles, then analyse the due stories (of ``story_ids``, if given).

    ``force`` analyses the given stories even when up to date (``analyze --story``).
    ``place=False`` skips placing, which reads every stored article: for callers
    that have just placed what they stored (the web worker, ``watch``).
    A given id merged into another story stands for that story; KeyError names a
    given id that is no story at all.
    """
    from . import stories as story_clusters

    if place:
        story_clusters.update(store)  # articles stored by ingest but not yet in a story
    standing = {s.id: s for s in store.stories() if s.articles}
    if story_ids is None:
        wanted = list(standing.values())
    else:
        resolved = [i if i in standing else merged_into(store, i) or i for i in story_ids]
        missing = [i for i in resolved if i not in standing]
        if missing:
            raise KeyError(missing[0])
        wanted = [standing[i] for i in dict.fromkeys(resolved)]
    todo = [s for s in wanted if force or is_due(store, s)]
    done = []
    for story in todo:
        result = analyse_story(store, story, analyse, options=options, progress=progress)
        done.append(result)
        if on_story is not None:
            on_story(result)
    return StoreAnalysis(tuple(done), len(wanted) - len(todo))


def merged_into(store: Store, story_id: str) -> str | None:
    """The standing story that ``story_id`` was merged into (following merges), or None."""
    merged = {s.id: s.merged_into for s in store.story_states() if s.merged_into}
    seen = {story_id}
    target = merged.get(story_id)
    while target is not None and target in merged and target not in seen:
        seen.add(target)
        target = merged[target]
    return target
