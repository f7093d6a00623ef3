"""The pipeline: stages that declare what they need and provide, checked at build.

As spaCy checks its components when a pipeline is assembled, :class:`Pipeline`
refuses an order in which a stage needs a field that no earlier stage (nor the
input) provides, so a mis-wired pipeline fails at import, not halfway through a
million articles.  Stages are functions of an immutable :class:`State`; each
returns a new state with its fields filled.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .errors import PipelineError
from .model import ArticleNLP, Findings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class State(Findings):
    """What the analysis knows so far: the dossier's sections (:class:`Findings`)
    and the per-article ``nlp`` records; ``provided`` names the filled fields."""

    nlp: tuple[ArticleNLP, ...] = ()
    provided: frozenset[str] = frozenset()

    def fill(self, **fields: object) -> State:
        return dataclasses.replace(self, provided=self.provided | set(fields), **fields)  # type: ignore[arg-type]


STATE_FIELDS = frozenset(f.name for f in dataclasses.fields(State)) - {"provided"}


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

    def __call__(self, state: State) -> State:
        state = dataclasses.replace(state, provided=state.provided | self.inputs)
        for st in self.stages:
            started = time.perf_counter()
            out = st.run(state)
            lacking = st.provides - out.provided
            if lacking:
                raise PipelineError(f"stage {st.name!r} did not provide {sorted(lacking)}")
            state = out
            log.log(self.log_level, "stage %s: %.2fs", st.name, time.perf_counter() - started)
        return state
