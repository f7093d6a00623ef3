"""A function over tasks in worker processes, results in task order.

The per-article stage parses *and* analyses each article in the workers, so
what comes back to the parent is the small frozen records, not spaCy docs: the
parent no longer deserialises every doc and runs the extractors alone while
the workers wait (with spaCy's ``n_process`` it did both, and was the
bottleneck with two processes).

Workers are forked where the platform can fork, so they start with what the
parent already loaded (the spaCy pipeline, the extractors' models) instead of
loading it again; elsewhere they are spawned and load it on their first task.
:class:`concurrent.futures.ProcessPoolExecutor` is used rather than
``multiprocessing.Pool`` because a worker that dies (killed for memory) breaks
the run with an error instead of hanging it.  With ``fork`` the executor starts
every worker before its own management thread, so no worker is forked while
that thread holds a lock.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where there is one (workers inherit what is loaded), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


_freezing = threading.Lock()
_frozen_depth = 0  # blocks of frozen_heap open in this process


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """What the process holds now (the loaded spaCy pipeline, the extractors' models,
    the records so far) left out of the cyclic collector's passes until the block ends.

    The parse, the extractors and the claim groups allocate fast, so the collector's
    oldest generation is walked many times a run, each time over everything the
    run holds: over 100 PolNeAR articles in one process the collector took 0.67
    CPU s, 0.30 with what each stage started with frozen.  Blocks nest (an inner
    one freezes what was made since; all go back at the outermost end), nothing
    frozen is lost, and a host program that freezes objects itself is left alone,
    as are forked workers after their block ends (they keep what their parent froze).
    """
    global _frozen_depth
    with _freezing:
        ours = _frozen_depth > 0 or gc.get_freeze_count() == 0
        if ours:
            gc.freeze()
            _frozen_depth += 1
    try:
        yield
    finally:
        if ours:
            with _freezing:
                _frozen_depth -= 1
                if _frozen_depth == 0:
                    gc.unfreeze()


def ordered_map(fn: Callable[[T], R], tasks: Sequence[T], processes: int) -> Iterator[R]:
    """``fn(task)`` for each task, computed in ``processes`` worker processes and
    yielded in the order of ``tasks`` as each becomes ready.

    ``fn`` must be a module-level function and tasks and results picklable.  An
    exception ``fn`` raises is raised here, when its task's turn comes; closing the
    iterator early cancels the tasks not started.
    """
    if not tasks:
        return
    workers = max(1, min(processes, len(tasks)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    try:
        # With fork, the first submit starts every worker.  Objects the parent holds
        # are frozen out of the collector meanwhile, so a worker's collections do not
        # write to them (Python's advice for fork without exec): each write copies a
        # page of the parent's heap into the worker.
        with frozen_heap():
            futures = [pool.submit(fn, tasks[0])]
        futures += [pool.submit(fn, task) for task in tasks[1:]]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
