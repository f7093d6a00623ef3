"""Speech mode (the default) against broad mode, from the library to the pipeline's cache."""

from __future__ import annotations

import newsprism
from newsprism import MemoryStore, Options
from newsprism.model import Article

STANCE = "Governor Jane Ruiz wants the legislature to pass the budget by Friday."
WARY = "Senate Republicans are wary of the plan, which they see as a tax increase."
SAID = '"We will not raise taxes," Governor Jane Ruiz said on Tuesday.'


def test_broad_mode_attributes_stances_that_speech_mode_leaves_out() -> None:
    assert newsprism.quotes(STANCE) == []
    (stance,) = newsprism.quotes(STANCE, broad=True)
    assert stance.speaker is not None and stance.speaker.name == "Jane Ruiz"
    assert stance.cue == "wants"
    assert "pass the budget" in stance.text
    (wary,) = newsprism.quotes(WARY, broad=True)
    assert wary.speaker is not None and "Republicans" in wary.speaker.name
    assert newsprism.quotes(WARY) == []


def test_both_modes_find_speech() -> None:
    for broad in (False, True):
        (q,) = newsprism.quotes(SAID, broad=broad)
        assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "Jane Ruiz"


def test_the_store_caches_each_mode_apart() -> None:
    store = MemoryStore()
    article = Article(id="a1", text=f"{STANCE}\n\n{SAID}")
    speech = newsprism.analyze_articles([article], store=store)
    broad = newsprism.analyze_articles([article], store=store, options=Options(broad_quotes=True))
    again = newsprism.analyze_articles([article], store=store)
    assert len(broad.quotes) == len(speech.quotes) + 1
    assert [q.text for q in again.quotes] == [q.text for q in speech.quotes]
