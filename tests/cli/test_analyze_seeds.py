"""End to end: `newsprism analyze` on the bundled seed story, scored against gold."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gold_scoring import match_conflicts, relation_of, score_quotes
from newsprism.model import Dossier


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower()


@pytest.fixture(scope="module")
def seeds_run(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path
) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("seeds")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprism",
            "analyze",
            str(seeds_dir),
            "--json",
            str(out / "dossier.json"),
            "--report",
            str(out / "report.html"),
            "--markdown",
            str(out / "report.md"),
            "--db",
            str(out / "n.db"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return proc, out


@pytest.fixture(scope="module")
def gold(gold_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    return data


def test_command_succeeds_and_writes_outputs(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, out = seeds_run
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "4 articles" in proc.stdout
    for name in ("dossier.json", "report.html", "report.md"):
        assert (out / name).stat().st_size > 1000


def test_dossier_matches_gold_outlets_titles_and_boilerplate(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], gold: dict[str, Any]
) -> None:
    _, out = seeds_run
    raw = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert raw["schema"] == "newsprism.dossier/3"
    dossier = Dossier.from_json((out / "dossier.json").read_text(encoding="utf-8"))
    arts = {a.id: a for a in dossier.articles}
    assert set(arts) == set(gold["articles"])
    for aid, g in gold["articles"].items():
        art = arts[aid]
        assert art.outlet == g["outlet"], aid
        if g.get("title"):
            assert art.title is not None and _norm(art.title) == _norm(g["title"]), aid
        removed = [_norm(r.text) for r in art.removed]
        for line in g.get("boilerplate", []):
            assert _norm(line) in removed, (aid, line)
            assert _norm(line) not in _norm(art.text), (aid, line)
    assert len(dossier.stories) == 1
    assert set(dossier.stories[0].articles) == set(gold["articles"])


def test_dossier_validates_against_the_schema(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], dossier_schema: dict[str, Any]
) -> None:
    import jsonschema

    _, out = seeds_run
    raw = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(dossier_schema).validate(raw)


def test_people_found_as_entities(seeds_run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, out = seeds_run
    dossier = Dossier.from_json((out / "dossier.json").read_text(encoding="utf-8"))
    people = {e.name for e in dossier.entities if e.kind == "person"}
    assert {"Elon Musk", "Vladimir Putin", "Adam Smith", "Jeanne Shaheen", "Bill Nelson"} <= people


def test_stored_story_can_be_listed_and_exported(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _, out = seeds_run
    db = str(out / "n.db")
    listed = subprocess.run(
        [sys.executable, "-m", "newsprism", "stories", "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    story = json.loads((out / "dossier.json").read_text(encoding="utf-8"))["stories"][0]["id"]
    assert story in listed.stdout
    exported = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprism",
            "export",
            story,
            "--db",
            db,
            "--json",
            str(out / "e.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert json.loads((out / "e.json").read_text())["stories"][0]["id"] == story


#: Quality gate floors for the seed story through the whole command, a little under the
#: measured figures (39 of 39 found, 39 with the exact annotated speaker), so that a general
#: improvement that changes one seed answer does not fail CI; raise them, never lower them.
QUOTES_FOUND_FLOOR = 37
QUOTES_SPEAKER_FLOOR = 36


def test_seed_quotes_and_speakers_meet_the_floors(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], gold: dict[str, Any]
) -> None:
    _, out = seeds_run
    raw = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    score = score_quotes(raw, gold["quotes"], exact=True)
    assert score.occurrences == 39
    assert score.found >= QUOTES_FOUND_FLOOR
    assert score.right >= QUOTES_SPEAKER_FLOOR, score.wrong
    dossier = Dossier.from_json((out / "dossier.json").read_text(encoding="utf-8"))
    by_id = {q.id: q for q in dossier.quotes}
    assert dossier.statements
    for st in dossier.statements:
        assert st.quotes and all(by_id[q].statement == st.id for q in st.quotes)


#: measured: the rewrite pair derived, none of the 5 independent pairs derived, 3 sources
UNRELATED_CALLED_DERIVED_CEILING = 1
INDEPENDENT_SOURCES_FLOOR = 2


def test_seed_reuse_finds_the_family_and_the_independent_sources(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], gold: dict[str, Any]
) -> None:
    _, out = seeds_run
    raw = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    derived = {"copy", "edited", "rewrite"}
    [pair] = gold["reuse"]["pairs"]
    link = next(p for p in raw["reuse"]["pairs"] if {p["a"], p["b"]} == {pair["a"], pair["b"]})
    assert link["relation"] in derived and link["passages"]
    assert {pair["a"], pair["b"]} in [set(f) for f in raw["reuse"]["families"]]
    unrelated = gold["reuse"]["unrelated_pairs"]
    assert len(unrelated) == 5
    called = [(a, b) for a, b in unrelated if relation_of(raw, a, b) in derived | {"partial"}]
    assert len(called) <= UNRELATED_CALLED_DERIVED_CEILING, called
    [sources] = raw["reuse"]["independent_sources"].values()
    assert INDEPENDENT_SOURCES_FLOOR <= sources <= gold["reuse"]["independent_sources"] + 1


def test_reuse_command_prints_pairs_and_families(seeds_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsprism", "reuse", str(seeds_dir)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert proc.returncode == 0, proc.stderr
    # the verdicts themselves are gated above; here: the command prints them
    assert re.search(r"\b(copy|edited|rewrite)\b", proc.stdout)
    assert (
        "family 1: 000_d82b719c91dbffc4 (BLiTZ), 001_0cc158f5c070f046 (TROIB News)" in proc.stdout
    )
    assert re.search(r"\b\d independent sources?\b", proc.stdout)


#: measured: 2 of 2 contradictions as conflicting, the vaguer figure as imprecise, no
#: conflicting group on anything else
CONFLICTS_FLOOR = 2  # of the 3 annotated disagreements, with the right verdict
FALSE_CONFLICTS_CEILING = 1


def test_seed_conflicts_are_found_with_their_sides_and_few_false_ones(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], gold: dict[str, Any]
) -> None:
    _, out = seeds_run
    raw = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    *hard, vague = gold["conflicts"]  # the third is a vaguer figure, not a contradiction
    assert len(hard) == 2
    found = match_conflicts(raw, [(c, "conflicting") for c in hard] + [(vague, "imprecise")])
    right = sum(g is not None for g in found)
    assert right >= CONFLICTS_FLOOR, found
    conflicting = [i for i, g in enumerate(raw["claim_groups"]) if g["verdict"] == "conflicting"]
    false = [i for i in conflicting if i not in found]
    assert len(false) <= FALSE_CONFLICTS_CEILING, [raw["claim_groups"][i]["topic"] for i in false]
    claims = {c["id"] for c in raw["claims"]}
    assert raw["claim_groups"]
    for group in raw["claim_groups"]:
        assert group["claims"] and set(group["claims"]) <= claims, "no verdict without evidence"
    assert raw["timeline"] and raw["coverage"] and raw["relations"]


def test_the_dossier_is_the_same_whatever_the_hash_seed(
    seeds_run: tuple[subprocess.CompletedProcess[str], Path], seeds_dir: Path, tmp_path: Path
) -> None:
    """Set iteration order must never leak into outputs (Spark and re-runs compare rows)."""
    _, out = seeds_run
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprism",
            "analyze",
            str(seeds_dir),
            "--json",
            str(tmp_path / "d.json"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert proc.returncode == 0, proc.stderr
    first = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    for section in first:
        assert first[section] == second[section], section
