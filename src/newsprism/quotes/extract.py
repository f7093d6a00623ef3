"""Per-article quote extraction: attributions to :class:`~newsprism.model.Quote` records."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..model import Article, Quote, QuoteKind
from ..nlp import doc_text
from .attribute import Attribution, Piece, find_attributions
from .cues import cue_span
from .discourse import Found, carry_speakers, label_speakers
from .headline import headline_quotes
from .layout import Layout
from .models import QuoteModels
from .speakers import Resolved, SpeakerResolver
from .writer import Writer

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CAPABILITIES", "extract"]

log = logging.getLogger(__name__)

#: What :func:`extract` needs from :func:`newsprism.nlp.parse`: the dependency
#: parse for cues and subjects, entities for names, lemmas for cue verbs.
CAPABILITIES: frozenset[str] = frozenset({"syntax", "entities", "lemmas"})


def _cue_span(att: Attribution) -> tuple[int, int] | None:
    if att.cue is None:
        return None
    a, b = cue_span(att.cue)
    doc = att.cue.doc
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


#: Contents that say nothing by themselves: a pronoun standing for what was said.
_NOTHING_SAID = frozenset(
    {
        "it",
        "this",
        "that",
        "so",
        "these",
        "those",
        "them",
        "him",
        "her",
        "which",
        "what",
        "otherwise",
    }
)


def _says_nothing(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """A reported content that is only a pronoun, dates and adverbs aside ("it on Friday")."""
    words = [
        t.lower_
        for a, b in content
        for t in doc[a:b]
        if not (t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME"))
        and t.dep_ not in ("advmod", "npadvmod", "prep")
    ]
    return len(words) == 1 and words[0] in _NOTHING_SAID


def _slug(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _own_question(article: Article, att: Attribution, who: Resolved) -> bool:
    """The outlet's own question ("HuffPost asked ...", "we asked whether ...").

    What the outlet asked is not something a source said; a reader of the
    dossier wants the answer, which has its own attribution.
    """
    if att.cue is None or (att.cue.lemma_ or att.cue.lower_).lower() not in ("ask", "question"):
        return False
    if att.source is not None and att.source.lower_ in ("we", "i"):
        return True
    outlet = _slug(article.outlet or "")
    name = _slug(who.speaker.name) if who.speaker is not None else ""
    return bool(outlet and name) and (outlet in name or name in outlet)


def _cue_text(article: Article, span: tuple[int, int] | None) -> str | None:
    return article.text[span[0] : span[1]] if span else None


def _clause_with_quotes(doc: Doc, att: Attribution) -> tuple[int, int] | None:
    """Character span of reported speech that carries quoted words, or None.

    "He said the campaign will 'compete vigorously'": what was said is the
    whole clause, of which the quoted words are a part; reporting only the
    quoted words loses who does what.  PolNeAR's annotators mark the clause,
    and on its train split (articles 0-299) reporting it instead of the
    quoted words turns 278 near misses into matches.
    """
    if att.direct or not att.content or not att.pieces or att.cue is None:
        return None
    start = doc[att.content[0][0]].idx
    last = doc[att.content[-1][1] - 1]
    end = last.idx + len(last)
    if not all(start <= p.start and p.end <= end + 1 for p in att.pieces):
        return None
    return start, max(end, att.pieces[-1].end)


def _runs(text: str, pieces: list[Piece]) -> list[list[Piece]]:
    """The quotations of one attribution, joined while they share a paragraph.

    '"X," she said, "Y."' and '"X," she said. "Y."' are one thing said,
    interrupted by its attribution; readers and PolNeAR's annotators take
    them as one quote (15 % of PolNeAR train's contents are such runs).  A
    new paragraph starts a new quote.
    """
    out: list[list[Piece]] = []
    for p in pieces:
        if out and "\n" not in text[out[-1][-1].end : p.start]:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def extract(
    article: Article, doc: Doc, *, broad: bool = False, models: QuoteModels | None = None
) -> tuple[Quote, ...]:
    """The quotations and reported speech of one article, with their speakers.

    ``doc`` must be the parse of ``article.text`` with :data:`CAPABILITIES`;
    offsets are into that text.  Quote ids are ``"{article.id}:q{n}"`` in text
    order, so re-running on the same article gives the same ids.  ``broad``
    also reports stances PolNeAR counts as attributions ("Clinton praised the
    deal"); the default keeps to what people said or wrote.  ``models`` are the
    learned classifiers (:func:`.models.shipped` by default).
    """
    if doc_text(doc) != article.text:
        log.warning("article %s: parse does not match its text; offsets may be off", article.id)
    if len(doc) and not doc.has_annotation("DEP"):
        log.warning(
            "article %s: parsed without a dependency parser; only quotation marks are found, "
            "without speakers (parse with newsprism.quotes.CAPABILITIES)",
            article.id,
        )
    layout = Layout(doc)
    resolver = SpeakerResolver(doc, layout, Writer.of(article.author, article.outlet, article.text))
    found: list[Found] = []
    for att in find_attributions(doc, broad=broad, models=models, layout=layout):
        who = resolver.resolve(att.source) if att.cue is not None else Resolved(None, None)
        if _own_question(article, att, who):
            continue
        span = who.span if who.speaker is not None else None
        cue_span = _cue_span(att)
        clause = _clause_with_quotes(doc, att)
        if clause is not None:
            found.append(Found(*clause, "partial", who.speaker, span, cue_span))
        elif att.pieces:
            for run in _runs(article.text, att.pieces):
                full = all(p.full for p in run) and att.direct
                kind: QuoteKind = "direct" if full else "partial"
                found.append(Found(run[0].start, run[-1].end, kind, who.speaker, span, cue_span))
        elif att.content:
            start = doc[att.content[0][0]].idx
            last = doc[att.content[-1][1] - 1]
            end = last.idx + len(last)
            if _says_nothing(doc, att.content):
                continue  # "she denied it on Friday": what was said is elsewhere
            found.append(Found(start, end, "indirect", who.speaker, span, cue_span))
    found.sort(key=lambda f: (f.start, f.end))
    found = label_speakers(article.text, found, resolver.fullest)
    found += headline_quotes(article.text, resolver.ents, found, resolver.fullest)
    found.sort(key=lambda f: (f.start, f.end))
    found = carry_speakers(doc, resolver.ents, found, resolver.fullest)
    # Quoted words inside the writer's sentence with no cue and nobody to
    # carry them ("a so-called 'deal'") are the writer's emphasis, not a quote
    # a reader could check with a source.
    found = [
        f for f in found if f.speaker is not None or f.cue_span is not None or f.kind != "partial"
    ]
    out: list[Quote] = []
    for n, f in enumerate(found, start=1):
        out.append(
            Quote(
                id=f"{article.id}:q{n}",
                article=article.id,
                text=article.text[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                speaker=f.speaker,
                speaker_span=f.span,
                cue=_cue_text(article, f.cue_span),
                cue_span=f.cue_span,
            )
        )
    return tuple(out)
