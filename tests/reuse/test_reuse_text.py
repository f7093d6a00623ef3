from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.reuse.text import analyse, quoted_spans


def test_sentences_do_not_split_after_titles() -> None:
    doc = analyse("Rep. Adam Smith spoke on Friday. Sen. Jeanne Shaheen agreed. Then it ended.")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts == [
        "Rep. Adam Smith spoke on Friday",
        "Sen. Jeanne Shaheen agreed",
        "Then it ended",
    ]


def test_quoted_words_are_marked() -> None:
    text = 'He said “we will win this” and left. "Maybe not," she replied.'
    doc = analyse(text)
    quoted = [w for w, q in zip(doc.words, doc.quoted, strict=True) if q]
    assert quoted == ["we", "will", "win", "this", "maybe", "not"]


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    text = "“First part of a long quote\n\nNew paragraph without quotes."
    spans = quoted_spans(text)
    assert spans == [(0, text.index("\n\n"))]


def _check_offsets(text: str) -> tuple[int, int]:
    doc = analyse(text)
    for word, s, e in zip(doc.words, doc.starts, doc.ends, strict=True):
        assert text[s:e].lower().replace("’", "'") == word
    for sent in doc.sentences:
        assert 0 <= sent.start < sent.end <= len(text)
        assert sent.first < sent.last <= len(doc.words)
    return len(doc.words), len(doc.sentences)


@given(st.text(max_size=300))
def test_offsets_point_at_the_words(text: str) -> None:
    _check_offsets(text)  # random text often holds no word: the examples below always do


@pytest.mark.parametrize(
    "text",
    [
        "Rep. Adam Smith spoke on Friday. “We’ll see,” he said.\n\nThen it ended!",
        "  Ünïcode wörds, 42 figures — and the 3.5% rate; U.S. officials’ view. A second one. ",
    ],
)
def test_offsets_point_at_the_words_of_real_text(text: str) -> None:
    words, sentences = _check_offsets(text)
    assert words >= 5 and sentences >= 2


def test_a_stray_quote_mark_in_a_long_paragraph_quotes_nothing() -> None:
    text = "He said “this is the start. " + "Plain reporting continues here. " * 60
    assert quoted_spans(text) == []
