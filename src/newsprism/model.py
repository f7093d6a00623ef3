"""The data model: frozen, typed records that flow one way through the pipeline.

sources -> :class:`Article` -> per-article :class:`ArticleNLP` -> per-story analyses
-> :class:`Dossier` -> outputs.  The JSON dossier of ``CONTRACT.md`` is the
serialisation of :class:`Dossier`; every record here round-trips through
``to_dict``/``from_dict`` so that stores, engines and the web app exchange
records, never loose dictionaries.

Records are plain frozen dataclasses rather than pydantic models: the pipeline
creates millions of them and dataclasses with ``slots`` are several times
cheaper to build, while the JSON mapping stays explicit in one place
(:func:`to_dict` / :func:`from_dict`).
"""

from __future__ import annotations

import dataclasses
import gc
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin

SCHEMA = "newsprism.dossier/3"

Relation = Literal["copy", "edited", "rewrite", "partial", "independent", "unrelated"]
PassageKind = Literal["verbatim", "edited", "reworded"]
QuoteKind = Literal["direct", "partial", "indirect"]
Verdict = Literal["corroborated", "single-source", "conflicting", "imprecise"]
ClaimKind = Literal["statement", "value"]
Polarity = Literal["asserted", "denied"]
#: Why a group is conflicting: values that cannot both hold, or one source denying
#: what another asserts.
ConflictKind = Literal["values", "disputed"]
CueKind = Literal["footer", "credit", "promo", "caption", "link", "title-repeat", "byline"]
EventKind = Literal["created", "merged", "split"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article came from, so every figure can be traced to an input."""

    source: str  # path, URL or "file.warc.gz#record-id"
    reader: str  # which reader produced it: text, html, jsonl, url, feed, warc
    content_hash: str = ""  # sha1 of the cleaned text, the idempotency key
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner moved out of the text, with what it tells about origin.

    Removed lines are evidence, not rubbish: a syndication footer names the
    outlet, a credit line names the newsroom an article was rewritten from.
    """

    text: str
    kind: CueKind
    names: tuple[str, ...] = ()  # outlet or people the line names


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    author: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention, offsets into the article's cleaned text."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, DATE, MONEY, ...


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    kind: PassageKind


@dataclass(frozen=True, slots=True)
class ReuseLink:
    a: str
    b: str
    relation: Relation
    score: float
    direction: str | None = None  # "a->b", "b->a", "common-source" or None
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class PairResult:
    """The reuse verdict for two texts (``newsprism.compare``)."""

    relation: Relation
    score: float
    direction: str | None = None
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class Reuse:
    pairs: tuple[ReuseLink, ...] = ()
    families: tuple[tuple[str, ...], ...] = ()
    independent_sources: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    statement: str | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    speaker: str | None
    text: str
    quotes: tuple[str, ...]
    articles: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class Value:
    kind: str  # money, count, percent, age, date, day, period
    text: str
    value: str | float | None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    article: str
    text: str
    start: int
    end: int
    values: tuple[Value, ...] = ()
    group: str | None = None
    #: "statement": a whole sentence (an event, a place, a position); "value": the
    #: clause around a figure or date, lined up with the same figure elsewhere.
    kind: ClaimKind = "value"
    #: "denied" when the claim denies or debunks what it states.
    polarity: Polarity = "asserted"
    #: Who the article attributes it to (the quotes stage's speaker, "Dmitry Peskov");
    #: None when the outlet states it in its own voice.
    holder: str | None = None
    #: What it asserts, from the parse: who (``subject``) did what (``predicate``, a
    #: lemma: "arrest", "not injure", "be start-up") to whom (``object``), read through
    #: reporting verbs and passives ("Jackson was arrested, police said": predicate
    #: "arrest", object "jackson").  None where the parse gives no such part.
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    #: The source distances itself from the claim ("may", "reportedly", "expected to").
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class ArticleNLP:
    """Everything computed from one article alone: a pure function of it.

    Kept together so a batch engine can compute it per partition and a store
    can cache it per article: sentences and entity mentions, and the outputs of
    per-article extractors (quotations, claims) that share the same parse.
    """

    article: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[EntityRelation, ...] = ()  # provisional entity ids, merged per story
    roles: tuple[tuple[str, str], ...] = ()  # (provisional entity id, role)


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    id: str
    topic: str
    verdict: Verdict
    claims: tuple[str, ...]
    independent_sources: int
    sides: tuple[Side, ...] = ()
    story: str | None = None
    conflict: ConflictKind | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityRelation:
    a: str
    b: str
    kind: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str
    text: str
    evidence: tuple[str, ...] = ()
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    article: str
    adds: tuple[str, ...] = ()
    omits: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Findings:
    """The analysis of a corpus, section by section: the fields the pipeline's
    state (``newsprism.pipeline.State``) and the :class:`Dossier` share, in the
    dossier's order (subclasses add their own fields after these)."""

    articles: tuple[Article, ...] = ()
    stories: tuple[Story, ...] = ()
    reuse: Reuse = field(default_factory=Reuse)
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    claim_groups: tuple[ClaimGroup, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[EntityRelation, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    coverage: tuple[Coverage, ...] = ()


#: the sections of :class:`Findings`, in order
FINDINGS = tuple(f.name for f in dataclasses.fields(Findings))


@dataclass(frozen=True, slots=True)
class Dossier(Findings):
    """Everything newsprism knows about a corpus, grouped into stories.

    ``filled`` names the sections a stage actually computed, so that reports
    can say "not analysed yet" instead of showing an empty list as a finding.
    """

    filled: tuple[str, ...] = ()
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        # a dossier's JSON form is millions of fresh lists and dicts, none in a
        # cycle: the cyclic collector would only re-scan the growing heap while
        # they are built (half the time at 1,000 articles, growing faster than
        # the dossier), so it waits until they are
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            out: dict[str, Any] = to_dict(self)
        finally:
            if paused:
                gc.enable()
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Dossier:
        return from_dict(cls, json.loads(text))

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)


# --- story clustering state ------------------------------------------------------
# Not part of the dossier: what the story clusterer keeps between runs and logs,
# here because the stores persist it (``newsprism.store`` never imports
# ``newsprism.stories``).


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A change in the set of stories, logged so ids are never silently renumbered.

    ``created``: ``story`` began with ``articles``.  ``merged``: ``other`` was
    folded into ``story`` (``other`` resolves to ``story`` from then on).
    ``split``: ``articles`` left ``story`` to form ``other``.
    """

    kind: EventKind
    story: str
    at: str
    other: str | None = None
    articles: tuple[str, ...] = ()
    score: float | None = None


@dataclass(frozen=True, slots=True)
class StoryState:
    """Everything needed to resume clustering a story in a later run.

    ``words`` / ``entities`` / ``marks`` are the story's centroids (sums of its
    members' unit TF-IDF vectors of words, names, and figures and dates, pruned
    to the strongest terms).  ``merged_into`` is set
    on a story that no longer stands on its own.
    """

    id: str
    title: str
    size: int
    articles: tuple[str, ...]
    first: str | None = None
    last: str | None = None
    title_date: str | None = None
    outlets: tuple[str, ...] = ()
    words: tuple[tuple[str, float], ...] = ()
    entities: tuple[tuple[str, float], ...] = ()
    merged_into: str | None = None
    seq: int = 0
    marks: tuple[tuple[str, float], ...] = ()  # last: older positional callers keep working


def entity_id(kind: str, name: str) -> str:
    """A deterministic entity id, so quotes, claims and entities link without a registry."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return f"{kind.lower()}:{slug}"


# --- JSON mapping -----------------------------------------------------------------

T = TypeVar("T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _removed_to_json(lines: tuple[RemovedLine, ...]) -> list[str]:
    return [line.text for line in lines]


def to_dict(obj: Any) -> Any:
    """Serialise a record to JSON-ready values (tuples become lists).

    ``Article.removed`` is written as the contract's list of strings, with the
    structured cues alongside under ``removed_cues``.

    Saving a corpus's dossiers calls this once per value (a million times at
    1,000 articles), so what kind of value a type is (record, sequence, mapping,
    plain) is worked out once per type and kept (:func:`_kind`).
    """
    kind = _KINDS.get(type(obj))
    if kind is None:
        kind = _kind(obj)
    if kind is _PLAIN:
        return obj
    if kind is _SEQUENCE:
        return [to_dict(v) for v in obj]
    if kind is _MAPPING:
        return {str(k): to_dict(v) for k, v in obj.items()}
    names, article = kind
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(obj, name)
        if article and name == "removed":
            out["removed"] = _removed_to_json(value)
            out["removed_cues"] = [to_dict(line) for line in value]
            continue
        out[name] = to_dict(value)
    return out


_PLAIN: Any = "plain"
_SEQUENCE: Any = "sequence"
_MAPPING: Any = "mapping"
# a record's kind is (its field names, whether it is an Article)
_KINDS: dict[type, Any] = {str: _PLAIN, int: _PLAIN, float: _PLAIN, bool: _PLAIN}
_KINDS[type(None)] = _PLAIN


def _kind(obj: Any) -> Any:
    """How :func:`to_dict` treats values of ``type(obj)``, worked out and kept."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = tuple(f.name for f in dataclasses.fields(obj))
        kind: Any = (names, isinstance(obj, Article))
    elif isinstance(obj, tuple | list):
        kind = _SEQUENCE
    elif isinstance(obj, Mapping):
        kind = _MAPPING
    else:
        kind = _PLAIN  # a class passed as a value too (a dataclass's class is no record)
    _KINDS[type(obj)] = kind
    return kind


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build a record from its JSON form; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if cls is Article and f.name == "removed":
            if "removed_cues" in data:
                kwargs["removed"] = tuple(from_dict(RemovedLine, c) for c in data["removed_cues"])
            elif "removed" in data:
                kwargs["removed"] = tuple(
                    RemovedLine(text=t, kind="promo") for t in data["removed"]
                )
            continue
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) == 1:
            return _convert(non_none[0], value)
        return value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if origin in (Mapping, dict) or tp is Mapping:
        return dict(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value
