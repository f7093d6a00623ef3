"""From feed to finding: ingest or watch, ``analyze --db``, export, and every hint on the way.

Every hint the commands print is run here as printed, and must work.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import typer

from newsprism.cli import app
from newsprism.model import Dossier

pytestmark = pytest.mark.timeout(600)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
COUNCIL = ROOT / "tests" / "data" / "council" / "articles.jsonl"
CMD = [sys.executable, "-m", "newsprism"]
HINT = re.compile(r"`(newsprism [^`]+)`")


#: the same newsprism in a command run elsewhere (a relative PYTHONPATH would not be)
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p
    ),
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CMD, *args], capture_output=True, text=True, timeout=400, cwd=cwd, check=False, env=ENV
    )


def hints(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return HINT.findall(" ".join((proc.stdout + proc.stderr).split()))


def run_hint(hint: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a printed hint exactly as a user would paste it."""
    words = shlex.split(hint)
    assert words[0] == "newsprism", hint
    return run(*words[1:], cwd=cwd)


def test_analyze_db_analyses_what_is_new_and_its_export_hint_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert run("ingest", *map(str, SEEDS[:2]), "--db", db).returncode == 0
    first = run("analyze", "--db", db)
    assert first.returncode == 0, first.stderr
    assert re.search(r"^analysed story-\w+: 2 articles", first.stdout, re.M), first.stdout
    assert "1 story analysed, 0 up to date, 0 failed" in first.stdout
    # nothing new: nothing analysed
    again = run("analyze", "--db", db)
    assert "0 stories analysed, 1 up to date" in again.stdout, again.stdout
    # new articles join the story: it is analysed again, whole
    assert run("ingest", *map(str, SEEDS[2:]), "--db", db).returncode == 0
    joined = run("analyze", "--db", db)
    assert re.search(r"^analysed story-\w+: 4 articles", joined.stdout, re.M), joined.stdout
    [hint] = hints(joined)
    assert hint.startswith("newsprism export story-")
    exported = run_hint(hint, tmp_path)
    assert exported.returncode == 0, exported.stderr
    story = hint.split()[2]
    report = (tmp_path / f"{story}.html").read_text(encoding="utf-8")
    assert "Musk" in report
    # --story analyses one story even when it is up to date, and writes it out
    one = run("analyze", "--db", db, "--story", story, "--json", str(tmp_path / "d.json"))
    assert one.returncode == 0, one.stderr
    dossier = Dossier.from_json((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert [s.id for s in dossier.stories] == [story] and len(dossier.articles) == 4
    assert {"quotes", "claims", "reuse"} <= set(dossier.filled)


def test_every_dead_end_prints_a_hint_that_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    empty = run("stories", "--db", db)
    assert "no stories yet" in empty.stdout
    assert hints(empty) and all(run_hint(h, tmp_path).returncode == 0 for h in hints(empty))
    assert run("ingest", *map(str, SEEDS), "--db", db).returncode == 0
    story = re.findall(r"story-\w+", run("stories", "--db", db).stdout)[0]

    not_analysed = run("export", story, "--db", db, "--report", str(tmp_path / "r.html"))
    assert not_analysed.returncode == 2 and "Traceback" not in not_analysed.stderr
    [hint] = hints(not_analysed)
    assert hint == f"newsprism analyze --db {db} --story {story}"
    assert run_hint(hint, tmp_path).returncode == 0
    # export with no output flag writes the dossier to stdout
    out = run("export", story, "--db", db)
    assert out.returncode == 0 and len(Dossier.from_json(out.stdout).articles) == 4

    for proc in (
        run("export", "story-nope", "--db", db),
        run("show", "nope", "--db", db),
        run("analyze", "--db", db, "--story", "story-nope"),
    ):
        assert proc.returncode == 2, proc.stderr
        [hint] = hints(proc)
        assert hint == f"newsprism stories --db {db}", proc.stderr
        listed = run_hint(hint, tmp_path)
        assert listed.returncode == 0 and story in listed.stdout

    nothing = run("analyze")
    assert nothing.returncode == 2 and "nothing to analyse" in nothing.stderr
    assert len(nothing.stderr.strip().splitlines()) == 1


def test_missing_extra_hints_keep_their_brackets(tmp_path: Path) -> None:
    for command, extra in (("serve", "web"), ("worker", "web")):
        code = (
            "import sys; sys.modules['fastapi'] = None; sys.modules['uvicorn'] = None; "
            f"sys.argv = ['newsprism', {command!r}, '--db', {str(tmp_path / 's.db')!r}]; "
            "from newsprism.cli import main; main()"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
        )
        assert proc.returncode == 2
        assert f"pip install 'newsprism[{extra}]'" in proc.stderr, proc.stderr


def _commands() -> dict[str, set[str]]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return {
        name: {"--help"} | {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts)}
        for name, cmd in group.commands.items()
    }


def test_every_hint_in_the_source_names_a_real_command_and_its_options() -> None:
    """Hints not reached by the tests above still name commands and options that exist."""
    commands = _commands()
    found = 0
    for path in (ROOT / "src" / "newsprism").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        shown = [m.split() for m in re.findall(r"`newsprism ([a-z][^`{]*)", source)]
        built = [
            [call[0], *re.findall(r"['\"](--[a-z-]+)['\"]", call[1])]
            for call in re.findall(r"_cmd\(\s*['\"]([a-z-]+)['\"]([^)]*)\)", source)
        ]
        for words in [*shown, *built]:
            found += 1
            name = words[0]
            assert name in commands, f"{path.name}: `newsprism {' '.join(words)}`"
            for word in words[1:]:
                if word.startswith("--"):
                    assert word.split("=")[0] in commands[name], f"{path.name}: {words}"
    assert found >= 5


# --- watch --analyze against a feed served on 127.0.0.1 ------------------------------


@pytest.fixture
def council_feed() -> Iterator[str]:
    items = []
    for line in COUNCIL.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        when = format_datetime(datetime.fromisoformat(art["published"]))
        items.append(
            f"<item><title>{escape(art['title'])}</title>"
            f"<guid isPermaLink='false'>{art['id']}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(art['text'])}</description></item>"
        )
    body = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Council</title>"
        "<link>http://example.org/</link><description>t</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_watch_analyze_analyses_the_stories_new_entries_joined(
    tmp_path: Path, council_feed: str
) -> None:
    db = str(tmp_path / "s.db")
    proc = run(
        "watch", council_feed, "--db", db, "--iterations", "1", "--allow-private", "--analyze"
    )
    assert proc.returncode == 0, proc.stderr
    analysed = re.findall(r"^analysed (story-\w+): (\d+) articles", proc.stdout, re.M)
    assert analysed and sum(int(n) for _, n in analysed) == 4, proc.stdout
    for story, _ in analysed:
        out = run("export", story, "--db", db)
        assert out.returncode == 0 and "claims" in Dossier.from_json(out.stdout).filled
    assert "0 stories analysed" in run("analyze", "--db", db).stdout
