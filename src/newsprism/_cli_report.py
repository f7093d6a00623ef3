"""What the command line says about a run's inputs, and the exit code it ends with.

Kept apart from :mod:`newsprism.cli` so that every command reports the same way:

* each failed input, story or notice is one line, printed *as it happens* (a
  long batch shows its problems while it runs), with every piece of text from
  the outside (file names, URLs, titles) escaped, since Rich would read
  ``[bold]b.txt`` as markup and ``m[/].txt`` as broken markup;
* the exit code: 0 all good, 1 some inputs (or stories) failed, 2 nothing could
  be done, 3 an internal error, reported on one line asking for a bug report
  (the traceback only with ``--debug``);
* output paths are checked before the work starts, so a bad ``--json`` path
  does not throw away an hour of analysis.
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from .ingest import IngestFailure, IngestNotice
from .pipeline import StageFailure

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_NOTHING",
    "EXIT_OK",
    "ISSUES_URL",
    "RunReport",
    "check_outputs",
    "one_line",
    "run_app",
    "safe",
]

EXIT_OK = 0
EXIT_FAILED = 1  # some inputs failed; the rest was processed and written
EXIT_NOTHING = 2  # nothing could be done: no input read, bad arguments, unusable store
EXIT_INTERNAL = 3  # a bug in newsprism
ISSUES_URL = "https://github.com/newsprism/newsprism/issues"

_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks as spaces, other control characters as ``\\xNN``."""
    flat = _BREAKS.sub(" ", text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", flat)


def safe(text: object) -> str:
    """Outside text (a file name, a title) ready for a Rich console: one line, escaped."""
    return escape(one_line(str(text)))


class RunReport:
    """Prints each failure and notice as it comes and counts them for the exit code."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.failed_inputs = 0
        self.failed_stories = 0
        self.notices = 0

    def failure(self, failure: IngestFailure | StageFailure) -> None:
        if isinstance(failure, StageFailure):
            self.failed_stories += 1
            label = "[yellow]not analysed[/]"
        else:
            self.failed_inputs += 1
            label = "[yellow]skipped[/]"
        self.console.print(f"{label} {safe(failure)}", highlight=False, soft_wrap=True)

    def notice(self, notice: IngestNotice) -> None:
        self.notices += 1
        self.console.print(f"[cyan]note[/] {safe(notice)}", highlight=False, soft_wrap=True)

    @property
    def failures(self) -> int:
        return self.failed_inputs + self.failed_stories

    def exit_code(self, done: int) -> int:
        """0 all good, 1 something failed, 2 nothing could be done (``done`` inputs read)."""
        if done == 0 and self.failed_inputs:
            return EXIT_NOTHING
        return EXIT_FAILED if self.failures else EXIT_OK


def check_outputs(paths: Iterable[Path | None], console: Console) -> None:
    """Refuse, before any work, an output path that cannot be written (exit 2)."""
    for path in paths:
        if path is None:
            continue
        problem = _unwritable(path)
        if problem is not None:
            console.print(
                f"[red]error:[/] {safe(path)}: {safe(problem)}", highlight=False, soft_wrap=True
            )
            raise typer.Exit(EXIT_NOTHING)


def _unwritable(path: Path) -> str | None:
    if path.is_dir():
        return "is a folder; give a file name"
    parent = path.parent
    existing = parent
    while not existing.exists():  # the folders that would be made
        if existing.parent == existing:
            break
        existing = existing.parent
    if not existing.is_dir():
        return f"cannot be written: {existing} is not a folder"
    if existing == parent:
        if path.exists() and not os.access(path, os.W_OK):
            return "cannot be written: permission denied"
        if not path.exists() and not os.access(parent, os.W_OK | os.X_OK):
            return f"cannot be written: no permission to write in {parent}"
    elif not os.access(existing, os.W_OK | os.X_OK):
        return f"cannot be written: no permission to make folders in {existing}"
    return None


def run_app(app: Callable[[], object], argv: Sequence[str] | None = None) -> None:
    """Run the command line; an unexpected exception is one line and exit 3.

    Bad input never gets here (each is reported and the batch goes on); what does
    is a bug, so the line asks for a report.  ``--debug`` (or ``-v``) prints the
    traceback too.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: never a bare traceback
        if "--debug" in args or "-v" in args or "--verbose" in args:
            traceback.print_exc()
        _internal_error(exc)


def _internal_error(exc: BaseException) -> NoReturn:
    detail = one_line(str(exc))[:200]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    Console(stderr=True).print(
        f"[red]internal error:[/] {escape(what)}; this is a bug in newsprism, please report it "
        f"at {ISSUES_URL} with the command you ran (add --debug for the traceback)",
        highlight=False,
        soft_wrap=True,
    )
    sys.exit(EXIT_INTERNAL)
