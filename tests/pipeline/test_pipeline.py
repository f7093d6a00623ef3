from __future__ import annotations

import pytest

from newsprism.errors import PipelineError
from newsprism.model import Article, Story
from newsprism.pipeline import Pipeline, State, stage
from newsprism.stages import default_pipeline


@stage("stories", needs=["articles"], provides=["stories"])
def _stories(state: State) -> State:
    return state.fill(stories=(Story("s", "t", tuple(a.id for a in state.articles)),))


@stage("needs-stories", needs=["stories"], provides=["coverage"])
def _coverage(state: State) -> State:
    return state.fill(coverage=())


@stage("liar", needs=["articles"], provides=["claims"])
def _liar(state: State) -> State:
    return state


def test_pipeline_refuses_a_stage_whose_needs_nothing_provides() -> None:
    with pytest.raises(PipelineError, match=r"needs-stories.*needs \['stories'\]"):
        Pipeline([_coverage, _stories])


def test_pipeline_refuses_unknown_fields() -> None:
    @stage("odd", needs=["articles"], provides=["sentiment"])
    def odd(state: State) -> State:
        return state

    with pytest.raises(PipelineError, match="unknown fields"):
        Pipeline([odd])


def test_pipeline_runs_in_order_and_tracks_provided() -> None:
    out = Pipeline([_stories, _coverage])(State(articles=(Article("a", "x"),)))
    assert out.stories[0].articles == ("a",)
    assert {"articles", "stories", "coverage"} <= out.provided


def test_stage_that_does_not_provide_what_it_declares_fails() -> None:
    with pytest.raises(PipelineError, match="did not provide"):
        Pipeline([_liar])(State(articles=()))


def test_default_pipeline_is_valid() -> None:
    names = default_pipeline().names
    assert names[0] == "annotate"
    assert "entities" in names
