"""Outlet inference: cue priority, self-reference counting, and what must not count."""

from __future__ import annotations

import pytest

from newsprism.clean import THRESHOLD, clean
from newsprism.model import Article


def _outlet(*paragraphs: str) -> str | None:
    return clean(Article(id="a", text="\n\n".join(paragraphs))).outlet


BODY = "The minister resigned on Tuesday after weeks of pressure over the budget."


@pytest.mark.parametrize(
    ("paragraphs", "outlet"),
    [
        # repeated self-references in the "told X" / "requests for comment" sense
        (
            [
                BODY,
                "A senior official told the Example Post that the decision was final.",
                "The ministry did not respond to the Example Post's requests for comment.",
            ],
            "The Example Post",
        ),
        (
            [
                BODY,
                "An aide told Newsline on condition of anonymity that talks had failed.",
                "Another official told Newsline that a deal was still possible.",
                "A spokesperson told Newsline in a statement: “We do not comment.”",
            ],
            "Newsline",
        ),
        (
            [
                BODY,
                "The plan, according to a document seen by Reuters, would cut spending.",
                "Reuters could not independently verify the document.",
            ],
            "Reuters",
        ),
        (
            [
                BODY,
                "SpaceX referred Axios to its statement released on Friday.",
                "The Pentagon did not immediately respond to Axios' requests for comment.",
                "NASA chief Bill Nelson told Semafor Friday that it was concerning.",
            ],
            "Axios",
        ),
        (
            [
                BODY,
                "A government source told the Guardian that the target would be dropped.",
                "The department did not respond to the Guardian’s request for comment.",
            ],
            "The Guardian",
        ),
        (
            [
                BODY,
                "“We will appeal,” the company said in a statement to Example Times.",
                "When reached by Example Times, the mayor declined to comment.",
            ],
            "Example Times",
        ),
    ],
)
def test_self_references_name_the_outlet(paragraphs: list[str], outlet: str) -> None:
    assert _outlet(*paragraphs) == outlet


@pytest.mark.parametrize(
    "paragraphs",
    [
        # one citation of another outlet is not a self-reference
        [BODY, "The senator later told CNN that she expected a legal challenge."],
        # "told reporters", "told the paper", "told me": not names
        [BODY, "He told reporters the plan was dead.", "She told the paper and told me so too."],
        # a person told things, again and again, who also speaks
        [
            BODY,
            "The president told Putin that an attack would be met with force.",
            "He told Putin that sanctions would be tightened, and told Putin the West was united.",
            "Putin said the sanctions were illegal.",
        ],
        # institutions told things
        [BODY, "She told Congress that the agency had run out of money."] * 4,
        # two outlets cited equally often: no way to choose
        [
            BODY,
            "An aide told Alpha News that talks failed.",
            "An aide told Beta News that talks failed.",
            "Alpha News's requests for comment went unanswered, as "
            "did Beta News's requests for comment.",
        ],
        # a social-media follow line may name the reporter: too weak alone
        [BODY, "Follow Jane Doe on X"],
    ],
)
def test_no_outlet_without_enough_evidence(paragraphs: list[str]) -> None:
    assert _outlet(*paragraphs) is None


def test_footer_beats_self_references_to_another_name() -> None:
    outlet = _outlet(
        BODY,
        "An aide told Capital Wire that talks failed.",
        "Another aide told Capital Wire that a deal was possible.",
        "Capital Wire's requests for comment went unanswered.",
        "The post Minister resigns appeared first on Daily Example.",
    )
    assert outlet == "Daily Example"


def test_credit_for_beats_self_references() -> None:
    outlet = _outlet(
        BODY,
        "An aide told Politico that talks failed.",
        "Politico's requests for comment went unanswered.",
        "Jane Doe contributed to this report for Example News Network",
    )
    assert outlet == "Example News Network"


def test_agreeing_weak_cues_add_up() -> None:
    art = clean(
        Article(
            id="a",
            text="\n\n".join(
                [
                    BODY,
                    "An aide told Example Wire that talks failed.",
                    "Example Wire's requests for comment went unanswered.",
                    "Follow Example Wire on Facebook",
                ]
            ),
        )
    )
    assert art.outlet == "Example Wire"
    alone = clean(Article(id="b", text=f"{BODY}\n\nFollow Example Wire on Facebook"))
    assert alone.outlet is None
    assert art.metadata["outlet_inferred"]["confidence"] > THRESHOLD


def test_republication_footer_names_the_origin() -> None:
    assert _outlet(BODY, "This story was originally published by ProPublica.") == "ProPublica"


def test_wire_datelines() -> None:
    assert _outlet("KYIV, Ukraine (AP) — Russian drones struck the capital overnight.") == "AP"
    assert _outlet("Washington (CNN) — The Senate passed the bill.") == "CNN"
    assert _outlet("BEIJING, Oct. 26 (Xinhua) -- China's economy grew 4.6%.") == "Xinhua"
    assert _outlet("The deal (Reuters) - not a dateline, in the middle of a sentence.") is None
