"""Records put with their stories in one pass, for every per-story loop over a corpus.

A loop over stories that filters the corpus's records for each one costs
stories x records, which at a few thousand articles is most of a run; grouping
the records by story once makes it linear.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from .model import Entity, Story

__all__ = ["by_story", "entities_by_story"]

T = TypeVar("T")


def by_story(
    stories: Sequence[Story], items: Iterable[T], articles_of: Callable[[T], Iterable[str]]
) -> list[list[T]]:
    """Per story (by position), the ``items`` that point into one of its articles, in order.

    One pass: an item goes to the stories of the articles ``articles_of`` gives,
    once each.  A story's list is what ``[x for x in items if members &
    set(articles_of(x))]`` gives, at the cost of the story's share of the items.
    """
    story_of: dict[str, list[int]] = {}
    for n, story in enumerate(stories):
        for a in story.articles:
            story_of.setdefault(a, []).append(n)
    out: list[list[T]] = [[] for _ in stories]
    for item in items:
        placed: set[int] = set()
        for a in articles_of(item):
            for n in story_of.get(a, ()):
                if n not in placed:
                    placed.add(n)
                    out[n].append(item)
    return out


def entities_by_story(stories: Sequence[Story], entities: Iterable[Entity]) -> list[list[Entity]]:
    """Per story, its entities (in order) with ``articles`` cut to the story's own.

    A name met across the corpus ("Trump" in 500 articles) would otherwise carry
    its whole article list into every story it appears in, which makes a
    per-story dossier, and the work on it, grow with stories x articles.
    """
    story_of: dict[str, list[int]] = {}
    for n, story in enumerate(stories):
        for a in story.articles:
            story_of.setdefault(a, []).append(n)
    out: list[list[Entity]] = [[] for _ in stories]
    for ent in entities:
        mine: dict[int, list[str]] = {}
        for a in ent.articles:
            for n in story_of.get(a, ()):
                mine.setdefault(n, []).append(a)
        for n, arts in mine.items():
            same = len(arts) == len(ent.articles)
            out[n].append(ent if same else dataclasses.replace(ent, articles=tuple(arts)))
    return out
