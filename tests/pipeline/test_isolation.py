"""One bad value never loses a run: a stage failing on one story reports it and completes
the others; a stage failing outright is reported and the stages after it still run."""

from __future__ import annotations

import pytest

from newsprism import analyze_articles
from newsprism.errors import ModelError
from newsprism.model import Article, Story
from newsprism.pipeline import Pipeline, StageFailure, State, each_story, stage


@stage("stories", needs=["articles"], provides=["stories"])
def _stories(state: State) -> State:
    return state.fill(stories=tuple(Story(f"s{a.id}", a.text, (a.id,)) for a in state.articles))


@stage("broken", needs=["stories"], provides=["timeline"])
def _broken(state: State) -> State:
    return state.fill(timeline=()) if not state.stories else state.fill(timeline=(1 / 0,))  # type: ignore[arg-type]


@stage("after", needs=["timeline"], provides=["coverage"])
def _after(state: State) -> State:
    return state.fill(coverage=())


def test_a_stage_that_raises_is_reported_and_the_run_goes_on() -> None:
    out = Pipeline([_stories, _broken, _after])(State(articles=(Article("a", "x"),)))
    assert out.failures == (
        StageFailure("broken", "all stories", "ZeroDivisionError: division by zero"),
    )
    assert "coverage" in out.provided and out.timeline == ()


def test_newsprisms_own_errors_still_stop_the_run() -> None:
    @stage("model", needs=["articles"], provides=["stories"])
    def needs_model(state: State) -> State:
        raise ModelError("spaCy's English model is not installed")

    with pytest.raises(ModelError):
        Pipeline([needs_model])(State(articles=()))


def test_each_story_leaves_out_only_the_story_that_fails() -> None:
    stories = [Story("s1", "one", ("a",)), Story("s2", "two", ("b", "c")), Story("s3", "3", ("d",))]
    failures: list[StageFailure] = []
    done = list(each_story("claim_groups", stories, lambda s: 10 / (len(s.articles) - 2), failures))
    assert [s.id for s, _ in done] == ["s1", "s3"]
    assert failures == [
        StageFailure(
            "claim_groups", "story s2 (2 articles: b, c)", "ZeroDivisionError: division by zero"
        )
    ]
    assert str(failures[0]) == (
        "story s2 (2 articles: b, c): claim_groups not analysed "
        "(ZeroDivisionError: division by zero)"
    )


def test_figures_no_story_reports_do_not_stop_the_analysis() -> None:
    """'over millions of dollars' once read as an infinite amount (OverflowError in the
    claims' features); a 400-digit figure overflowed the rounding."""
    texts = [
        "Clinton raised over millions of dollars in the campaign, aides said on Monday.",
        "Clinton raised over millions of dollars, aides said. Donors gave "
        + "1"
        + "0" * 400
        + " dollars.",
        "Officials said 9"
        + "9" * 30
        + " people attended, but police said 0."
        + "0" * 60
        + "1 percent did.",
    ]
    articles = [
        Article(f"a{n}", text, title="Clinton fund-raising", published="2016-10-0{n}")
        for n, text in enumerate(texts, 1)
    ]
    heard: list[object] = []
    dossier = analyze_articles(articles, on_failure=heard.append)
    assert heard == []
    assert len(dossier.articles) == 3 and dossier.stories
    assert "claim_groups" in dossier.filled


def test_failures_are_heard_when_their_stage_ends_not_with_the_result() -> None:
    heard: list[StageFailure] = []
    seen_by_later_stage: list[int] = []

    @stage("later", needs=["timeline"], provides=["coverage"])
    def later(state: State) -> State:
        seen_by_later_stage.append(len(heard))
        return state.fill(coverage=())

    Pipeline([_stories, _broken, later])(State(articles=(Article("a", "x"),)), heard.append)
    assert seen_by_later_stage == [1]  # told before the next stage ran
    assert [f.stage for f in heard] == ["broken"]
