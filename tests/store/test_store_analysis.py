"""Analysing what a store holds: only the stories new articles joined, one failure isolated.

Run on SQLite and on PostgreSQL (the session's pg_ctl server).  The analysis
itself is a small real function here (the pipeline's own runs are in
``tests/cli/test_store_workflow.py``); what is tested is which stories run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from newsprism.model import Article, Dossier, StoryState
from newsprism.store import Store, open_store
from newsprism.store_analysis import analyse_store, due_stories, merged_into

pytestmark = pytest.mark.timeout(120)


def art(aid: str, text: str, day: str) -> Article:
    return Article(aid, text, "Test Wire", text.split(".")[0], day)


HARBOUR = [
    art(
        f"harbour-{n}",
        f"The harbour of Eastport reopened after the storm. Report {n}.",
        "2024-03-0" + str(n),
    )
    for n in range(1, 4)
]
ELECTION = art("vote-1", "Voters in Ruritania elected a new parliament on Sunday.", "2024-05-01")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (
        str(tmp_path / "s.db")
        if request.param == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    s = open_store(url)
    yield s
    s.close()


class Recorder:
    """An analysis that records the stories it saw and fails on one article id."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.seen: list[tuple[str, ...]] = []
        self.fail_on = fail_on

    def __call__(self, articles: Sequence[Article], store: Store) -> Dossier:
        ids = tuple(a.id for a in articles)
        self.seen.append(ids)
        if self.fail_on in ids:
            raise OverflowError("math range error")
        return Dossier(articles=tuple(articles), filled=("articles",))


def add(store: Store, *articles: Article) -> None:
    for a in articles:
        assert store.add_article(a).inserted


def test_only_stories_that_new_articles_joined_are_analysed(store: Store) -> None:
    add(store, *HARBOUR[:2], ELECTION)
    rec = Recorder()
    first = analyse_store(store, analyse=rec)  # places the articles, then analyses
    assert sorted(len(ids) for ids in rec.seen) == [1, 2], rec.seen
    assert len(first.stories) == 2 and first.up_to_date == 0 and not first.failed
    assert due_stories(store) == []
    again = analyse_store(store, analyse=rec)
    assert again.stories == () and again.up_to_date == 2
    add(store, HARBOUR[2])  # joins the harbour story
    third = analyse_store(store, analyse=rec)
    assert [s.articles for s in third.stories] == [3] and third.up_to_date == 1
    assert rec.seen[-1] == tuple(a.id for a in HARBOUR)  # the story whole, not the newcomer
    story = third.stories[0].story
    stored = Dossier.from_json(store.get_dossier(story) or "")
    assert [s.id for s in stored.stories] == [story]
    # --story: one story, even when up to date
    forced = analyse_store(store, [story], analyse=rec, force=True)
    assert [s.story for s in forced.stories] == [story]
    with pytest.raises(KeyError):
        analyse_store(store, ["story-nope"], analyse=rec)


def test_a_dossier_written_before_the_digest_counts_as_up_to_date(store: Store) -> None:
    add(store, ELECTION)
    analyse_store(store, analyse=Recorder())
    [story] = [s for s in store.stories() if s.articles]
    store.set_meta(f"analysed:{story.id}", "")  # as a store from before
    assert due_stories(store) == []


def test_one_story_failing_is_reported_and_the_others_are_analysed(store: Store) -> None:
    add(store, *HARBOUR, ELECTION)
    reported = []
    result = analyse_store(store, analyse=Recorder(fail_on="vote-1"), on_story=reported.append)
    assert [s.story for s in reported] == [s.story for s in result.stories]
    [failed] = result.failed
    assert failed.error == "OverflowError: math range error" and failed.articles == 1
    ok = [s for s in result.stories if s.error is None]
    assert len(ok) == 1 and ok[0].articles == 3
    assert [s.id for s in due_stories(store)] == [failed.story]  # tried again next time


def test_a_merged_story_stands_for_the_story_it_joined(store: Store) -> None:
    add(store, ELECTION)
    analyse_store(store, analyse=Recorder())
    [story] = [s for s in store.stories() if s.articles]
    store.save_story_states(
        [
            StoryState("story-a", "a", 0, (), merged_into="story-b", seq=90),
            StoryState("story-b", "b", 0, (), merged_into=story.id, seq=91),
        ]
    )
    assert merged_into(store, "story-a") == story.id
    assert merged_into(store, story.id) is None
    rec = Recorder()
    result = analyse_store(store, ["story-a"], analyse=rec, force=True)
    assert [s.story for s in result.stories] == [story.id]
