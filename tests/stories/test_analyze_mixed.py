"""``analyze`` on a mixed corpus: one story per event in the dossier."""

from __future__ import annotations

from pathlib import Path

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


def test_a_later_analyze_does_not_shrink_a_stored_story(tmp_path: Path) -> None:
    """A second run whose article joins an old story keeps the old members stored."""
    from newsprism import analyze
    from newsprism.store import SQLiteStore

    seeds = sorted((Path(__file__).resolve().parents[2] / "examples" / "seeds").glob("*.txt"))
    store = SQLiteStore(tmp_path / "s.db")
    first = analyze([str(p) for p in seeds[:3]], store=store)
    second = analyze([str(seeds[3])], store=store)
    assert second.stories[0].id == first.stories[0].id  # the fourth joins the story
    [stored] = [s for s in store.stories() if s.articles]
    assert set(stored.articles) == {p.stem for p in seeds}
    store.close()
