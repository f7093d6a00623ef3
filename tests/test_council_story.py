"""Quality gates on the second annotated story (tests/data/council): four outlets report one
council vote on a transit levy; one runs the wire's story lightly edited, and the outlets
differ on a figure, a day and a deal the mayor's office denies.

``newsprism.analyze`` runs on the JSONL file and is scored against ``gold.json`` with the
held-out checks' rules (``tests/gold_scoring.py``). Floors sit a little under what the code
measured when they were set, so that a general improvement which changes one answer does
not fail CI, while a regression does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gold_scoring import relation_of, score_facts, score_quotes

# measured: 29 of 29 annotated quote occurrences found, 28 with the right speaker
QUOTES_FOUND_FLOOR = 27
QUOTES_SPEAKER_FLOOR = 26
# measured: the wire, the Herald's copy and KPAL in one story, the Courier's report apart
STORY_FLOOR = 3
# measured (claims as of the gates' commit): facts right 3 of 15, conflicts 0 of 3, no
# false conflict
# measured 4 of 15 (5 before round 3's quotation penalty took a KPAL quotation out of a
# group that was right on the wrong evidence); the Courier is placed in a story of its own
FACTS_RIGHT_FLOOR = 4
CONFLICTS_FLOOR = 0  # measured 0: all three involve the Courier (see above)
FALSE_CONFLICTS_CEILING = 1
DERIVED = {"copy", "edited", "rewrite"}

WIRE, HERALD = "avw-levy", "herald-levy"


@pytest.fixture(scope="module")
def gold(council_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((council_dir / "gold.json").read_text(encoding="utf-8"))
    return data


def test_articles_are_read_with_their_outlets_and_credit_lines_removed(
    council_dossier: dict[str, Any], gold: dict[str, Any]
) -> None:
    arts = {a["id"]: a for a in council_dossier["articles"]}
    assert set(arts) == set(gold["articles"])
    for aid, g in gold["articles"].items():
        assert arts[aid]["outlet"] == g["outlet"], aid
        for line in g.get("boilerplate", []):
            assert line in arts[aid]["removed"], (aid, line)
            assert line not in arts[aid]["text"], (aid, line)


def test_the_story_holds_the_outlets(council_dossier: dict[str, Any], gold: dict[str, Any]) -> None:
    stories = council_dossier["stories"]
    assert stories
    placed = sorted(a for s in stories for a in s["articles"])
    assert placed == sorted(gold["story"])
    # floor: the Courier's report (no "Port Alder" in its title or lead) is a story apart today
    assert max(len(s["articles"]) for s in stories) >= STORY_FLOOR
    biggest = max(stories, key=lambda s: len(s["articles"]))
    assert {WIRE, HERALD} <= set(biggest["articles"])


def test_quotes_are_found_with_the_right_speaker(
    council_dossier: dict[str, Any], gold: dict[str, Any]
) -> None:
    score = score_quotes(council_dossier, gold["quotes"])
    assert score.occurrences == 29
    assert score.found >= QUOTES_FOUND_FLOOR
    assert score.right >= QUOTES_SPEAKER_FLOOR, score.wrong


def test_the_herald_copy_of_the_wire_is_found(
    council_dossier: dict[str, Any], gold: dict[str, Any]
) -> None:
    [pair] = gold["reuse"]["pairs"]
    link = next(
        p for p in council_dossier["reuse"]["pairs"] if {p["a"], p["b"]} == {pair["a"], pair["b"]}
    )
    assert link["relation"] in {"copy", "edited"}
    assert link["passages"]
    # the wire was filed first: it is the origin
    assert link["direction"] == ("a->b" if link["a"] == WIRE else "b->a")
    assert sorted(map(sorted, council_dossier["reuse"]["families"])) == [sorted([WIRE, HERALD])]
    assert gold["reuse"]["independent_pairs"]
    for a, b in gold["reuse"]["independent_pairs"]:
        # a pair in two stories is not compared at all (None)
        assert relation_of(council_dossier, a, b) not in DERIVED | {"partial"}, (a, b)


def test_a_statement_the_copy_repeats_has_one_independent_source(
    council_dossier: dict[str, Any],
) -> None:
    carried = [
        st for st in council_dossier["statements"] if "pay for a promise, not a plan" in st["text"]
    ]
    assert len(carried) == 1
    assert set(carried[0]["articles"]) == {WIRE, HERALD}
    assert carried[0]["independent_sources"] == 1


def test_shared_facts_are_grouped_with_their_verdicts(
    council_dossier: dict[str, Any], gold: dict[str, Any]
) -> None:
    story = {"articles": gold["story"], "shared_facts": gold["shared_facts"]}
    score = score_facts(council_dossier, [story])
    assert sum(score.total.values()) == 15
    assert score.total["conflict"] == 3 and score.total["imprecise"] == 1
    # floors: see FACTS_RIGHT_FLOOR
    assert sum(score.right.values()) >= FACTS_RIGHT_FLOOR, score.summary()
    assert score.right["conflict"] >= CONFLICTS_FLOOR, score.summary()
    assert score.false_conflicts <= FALSE_CONFLICTS_CEILING, score.summary()
    # no verdict without evidence
    claims = {c["id"] for c in council_dossier["claims"]}
    assert council_dossier["claim_groups"]
    for group in council_dossier["claim_groups"]:
        assert group["claims"] and set(group["claims"]) <= claims, group["id"]
