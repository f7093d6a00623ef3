from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.store import MemoryStore, SQLiteStore, Store
from newsprism.stories import (
    StoryEvent,
    StoryState,
    list_stories,
    load,
    save,
    split_story,
    stories_for,
    update,
)


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "s.db")
    yield s
    s.close()


def test_state_records_round_trip(store: Store) -> None:
    st = StoryState(
        "story-1",
        "T",
        2,
        ("a", "b"),
        "2024-01-01T00:00:00+00:00",
        None,
        None,
        ("X",),
        (("w", 0.5),),
        (("e", 1.0),),
        None,
        3,
    )
    store.save_story_states([st])
    assert list(store.story_states()) == [st]
    ev = StoryEvent("merged", "story-1", "2024-01-02T00:00:00+00:00", other="story-2", score=0.9)
    store.add_story_events([ev, StoryEvent("created", "story-3", "t")])
    assert store.story_events("story-2") == [ev]
    assert len(store.story_events()) == 2
    store.save_story_df({"w": 3, "\x01e": 1}, 7)
    store.save_story_df({"w": 4}, 8)
    assert store.story_df() == ({"w": 4, "\x01e": 1}, 8)
    assert store.get_meta("nope") is None
    store.set_meta("k", "v")
    assert store.get_meta("k") == "v"


def test_ids_survive_reruns_and_new_articles_join(
    store: Store, fixture_articles: list[Article]
) -> None:
    early = [a for a in fixture_articles if a.id.endswith(("-1", "-2"))]
    late = [a for a in fixture_articles if a not in early]
    assert early and late
    for a in early:
        store.add_article(a)
    first = update(store)
    assert len(first) == len(early)
    ids_before = {s.id for s in list_stories(store)}
    # a re-run over the same store places nothing and changes nothing
    assert update(store) == []
    assert {s.id for s in list_stories(store)} == ids_before
    # a later run: new articles join the stories of the earlier run
    for a in late:
        store.add_article(a)
    second = update(store)
    assert {a.article for a in second} == {a.id for a in late}
    clusterer = load(store)
    for a in late:
        kin = next(e.id for e in early if e.id.rsplit("-", 1)[0] == a.id.rsplit("-", 1)[0])
        assert clusterer.story_of(a.id) == clusterer.story_of(kin), a.id
    assert {s.id for s in list_stories(store)} == ids_before
    assert sum(s.size for s in list_stories(store)) == len(fixture_articles)
    # the plain story records agree with the clustering state
    assert {s.id for s in store.stories() if s.articles} == ids_before


def test_listing_says_size_outlets_dates_title(
    store: Store, fixture_articles: list[Article]
) -> None:
    for a in fixture_articles:
        store.add_article(a)
    update(store)
    rows = {r.title: r for r in list_stories(store)}
    hokkaido = rows["Strong earthquake shakes Hokkaido, Japan"]
    assert hokkaido.size == 3
    assert hokkaido.outlets == ("Paper B", "Site C", "Wire A")
    assert hokkaido.first is not None and hokkaido.first.startswith("2024-03-06")
    assert hokkaido.last is not None and hokkaido.last.startswith("2024-03-07")


def test_merges_are_saved_and_listed(store: Store) -> None:
    cl = load(store)
    cfg = cl.config
    cl.config = cfg.tuned(threshold=0.99, merge_threshold=0.99)
    cl.add(Article(id="a", text="Alpha Beta Gamma river flood town"))
    cl.add(Article(id="b", text="Delta Epsilon Zeta mountain fire village"))
    save(cl, store)
    cl.config = cfg.tuned(threshold=0.0, merge_threshold=0.0)
    placed = cl.add(Article(id="c", text="Alpha Beta Gamma Delta Epsilon Zeta river fire"))
    save(cl, store)
    (gone,) = placed.merged
    rows = list_stories(store)
    assert [r.id for r in rows] == [placed.story]
    assert rows[0].merged == (gone,) and rows[0].size == 3
    again = load(store)
    assert again.resolve(gone) == placed.story
    assert again.story_of("b") == placed.story
    assert [e.kind for e in store.story_events(gone)] == ["created", "merged"]


def test_split_is_saved_and_survives_reload(store: Store, fixture_articles: list[Article]) -> None:
    for a in fixture_articles:
        store.add_article(a)
    update(store)
    cl = load(store)
    budget = cl.story_of("budget-1")
    assert budget is not None and cl.story_of("budget-2") == budget
    new = split_story(store, budget, ["budget-2"])
    again = load(store)
    assert again.story_of("budget-2") == new and again.story_of("budget-1") == budget
    assert [e.kind for e in store.story_events(new)] == ["split"]
    sizes = {r.id: r.size for r in list_stories(store)}
    assert sizes[budget] == 1 and sizes[new] == 1


def test_stories_for_a_corpus_keep_their_stored_ids(
    store: Store, fixture_articles: list[Article]
) -> None:
    for a in fixture_articles:
        store.add_article(a)
    first = stories_for(store, fixture_articles[:6])
    again = stories_for(store, fixture_articles)
    assert {s.id for s in first} <= {s.id for s in again}
    assert sorted(a for s in again for a in s.articles) == sorted(a.id for a in fixture_articles)
    assert all(set(s.articles) <= {a.id for a in fixture_articles[:6]} for s in first)


def test_stories_for_a_fresh_store_equal_group(fixture_articles: list[Article]) -> None:
    from newsprism.stories import group

    assert set(stories_for(MemoryStore(), fixture_articles)) == set(group(fixture_articles))


def test_restore_without_saved_marks_takes_them_from_the_words(store: Store) -> None:
    # a store written before figures had their own centroid still resumes
    old = StoryState("story-1", "T", 1, ("a",), words=(("quake", 0.9), ("2013", 0.4)))
    cl = load(store)
    cl.restore([old], {"quake": 1, "2013": 1}, 1)
    (state,) = cl.states()
    assert [k for k, _ in state.marks] == ["2013"]  # scale is free: only cosines use it
    again = load(store)
    again.restore([state], {"quake": 1, "2013": 1}, 1)
    assert next(again.states()).marks == state.marks


def test_a_store_keeps_its_time_decay_for_every_later_load(store: Store) -> None:
    from newsprism.stories import configure, stored_config

    assert load(store).config.time_sigma_days == 3.0
    configure(store, time_sigma_days=21)
    assert stored_config(store).time_sigma_days == 21.0
    assert load(store).config.time_sigma_days == 21.0
    explicit = dataclasses.replace(stored_config(store), time_sigma_days=5.0)
    assert load(store, explicit).config.time_sigma_days == 5.0  # an explicit config wins


@pytest.mark.parametrize("bad", [0.0, -2.0, float("nan"), float("inf")])
def test_a_time_decay_must_be_a_positive_number_of_days(store: Store, bad: float) -> None:
    from newsprism.stories import configure

    with pytest.raises(ValueError, match="positive number of days"):
        configure(store, time_sigma_days=bad)
    assert load(store).config.time_sigma_days == 3.0


def test_a_wider_time_decay_keeps_a_late_follow_up_in_its_story(store: Store) -> None:
    from newsprism.stories import configure

    text = (
        "Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday, "
        "her lawyer Shawn Holley said, under a plea deal in a Santa Monica court."
    )
    first = Article(id="a", text=text, published="2013-05-02T10:00:00+00:00")
    second = Article(id="b", text=text + " Lohan", published="2013-05-02T12:00:00+00:00")
    late = Article(id="c", text=text + " Holley", published="2013-06-13T10:00:00+00:00")
    for a in (first, second, late):
        store.add_article(a)
    update(store, [first, second])
    assert update(store, [late])[0].created  # six weeks on: beyond a 3-day decay
    wide = MemoryStore()
    configure(wide, time_sigma_days=30)
    for a in (first, second, late):
        wide.add_article(a)
    update(wide, [first, second])
    assert not update(wide, [late])[0].created


def test_a_garbled_time_decay_setting_falls_back_to_the_default(store: Store) -> None:
    from newsprism.stories import stored_config
    from newsprism.stories.persist import SIGMA_KEY

    store.set_meta(SIGMA_KEY, "three days")
    assert stored_config(store).time_sigma_days == 3.0
