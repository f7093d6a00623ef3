"""Independent means independent: same event, same facts, same quotes, own words."""

from __future__ import annotations

import pytest

from newsprism.errors import InputError
from newsprism.reuse import compare
from newsprism.reuse.text import analyse, furniture_spans
from newsprism.reuse.verdict import DERIVED

STATEMENT_1 = (
    "“We are devastated by the loss of a colleague and a friend, and our thoughts are with "
    "his family tonight,” "
)
STATEMENT_2 = (
    "“The plant will stay closed until inspectors are satisfied that every line is safe "
    "to restart, however long that takes,” "
)
STATEMENT_3 = "“There was a loud bang and then the whole roof seemed to lift,” "

# Two outlets on one event: a fire at a bakery plant in Leeds.  They share the facts (the
# place, the day, the figures, the names) and three quoted statements word for word, but
# each is written in its own words and its own order.
REPORT_A = (
    "https://www.example-herald.co.uk/news/2024/03/leeds-bakery-fire\n"
    "Leeds bakery fire kills one worker\n"
    "One worker died and four were taken to hospital after a fire tore through the "
    "Northgate Bakeries plant in Leeds early on Tuesday. Firefighters were called to the "
    "site on Kirkstall Road at 4.10am and found the main production hall alight. The man "
    "who died, 52-year-old Peter Walsh, had worked night shifts at the plant for eleven "
    "years. Managing director Helen Carr said: "
    + STATEMENT_1
    + "and added that staff would be paid while the site was shut. "
    "A neighbour, Tom Briggs, told reporters: "
    + STATEMENT_3
    + "he said, describing flames that could be seen across the valley. "
    "West Yorkshire Fire and Rescue sent eight engines and the blaze was under control by "
    "mid-morning. Carr later told a briefing: "
    + STATEMENT_2
    + "she said. The company employs around 300 people in the city."
)
REPORT_B = (
    "https://www.example-post.com/business/leeds-bakery-fire-kills-one-worker.html\n"
    "Leeds bakery fire kills one worker\n"
    "Production at one of northern England's largest bread makers has stopped after a "
    "deadly blaze on Tuesday morning. Peter Walsh, 52, a night-shift baker with more than a "
    "decade at Northgate Bakeries, was killed, and four colleagues needed hospital care. "
    "Eight fire engines attended the Kirkstall Road factory, where crews arrived shortly "
    "after four in the morning to a hall already engulfed. "
    + STATEMENT_3
    + "recalled Tom Briggs, who lives opposite the gates. "
    "In a statement, Helen Carr, the firm's managing director, said "
    + STATEMENT_1
    + "and promised to keep paying wages. Asked about reopening, Carr said "
    + STATEMENT_2
    + "Northgate supplies supermarkets across Yorkshire and has about 300 staff. "
    "The cause of the fire is being investigated."
)

WIRE = (
    "Shares in European carmakers fell sharply on Monday after the bloc's trade chief "
    "warned that talks on electric vehicle tariffs had stalled. The Stoxx autos index "
    "dropped 3.2 percent by midday, its worst session since October, with Volkswagen, "
    "Stellantis and Renault all down more than 4 percent. Analysts said investors feared "
    "a new round of retaliatory duties on European exports. The trade commissioner told "
    "reporters in Brussels that negotiators had made no progress in three weeks of talks. "
    "Officials are due to meet again next week in Geneva. Carmakers have warned that higher "
    "duties would hit jobs at plants across Germany, France and Spain. Suppliers also "
    "fell, with several parts makers losing more than 3 percent."
)


def test_a_quote_heavy_independent_pair_stays_independent() -> None:
    result = compare(REPORT_A, REPORT_B)
    assert result.relation == "independent"
    assert result.relation not in DERIVED


def test_the_quotes_alone_do_not_make_a_pair_derived() -> None:
    # even with every statement shared and little else, quotations are not copying
    a = "The company spoke after the fire on Tuesday. " + STATEMENT_1 + "Carr said. " + STATEMENT_2
    b = "Managers addressed staff at the gates later. " + STATEMENT_2 + "Carr said. " + STATEMENT_1
    assert compare(a, b).relation not in DERIVED | {"partial"}


def test_a_copied_pair_stays_a_copy() -> None:
    copied = "Carmaker shares slide as EU tariff talks stall\n" + WIRE.rsplit(" Suppliers", 1)[0]
    result = compare(WIRE, copied)
    assert result.relation == "copy"
    assert any(p.kind == "verbatim" for p in result.passages)


def test_a_story_reprinted_inside_quotation_marks_is_still_reuse() -> None:
    # a blog that quotes a wire story's paragraphs wholesale reprints it: a quotation of
    # several sentences is not a statement
    blog = "From the wire this morning:\n\n“" + WIRE + "”\n\nWe will follow this story."
    assert compare(WIRE, blog).relation in DERIVED


@pytest.mark.parametrize("text", ["", "   \n ", "Fire in Leeds", "One two three four"])
def test_empty_or_trivial_input_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="compare needs at least"):
        compare(text, WIRE)
    with pytest.raises(InputError, match="text_b"):
        compare(WIRE, text)


def test_headlines_and_urls_are_furniture() -> None:
    spans = furniture_spans(REPORT_A)
    lines = [REPORT_A[i:j] for i, j in spans]
    assert lines == [
        "https://www.example-herald.co.uk/news/2024/03/leeds-bakery-fire",
        "Leeds bakery fire kills one worker",
    ]
    doc = analyse(REPORT_A)
    assert doc.quoted[0] and not doc.quoted[-1]


def test_a_text_that_opens_with_its_url_on_one_line_keeps_its_prose() -> None:
    # one long line: only a short line that is a URL is furniture
    text = "http: / / www. example. com / markets " + WIRE
    assert furniture_spans(text) == []
    assert compare(WIRE, text).relation == "copy"


# REPORT_A rewritten by another desk: every point, fact and quotation of REPORT_A in
# REPORT_A's order, sentence by sentence, and hardly a phrase of its wording kept
REWRITE_A = (
    "https://www.example-gazette.com/leeds/bakery-blaze\n"
    "Worker killed in Leeds bakery blaze\n"
    "A fire that swept through the Northgate Bakeries factory in Leeds before dawn on "
    "Tuesday left one employee dead and four others in hospital. Crews were summoned to "
    "the Kirkstall Road premises at ten past four and arrived to find the production hall "
    "in flames. The victim, Peter Walsh, 52, had spent eleven years on the night shift "
    "there. Helen Carr, the managing director, paid tribute to him: "
    + STATEMENT_1
    + "she said, promising that wages would continue during the closure. "
    "Tom Briggs, who lives nearby, described the moment the fire took hold: "
    + STATEMENT_3
    + "he recalled, adding that the flames were visible across the valley. "
    "Eight engines from West Yorkshire Fire and Rescue fought the fire, which was brought "
    "under control later in the morning. At a briefing afterwards Carr said: "
    + STATEMENT_2
    + "The firm has roughly 300 workers in Leeds."
)


def test_a_rewrite_that_keeps_every_point_in_order_is_derived() -> None:
    # no borrowed run and almost no shared phrasing: the order of the points is the
    # evidence, which two reports written separately (REPORT_A, REPORT_B) do not share
    result = compare(REPORT_A, REWRITE_A)
    assert result.relation == "rewrite"
    assert any(p.kind == "reworded" for p in result.passages)


def test_the_rewrite_and_a_third_independent_report_stay_independent() -> None:
    assert compare(REWRITE_A, REPORT_B).relation == "independent"


def test_a_light_edit_of_a_wire_story_is_edited() -> None:
    # one or two words changed in most sentences, one sentence dropped, one added: the
    # same sentences with light edits, as a second outlet's version of a wire story
    edited = (
        WIRE.replace("fell sharply on Monday", "slid on Monday")
        .replace("its worst session since October", "the worst day since October")
        .replace("Analysts said investors feared", "Analysts say investors fear")
        .replace("told reporters in Brussels", "said in Brussels")
        .replace(" Officials are due to meet again next week in Geneva.", "")
        .replace("would hit jobs at plants", "could cost jobs at factories")
        .replace("with several parts makers losing", "several of them losing")
        + " Markets in Asia were little changed."
    )
    result = compare(WIRE, edited)
    assert result.relation == "edited"
    assert any(p.kind == "edited" for p in result.passages)
