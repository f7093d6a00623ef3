"""Where a reported content ends: one thing said per cue (issue 16, round 12).

"She said A and praised B" is two statements, each with its own content; the
writer's relative clause after what was said ("..., which includes ...") is not
said; a nominal the parser coordinated with the cue verb is more of its object.
The passages are written for the tests, never taken from the articles read.
"""

from __future__ import annotations

from quote_helpers import one

from newsprism.quotes import quotes

_HEAD = (
    "City budget passes after long night\n\n"
    "The city council voted on the new budget on Tuesday after a five-hour meeting.\n\n"
)


def _texts(text: str) -> list[str]:
    return [q.text for q in quotes(_HEAD + text)]


def test_a_second_statement_is_cut_off_the_first() -> None:
    found = _texts(
        "Mayor Dana Ruiz said she admires the new budget and praised the council for its "
        "work on the parks."
    )
    assert "she admires the new budget" in found
    assert "the council for its work on the parks" in found


def test_the_second_statement_takes_its_own_quoted_words() -> None:
    found = quotes(
        _HEAD + 'Mayor Dana Ruiz said that she will "keep the libraries open" and insisted '
        'that the city was "still in good shape."'
    )
    first = one(found, "keep the libraries open")
    assert "insisted" not in first.text and "good shape" not in first.text
    second = one(found, "still in good shape")
    assert second.cue == "insisted"
    assert second.speaker is not None and second.speaker.name == "Dana Ruiz"


def test_a_plain_coordinated_verb_stays_in_the_content() -> None:
    # "closed" is no cue: what the council did is part of what she said.
    found = _texts("Mayor Dana Ruiz said the council cut the parks budget and closed two pools.")
    assert "the council cut the parks budget and closed two pools" in found


def test_the_writers_relative_clause_is_not_said() -> None:
    found = _texts(
        "Mayor Dana Ruiz said she supports the new transit plan, which includes two bus "
        "lines along the river."
    )
    assert "she supports the new transit plan" in found


def test_a_nominal_conjunct_is_more_of_the_object() -> None:
    found = _texts(
        "Mayor Dana Ruiz blamed the council directly for the past year and a half of delays "
        "that have hurt small businesses."
    )
    assert any(t.endswith("delays that have hurt small businesses") for t in found)


def test_a_second_statement_keeps_the_first_speaker() -> None:
    # The parse hangs "criticized" under Hale's clause; the one criticizing is Ruiz.
    second = one(
        quotes(
            _HEAD + "Mayor Dana Ruiz said Tom Hale was careless and criticized him for "
            "closing two pools."
        ),
        "him for closing two pools",
    )
    assert second.speaker is not None and second.speaker.name == "Dana Ruiz"


def test_an_attribution_in_the_cut_relative_clause_stays_in_broad_mode() -> None:
    # Broad mode drops an attribution nested in another's content; once the writer's
    # relative clause is cut off, "has said" is no longer nested.
    found = quotes(
        _HEAD + "Mayor Dana Ruiz said she met on Monday with Tom Hale, who has said he "
        "opposes the transit plan.",
        broad=True,
    )
    inner = one(found, "he opposes the transit plan")
    assert inner.speaker is not None and inner.speaker.name == "Tom Hale"
    assert any(q.text == "she met on Monday with Tom Hale" for q in found)


def test_a_second_statement_is_cut_off_in_broad_mode_too() -> None:
    found = [
        q.text
        for q in quotes(
            _HEAD + "Mayor Dana Ruiz said the council cut the parks budget and promised "
            "that the pools would reopen in June.",
            broad=True,
        )
    ]
    assert "the council cut the parks budget" in found
    assert "that the pools would reopen in June" in found
