"""Reports: one self-contained HTML file (no network, CSS inline) and Markdown.

Both render the same :class:`~newsprism.model.Dossier`.  Sections a stage has
not filled say so, rather than showing an empty list that reads as a finding.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from ..model import Article, Dossier, Story

__all__ = ["SECTION_TITLES", "render_html", "render_markdown"]

SECTION_TITLES = {
    "reuse": "Who copied whom",
    "statements": "Who said what",
    "claim_groups": "Claims: corroborated and conflicting",
    "entities": "People and organisations",
    "timeline": "Timeline",
    "coverage": "What each outlet added or left out",
}


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story's slice of the dossier, as the templates read it."""

    story: Story
    articles: tuple[Article, ...]
    family_of: dict[str, int]
    independent: int | None


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsprism.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _views(dossier: Dossier) -> list[StoryView]:
    by_id = {a.id: a for a in dossier.articles}
    family_of: dict[str, int] = {}
    for n, fam in enumerate(dossier.reuse.families, start=1):
        for aid in fam:
            family_of[aid] = n
    views = []
    for story in dossier.stories:
        arts = tuple(by_id[a] for a in story.articles if a in by_id)
        views.append(
            StoryView(story, arts, family_of, dossier.reuse.independent_sources.get(story.id))
        )
    return views


def _context(dossier: Dossier) -> dict[str, object]:
    speakers: dict[str, list[object]] = defaultdict(list)
    for st in dossier.statements:
        speakers[st.speaker or "Unattributed"].append(st)
    by_id = {a.id: a for a in dossier.articles}
    return {
        "d": dossier,
        "views": _views(dossier),
        "filled": set(dossier.filled),
        "titles": SECTION_TITLES,
        "speakers": dict(speakers),
        "outlet": lambda aid: (by_id[aid].outlet or aid) if aid in by_id else aid,
    }


def render_html(dossier: Dossier) -> str:
    return _env().get_template("report.html.j2").render(**_context(dossier))


def render_markdown(dossier: Dossier) -> str:
    return _env().get_template("report.md.j2").render(**_context(dossier))
