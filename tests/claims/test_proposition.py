"""What a claim asserts: subject, predicate, object and hedges, read from the parse
(examples written for the project, not the seeds)."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.claims import CAPABILITIES, extract_claims
from newsprism.claims.proposition import hedged
from newsprism.model import Article, Claim


def _statement(text: str) -> Claim:
    art = Article(id="a", text=text)
    doc = next(iter(nlp.parse([text], CAPABILITIES)))
    return next(c for c in extract_claims(art, doc) if c.kind == "statement")


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj"),
    [
        # the active and the passive state one proposition
        ("Police arrested the ferry captain on Monday night.", "police", "arrest", "captain"),
        ("The ferry captain was arrested by the police on Monday.", "police", "arrest", "captain"),
        # a reporting verb is looked through to what it reports
        ("The council said the bridge will close for repairs.", "bridge", "close", None),
        # negation and particles stay on the predicate
        ("The mayor did not sign the budget before the deadline.", "mayor", "not sign", "budget"),
        ("Volunteers picked up the litter along the river bank.", "volunteer", "pick up", "litter"),
    ],
)
def test_the_proposition_reads_through_reporting_verbs_and_passives(
    text: str, subject: str, predicate: str, obj: str | None
) -> None:
    c = _statement(text)
    assert (c.subject, c.predicate, c.object) == (subject, predicate, obj)


def test_a_copula_names_its_complement() -> None:
    c = _statement("The new ferry terminal is a gift from the regional government.")
    assert c.predicate == "be gift"
    assert c.object is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge may reopen in the spring.", True),
        ("The captain reportedly left the port early.", True),
        ("The ferry is expected to resume service on Friday.", True),
        ("The bridge reopened in the spring.", False),
        ("The captain left the port early.", False),
    ],
)
def test_hedges_are_the_source_distancing_itself(text: str, expected: bool) -> None:
    assert hedged(text) is expected
    assert _statement(text).hedged is expected
