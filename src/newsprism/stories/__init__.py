"""Grouping articles into stories: one real-world event or development each.

:class:`StoryClusterer` places articles one at a time (online, as they arrive
from feeds); :func:`group` runs it over a finite corpus for ``analyze``;
:mod:`.persist` keeps its state in a store so ids survive re-runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._dates import published_day
from ..model import Article, ArticleNLP, Story
from ._background import background, with_background
from ._decision import Calibration
from ._records import Assignment, StoryEvent, StoryState
from .cluster import (
    Candidate,
    ClusterConfig,
    StoryClusterer,
    horizon_days,
    story_id,
    stream_order,
)
from .metrics import Scores, score
from .persist import (
    StorySummary,
    configure,
    list_stories,
    load,
    save,
    split_story,
    stored_config,
    stories_for,
    update,
)

__all__ = [
    "Assignment",
    "Calibration",
    "Candidate",
    "ClusterConfig",
    "Scores",
    "StoryClusterer",
    "StoryEvent",
    "StoryState",
    "StorySummary",
    "configure",
    "group",
    "horizon_days",
    "list_stories",
    "load",
    "published_day",
    "save",
    "score",
    "split_story",
    "stored_config",
    "stories_for",
    "story_id",
    "stream_order",
    "update",
    "with_background",
]


def group(
    articles: Sequence[Article],
    nlp: Sequence[ArticleNLP] | None = None,
    *,
    config: ClusterConfig | None = None,
) -> tuple[Story, ...]:
    """Cluster a finite corpus into stories, in a single online pass.

    The corpus is known whole, so its document frequencies are counted first
    (:meth:`StoryClusterer.prime`), over a background of ordinary news that
    fades as the corpus grows (:mod:`._background`); articles are then taken in
    :func:`stream_order`, so input order does not change the stories or their ids.
    """
    clusterer = StoryClusterer(config)
    clusterer.count_background(*background(len(articles)))  # see ._background
    clusterer.prime(articles, nlp)
    clusterer.add_all(stream_order(articles), nlp)
    return tuple(
        Story(id=sid, title=title, articles=members) for sid, members, title in clusterer.members()
    )
