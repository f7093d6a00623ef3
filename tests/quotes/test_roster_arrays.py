"""The roster's per-token tables read from arrays equal the ``Token`` loops they replace."""

from __future__ import annotations

import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsprism.quotes.roster import _line_starts, _sentences

_NLP = spacy.blank("en")  # the tokenizer alone: line breaks and spaces as the parser sees them

# Letters, spaces, line breaks and the punctuation the tokenizer splits off.
_TEXTS = st.text(alphabet="ab C.'\n\t-", max_size=40)


def _offsets(doc: Doc) -> tuple[list[int], list[int]]:
    idx, length = doc.to_array(["IDX", "LENGTH"]).T.tolist()
    return idx, length


def _line_starts_of_tokens(doc: Doc) -> list[int]:
    """The loop the roster ran before: a new line after a token or space holding a break."""
    starts = [0] * len(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        new_line = "\n" in prev.text or "\n" in prev.whitespace_
        starts[tok.i] = tok.i if new_line else starts[tok.i - 1]
    return starts


def _sentences_of_tokens(doc: Doc, unit: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    sents: list[tuple[int, int]] = []
    sent_of = [0] * len(doc)
    for tok in doc:
        if not sents or unit[tok.i] != unit[tok.i - 1]:
            sents.append((tok.idx, tok.idx + len(tok)))
        else:
            sents[-1] = (sents[-1][0], tok.idx + len(tok))
        sent_of[tok.i] = len(sents) - 1
    return sents, sent_of


@given(_TEXTS)
@example("")
@example("\n")
@example("  Headline\n\n By Jane Doe \nWASHINGTON -- Mr. Smith said.\n")
@example("a\n\n\nb")
@example("\n a")
def test_line_starts_equal_the_token_loop(text: str) -> None:
    doc = _NLP(text)
    idx, _ = _offsets(doc)
    assert _line_starts(doc.text, idx) == _line_starts_of_tokens(doc)


@given(_TEXTS, st.lists(st.integers(0, 3), max_size=60))
@example("", [])
@example("One. Two.\n\nThree", [0, 0, 1, 0, 2, 1])
def test_sentences_equal_the_token_loop(text: str, steps: list[int]) -> None:
    doc = _NLP(text)
    idx, length = _offsets(doc)
    steps = (steps + [0] * len(doc))[: len(doc)]
    unit = [sum(steps[: i + 1]) for i in range(len(doc))]  # never falls, as Layout's
    assert _sentences(unit, idx, length) == _sentences_of_tokens(doc, unit)
