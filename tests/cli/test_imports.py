"""Imports on demand: the CLI starts without the model, embeddings or the HTML extractor.

``newsprism --help`` (and any command that analyses nothing) must not pay for
spaCy, wordllama or trafilatura: together they cost more than a CPU second at
every start.  datasketch and scipy stay on the list: the candidate stage no longer
uses them, and nothing may bring them back in.  Run in a fresh interpreter, since
this test session has long imported them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("datasketch", "scipy", "spacy", "wordllama", "trafilatura")


def _imported_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    env = {"PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return {name.split(".")[0] for name in json.loads(done.stdout)}


def test_the_cli_imports_no_model_minhash_or_html_extractor() -> None:
    assert not _imported_after("import newsprism.cli") & set(HEAVY)


def test_the_check_can_fail_the_html_extractor_pulls_in_trafilatura() -> None:
    after = _imported_after(
        "import newsprism.cli\n"
        "from newsprism.ingest.html import article_from_html\n"
        "page = '<html><body><p>' + 'Hello there. ' * 40 + '</p></body></html>'\n"
        "article_from_html(page, id='a', source='a.html', reader='html')"
    )
    assert "trafilatura" in after


def test_minhash_needs_neither_datasketch_nor_scipy() -> None:
    after = _imported_after(
        "from newsprism.reuse.candidates import CandidateConfig, candidates, signature\n"
        "config = CandidateConfig()\n"
        "candidates([signature('a', 'one two three four five six seven', config)], config)"
    )
    assert not after & {"datasketch", "scipy"}
