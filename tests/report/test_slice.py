"""Per-story slices and views cut in one pass give what filtering every record per story gives.

The one-pass versions (:func:`story_dossiers`, :func:`story_views`' grouping)
are checked against the exact per-story conditions on a dossier whose stories
share entities, a derivation family, claim groups, timeline events and
relations, so a record that belongs to two stories must reach both.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.model import Dossier, Story
from newsprism.report import Index, render_html, story_dossier, story_dossiers, story_views
from newsprism.report._views import (
    _coverage,
    _groups,
    _speakers,
    _timeline,
    _trusted_relations,
)

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "web" / "full_dossier.json"


@pytest.fixture(scope="module")
def split() -> Dossier:
    """The bridge story cut in two stories (and a third, empty of findings), so that
    entities, the family, claim groups and the timeline straddle stories."""
    full = Dossier.from_json(FIXTURE.read_text(encoding="utf-8"))
    return dataclasses.replace(
        full,
        stories=(
            Story("s-a", "Bridge, first reports", ("wire", "own")),
            Story("s-b", "Bridge, later reports", ("copy", "evil")),
            Story("s-c", "Nothing", ("nobody",)),
        ),
    )


def test_story_dossiers_equal_story_dossier_of_each_story(split: Dossier) -> None:
    parts = list(story_dossiers(split))
    assert parts == [story_dossier(split, s.id) for s in split.stories]
    a, b, _ = parts
    shared = {e.id for e in a.entities} & {e.id for e in b.entities}
    assert shared and a.reuse.families and b.reuse.families  # records in two stories
    assert a.relations and a.claim_groups and b.claim_groups
    for part in parts:  # an entity carries the story's articles, not the corpus's
        members = set(part.stories[0].articles)
        assert all(e.articles and set(e.articles) <= members for e in part.entities)


def test_one_story_dossier_is_itself() -> None:
    full = Dossier.from_json(FIXTURE.read_text(encoding="utf-8"))
    assert list(story_dossiers(full)) == [full]


def test_story_views_see_what_the_exact_filters_select(split: Dossier) -> None:
    index = Index.of(split)
    views = story_views(split, index)
    d = split
    for view in views:
        members = set(view.story.articles)
        assert view.speakers == _speakers(index, members, d.statements, d.quotes)
        assert view.groups == _groups(index, members, d.claim_groups)
        assert view.timeline == _timeline(index, members, False, d.timeline)
        assert view.coverage == _coverage(index, members, d.coverage)
        assert view.pairs == tuple(p for p in d.reuse.pairs if {p.a, p.b} <= members)
        mine = {e.id: e.name for e in d.entities if members & set(e.articles)}
        assert {e.id for e in view.entities} == set(mine)
        assert all(
            set(e.articles) == members & set(d_e.articles)
            for e, d_e in ((e, next(x for x in d.entities if x.id == e.id)) for e in view.entities)
        )
        own = [r for r in d.relations if {r.a, r.b} <= set(mine)]
        # the report shows only relations a reader can take at their word
        expected = [(mine[r.a], r.kind, mine[r.b]) for r in _trusted_relations(own, view.entities)]
        assert list(view.relations) == expected
    assert views[0].groups and views[1].groups and views[0].relations
    assert "Nothing" in render_html(split)
