"""The word tests in front of the denial and debunk patterns never skip a match.

``may_deny`` / ``may_debunk`` say False only for texts the patterns cannot match,
so :func:`disputing` and the verdicts find what the patterns alone find.
"""

from __future__ import annotations

import hashlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.claims.lexicon import DEBUNK, DENIAL, disputing, may_debunk, may_deny

#: One phrase per branch of the two patterns, and words around them.
_PHRASES = """denied that|denies the police reports|deny it|denying wrongdoing|was denied by
|denials of|rejected the claims|dismisses Smith's account|refuted these reports|rebuts stories
|is not true|was untrue|are baseless|is false|no evidence that|hoax news|fake stories
|false claims|bogus reports|fabricated videos|satirical articles|made-up quotes|made up posts
|phony headlines|was a hoax|is an elaborate hoax|been completely fabricated|is satire
|were untrue|was a myth|is a prank|debunked|turned out not to|turns out to be false
|proved to be fake|prove not to|appears to be a hoax|appear not to|did not say that
|does n't say it|has n’t said this|had not said so|have not say any|never said|never made
|never happened|never confirmed|never signed|story has been withdrawn|report was retracted
|the article, he said, is withdrawn|alert was retracted|duped by|fooled by|tricked by
|no truth to|no basis in|no truth for|unfounded rumours|unsubstantiated allegations
|baseless stories|fabricated claims|false reports|doctored|photoshopped|staged|faked
|probably false|entirely false|part of a hoax|included in an elaborate prank
|nothing more than a hoax|no record of|no evidence that|no indication of|no proof that
|hoaxes|falsely|which denied the reports|who never said|does not stand up to scrutiny
|did n't hold up to close examination|do not stand up to inspection
|does not hold up to fact-checking|is misleading|was highly inaccurate
|are deeply misleading|is, of course, untrue|was almost certainly a hoax|is most likely fake
|is clearly bogus|this is extremely suspect.|the photo is not possible,|it seems implausible
|that is highly doubtful and|the claims were dubious;|the video looks questionable!
|it is unlikely.|the report was not credible)
|the story is impossible""".replace("\n", "").split("|")
_WORDS = """the a it this that not no was is by to of in Officials Police President denver
Biden said say ſaid İs ıt ſtory K report story""".split()  # noqa: SIM905
_GLUE = st.sampled_from([" ", " ", ", ", "  ", "\n", ' "', "“", "” ", "-", "'s "])


def _case(draw: st.DrawFn, text: str) -> str:
    how = draw(st.sampled_from(["same", "same", "upper", "title"]))
    return text.upper() if how == "upper" else text.title() if how == "title" else text


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_WORDS)), max_size=8)
    )
    out = ""
    for part in parts:
        out += draw(_GLUE) + _case(draw, part)
    return out


def test_each_phrase_is_a_match_the_word_tests_keep() -> None:
    for phrase in _PHRASES:
        assert DENIAL.search(phrase) or DEBUNK.search(phrase), phrase
        for text in (phrase, phrase.upper(), f"Police said: {phrase.title()}."):
            assert may_deny(text) or not DENIAL.search(text), text
            assert may_debunk(text) or not DEBUNK.search(text), text


@settings(max_examples=3000, deadline=None)
@given(_texts())
def test_no_match_is_skipped(text: str) -> None:
    if DENIAL.search(text):
        assert may_deny(text)
    if DEBUNK.search(text):
        assert may_debunk(text)


def test_the_word_tests_skip_plain_sentences_and_keep_disputes() -> None:
    assert not may_deny("The council said it would meet on Tuesday to vote.")
    assert not may_debunk("The council said it would meet on Tuesday to vote.")
    assert may_debunk("The mayor did not say that the library would close.")
    assert disputing("The ministry denied the reports, calling them baseless.")
    assert disputing("The viral post was a hoax, fact-checkers found.")
    assert disputing("He DID NOT SAY THAT, his office said.")
    # the long s and the Kelvin sign match "s" and "k" case-insensitively: no word test
    assert disputing("The ſtory was a hoax.") == bool(re.search("hoax", "a hoax"))
    assert may_debunk("\u212a") and may_deny("\u017f")


#: SHA-256 of the two patterns' text when their word lists and the phrases above were
#: last checked against them.
_CHECKED = "d9f5e76e0c5d7ae44d8a11c18c12d0a9c2a7693888e51e60df8aadb11bb07966"


def test_a_copula_reaches_its_predicate_past_adverbs_and_asides() -> None:
    # the parenthetical or adverb between the verb and "fake" hid the debunk
    assert disputing("The viral clip is, sadly, entirely fabricated.")
    assert disputing("The leaked memo was almost certainly fabricated.")
    assert disputing("Her statement is most likely untrue, the board said.")
    # near-negating adverbs assert: "hardly fake" is no debunk
    assert not disputing("The painting is hardly fake.")


def test_doubt_of_what_is_reported_is_a_debunk_only_when_it_ends_its_clause() -> None:
    assert disputing("The zoologist said the photograph is highly dubious.")
    assert disputing("Frankly, this is implausible, and the farm never had an ostrich.")
    assert disputing("That seems extremely unlikely.")
    # an empty "it" standing for a clause doubts no report
    assert not disputing("It is unlikely that the bridge reopens before June.")
    assert not disputing("It is unlikely the bridge reopens before June.")
    assert not disputing("It was not possible to reach the mayor for comment.")
    # the subject is neither a report nor "it/this/that"
    assert not disputing("The harvest is doubtful after the frost.")


def test_the_patterns_are_those_the_word_lists_were_checked_against() -> None:
    text = (DENIAL.pattern + "\n" + DEBUNK.pattern).encode()
    assert hashlib.sha256(text).hexdigest() == _CHECKED, (
        "DENIAL or DEBUNK changed: give each new branch its word in claims.lexicon's "
        "_DENIAL_WORDS / _DEBUNK_WORDS and a phrase in _PHRASES here, then update _CHECKED"
    )
