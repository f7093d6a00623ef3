"""What the command line says about bad inputs, and how it exits (issue 18).

Exit codes: 0 all good, 1 some inputs failed, 2 nothing could be done, 3 an
internal error; output paths are checked before the work; file names are never
read as Rich markup; hints are commands that run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rich.console import Console

from newsprism._cli_report import EXIT_INTERNAL, check_outputs, one_line, run_app, safe
from newsprism.store import open_store

CMD = [sys.executable, "-m", "newsprism"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], capture_output=True, text=True, timeout=300)


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr


def test_file_names_are_not_read_as_markup(tmp_path: Path) -> None:
    # names that exist nowhere (the command runs in the repository root)
    proc = run("ingest", "--db", str(tmp_path / "s.db"), "m[/].txt", "[bold]b.txt")
    no_traceback(proc)
    assert proc.returncode == 2
    assert "skipped m[/].txt: no such file" in proc.stderr
    assert "skipped [bold]b.txt: no such file" in proc.stderr


def test_url_forms_httpx_refuses_are_reported_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met on Monday.\n")
    urls = ["http://0177.0.0.1/x", "http://127.000.000.001/", "http://[::1/x"]
    proc = run("ingest", "--db", str(tmp_path / "s.db"), *urls, str(tmp_path / "a.txt"))
    no_traceback(proc)
    assert proc.returncode == 1  # one input read, three failed
    for url in urls:
        assert f"skipped {url}: invalid URL" in proc.stderr
    assert "1 new, 0 already stored, 3 failed" in proc.stdout


def test_nothing_readable_exits_2_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    proc = run("ingest", "--db", str(tmp_path / "s.db"), str(tmp_path / "pics"))
    no_traceback(proc)
    assert proc.returncode == 2
    assert "no files to read in the folder (found .png;" in proc.stderr


def test_notices_are_printed(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "published": "not a date", "text": "The council met."}\n')
    proc = run("ingest", "--db", str(tmp_path / "s.db"), str(path))
    assert proc.returncode == 0, proc.stderr
    assert "note " + f"{path}:1: published 'not a date' is not a date; left undated" in (
        proc.stderr.replace("\n", "")
    )


def test_an_unwritable_output_is_refused_before_the_work(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for option in ("--json", "--report", "--markdown"):
        proc = run("analyze", "does-not-exist.txt", option, str(blocker / "x.out"))
        no_traceback(proc)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        where = blocker / "x.out"
        assert lines == [f"error: {where}: cannot be written: {blocker} is not a folder"]


def test_output_checks() -> None:
    console = Console(file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console
    with pytest.raises(typer.Exit) as caught:
        check_outputs([Path("/")], console)
    assert caught.value.exit_code == 2
    check_outputs([None, Path("relative/new/folder/x.json")], console)  # made when written


def test_export_without_an_output_option_prints_the_json(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    text = tmp_path / "a.txt"
    text.write_text("Council approves budget\n\nThe city council approved the budget on Monday.\n")
    assert run("analyze", str(text), "--db", db).returncode == 0
    store = open_store(db)
    [story] = [s.id for s in store.stories()]
    store.close()
    proc = run("export", story, "--db", db)
    assert proc.returncode == 0, proc.stderr
    dossier = json.loads(proc.stdout)
    assert dossier["stories"][0]["id"] == story


def test_an_internal_error_is_one_line_asking_for_a_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = typer.Typer()

    @app.command()
    def boom() -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    with pytest.raises(SystemExit) as caught:
        run_app(lambda: app([], standalone_mode=False), argv=[])
    assert caught.value.code == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" not in err
    line = " ".join(err.split())
    assert line.startswith("internal error: ZeroDivisionError: division by zero second line;")
    assert "please report it at https://github.com/newsprism/newsprism/issues" in line
    with pytest.raises(SystemExit):
        run_app(lambda: app([], standalone_mode=False), argv=["--debug"])
    assert "Traceback" in capsys.readouterr().err


def test_outside_text_is_one_escaped_line() -> None:
    assert one_line("a\nb\r\nc\x01d") == "a b c\\x01d"
    assert safe("pip install 'newsprism[web]'") == "pip install 'newsprism\\[web]'"
    console = Console(record=True, width=200, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(safe("m[/].txt and [bold]b.txt"))
    assert console.export_text().strip() == "m[/].txt and [bold]b.txt"
