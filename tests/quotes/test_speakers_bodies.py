"""Bodies called by their kind, and spans that report no speech: round 9's fresh outlets.

Issue 16's round 9 read quotes of 60 more articles of outlets the quotes work never
used (FNC-1 bodies, ECB+ wire copy).  The costliest speaker form was a body named once
and then called by its kind ("The Department of Marine Safety ... The department
said", "The Wall Street Journal reported ... The report said"): the quote went to "the
department", which names no one.  The passages here are written for the tests in those
forms, never taken from the articles read.
"""

from __future__ import annotations

from quote_helpers import fixture as _fixture
from quote_helpers import one as _one
from quote_helpers import speaker as _speaker

from newsprism.quotes import quotes


def test_the_department_is_the_department_the_article_named() -> None:
    found = _fixture("harbour-ferry.txt")
    assert _speaker(found, "90 km/h") == "Department of Marine Safety"


def test_the_company_continues_the_company_just_quoted() -> None:
    found = _fixture("harbour-ferry.txt")
    assert _speaker(found, "reduced timetable") == "Islander Shipping Ltd"


def test_the_union_is_the_union_named_though_ner_missed_it() -> None:
    # The small model labels no entity in "The Coastal Ferry Workers Union said":
    # a name holding "Union" is an organisation, and "the union" is it.
    found = _fixture("harbour-ferry.txt")
    assert _speaker(found, "take a boat out") == "Coastal Ferry Workers Union"
    sp = _one(found, "take a boat out").speaker
    assert sp is not None and sp.entity is not None and sp.entity.startswith("org:")


def test_the_group_is_the_body_the_sentence_before_is_about() -> None:
    found = _fixture("harbour-ferry.txt")
    assert _speaker(found, "prescriptions") == "Harbour Residents Association"


def test_the_paper_continues_the_outlet_some_sentences_on() -> None:
    found = _fixture("harbour-ferry.txt")
    assert _speaker(found, "subsidy increase") == "Coast Gazette"


def test_the_report_is_the_outlet_just_cited() -> None:
    text = (
        "The airline will cut 400 jobs, according to the Northern Herald. "
        "The report said the cuts would fall mostly on ground staff."
    )
    assert _speaker(quotes(text), "ground staff") == "Northern Herald"


def test_a_body_of_people_or_someone_elses_group_is_not_the_last_body() -> None:
    # "The group of residents" is people, not the company quoted before; a description
    # with no body named or quoted near stays as written.
    text = (
        "Islander Shipping Ltd. said the delays would cost it $40,000 a day. "
        "The group of residents said they would protest on Friday."
    )
    assert _speaker(quotes(text), "protest on Friday") != "Islander Shipping Ltd"
    text = (
        "Islander Shipping Ltd. said the delays would cost it $40,000 a day.\n\n"
        "Fishing boats stayed in port. Schools closed early. Two roads were flooded.\n\n"
        "The company said it would appeal."
    )
    assert _speaker(quotes(text), "appeal") == "The company"


def test_a_name_given_by_a_participle_is_no_quote_of_anyone() -> None:
    # "now called X" names the chart; the song said nothing.
    for text in (
        'The song reached No. 4 on the soul chart, now called the "R&B Songs" chart.',
        "It also peaked at No. 4 on the soul singles chart, now called the R&B songs chart.",
    ):
        found = quotes(text)
        assert all(q.speaker is None for q in found if "R&B" in q.text)


def test_a_relative_clause_that_calls_something_is_still_a_quote() -> None:
    # The parser loses "which" as the object here; Tim Cook still said it.
    text = (
        "Given the commission's efforts to collect -- which the company's chief "
        'executive, Tim Cook, called "total political nonsense" -- investors are wary.'
    )
    assert _one(quotes(text), "total political nonsense").speaker is not None


def test_a_name_with_the_arabic_article_is_shown_whole() -> None:
    # The tokenizer splits "al-"; the name shown was "Hassan" (role "Ibrahim al"),
    # then "al" alone for "al-Hassan said", and "he added" found no one.
    text = (
        "Residents are welcoming the news, said Ibrahim al-Hassan, deputy chairman "
        "of the tribal council.\n\n"
        '"This man came to our country to continue his crimes," al-Hassan said.\n\n'
        '"He received what he deserves," he added.'
    )
    found = quotes(text)
    for fragment in ("welcoming the news", "continue his crimes", "what he deserves"):
        assert _speaker(found, fragment) == "Ibrahim al-Hassan"
    sp = _one(found, "welcoming the news").speaker
    assert sp is not None and sp.role == "deputy chairman of the tribal council"


def test_a_bare_surname_finds_its_name_with_the_article() -> None:
    text = "President Bashar al-Assad spoke on state television. Assad said the army would win."
    assert _speaker(quotes(text), "army would win") == "Bashar al-Assad"


def test_a_religious_title_is_a_role() -> None:
    text = 'Sheikh Mohammed Saleh al-Munajjid replied: "It is not permitted."'
    sp = _one(quotes(text), "not permitted").speaker
    assert sp is not None and (sp.name, sp.role) == ("Mohammed Saleh al-Munajjid", "Sheikh")


def test_a_police_title_with_its_full_stop_does_not_end_the_sentence() -> None:
    # The tokenizer split "Det." and the sentence ended there: the speaker shown was
    # "Det", and "Cpl. Cirillo's aunt, told" lost its speaker.
    text = (
        '"There was no sign of a break-in," said Det. Ann Holt.\n\n'
        '"He was a gentle soul," Cpl. Varga\'s sister told the newspaper.\n\n'
        "Police Insp. Mark Brown said the road would reopen on Monday."
    )
    found = quotes(text)
    sp = _one(found, "break-in").speaker
    assert sp is not None and (sp.name, sp.role) == ("Ann Holt", "Detective")
    assert _speaker(found, "gentle soul") == "Cpl. Varga's sister"
    sp = _one(found, "reopen on Monday").speaker
    assert sp is not None and sp.name == "Mark Brown"


def test_a_quotation_right_after_reported_speech_is_the_same_voice() -> None:
    text = (
        "Jon Alder, director of a research program, told the station that the "
        "kingdom's words were not lip service. \"Their ability to do difficult things "
        'is up there with the best."\n\n'
        'The council said it had received one complaint. "We have written to both parties."'
    )
    found = quotes(text)
    assert _speaker(found, "difficult things") == "Jon Alder"
    assert _speaker(found, "both parties") == "The council"


def test_a_quotation_after_narration_is_not_the_reported_speakers() -> None:
    # A sentence of narration between: whose words these are is not said.
    text = (
        "Jon Alder told the station that the talks had stalled. The talks resumed "
        'on Monday. "Nobody expected this."'
    )
    assert _speaker(quotes(text), "Nobody expected") != "Jon Alder"


def test_quoted_as_saying_is_the_ones_quoted_and_they_continue_them() -> None:
    text = (
        "The Herald quoted friends of the suspect, who spoke on condition of "
        "anonymity, as saying he had changed after a trip abroad.\n\n"
        "They said he stopped seeing his old friends. He became withdrawn, they said.\n\n"
        "The agency quoted a senior official as saying the talks would resume on Monday."
    )
    found = quotes(text)
    for fragment in ("changed after a trip", "stopped seeing", "became withdrawn"):
        assert _speaker(found, fragment) == "friends of the suspect"
    assert _speaker(found, "talks would resume") == "a senior official"


def test_the_chief_executive_is_the_ceo_named() -> None:
    text = (
        "Harbour Air CEO Dana Roy told staff on Monday that no routes would close. "
        "The chief executive added that fares would rise in the spring."
    )
    assert _speaker(quotes(text), "fares would rise") == "Dana Roy"


def test_a_students_year_before_the_name_is_a_role() -> None:
    text = "Sophomore Dana Miller said the class was full."
    sp = _one(quotes(text), "class was full").speaker
    assert sp is not None and (sp.name, sp.role) == ("Dana Miller", "Sophomore")
