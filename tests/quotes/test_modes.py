"""Speech mode (the default) against broad mode, from the library to the pipeline's cache."""

from __future__ import annotations

import newsprism
from newsprism import MemoryStore, Options
from newsprism.model import Article

STANCE = "Governor Jane Ruiz wants the legislature to pass the budget by Friday."
WARY = "Senate Republicans are wary of the plan, which they see as a tax increase."
SAID = '"We will not raise taxes," Governor Jane Ruiz said on Tuesday.'


def test_broad_mode_attributes_stances_that_speech_mode_leaves_out() -> None:
    assert newsprism.quotes(STANCE) == []
    (stance,) = newsprism.quotes(STANCE, broad=True)
    assert stance.speaker is not None and stance.speaker.name == "Jane Ruiz"
    assert stance.cue == "wants"
    assert "pass the budget" in stance.text
    wary, seen = newsprism.quotes(WARY, broad=True)
    assert wary.speaker is not None and "Republicans" in wary.speaker.name
    # The relative clause is their view, an attribution of its own once it is cut
    # off the stance's content (issue 16, round 12b).
    assert wary.text == "of the plan"
    assert seen.cue == "see" and seen.speaker is not None
    assert "Republicans" in seen.speaker.name
    assert newsprism.quotes(WARY) == []


def test_both_modes_find_speech() -> None:
    for broad in (False, True):
        (q,) = newsprism.quotes(SAID, broad=broad)
        assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "Jane Ruiz"


def test_the_store_caches_each_mode_apart() -> None:
    store = MemoryStore()
    article = Article(id="a1", text=f"{STANCE}\n\n{SAID}")
    speech = newsprism.analyze_articles([article], store=store)
    broad = newsprism.analyze_articles([article], store=store, options=Options(broad_quotes=True))
    again = newsprism.analyze_articles([article], store=store)
    assert len(broad.quotes) == len(speech.quotes) + 1
    assert [q.text for q in again.quotes] == [q.text for q in speech.quotes]


CALLED_FOR = "Mayor Dana Whitfield called for an independent audit of the water utility."
POLL = "A Marist poll released Monday shows Whitfield leading her challenger by nine points."
REFERRED = 'Councilman Oscar Lindqvist referred to the budget as "a fantasy document."'
PASSIVE = "The reservoir, often referred to as the city's lifeline, is nearly empty."


def test_speech_mode_takes_statements_made_without_a_speech_verb() -> None:
    (called,) = newsprism.quotes(CALLED_FOR)
    assert called.speaker is not None and called.speaker.name == "Dana Whitfield"
    assert called.cue is not None and called.cue.startswith("called")
    assert "independent audit" in called.text
    (poll,) = newsprism.quotes(POLL)
    assert poll.speaker is not None and "poll" in poll.speaker.name.lower()
    assert "leading her challenger" in poll.text
    (referred,) = newsprism.quotes(REFERRED)
    assert referred.speaker is not None and referred.speaker.name == "Oscar Lindqvist"


def test_a_passive_statement_verb_has_no_speaker_in_its_subject() -> None:
    # The reservoir is what is talked about, not who talks; wants and stances stay broad.
    quotes = newsprism.quotes(PASSIVE)
    assert all(q.speaker is None or "reservoir" not in q.speaker.name for q in quotes)
    assert newsprism.quotes(STANCE) == []


def test_calls_for_someone_to_act_and_light_verb_statements() -> None:
    (called,) = newsprism.quotes(
        "Senator Ines Carvalho is calling for the state to freeze tuition for two years."
    )
    assert called.speaker is not None and called.speaker.name == "Ines Carvalho"
    assert called.text.startswith("the state to freeze tuition")
    (case,) = newsprism.quotes(
        "Carvalho made the case that a freeze would cost the state very little."
    )
    assert case.text.startswith("that a freeze") and "the case" not in case.text
    assert newsprism.quotes("Carvalho made a sandwich for the volunteers.") == []


UNSAID = (
    "The transport ministry refused to confirm that the ferry contract had been cancelled. "
    "Minister Leah Okafor did not say when the crossings would resume. "
    "The harbour master declined to comment on the collision. "
    '"We are inspecting every vessel," Okafor said on Friday. '
    "She did not say why. "
    '"Safety comes first."'
)


def test_what_was_not_said_is_no_quote() -> None:
    found = newsprism.quotes(UNSAID)
    texts = " | ".join(q.text for q in found)
    assert "cancelled" not in texts and "resume" not in texts and "collision" not in texts
    said = [q for q in found if "inspecting every vessel" in q.text]
    assert len(said) == 1 and said[0].speaker is not None
    assert said[0].speaker.name == "Leah Okafor"
    # "She did not say why" still parts the two quotations: the second is not
    # run on as hers through a sentence about what she left unsaid
    assert "did not say why" not in said[0].text
    assert newsprism.quotes(UNSAID, broad=True)  # broad mode follows its classifier
