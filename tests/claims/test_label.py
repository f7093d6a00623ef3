"""Group labels read as short statements (examples written for the project)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.claims.label import LABEL_CHARS, WHOLE_CHARS, clean, penalty, pick, shorten


def test_the_attribution_is_left_to_the_sides() -> None:
    assert clean("The bridge will close for repairs in May, city officials said.") == (
        "The bridge will close for repairs in May"
    )
    assert clean("The mayor resigned last night, according to two council members") == (
        "The mayor resigned last night"
    )
    assert clean('"We will rebuild the pier," said Ana Ruiz, the harbour master.') == (
        '"We will rebuild the pier"'
    )


def test_an_attribution_that_dates_something_stays() -> None:
    text = "The mayor has met the developer twice since March, the Ledger reported Friday"
    assert clean(text) == text


def test_section_cues_and_datelines_are_dropped() -> None:
    assert clean("Why it matters: The port handles a third of the region's grain.") == (
        "The port handles a third of the region's grain"
    )
    assert clean("LISBON (Reuters) — The ferry strike ended on Monday.") == (
        "The ferry strike ended on Monday"
    )


def test_a_quotation_begun_before_the_claim_loses_its_lone_closing_mark() -> None:
    assert clean('we were never told about the closure," he said') == (
        "We were never told about the closure"
    )


def test_a_long_label_is_cut_at_a_clause_boundary() -> None:
    text = (
        "The regional council approved the new ferry terminal on the north shore of the bay "
        "on Tuesday evening, which opponents say will double traffic through the old town "
        "and its narrow streets"
    )
    assert shorten(text) == (
        "The regional council approved the new ferry terminal on the north shore of the bay "
        "on Tuesday evening"
    )


def test_a_list_of_activities_is_not_a_clause_boundary() -> None:
    text = (
        "The rules drop a requirement that agencies consult scientists before approving "
        "drilling, mining and logging projects on public land across the western states"
    )
    assert shorten(text) == text  # not cut at "drilling,": whole, as it is short enough
    assert shorten(text, whole=140).endswith("…")


def test_a_member_that_leans_on_earlier_text_is_not_the_label() -> None:
    assert penalty("That's more than five times the legal limit") == 1
    assert penalty("it stands, the firm has a partnership") >= 1
    label = pick(
        [
            (10, "That's more than five times the legal limit"),
            (9, "The driver's blood-alcohol level was more than five times the legal limit"),
        ]
    )
    assert label.startswith("The driver's")


@given(st.text(min_size=1, max_size=400))
def test_a_label_is_never_longer_than_the_limit(text: str) -> None:
    assert len(shorten(clean(text))) <= max(LABEL_CHARS + 1, WHOLE_CHARS)


def test_uncued_keeps_the_attribution() -> None:
    from newsprism.claims.label import uncued

    assert uncued("Zoom out: The port reopened Friday, officials said") == (
        "The port reopened Friday, officials said"
    )


def test_a_list_joined_by_and_is_not_cut_as_a_clause() -> None:
    text = (
        "The basic building block of the new server is a card-sized compute block made of "
        "a processor, its chipset, memory, and a custom chip that links the blocks together"
    )
    assert shorten(text, whole=140).endswith("…")


def test_a_label_is_not_cut_inside_a_parenthesis_set_off_by_dashes() -> None:
    text = (
        "Whatever doubts the regulators might have about the company, its subsidiaries — "
        "notably the shipping arm, which carries most of the region's grain exports — play "
        "a part in the economy of the whole coast that nobody in the capital can ignore"
    )
    label = shorten(text)
    assert label.endswith("…")  # no cut at either dash or at ", which" between them
    assert not label.endswith(("the shipping arm", "its subsidiaries"))
    # a dash that closes nothing is still a boundary
    lone = "The harbour board approved the new terminal after a long night of talks — " + (
        "and the unions said they would wait to see what the board does with the plans"
    )
    assert shorten(lone, limit=110) == (
        "The harbour board approved the new terminal after a long night of talks"
    )


def test_a_quotation_left_open_by_the_sentence_is_closed_in_the_label() -> None:
    assert clean("The mayor called the plan “a once-in-a-generation chance") == (
        "The mayor called the plan “a once-in-a-generation chance”"
    )
    assert clean("The mayor called it “bold” and “overdue”.") == (
        "The mayor called it “bold” and “overdue”"
    )


def test_an_attribution_cut_at_a_titles_stop_and_a_stray_mark_are_dropped() -> None:
    # the splitter ended the sentence at "Sgt." ("..., Harlow police Sgt." | "Ray Moss said")
    assert clean("Divers found the second car in the canal near the lock, Harlow police Sgt") == (
        "Divers found the second car in the canal near the lock"
    )
    assert clean('" (After the vote) I rang my mother straight away') == (
        "(After the vote) I rang my mother straight away"
    )
    # a title inside the sentence is not an attribution
    assert clean("The inquiry heard from Dr. Ana Ruiz and the harbour master") == (
        "The inquiry heard from Dr. Ana Ruiz and the harbour master"
    )
