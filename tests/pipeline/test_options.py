"""One Options record: validated when made; what analyze, the worker and the engines take."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import newsprism
from newsprism import Options, OptionsError
from newsprism import stages as _stages
from newsprism.errors import PipelineError
from newsprism.pipeline import State, stage


def test_defaults_are_a_plain_run() -> None:
    opts = Options()
    assert not opts.allow_private and not opts.broad_quotes and opts.manifest is None
    assert opts.parse and opts.story_stages and opts.candidates
    assert "Options" in newsprism.__all__ and newsprism.Options is Options


def test_options_are_frozen_and_hashable() -> None:
    opts = Options(broad_quotes=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.broad_quotes = False  # type: ignore[misc]
    assert {opts: 1}[Options(broad_quotes=True)] == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"batch_size": 0}, "batch_size must be a whole number of at least 1, not 0"),
        ({"batch_size": 2.5}, "batch_size must be a whole number"),
        ({"block_days": 0}, "block_days must be a positive number of days"),
        ({"block_days": float("nan")}, "block_days must be a positive number"),
        ({"broad_quotes": "yes"}, "broad_quotes must be True or False, not 'yes'"),
        ({"manifest": "  "}, "manifest must be the path of a CSV or JSONL file"),
    ],
)
def test_bad_values_are_refused_with_a_clear_error(fields: dict[str, object], message: str) -> None:
    with pytest.raises(OptionsError, match=r"^\[E102\] " + message.replace(".", r"\.")):
        Options(**fields)  # type: ignore[arg-type]


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Options(True)  # type: ignore[misc]


def test_broad_quotes_changes_the_per_article_step() -> None:
    plain = _stages.default_pipeline()
    broad = _stages.default_pipeline(options=Options(broad_quotes=True))
    assert plain.names == broad.names
    assert _stages.article_steps(broad_quotes=True)[0].name == "quotes/2-broad"


def test_the_sub_pipelines_split_the_default_one() -> None:
    """Per-article stages, then (after the stories) the per-story ones: the same stages."""
    article = _stages.article_pipeline()
    story = _stages.story_pipeline()
    assert (*article.names, "stories", *story.names) == _stages.default_pipeline().names
    assert story.inputs == article.provides | {"stories"}


def test_a_per_story_stage_without_a_provider_fails_when_an_engine_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The engines' sub-pipeline is checked as analyze's is: at build, not mid-batch."""
    from newsprism.engines import LocalEngine, _core

    @stage("sentiment", needs=["coverage"], provides=["timeline"])
    def needs_coverage(state: State) -> State:
        return state

    real = _stages.story_stages
    monkeypatch.setattr(_stages, "story_stages", lambda jobs=1: [needs_coverage, *real(jobs)])
    _core.pipelines.cache_clear()
    try:
        with pytest.raises(PipelineError, match=r"sentiment.*needs \['coverage'\]"):
            _stages.story_pipeline()
        with pytest.raises(PipelineError, match=r"^\[E201\] stage 'sentiment'"):
            LocalEngine(Options(block_days=2), workers=1)
        with pytest.raises(PipelineError):
            _stages.default_pipeline()
    finally:
        _core.pipelines.cache_clear()


def test_cached_records_are_keyed_by_the_code_that_made_them(tmp_path: Path) -> None:
    def tree(name: str, cues: str) -> Path:
        (tmp_path / name / "quotes").mkdir(parents=True)
        (tmp_path / name / "quotes" / "cues.py").write_text(cues)
        (tmp_path / name / "model.json").write_text("{}")
        return tmp_path / name

    same = _stages.code_digest(tree("a", "CUES = ('say',)\n"))
    assert _stages.code_digest(tree("b", "CUES = ('say',)\n")) == same
    assert _stages.code_digest(tree("c", "CUES = ('say', 'tell')\n")) != same
    assert _stages.code_digest() in _stages._version(_stages.ARTICLE_STEPS)
