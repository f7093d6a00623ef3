"""Quote forms and speaker resolution on sentences written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.model import Quote
from newsprism.quotes import quotes


def _one(text: str, fragment: str) -> Quote:
    found = [q for q in quotes(text) if fragment in q.text]
    assert found, f"no quote holding {fragment!r} in {[q.text for q in quotes(text)]}"
    return found[0]


def _speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_direct_quote_speaker_after() -> None:
    q = _one('"We will win this fight," Maria Gonzalez said on Tuesday.', "win this fight")
    assert q.kind == "direct"
    assert _speaker(q) == "Maria Gonzalez"
    assert q.cue == "said"


def test_direct_quote_speaker_before() -> None:
    q = _one('Governor Tom Reyes said: "The budget is balanced."', "budget is balanced")
    assert q.kind == "direct"
    assert _speaker(q) == "Tom Reyes"
    assert q.speaker is not None and q.speaker.role is not None
    assert "Governor" in q.speaker.role


def test_inverted_cue_and_apposition_role() -> None:
    q = _one('"Prices will rise," said Laura Chen, an economist at the bank.', "Prices will rise")
    assert _speaker(q) == "Laura Chen"
    assert q.speaker is not None and q.speaker.role is not None
    assert "economist" in q.speaker.role


def test_split_quote_both_halves_attributed() -> None:
    text = 'Laura Chen arrived at noon. "The plan," she told reporters, "is already late."'
    first, second = _one(text, "The plan"), _one(text, "already late")
    assert _speaker(first) == _speaker(second) == "Laura Chen"
    assert first.statement == second.statement


def test_multi_paragraph_quote() -> None:
    text = (
        "Omar Haddad spoke for an hour.\n\n"
        "“The first years were hard for everyone in the valley.\n\n"
        "“Then the water came back,” Haddad said.\n\nThe meeting ended."
    )
    q = _one(text, "first years were hard")
    assert "water came back" in q.text
    assert _speaker(q) == "Omar Haddad"


def test_partial_quote_inside_sentence() -> None:
    q = _one('Senator Ann Lee called the deal "a historic mistake" on Monday.', "historic mistake")
    assert q.kind == "partial"
    assert _speaker(q) == "Ann Lee"


def test_indirect_speech() -> None:
    q = _one("Dan Brooks told Reuters that the factory would close next year.", "factory")
    assert q.kind == "indirect"
    assert _speaker(q) == "Dan Brooks"
    assert q.cue == "told"


def test_according_to() -> None:
    q = _one(
        "According to the Ministry of Health, 40 people were injured in the fire.", "40 people"
    )
    assert q.kind == "indirect"
    assert _speaker(q) == "Ministry of Health"
    assert q.speaker is not None and q.speaker.entity == "org:ministry-of-health"


def test_pronoun_resolves_to_last_named_speaker() -> None:
    text = (
        "Mark Ruiz, a lawyer for the union, spoke after the vote. "
        'If the company appeals, "we will be in court for years," he added.'
    )
    q = _one(text, "in court for years")
    assert _speaker(q) == "Mark Ruiz"
    assert q.speaker is not None and q.speaker.role == "a lawyer for the union"


def test_surname_normalised_to_full_name() -> None:
    text = 'Paula Stone, the mayor, opened the meeting. "We need more buses," Stone said.'
    q = _one(text, "more buses")
    assert _speaker(q) == "Paula Stone"
    assert q.speaker is not None and q.speaker.entity == "person:paula-stone"


def test_definite_title_resolves_to_named_person() -> None:
    text = 'Sen. Ruth Miller spoke on Monday. "This bill is dead," the senator said.'
    assert _speaker(_one(text, "bill is dead")) == "Ruth Miller"


def test_anonymous_source_kept_as_written() -> None:
    q = _one('"The talks have stalled," a senior European diplomat said.', "talks have stalled")
    assert _speaker(q) == "a senior European diplomat"
    assert q.speaker is not None and q.speaker.entity is None


def test_organisation_voice_is_the_organisation() -> None:
    q = _one("Tesla's statement said the report was false and misleading.", "report was false")
    assert _speaker(q) == "Tesla"


def test_unattributed_scare_quote_is_no_quote() -> None:
    """Quoted words in the writer's sentence with no cue and no speaker are emphasis."""
    assert quotes('The so-called "peace plan" was published on Friday.') == []
    # A whole quotation with no cue stays, without a speaker.
    found = quotes('"Nobody expected the vote to pass."')
    assert [q.kind for q in found] == ["direct"] and found[0].speaker is None


def test_a_quotation_interrupted_by_its_cue_is_one_quote() -> None:
    text = '"The bridge is safe," the engineer Rui Costa said, "and it will reopen in June."'
    (q,) = quotes(text)
    assert q.kind == "direct" and _speaker(q) == "Rui Costa"
    assert q.text.startswith("The bridge") and q.text.endswith("in June.")


def test_reported_speech_with_quoted_words_is_the_whole_clause() -> None:
    text = 'Mayor Ines Duarte said the council will "fight every cut" in the budget.'
    (q,) = quotes(text)
    assert q.text.startswith("the council will") and "fight every cut" in q.text
    assert _speaker(q) == "Ines Duarte"


def test_follow_on_quote_inherits_speaker() -> None:
    text = '"We won," Ana Silva said after the count. "Now the work starts."'
    assert _speaker(_one(text, "work starts")) == "Ana Silva"


def test_follow_on_quote_in_next_paragraph_is_not_attributed() -> None:
    text = '"We won," Ana Silva said.\n\nThe count ended late. "Now the work starts."'
    assert _speaker(_one(text, "work starts")) is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ('"A," B said. "C."\n\n“D\n\n“E,” he said.', 2),
        ("According to officials, it rained. She said that it did not.", 2),
        ("", 0),
        ('"unclosed quote at the end', 1),
    ],
)
def test_offsets_and_ids(text: str, count: int) -> None:
    found = quotes(text)
    assert len(found) == count
    assert [q.id for q in found] == [f"text:q{n}" for n in range(1, len(found) + 1)]
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.cue_span is not None:
            assert text[q.cue_span[0] : q.cue_span[1]] == q.cue
    assert quotes(text) == found


def test_cue_in_previous_paragraph_does_not_take_the_quote() -> None:
    # Reported speech whose speaker does not open the paragraph: the quoted
    # paragraph after it may answer it.  (One that opens with its speaker,
    # "Ana Silva said the vote was fair.", is hers: tests/quotes/test_speakers.py.)
    text = 'After the count, Ana Silva said the vote was fair.\n"Nobody believes that."'
    assert _speaker(_one(text, "Nobody believes")) is None


def test_broad_mode_reports_stances() -> None:
    from newsprism import nlp
    from newsprism.model import Article
    from newsprism.quotes import CAPABILITIES, extract

    text = "Senator Ann Lee supported the new trade agreement on Monday."
    doc = next(nlp.parse([text], CAPABILITIES))
    art = Article(id="a", text=text)
    assert extract(art, doc) == ()
    broad = extract(art, doc, broad=True)
    assert [q.kind for q in broad] == ["indirect"]
    assert broad[0].speaker is not None and broad[0].speaker.name == "Ann Lee"
    assert "trade agreement" in broad[0].text


_FRAGMENTS = [
    '"',
    "“",
    "”",
    "''",
    " ",
    "\n",
    "\n\n",
    ", ",
    ". ",
    "Ann Lee",
    "he",
    "said",
    "told reporters",
    "according to the ministry",
    "that",
    "the plan will fail",
    "We won",
    "(D-N.Y.)",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_any_text_gives_consistent_quotes(parts: list[str]) -> None:
    """Whatever the marks and cues, offsets, cue spans and ids stay consistent."""
    text = " ".join(parts)
    found = quotes(text)
    assert [q.id for q in found] == [f"text:q{n}" for n in range(1, len(found) + 1)]
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.cue_span is not None:
            assert text[q.cue_span[0] : q.cue_span[1]] == q.cue
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(text)
        assert q.statement is not None


def test_they_continues_a_group_just_quoted() -> None:
    text = "Teachers' unions said the plan would cut pay. They added that a strike was possible."
    assert _speaker(_one(text, "strike was possible")) == "Teachers' unions"


def test_they_without_a_group_just_quoted_stays_unresolved() -> None:
    text = "Maria Gonzalez said the plan would cut pay. They added that a strike was possible."
    assert _speaker(_one(text, "strike was possible")) is None


def test_speech_noun_with_possessor_reports_its_clause() -> None:
    text = "Donald Trump spoke in Ohio. Trump's claim that the vote was rigged drew criticism."
    q = _one(text, "the vote was rigged")
    assert q.kind == "indirect"
    assert q.cue == "claim"
    assert _speaker(q) == "Donald Trump"


def test_speech_noun_without_a_clause_reports_nothing() -> None:
    # A topic ("remarks about") or a purpose ("statements to explain") is not what was said.
    text = (
        "Ann Lee's remarks about the judge and her statements to explain the delay drew criticism."
    )
    assert [q for q in quotes(text) if q.speaker is not None] == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Nadia Kovac: The port strike will end this week\n\n"
            "Union leader Nadia Kovac spoke to reporters on Monday.",
            "Nadia Kovac",
            "The port strike will end this week",
        ),
        (
            "Kovac: 'We are close to a deal'\n\nUnion leader Nadia Kovac met the owners on Monday.",
            "Nadia Kovac",
            "We are close to a deal",
        ),
        (
            "Survey: Most renters expect higher costs next year\n\nThe figures came out on Monday.",
            "Survey",
            "Most renters expect",
        ),
    ],
)
def test_headline_colon_attributes(text: str, speaker: str, content: str) -> None:
    q = _one(text, content)
    assert q.cue == ":" and _speaker(q) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The vote was moved to Friday\n\nThe council met on Monday.",
        "Schedule: Doors open at nine, talks start at ten\n\nBring a badge.",
        "Mayor Ines Duarte spoke first. She listed three points: cost, time, and staff.",
    ],
)
def test_colon_without_a_named_source_is_no_headline_quote(text: str) -> None:
    assert not [q for q in quotes(text) if q.cue == ":"]


def test_any_verb_after_a_quotation_closed_by_a_comma_attributes_it() -> None:
    (q,) = quotes('"We will win this seat," Marisol Ortega beamed.')
    assert q.speaker is not None and q.speaker.name == "Marisol Ortega"
    assert q.cue == "beamed"
    # A closing full stop ends the writer's sentence: the next verb is narration.
    (q,) = quotes('"We will win this seat." Marisol Ortega smiled.')
    assert q.speaker is None


def test_a_document_reads() -> None:
    (q,) = quotes('The flyer handed out at the rally reads, "Vote early, vote often."')
    assert q.speaker is not None and "flyer" in q.speaker.name
    assert q.cue == "reads"


def test_object_content_ends_where_a_second_statement_begins() -> None:
    """ "pointed to X, noting that Y": X is one thing reported, Y another."""
    text = (
        "Governor Tom Reyes pointed to the senator's organizational skills, noting that "
        'he has put together "the best ground game in the state."'
    )
    first = _one(text, "organizational skills")
    assert "noting" not in first.text and "ground game" not in first.text
    assert _speaker(first) == "Tom Reyes"
    second = _one(text, "ground game")
    assert second.cue == "noting" and _speaker(second) == "Tom Reyes"


def test_coordinated_statements_are_two_quotes() -> None:
    text = (
        'Governor Tom Reyes referred to Lopez as "a bright, charismatic leader" but '
        'described her record as a "work in progress."'
    )
    first = _one(text, "charismatic leader")
    assert "work in progress" not in first.text
    assert _one(text, "work in progress").cue == "described"


def test_second_that_clause_is_more_of_what_was_said() -> None:
    text = (
        "Governor Tom Reyes said the state needs to fix its roads and build new schools, "
        "but that he would not raise taxes to pay for them."
    )
    q = _one(text, "fix its roads")
    assert q.text.endswith("would not raise taxes to pay for them")


def test_reported_clause_keeps_its_own_narration_out() -> None:
    text = "Mayor Ann Briggs said that the budget was balanced, and the council voted on Monday."
    q = _one(text, "budget was balanced")
    assert "council" not in q.text


def test_speaker_the_parser_hung_on_a_fronted_phrase() -> None:
    """After "In a statement to X," the parser makes the speaker an apposition of X."""
    text = (
        "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
        '"Hillary Clinton believes that transatlantic cooperation is essential."'
    )
    assert _speaker(_one(text, "transatlantic cooperation")) == "Jake Sullivan"


def test_description_right_before_a_cue_without_subject() -> None:
    text = (
        "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic "
        "presidential candidate stated that the comments do not fit."
    )
    q = _one(text, "comments do not fit")
    assert q.cue == "stated"
    assert _speaker(q) == "the Democratic presidential candidate"


def test_title_split_from_its_full_stop_is_not_part_of_the_name() -> None:
    text = (
        "In a conference call with reporters on Dec. 2, Col. Steven Warren, a military "
        'spokesman in Baghdad, said, "A raid is a combat operation."'
    )
    assert _speaker(_one(text, "combat operation")) == "Steven Warren"


def test_name_the_tagger_missed_is_an_antecedent() -> None:
    """NER leaves "Ivanka Trump" untagged here; her given name says she is a person."""
    text = (
        "Ivanka Trump, 34, could be a particularly effective bridge to female voters. "
        "She has pushed back against accusations of sexism against her father, saying he "
        "has been a pioneer in promoting women."
    )
    assert _speaker(_one(text, "pioneer in promoting women")) == "Ivanka Trump"
