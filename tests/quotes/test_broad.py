"""Broad mode: stance adjectives, possessed nouns and weak verbs, and which of them stay."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newsprism import nlp
from newsprism.model import Article
from newsprism.quotes import CAPABILITIES, extract, models, rerank
from newsprism.quotes.attribute import find_attributions
from newsprism.quotes.broad import add_candidates
from newsprism.quotes.layout import Layout
from newsprism.quotes.nominal import nominal_content, nominal_kind, nominal_source
from newsprism.quotes.records import Attribution
from newsprism.quotes.spans import source_phrase


def _parse(text: str) -> Doc:
    return next(nlp.parse([text], CAPABILITIES))


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_stance_adjective_is_an_attribution_in_broad_mode_only() -> None:
    text = "Many Republicans are deeply skeptical of the new trade deal."
    doc = _parse(text)
    art = Article(id="a", text=text)
    assert extract(art, doc) == ()
    broad = extract(art, doc, broad=True)
    assert len(broad) == 1
    assert broad[0].cue == "skeptical of"
    assert "trade deal" in broad[0].text
    assert broad[0].speaker is not None and "Republicans" in broad[0].speaker.name


def test_nominal_candidates_find_source_and_content() -> None:
    doc = _parse("Republicans are wary of Mr. Trump's call for a special prosecutor.")
    lay = Layout(doc)
    wary, call = doc[_token(doc, "wary")], doc[_token(doc, "call")]
    assert nominal_kind(wary) == "adj"
    assert nominal_kind(call) == "noun"
    assert nominal_kind(doc[_token(doc, "prosecutor")]) is None
    src = nominal_source(wary, "adj")
    assert src is not None and src.text == "Republicans"
    src = nominal_source(call, "noun")
    assert src is not None and src.text == "Trump"
    ranges = nominal_content(call, lay)
    assert ranges is not None
    assert " ".join(doc[a:b].text for a, b in ranges) == "for a special prosecutor"


def test_source_phrase_leaves_out_a_relative_clause_attributed_apart() -> None:
    doc = _parse("Tom Murphy, who thinks the plan will fail, said the vote was fair.")
    murphy, said = doc[_token(doc, "Murphy")], doc[_token(doc, "said")]
    a, b = source_phrase(murphy, said)
    assert "who thinks" in doc[a:b].text
    relative = frozenset(t.i for c in murphy.children if c.dep_ == "relcl" for t in c.subtree)
    assert relative
    a, b = source_phrase(murphy, said, relative)
    assert doc[a:b].text == "Tom Murphy"


def test_weak_candidates_need_the_reranker() -> None:
    doc = _parse("Clinton wants a better deal for workers.")
    lay = Layout(doc)
    weak = [att for att in add_candidates(doc, lay, {}) if att.weak]
    assert weak, "the sentence should give a verb below the cue threshold"
    cue = weak[0].cue
    assert cue is not None
    p = rerank.rerank_probability(weak[0], rerank.Context(weak, lay))
    found = {att.cue.i for att in find_attributions(doc, broad=True) if att.cue is not None}
    assert (cue.i in found) == (p >= rerank.RERANK_THRESHOLD)
    shipped = models.shipped()
    without = dataclasses.replace(shipped, rerank=models.Reranker(0.0, {}))  # no reranker
    assert not rerank.has_model(without)
    found = {
        att.cue.i
        for att in find_attributions(doc, broad=True, models=without)
        if att.cue is not None
    }
    assert cue.i not in found
    assert models.shipped() is shipped  # nothing patched: the shipped models are unchanged


def test_reranker_sees_a_candidate_inside_another_ones_content() -> None:
    doc = _parse("Ann Lee said voters want lower taxes.")
    lay = Layout(doc)
    captured = find_attributions(doc, broad=True)
    said = next(att for att in captured if att.cue is not None and att.cue.text == "said")
    want = doc[_token(doc, "want")]
    assert any(a <= want.i < b for a, b in said.content)
    voters = doc[_token(doc, "voters")]
    inner = Attribution(cue=want, source=voters, content=[(want.i + 1, want.i + 3)], p=0.6)
    ctx = rerank.Context([said, inner], lay)
    assert "inside_content=strong" in rerank.rerank_features(inner, ctx)
    assert "inside_content=none" in rerank.rerank_features(said, ctx)
    # PolNeAR labels each token once: the nested verb is not an attribution of its own.
    assert all(att.cue is None or att.cue.i != want.i for att in captured)
