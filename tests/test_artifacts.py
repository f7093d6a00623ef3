"""Shipped model artifacts: they load, say where they came from, cannot be changed, and
every feature name their weights use is one the code still produces.

A renamed feature family (say ``subjkind=`` becoming ``subj_kind=``) would leave its
weights silently unused; the feature checks below fail instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from newsprism import artifacts

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"

#: The models this file checks feature by feature (others must at least load).
QUOTES = ("quotes_cue_shares", "quotes_cues", "quotes_rerank")
REUSE = ("reuse_level", "reuse_sentence")

#: A few sentences for constructions the seed articles lack (passive agents, negated
#: stances, possessed nouns with an adverb, a cue left without a speaker).
EXTRA = """\
"The voters have spoken," adding that the count was over.

Even Trump's allies disputed it. Clinton's view here is that trade hurts workers.

The plan was criticized by Senator Warren, who said it was not fair to workers.
Officials are not sure that the deal will hold, and they are wary of new sanctions.
Trump's claim that the election was stolen drew criticism from Republicans.
Clinton vowed to raise taxes on the rich, but critics were skeptical about the idea.
The mayor refused to comment. "We will not back down," she told reporters on Tuesday.
According to the report, the company had agreed to pay a fine. Aides pointed out that
the senator has long opposed the bill. Democrats called for an inquiry into the matter.
"""


def _walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, MappingProxyType):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, tuple):
        for v in value:
            yield from _walk(v)


@pytest.mark.parametrize("name", artifacts.available())
def test_every_shipped_artifact_loads_with_provenance(name: str) -> None:
    art = artifacts.load(name)
    assert art.name == name and art.version >= 1
    prov = art.provenance
    assert prov.data and all(prov.data), "which data it was trained on"
    assert prov.command.strip(), "the command that rebuilds it"
    assert prov.metrics, "its figures"
    assert all(isinstance(v, float) for v in prov.metrics.values())
    assert prov.commit and prov.date
    assert art.params
    for value in _walk(art.params):
        assert not isinstance(value, (dict, list)), "params are deep-frozen"
    with pytest.raises(TypeError):
        art.params["x"] = 1  # type: ignore[index]
    assert artifacts.load(name) is art  # cached and shared, so it must be immutable


def test_the_models_moved_out_of_python_source_are_shipped() -> None:
    assert set(QUOTES + REUSE) <= set(artifacts.available())


# --- quotes: feature families ------------------------------------------------------


#: ``name=value`` features: a template name (nominal ones prefixed ``a:`` / ``n:``).
_NAMED = re.compile(r"((?:[an]:)?[a-z_0-9]+(?:\|[a-z_0-9]+)?)=")


def family(feature: str) -> str:
    """A feature name's template, without the values filled in.

    ``"lem=say"`` -> ``"lem"``; ``"a:lem|gov=wary|of"`` -> ``"a:lem|gov"``;
    ``"dobj:issue"`` -> ``"dobj:"``; ``"take|dobj:issue"`` -> ``"*|dobj:"`` (the part
    before ``|`` is a lemma); ``"a:kind"`` -> ``"a:"``; ``"quote"`` -> ``"quote"``.
    """
    if named := _NAMED.match(feature):
        return named.group(1)
    if ":" in feature:
        head = feature.split(":", 1)[0]
        return f"*|{head.rsplit('|', 1)[1]}:" if "|" in head else f"{head}:"
    return feature


@pytest.fixture(scope="module")
def parsed() -> list[Any]:
    from newsprism import nlp
    from newsprism.quotes import CAPABILITIES

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, "the seed articles are part of the repository"
    return list(nlp.parse([*texts, EXTRA], CAPABILITIES))


def _cue_feature_names(docs: Iterable[Any]) -> set[str]:
    from newsprism.quotes.cues import cue_features, nominal_cue_features
    from newsprism.quotes.layout import Layout
    from newsprism.quotes.nominal import nominal_kind

    out: set[str] = set()
    for doc in docs:
        lay = Layout(doc)
        for tok in doc:
            if tok.pos_ == "VERB":
                out.update(cue_features(tok, lay))
            elif (kind := nominal_kind(tok)) is not None:
                out.update(nominal_cue_features(tok, kind))
    return out


def _rerank_feature_names(docs: Iterable[Any]) -> set[str]:
    from newsprism.quotes import rerank
    from newsprism.quotes.attribute import find_attributions
    from newsprism.quotes.broad import add_candidates
    from newsprism.quotes.layout import Layout

    out: set[str] = set()
    for doc in docs:
        lay = Layout(doc)
        found = [a for a in find_attributions(doc, broad=True) if a.cue is not None]
        weak = add_candidates(doc, lay, {a.cue.i: a for a in found if a.cue is not None})
        atts = found + weak
        ctx = rerank.Context(atts, lay)
        for att in atts:
            out.update(rerank.rerank_features(att, ctx))
    return out


def _check_families(weights: Iterable[str], produced: set[str], min_share: float) -> None:
    used = set(weights)
    missing = {family(f) for f in used} - {family(f) for f in produced}
    assert not missing, f"feature families the weights use but the code no longer makes: {missing}"
    # Not every value occurs in a few articles, but a good part of the names must.
    share = len(used & produced) / len(used)
    assert share >= min_share, f"only {share:.1%} of the weighted feature names were produced"


def test_family() -> None:
    assert family("lem=say") == "lem"
    assert family("a:lem|gov=wary|of") == "a:lem|gov"
    assert family("take|dobj:issue") == "*|dobj:"
    assert family("dobj:issue") == "dobj:"
    assert family("n:kind") == "n:"
    assert family("tweet|dobj:pic=") == "*|dobj:"  # a URL's lemma
    assert family("lem|dep=say|ROOT") == "lem|dep"
    assert family("quote") == "quote"


def test_cue_classifier_features_are_produced_by_the_code(parsed: list[Any]) -> None:
    from newsprism.quotes.models import shipped

    weights = shipped().cues.weights
    assert weights == artifacts.load("quotes_cues")["weights"]
    produced = _cue_feature_names(parsed)
    _check_families(weights, produced, min_share=0.1)
    # Each family of the weights is itself a sizeable group: a rename of any one
    # would drop real weight mass, not a stray feature.
    fams = {family(f) for f in weights}
    assert {"lem", "lf", "share", "subjkind", "head", "lem|dep", "a:", "n:", "a:gov"} <= fams


def test_reranker_features_are_produced_by_the_code(parsed: list[Any]) -> None:
    from newsprism.quotes.models import shipped

    weights = shipped().rerank.weights
    assert weights == artifacts.load("quotes_rerank")["weights"]
    _check_families(weights, _rerank_feature_names(parsed), min_share=0.25)


def test_cue_share_table_uses_the_codes_frames() -> None:
    from newsprism.quotes.cues import FRAMES
    from newsprism.quotes.models import shipped

    shares = shipped().shares
    assert tuple(shares.frame_prior) == FRAMES
    assert {f for by_frame in shares.by_lemma.values() for f in by_frame} <= set(FRAMES)
    assert all(0.0 <= p <= 1.0 for by in shares.by_lemma.values() for p in by.values())
    # the "share=" feature of the cue classifier buckets these values
    buckets = {f for f in artifacts.load("quotes_cues")["weights"] if f.startswith("share=")}
    assert buckets and all(re.fullmatch(r"share=[01]\.\d", f) for f in buckets)


def test_quote_models_are_immutable() -> None:
    import dataclasses

    from newsprism.quotes.models import shipped

    models = shipped()
    with pytest.raises(dataclasses.FrozenInstanceError):
        models.cues.bias = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        models.cues.weights["lem=say"] = 0.0  # type: ignore[index]
    with pytest.raises(TypeError):
        models.shares.by_lemma["say"]["ccomp"] = 0.0  # type: ignore[index]


# --- reuse: feature vectors ----------------------------------------------------------


def test_reuse_level_model_matches_level_features() -> None:
    from newsprism.reuse.align import align
    from newsprism.reuse.level import FEATURES, LEVELS, level_features
    from newsprism.reuse.prepare import prepare

    params = artifacts.load("reuse_level").params
    assert tuple(params["features"]) == FEATURES
    assert tuple(params["classes"]) == LEVELS
    texts = sorted(SEEDS.glob("*.txt"))
    a, b = (prepare(p.read_text(encoding="utf-8")) for p in texts[:2])
    feats = level_features(a, b, align(a, b).features)
    assert len(feats) == len(FEATURES)
    for key in ("mean", "scale", "min", "max"):
        assert len(params[key]) == len(FEATURES), key
    assert len(params["coef"]) == len(LEVELS) == len(params["intercept"])
    assert all(len(row) == len(FEATURES) for row in params["coef"])


def test_reuse_sentence_model_matches_pair_features() -> None:
    from newsprism.reuse.prepare import prepare
    from newsprism.reuse.similarity import FEATURES, pair_features

    params = artifacts.load("reuse_sentence").params
    assert tuple(params["features"]) == FEATURES
    a = prepare("The senator said the bill would pass on Tuesday.")
    b = prepare("On Tuesday the bill will pass, the senator said.")
    feats = pair_features(a.whole, b.whole, 0.9)
    assert len(feats) == len(FEATURES)
    for variant, width in (("semantic", len(FEATURES)), ("lexical", len(FEATURES) - 1)):
        model = params[variant]
        for key in ("mean", "scale", "coef"):
            assert len(model[key]) == width, (variant, key)
