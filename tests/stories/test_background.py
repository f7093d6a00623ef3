"""A handful of articles: reports of one event make one story (written for the project)."""

from __future__ import annotations

from pathlib import Path

from newsprism import stories
from newsprism.model import Article
from newsprism.stories._background import background

DATA = Path(__file__).resolve().parents[1] / "data" / "stories" / "boatyard"


def _articles(names: list[str]) -> list[Article]:
    out = []
    for name in names:
        title, _, body = (DATA / f"{name}.txt").read_text(encoding="utf-8").partition("\n\n")
        out.append(Article(id=name, text=body, title=title))
    return out


def test_four_reports_of_one_fire_are_one_story() -> None:
    # counted over these four alone, the fire's own words are the commonest and weigh
    # least; the fourth report (a fundraiser) came out as a story of its own
    got = stories.group(_articles(["a1", "a2", "a3", "a4"]))
    assert [s.articles for s in got] == [("a1", "a2", "a3", "a4")]


def test_another_event_of_the_same_town_stays_apart() -> None:
    got = stories.group(_articles(["a1", "a2", "b1", "a3"]))
    assert sorted(s.articles for s in got) == [("a1", "a2", "a3"), ("b1",)]


def test_the_background_fades_as_the_corpus_grows() -> None:
    whole_df, whole_docs = background(1)
    five_df, five_docs = background(5)
    big_df, big_docs = background(1000)
    assert whole_docs > 1000  # ordinary news of many events
    assert abs(five_docs - whole_docs / 5) <= 1
    assert sum(five_df.values()) < sum(whole_df.values())
    assert 0 <= big_docs <= whole_docs // 1000 + 1 and len(big_df) < len(five_df)
    assert background(0) == ({}, 0)
