"""Who the source is and where its phrase begins and ends, on sentences written for the tests.

Each case is one the parse or the phrase rules used to get wrong: the subject
of an infinitive after an object ("prompted officials to warn"), a participle
after a noun ("polls showing ..."), a noun inside the quotation taken for the
speaker, a sentence the parser ran over a paragraph break, and phrase edges
(a leading "both", a split hyphenated word, a partitive "in", a final "and").
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism import nlp
from newsprism.quotes import CAPABILITIES, quotes
from newsprism.quotes.attribute import find_attributions
from newsprism.quotes.cues import source_of
from newsprism.quotes.spans import source_phrase


def _parse(text: str) -> Doc:
    return next(nlp.parse([text], CAPABILITIES))


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def _sources(text: str, *, broad: bool = False) -> dict[str, str | None]:
    """Cue word -> source phrase as written, for every attribution of ``text``."""
    doc = _parse(text)
    out: dict[str, str | None] = {}
    for att in find_attributions(doc, broad=broad):
        if att.cue is None:
            continue
        phrase = None
        if att.source is not None:
            a, b = source_phrase(att.source, att.cue, att.source_drop)
            phrase = doc[a:b].text
        out[att.cue.text] = phrase
    return out


def test_object_of_the_governing_verb_is_the_infinitive_cues_source() -> None:
    assert _sources("The storm prompted city officials to warn residents about flooding.") == {
        "warn": "city officials"
    }
    doc = _parse("The scandal led several senior senators to demand an inquiry.")
    src = source_of(doc[_token(doc, "demand")])
    assert src is not None and src.text == "senators"


def test_an_instrument_does_not_control_the_infinitive() -> None:
    doc = _parse("The senator used the hearing to attack the nominee.")
    src = source_of(doc[_token(doc, "attack")])
    assert src is not None and src.text == "senator"


def test_participle_after_a_noun_has_that_noun_as_source() -> None:
    doc = _parse("Despite polls showing her well behind, the candidate campaigned hard.")
    src = source_of(doc[_token(doc, "showing")])
    assert src is not None and src.text == "polls"
    doc = _parse("The report found that 40 percent of parents criticizing the schools wanted more.")
    criticizing = doc[_token(doc, "criticizing")]
    src = source_of(criticizing)
    assert src is not None
    a, b = source_phrase(src, criticizing)
    assert doc[a:b].text == "40 percent of parents"


def test_document_an_agent_issued_does_not_speak_for_it() -> None:
    # "issued a statement saying": the statement is the union's, and so is the saying.
    doc = _parse("The union issued a statement saying the strike would continue.")
    src = source_of(doc[_token(doc, "saying")])
    assert src is not None and src.text == "union"


def test_speaker_is_not_taken_from_inside_the_quotation() -> None:
    text = '"Clearly an experienced and capable person," campaign manager Tom Weaver said Monday.'
    assert _sources(text) == {"said": "campaign manager Tom Weaver"}
    (q,) = quotes(text)
    assert q.speaker is not None and q.speaker.name == "Tom Weaver"


def test_source_phrase_stays_in_its_paragraph() -> None:
    text = (
        '"It is a fair deal," said Anna Berg, a senior fellow at the Policy Center and a '
        "former adviser to Vice President Joseph R. Biden Jr.\n\nMrs. Clinton often says "
        "she is not running for a third term."
    )
    found = _sources(text)
    assert found["says"] == "Mrs. Clinton"
    assert found["said"] is not None and found["said"].endswith("Biden Jr.")


def test_phrase_edges() -> None:
    assert _sources("Both the House and the Senate have approved the measure.", broad=True) == {
        "approved": "Both the House and the Senate"
    }
    assert _sources("The co-host of the show asked the senator about taxes.")["asked"] == (
        "The co-host of the show"
    )
    assert _sources("Some in the crowd shouted that the vote was rigged.") == {
        "shouted": "Some in the crowd"
    }
    found = _sources(
        "Leaders across Europe, Asia and elsewhere sent messages of sympathy.", broad=True
    )
    assert found == {"sent": "Leaders across Europe, Asia and elsewhere"}


def test_circumstance_after_a_name_is_cut_but_not_a_partitive() -> None:
    # A day after the source tells when; "in June" after a poll names which poll.
    assert _sources("A poll in June showed that most voters backed the plan.") == {
        "showed": "A poll in June"
    }
    assert _sources('"We will win," Mayor Ann Lee said on Tuesday.') == {"said": "Mayor Ann Lee"}
