"""Grouping articles into stories.

This first version treats one input as one story, which is what the CLI's
``analyze`` promises for a corpus about one event; incremental clustering of a
stream into many stories replaces :func:`group` without changing its contract.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .model import Article, Story


def story_id(article_ids: Sequence[str]) -> str:
    """Stable across re-runs: derived from the member ids, not a counter."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return f"story-{digest[:10]}"


def group(articles: Sequence[Article]) -> tuple[Story, ...]:
    if not articles:
        return ()
    ids = [a.id for a in articles]
    dated = sorted((a for a in articles if a.title), key=lambda a: (a.published or "~", a.id))
    title = dated[0].title if dated and dated[0].title else _first_sentence(articles[0].text)
    return (Story(id=story_id(ids), title=title, articles=tuple(ids)),)


def _first_sentence(text: str, limit: int = 90) -> str:
    first = text.strip().split("\n", 1)[0]
    cut = first.find(". ")
    if 0 < cut < limit:
        return first[: cut + 1]
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"
