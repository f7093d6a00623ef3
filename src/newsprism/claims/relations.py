"""Who criticised, supports, contracts with or spoke to whom; and what people are.

Relations come from the dependency parse: a relation word (a verb such as
"criticised", or a noun such as "conversations") with a named entity as its
subject (or possessor) and another as its object (or the object of "with",
"to", "between").  Each relation keeps the sentences that state it as
evidence, ``"{article}:{start}-{end}"``.

Roles come from appositions ("Dmitry Peskov, the Kremlin's spokesman"; "Putin's
spokesperson, Dmitry Peskov"), from titles in front of a name ("Kremlin
spokesperson Dmitry Peskov") and from the roles the quotes stage gave speakers.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..entities import normalise
from ..model import Article, Entity, EntityRelation, Quote, entity_id
from ..nlp import doc_ents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "RELATION_WORDS",
    "add_roles",
    "article_relations",
    "article_roles",
    "extract_relations",
    "merge_relations",
    "with_roles",
]

#: lemma -> relation kind.  General verbs and nouns of news reporting.
RELATION_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "criticize",
            "criticise",
            "condemn",
            "slam",
            "blast",
            "accuse",
            "denounce",
            "rebuke",
            "attack",
            "oppose",
            "sue",
            "investigate",
            "criticism",
        ],
        "criticised",
    ),
    **dict.fromkeys(
        ["support", "back", "endorse", "praise", "defend", "champion", "donate", "fund"],
        "supports",
    ),
    **dict.fromkeys(["contract", "hire", "employ", "award", "partner"], "contracts with"),
    **dict.fromkeys(
        [
            "speak",
            "talk",
            "meet",
            "phone",
            "contact",
            "conversation",
            "communication",
            "discussion",
            "discuss",
            "call",
        ],
        "spoke to",
    ),
}
_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group", "LOC": "place"}
_OBJ_PREPS = frozenset({"with", "to", "against", "into", "between", "for", "on"})
_MAX_ROLES = 6
_NOT_ROLES = frozenset(
    "who which whom himself herself themselves itself he she they it one".split()  # noqa: SIM905
)
_MAX_ROLE_WORDS = 8


class _Resolver:
    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_form: dict[str, str] = {}
        for e in entities:
            for form in (e.name, *e.aliases):
                self.by_form.setdefault(normalise(form), e.id)

    def entity(self, ent: Span) -> str | None:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            return None
        name = normalise(ent.text)
        if len(name) < 2:
            return None
        return self.by_form.get(name) or entity_id(kind, name)


def _ents_in(tokens: Iterable[Token], res: _Resolver) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if tok.ent_iob_ == "B" or (tok.ent_iob_ == "I" and not out):
            span = _ent_span(tok)
            if span is not None:
                eid = res.entity(span)
                if eid and eid not in out:
                    out.append(eid)
    return out


def _ent_span(tok: Token) -> Span | None:
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _root(span: Span) -> Token:
    """The token whose head lies outside ``span`` (``Span.root`` re-checks the
    whole document's parse on each call)."""
    for tok in span:
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return tok
    return span[0]


def _subject_side(tok: Token) -> list[Token]:
    """Tokens that can name who does ``tok``: its subject, or a noun's possessor."""
    if tok.pos_ in ("NOUN", "PROPN"):
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            return list(poss[0].subtree)
        cur = tok
        while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
            cur = cur.head
        tok = cur
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
    if not subj:
        return []
    if subj[0].dep_ == "agent":
        return [t for c in subj[0].children for t in c.subtree]
    return list(subj[0].subtree)


def _object_side(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative"):
            out.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in _OBJ_PREPS:
            out.extend(t for p in c.children if p.dep_ == "pobj" for t in p.subtree)
    return out


def extract_relations(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
) -> tuple[EntityRelation, ...]:
    """Relations between named entities with their evidence sentences.

    ``docs`` are the parses (syntax and entities) of ``articles``, in order.
    ``quotes`` mark the spans that are a speaker's words; relations are not
    read from inside them (what a speaker says of someone is a statement).
    """
    res = _Resolver(entities)
    quoted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        if q.kind == "direct":
            quoted[q.article].append((q.start, q.end))
    found: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for art, doc in zip(articles, docs, strict=True):
        spans = quoted.get(art.id, [])
        for tok in doc:
            kind = RELATION_WORDS.get(tok.lemma_.lower())
            if kind is None or any(s <= tok.idx < e for s, e in spans):
                continue
            subj = _ents_in(_subject_side(tok), res)
            obj = _ents_in(_object_side(tok), res)
            if not obj and tok.pos_ in ("NOUN", "PROPN"):
                between = [c for c in tok.children if c.lower_ == "between"]
                if between:
                    pair = _ents_in([t for p in between[0].children for t in p.subtree], res)
                    subj, obj = pair[:1], pair[1:2]
            if not subj or not obj:
                continue
            a, b = subj[0], next((o for o in obj if o != subj[0]), None)
            if b is None:
                continue
            sent = tok.sent
            ref = f"{art.id}:{sent.start_char}-{sent.end_char}"
            key = (a, b, kind)
            if ref not in found[key]:
                found[key].append(ref)
    rels = [EntityRelation(a=a, b=b, kind=k, evidence=tuple(ev)) for (a, b, k), ev in found.items()]
    rels.sort(key=lambda r: (-len(r.evidence), r.a, r.b, r.kind))
    return tuple(rels)


def _clean_role(text: str) -> str | None:
    role = " ".join(text.split()).strip(" ,;:-—–()")
    for det in ("the ", "a ", "an "):
        if role.lower().startswith(det):
            role = role[len(det) :]
    words = role.split()
    plain = bool(words) and len(words) <= _MAX_ROLE_WORDS and any(w[:1].islower() for w in words)
    title = bool(words) and len(words) <= 3 and words[-1][:1].isupper()  # "D-Wash.", "CEO"
    if not (plain or title):
        return None
    if role.lower() in _NOT_ROLES or role[:1] in ("“", '"'):
        return None
    return role


def _roles_in(doc: Doc, res: _Resolver) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        eid = res.entity(ent)
        if eid is None:
            continue
        root = _root(ent)
        for c in root.children:  # "Dmitry Peskov, the Kremlin's spokesman"
            if c.dep_ == "appos" and c.i >= ent.end:
                toks = [t for t in c.subtree if t.dep_ not in ("relcl",)]
                toks = [
                    t
                    for t in toks
                    if not any(t in r.subtree for r in c.children if r.dep_ == "relcl")
                ]
                role = _clean_role(doc[toks[0].i : toks[-1].i + 1].text) if toks else None
                if role:
                    out[eid].append(role)
        if (
            root.dep_ == "appos" and root.head.i < ent.start
        ):  # "Putin's spokesperson, Dmitry Peskov"
            head = root.head
            toks = [t for t in head.subtree if t.i < ent.start and t.i >= head.left_edge.i]
            if toks and head.pos_ == "NOUN":
                role = _clean_role(doc[toks[0].i : head.i + 1].text)
                if role:
                    out[eid].append(role)
        left = [
            t
            for t in doc[max(0, ent.start - 4) : ent.start]
            if t.head.i in range(ent.start, ent.end)
        ]
        if left and any(t.pos_ == "NOUN" for t in left):  # "Kremlin spokesperson Dmitry Peskov"
            role = _clean_role(doc[left[0].i : ent.start].text)
            if role:
                out[eid].append(role)
    return out


def with_roles(
    entities: Sequence[Entity],
    quotes: Sequence[Quote] = (),
    docs: Sequence[Doc] = (),
) -> tuple[Entity, ...]:
    """``entities`` with roles gathered from appositions, titles and quote speakers."""
    res = _Resolver(entities)
    pairs = [
        (eid, role) for doc in docs for eid, found in _roles_in(doc, res).items() for role in found
    ]
    return add_roles(entities, pairs, quotes)


# --- per-article form, for the annotate stage ----------------------------------------
#
# The corpus stages see no parses, so relations and roles are read per article
# (pure, cacheable with the article's other records) with provisional entity ids
# (``entity_id(kind, surface form)``), and mapped onto the story's merged
# entities afterwards.


def article_relations(
    article: Article, doc: Doc, quotes: Sequence[Quote] = ()
) -> tuple[EntityRelation, ...]:
    """Relations of one article, with provisional entity ids; see :func:`merge_relations`."""
    return extract_relations([article], [doc], (), quotes)


def article_roles(article: Article, doc: Doc) -> tuple[tuple[str, str], ...]:
    """(provisional entity id, role) pairs of one article, in text order."""
    found = _roles_in(doc, _Resolver(()))
    return tuple((eid, role) for eid, roles in found.items() for role in roles)


def _id_map(entities: Iterable[Entity]) -> dict[str, str]:
    """Provisional id (kind + any surface form) -> merged entity id."""
    out: dict[str, str] = {}
    for e in entities:
        for form in (e.name, *e.aliases):
            out.setdefault(entity_id(e.kind, normalise(form)), e.id)
    return out


def merge_relations(
    relations: Iterable[EntityRelation], entities: Sequence[Entity] = ()
) -> tuple[EntityRelation, ...]:
    """Per-article relations mapped onto merged entities, evidence pooled."""
    ids = _id_map(entities)
    known = {e.id for e in entities}
    found: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in relations:
        a, b = ids.get(r.a, r.a), ids.get(r.b, r.b)
        if a == b or (known and not (a in known and b in known)):
            continue  # an end the entity list does not hold would dangle in the dossier
        ev = found[(a, b, r.kind)]
        ev.extend(x for x in r.evidence if x not in ev)
    rels = [EntityRelation(a=a, b=b, kind=k, evidence=tuple(ev)) for (a, b, k), ev in found.items()]
    rels.sort(key=lambda r: (-len(r.evidence), r.a, r.b, r.kind))
    return tuple(rels)


def add_roles(
    entities: Sequence[Entity],
    roles: Iterable[tuple[str, str]] = (),
    quotes: Sequence[Quote] = (),
) -> tuple[Entity, ...]:
    """``entities`` with per-article roles (from :func:`article_roles`) and speaker roles."""
    ids = _id_map(entities)
    res = _Resolver(entities)
    gathered: dict[str, list[str]] = defaultdict(list)
    for eid, role in roles:
        gathered[ids.get(eid, eid)].append(role)
    for q in quotes:
        if q.speaker is None or not q.speaker.role:
            continue
        speaker_id = q.speaker.entity or res.by_form.get(normalise(q.speaker.name))
        if speaker_id:
            gathered[ids.get(speaker_id, speaker_id)].append(q.speaker.role)
    return _apply_roles(entities, gathered)


def _apply_roles(entities: Sequence[Entity], roles: dict[str, list[str]]) -> tuple[Entity, ...]:
    out = []
    for e in entities:
        merged = list(e.roles)
        seen = {r.lower() for r in merged}
        for r in roles.get(e.id, ()):
            if r.lower() not in seen and len(merged) < _MAX_ROLES:
                merged.append(r)
                seen.add(r.lower())
        out.append(dataclasses.replace(e, roles=tuple(merged)) if merged != list(e.roles) else e)
    return tuple(out)
