"""``Options.jobs``: parsing in several processes finds exactly what one process finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism import Options, analyze
from newsprism.errors import OptionsError
from newsprism.nlp import plan_processes

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
#: three fixture corpora, 18 articles, several stories
SOURCES = [
    str(DATA / "stories" / "articles.jsonl"),
    str(DATA / "council" / "articles.jsonl"),
    str(ROOT / "examples" / "seeds"),
]


def test_two_processes_give_the_one_process_dossier() -> None:
    one = analyze(SOURCES, options=Options(jobs=1))
    assert plan_processes(len(one.articles), 2, 32)[0] == 2  # really two workers below
    two = analyze(SOURCES, options=Options(jobs=2))
    assert len(one.stories) > 2 and len(one.quotes) > 10
    assert two.to_json() == one.to_json()


def test_small_corpora_parse_in_one_process_with_whole_batches() -> None:
    assert plan_processes(1, 8, 32) == (1, 32)
    assert plan_processes(7, 2, 32) == (1, 32)
    assert plan_processes(30, 2, 32) == (2, 15)  # one batch each, not one batch for one
    assert plan_processes(1000, 2, 32) == (2, 32)


def test_jobs_default_to_the_cores_and_must_be_positive() -> None:
    assert Options().jobs >= 1
    with pytest.raises(OptionsError, match="jobs must be a whole number"):
        Options(jobs=0)
