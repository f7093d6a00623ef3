"""Quotation-mark pairing: straight, curly, mixed and multi-paragraph quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.quotes.marks import find_quoted


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "we will win," and she replied “no chance.”'
    assert _texts(text) == ["we will win,", "no chance."]


def test_curly_open_closed_by_straight_mark() -> None:
    text = '“Investigate this and evaluate Musk’s." Shaheen stated.'
    assert _texts(text) == ["Investigate this and evaluate Musk’s."]


def test_straight_open_closed_by_curly_mark() -> None:
    text = '"We should investigate,” Smith said.'
    assert _texts(text) == ["We should investigate,"]


def test_apostrophes_are_not_marks() -> None:
    assert _texts("Musk’s company isn't 'sure' it's fine.") == []


def test_multi_paragraph_quote_is_one_quotation() -> None:
    text = "“First part of it.\n\n“Second part,” Haddad said.\n\nNext paragraph."
    found = find_quoted(text)
    assert len(found) == 1
    assert found[0].paragraphs == 2
    assert text[found[0].start : found[0].end].startswith("First part")
    assert text[found[0].start : found[0].end].endswith("Second part,")


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    text = "He called it a “mistake.\nThe next paragraph has no marks."
    assert _texts(text) == ["mistake."]


_WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma's", "delta,", "x."]), min_size=1)


@given(st.lists(st.tuples(_WORDS, _WORDS, st.booleans()), min_size=1, max_size=6))
def test_inserted_quotations_are_found(parts: list[tuple[list[str], list[str], bool]]) -> None:
    """Quotations put into plain text are found exactly, whichever marks they use."""
    text = ""
    expected = []
    for plain, quoted, curly in parts:
        text += " ".join(plain) + " "
        inner = " ".join(quoted)
        text += ("“" + inner + "”") if curly else ('"' + inner + '"')
        expected.append(inner)
        text += " "
    assert _texts(text) == expected


def _check_spans(text: str) -> int:
    spans = find_quoted(text)
    last = 0
    for q in spans:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        last = q.end
    return len(spans)


@given(st.text(alphabet=st.sampled_from('ab "“”\n.,'), max_size=80))
def test_spans_are_ordered_and_inside_text(text: str) -> None:
    _check_spans(text)  # random text often holds no quote: the examples below always do


@pytest.mark.parametrize(
    "text",
    ['a "b" a “ab” b', '“a\n\n“b,” a. "ab', 'a, "b."\n"a" “b” "a', "“ab “a” b” a"],
)
def test_spans_of_quoted_text_are_ordered_and_inside_text(text: str) -> None:
    assert _check_spans(text) >= 1


def test_doubled_apostrophes_and_backticks_are_marks() -> None:
    text = "He said ''we will win,'' and ``no chance.'' Jones' dog's bone."
    assert _texts(text) == ["we will win,", "no chance."]


def test_a_transcripts_labelled_turns_are_quotations_of_their_own() -> None:
    # Each turn opens a mark that no turn closes; a new label is a new speaker,
    # not the paragraph before going on.
    text = (
        'A partial transcript follows.\n\n"HOST: Will the mayor attend the hearing?\n\n'
        '"OKAFOR: She will not. The council set the date without asking.\n\n'
        '"It was a mistake.\n\n"HOST: Thank you.'
    )
    got = [text[q.start : q.end] for q in find_quoted(text)]
    assert got == [
        "HOST: Will the mayor attend the hearing?",
        'OKAFOR: She will not. The council set the date without asking.\n\n"It was a mistake.',
        "HOST: Thank you.",
    ]


def _find_quoted_every_char(text: str) -> list[tuple[int, int, int]]:
    """The scan as it was before it jumped between marks: a step per character."""
    from newsprism.quotes import marks

    raw: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            raw.append((open_at, i, False))
            open_at = None
            i += 1
            continue
        width = marks._mark_at(text, i) if ch in marks._ALL else 0
        if not width:
            i += 1
            continue
        if marks._role(text, i, width, open_at is not None) == "open":
            open_at = i + width
        elif open_at is not None:
            if i > open_at:
                raw.append((open_at, i, True))
            open_at = None
        i += width
    if open_at is not None and n > open_at:
        raw.append((open_at, n, False))
    return [(q.start, q.end, q.paragraphs) for q in marks._merge(text, raw)]


@given(st.text(alphabet=list("ab .,:(—\n\t“„«”»\"'`"), max_size=60))
def test_jumping_scan_is_the_scan_of_every_character(text: str) -> None:
    got = [(q.start, q.end, q.paragraphs) for q in find_quoted(text)]
    assert got == _find_quoted_every_char(text)
