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
|are deeply misleading""".replace("\n", "").split("|")
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
_CHECKED = "f3ca108c0a0e0980fd7ab8b9a91b8a9f3e23fb0957233b729d0576d5a23098b6"


def test_the_patterns_are_those_the_word_lists_were_checked_against() -> None:
    text = (DENIAL.pattern + "\n" + DEBUNK.pattern).encode()
    assert hashlib.sha256(text).hexdigest() == _CHECKED, (
        "DENIAL or DEBUNK changed: give each new branch its word in claims.lexicon's "
        "_DENIAL_WORDS / _DEBUNK_WORDS and a phrase in _PHRASES here, then update _CHECKED"
    )
