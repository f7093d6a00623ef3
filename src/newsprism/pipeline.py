"""The pipeline: stages that declare what they need and provide, checked at build.

As spaCy checks its components when a pipeline is assembled, :class:`Pipeline`
refuses an order in which a stage needs a field that no earlier stage (nor the
input) provides, so a mis-wired pipeline fails at import, not halfway through a
million articles.  Stages are functions of an immutable :class:`State`; each
returns a new state with its fields filled.

One bad value must never lose a run: a stage that fails on one story reports
that story (a :class:`StageFailure` in ``State.failures``) and completes the
others, and a stage that fails outright keeps the fields it provides as they
were, reports the failure and lets the stages after it run.  Only newsprism's
own errors (a mis-wired pipeline, a missing model) stop the run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ._processes import frozen_heap
from .errors import NewsprismError, PipelineError
from .model import ArticleNLP, Findings, Story

T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StageFailure:
    """A stage that could not analyse one subject (a story, an article, the corpus);
    ``str()`` is the one-line report.  The rest of the run went on."""

    stage: str
    subject: str  # "story s-1a2b (3 articles: a, b, c)", "article x", "all stories"
    reason: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.stage} not analysed ({self.reason})"


def failure_reason(exc: BaseException) -> str:
    """The one-line reason for what a stage raised: its kind and first message line."""
    lines = str(exc).strip().splitlines()
    detail = lines[0][:160] if lines else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def story_subject(story: Story) -> str:
    """How a report names a story: its id and its first articles."""
    shown = ", ".join(story.articles[:3]) + (", ..." if len(story.articles) > 3 else "")
    n = len(story.articles)
    return f"story {story.id} ({n} article{'' if n == 1 else 's'}: {shown})"


def each_story(
    stage_name: str,
    stories: Iterable[Story],
    run: Callable[[Story], T],
    failures: list[StageFailure],
) -> Iterator[tuple[Story, T]]:
    """``(story, run(story))`` for each story; a story whose ``run`` raises is left out
    and reported in ``failures``, so one bad value loses one story, never the run."""
    for story in stories:
        try:
            result = run(story)
        except NewsprismError:
            raise
        except Exception as exc:  # one story must never stop the analysis
            log.warning("stage %s failed on story %s", stage_name, story.id, exc_info=True)
            failures.append(StageFailure(stage_name, story_subject(story), failure_reason(exc)))
            continue
        yield story, result


@dataclass(frozen=True, slots=True)
class State(Findings):
    """What the analysis knows so far: the dossier's sections (:class:`Findings`)
    and the per-article ``nlp`` records; ``provided`` names the filled fields;
    ``failures`` the stories, articles or stages that could not be analysed."""

    nlp: tuple[ArticleNLP, ...] = ()
    provided: frozenset[str] = frozenset()
    failures: tuple[StageFailure, ...] = ()

    def failed(self, failures: Iterable[StageFailure]) -> State:
        """This state with ``failures`` added to what it reports."""
        more = tuple(failures)
        return dataclasses.replace(self, failures=self.failures + more) if more else self

    def fill(self, **fields: object) -> State:
        return dataclasses.replace(self, provided=self.provided | set(fields), **fields)  # type: ignore[arg-type]


STATE_FIELDS = frozenset(f.name for f in dataclasses.fields(State)) - {"provided", "failures"}


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    needs: frozenset[str]
    provides: frozenset[str]
    run: Callable[[State], State]


def stage(
    name: str, needs: Iterable[str], provides: Iterable[str]
) -> Callable[[Callable[[State], State]], Stage]:
    """Declare a stage: ``@stage("entities", needs=["nlp"], provides=["entities"])``."""

    def wrap(fn: Callable[[State], State]) -> Stage:
        return Stage(name, frozenset(needs), frozenset(provides), fn)

    return wrap


def one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """Numpy's BLAS limited to one thread while the stages run, restored after.

    The stages' matrix products are small (a story's claim or sentence vectors,
    tens by hundreds), and OpenBLAS hands each to its threads and then keeps them
    spinning, waiting for more: that cost the claim groups a third more CPU at 300
    articles (6.5 against 4.2 s, same output), and more on a busy machine.  Each
    product is computed the same with one thread (threads split the output, not
    the sums).  Worker processes forked by a stage inherit the limit.
    """
    import numpy  # noqa: F401  (the BLAS library must be loaded to be limited)
    from threadpoolctl import threadpool_limits

    limits: contextlib.AbstractContextManager[object] = threadpool_limits(limits=1, user_api="blas")
    return limits


class Pipeline:
    """An ordered, validated list of stages.

    ``inputs`` are the fields the state holds before the first stage; a
    sub-pipeline that continues another's work (a batch engine's per-story
    stages after its per-article ones) names what the earlier one provides.
    ``log_level`` is the level of the per-stage timing lines (a sub-pipeline run
    once per story logs them at DEBUG).
    """

    def __init__(
        self,
        stages: Sequence[Stage],
        inputs: Iterable[str] = ("articles",),
        *,
        log_level: int = logging.INFO,
    ) -> None:
        inputs = frozenset(inputs)
        unknown_inputs = inputs - STATE_FIELDS
        if unknown_inputs:
            raise PipelineError(
                f"the pipeline's inputs name unknown fields {sorted(unknown_inputs)}"
            )
        available = set(inputs)
        for st in stages:
            unknown = (st.needs | st.provides) - STATE_FIELDS
            if unknown:
                raise PipelineError(f"stage {st.name!r} names unknown fields {sorted(unknown)}")
            missing = st.needs - available
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} needs {sorted(missing)}, which no earlier stage provides; "
                    "reorder the stages or add the one that provides it"
                )
            available |= st.provides
        self.stages = tuple(stages)
        self.inputs = inputs
        self.log_level = log_level

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    @property
    def provides(self) -> frozenset[str]:
        """The fields filled after a run: the inputs and every stage's provides."""
        return self.inputs.union(*(s.provides for s in self.stages))

    def __call__(
        self, state: State, on_failure: Callable[[StageFailure], None] | None = None
    ) -> State:
        """Run the stages in order; ``on_failure`` hears of each story, article or stage
        that could not be analysed as soon as its stage ends, not only with the result.

        The stages run with one BLAS thread (:func:`one_blas_thread`)."""
        with one_blas_thread():
            return self._run(state, on_failure)

    def _run(self, state: State, on_failure: Callable[[StageFailure], None] | None) -> State:
        state = dataclasses.replace(state, provided=state.provided | self.inputs)
        for st in self.stages:
            known = len(state.failures)
            started = time.perf_counter()
            try:
                with frozen_heap():  # what the run holds so far: see frozen_heap
                    out = st.run(state)
            except NewsprismError:
                raise
            except Exception as exc:  # the stage's sections stay as they were; the run goes on
                log.warning("stage %s failed", st.name, exc_info=True)
                out = state.fill(**{f: getattr(state, f) for f in st.provides}).failed(
                    [StageFailure(st.name, "all stories", failure_reason(exc))]
                )
            lacking = st.provides - out.provided
            if lacking:
                raise PipelineError(f"stage {st.name!r} did not provide {sorted(lacking)}")
            state = out
            if on_failure is not None:
                for failure in state.failures[known:]:
                    on_failure(failure)
            log.log(self.log_level, "stage %s: %.2fs", st.name, time.perf_counter() - started)
        return state
