"""``Options.jobs``: parsing and annotating in several processes finds exactly what one
process finds, reports the same failures and raises the same errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from threadpoolctl import threadpool_info

from newsprism import Options, analyze
from newsprism.errors import OptionsError
from newsprism.model import Article, ArticleNLP
from newsprism.nlp import plan_processes
from newsprism.pipeline import Pipeline, StageFailure, State, stage
from newsprism.stages import ArticleStep, annotate_articles

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


def _shout(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    """A step that fails on one article: it must be reported, whichever process ran it."""
    if "BOOM" in article.text:
        raise ValueError("no quotes here")
    return (f"{article.id}:{len(doc)}",)


def test_worker_processes_report_what_one_process_reports() -> None:
    steps = (ArticleStep("shout/1", frozenset({"sentences"}), "quotes", _shout),)
    articles = [
        Article(f"a{n}", f"Article {n} says {'BOOM' if n in (3, 11) else 'hello'}. Again.")
        for n in range(24)
    ]
    runs = []
    for jobs in (1, 2):
        failures: list[StageFailure] = []
        records = list(annotate_articles(articles, steps, 32, failures, jobs))
        runs.append((records, failures))
    assert runs[0] == runs[1]
    records, failures = runs[1]
    assert [r.article for r in records] == [a.id for a in articles]  # in order
    assert [f.subject for f in failures] == ["article a3", "article a11"]
    assert records[3].quotes == () and records[4].quotes == ("a4:7",)
    assert plan_processes(len(articles), 2, 32)[0] == 2


def test_worker_processes_raise_what_one_process_raises() -> None:
    steps = (ArticleStep("shout/1", frozenset({"sentences"}), "quotes", _shout),)
    articles = [Article(f"b{n}", "It went BOOM." if n == 9 else "Quiet.") for n in range(12)]
    for jobs in (1, 2):
        with pytest.raises(ValueError, match="no quotes here"):
            list(annotate_articles(articles, steps, 32, None, jobs))


def test_stages_run_with_one_blas_thread_and_give_it_back() -> None:
    seen: list[int] = []

    @stage("look", needs=["articles"], provides=["entities"])
    def look(state: State) -> State:
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return state.fill(entities=())

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    Pipeline([look])(State(articles=()))
    assert seen == [1] * len(before)
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_claim_groups_in_worker_processes_are_those_of_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprism import stages

    real_group, real_map = stages._claims.group_claims, stages.ordered_map
    doomed: list[str] = []
    tasks: list[int] = []

    def group_claims(claims, articles, *args, **kwargs):  # type: ignore[no-untyped-def]
        if articles and articles[0].id in doomed:  # one story fails, wherever it runs
            raise ValueError("bad figure")
        return real_group(claims, articles, *args, **kwargs)

    def ordered_map(fn, chunks, processes):  # type: ignore[no-untyped-def]
        if fn is stages._group_stories:
            tasks.append(len(chunks))
        return real_map(fn, chunks, processes)

    monkeypatch.setattr(stages, "MIN_CLAIMS_FOR_PROCESSES", 0)  # small corpus, still workers
    monkeypatch.setattr(stages._claims, "group_claims", group_claims)
    monkeypatch.setattr(stages, "ordered_map", ordered_map)
    story = next(
        s for s in analyze(SOURCES, options=Options(jobs=1)).stories if len(s.articles) > 1
    )
    doomed.append(story.articles[0])
    heard: dict[int, list[str]] = {1: [], 2: []}
    one = analyze(SOURCES, options=Options(jobs=1), on_failure=lambda f: heard[1].append(str(f)))
    two = analyze(SOURCES, options=Options(jobs=2), on_failure=lambda f: heard[2].append(str(f)))
    assert two.to_json() == one.to_json()
    assert heard[1] == heard[2] and len(heard[1]) == 1
    assert heard[1][0].startswith(f"story {story.id}") and "claim_groups" in heard[1][0]
    assert tasks and max(tasks) > 1  # the stories really went to worker processes
