"""``analyze`` on a mixed corpus: one story per event in the dossier."""

from __future__ import annotations

from newsprism._api import analyze_articles
from newsprism.model import Article


def test_mixed_input_gives_one_story_per_event(fixture_articles: list[Article]) -> None:
    dossier = analyze_articles(fixture_articles)
    groups = {frozenset(s.articles) for s in dossier.stories}
    expected: dict[str, set[str]] = {}
    for a in fixture_articles:
        expected.setdefault(a.id.rsplit("-", 1)[0], set()).add(a.id)
    assert groups == {frozenset(v) for v in expected.values()}
    assert all(s.title for s in dossier.stories)
