"""The per-doc tables of :mod:`newsprism.nlp` give what spaCy gives, read once.

``doc_text``, ``doc_ents`` and ``subtree`` stand in for ``Doc.text``, ``Doc.ents`` and
``Token.subtree`` in the extractors (spaCy rebuilds those on every read); they must
give the same answer for every doc and every token, on real parses of the seed
articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsprism import nlp, stages

if TYPE_CHECKING:
    from spacy.tokens import Doc


@pytest.fixture(scope="module")
def docs(seeds_dir: Path) -> list[Doc]:
    model = nlp.load(stages.capabilities())
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))][:3]
    assert texts
    return list(model.pipe([*texts, "", "One."]))


def test_doc_text_and_ents_are_spacys(docs: list[Doc]) -> None:
    for doc in docs:
        assert nlp.doc_text(doc) == doc.text
        assert nlp.doc_text(doc) is nlp.doc_text(doc)  # built once
        ents = nlp.doc_ents(doc)
        assert [(e.start, e.end, e.label_) for e in ents] == [
            (e.start, e.end, e.label_) for e in doc.ents
        ]
        assert nlp.doc_ents(doc) is ents


def test_subtree_is_spacys_for_every_token(docs: list[Doc]) -> None:
    seen = 0
    for doc in docs:
        for tok in doc:
            assert nlp.subtree(doc, tok.i) == {t.i for t in tok.subtree}, tok
            seen += 1
    assert seen > 500
