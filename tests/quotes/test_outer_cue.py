"""A quotation inside a belief that a parenthetical or trailing "said" reports: issue 16.

"In his years in office, the governor said, most residents have come to believe
'...'": a belief has no words of its own, so the quoted words are those of the one
who reports it.  A verb of speech inside the clause keeps its own speaker.  The
passages are written for the tests, never taken from the articles read.
"""

from __future__ import annotations

from quote_helpers import speaker as _speaker

from newsprism.quotes import quotes


def test_a_parenthetical_said_owns_the_quoted_belief() -> None:
    text = (
        "Governor looks back on flood defences\n\n"
        "Governor Alan Pike spoke to students at the state university on Tuesday.\n\n"
        "Over his two terms in office, Mr. Pike said, a majority of residents have come to "
        'believe "that the river will flood again and that we must be ready for it."'
    )
    assert _speaker(quotes(text), "river will flood again") == "Alan Pike"


def test_a_said_inside_the_clause_keeps_its_own_speaker() -> None:
    text = (
        "Governor looks back on flood defences\n\n"
        "Governor Alan Pike spoke to students at the state university on Tuesday.\n\n"
        'Engineer Ruth Cole says "the levees are too low," Mr. Pike said on Tuesday.'
    )
    assert _speaker(quotes(text), "levees are too low") == "Ruth Cole"
