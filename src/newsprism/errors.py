"""Exceptions.  Messages say what went wrong *and* what to do about it."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class for every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input (file, URL, feed, record) could not be read.

    Batches catch it, report ``source: reason`` on one line and carry on.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PipelineError(NewsprismError):
    """The pipeline was assembled wrongly (a stage needs what nothing provides)."""


class StoreError(NewsprismError):
    """The store cannot be opened or migrated."""
