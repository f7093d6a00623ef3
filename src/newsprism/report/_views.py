"""One story's slice of a dossier, shaped for the templates.

Templates only lay things out: every join (claim to article, statement to
outlets, coverage reference to its sentence) is resolved here, once, with
lookup tables built per dossier, so a 1,000-article story renders in linear time.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from .._by_story import by_story, entities_by_story
from ..model import (
    Article,
    Claim,
    ClaimGroup,
    Coverage,
    Dossier,
    Entity,
    EntityRelation,
    Quote,
    ReuseLink,
    Statement,
    Story,
    TimelineEvent,
)
from ._highlight import Mark, Snippet, highlight, snippet
from ._svg import Drawing, derivation_svg, entity_svg

__all__ = [
    "ArticleView",
    "Evidence",
    "GroupView",
    "Index",
    "SpeakerView",
    "StatementView",
    "StoryView",
    "anchor",
    "article_marks",
    "badge_label",
    "story_views",
]

ENTITY_ROWS = 100


def anchor(prefix: str, ref: str) -> str:
    """A safe, unique HTML id for any record id (ids are free text in the contract)."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ref)[:40]
    if slug != ref:
        slug += "-" + hashlib.sha1(ref.encode()).hexdigest()[:6]
    return f"{prefix}-{slug}"


def badge_label(group: ClaimGroup) -> str:
    if group.verdict == "corroborated":
        return f"corroborated by {group.independent_sources}"
    if group.verdict == "conflicting" and group.conflict == "disputed":
        return "disputed"
    if group.verdict == "conflicting":
        return "conflicting values"
    return group.verdict


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that supports a finding, with where it sits in its article."""

    ref: str
    article: Article
    snippet: Snippet
    anchor: str
    holder: str | None = None  # whom the article attributes the claim to


@dataclass(frozen=True, slots=True)
class StatementView:
    statement: Statement
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class SpeakerView:
    name: str
    statements: tuple[StatementView, ...]


@dataclass(frozen=True, slots=True)
class SideView:
    text: str
    evidence: tuple[Evidence, ...]
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupView:
    group: ClaimGroup
    label: str
    outlets: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    sides: tuple[SideView, ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    anchor: str
    family: int | None
    marks: int
    html: Markup


@dataclass(frozen=True, slots=True)
class CoverageView:
    article: Article
    adds: tuple[str, ...]
    omits: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineView:
    event: TimelineEvent
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything one story's section of a report shows."""

    story: Story
    anchor: str
    articles: tuple[ArticleView, ...]
    outlets: int
    independent: int | None
    pairs: tuple[ReuseLink, ...]
    derivation: Drawing
    speakers: tuple[SpeakerView, ...]
    groups: tuple[GroupView, ...]
    verdicts: Mapping[str, int]
    entities: tuple[Entity, ...]
    entities_total: int
    entity_graph: Drawing
    entity_edges_from: str
    relations: tuple[tuple[str, str, str], ...]  # (name, kind, name) between story entities
    timeline: tuple[TimelineView, ...]
    coverage: tuple[CoverageView, ...]
    family_of: Mapping[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Index:
    """Lookup tables over one dossier."""

    dossier: Dossier
    articles: dict[str, Article]
    quotes: dict[str, Quote]
    claims: dict[str, Claim]
    groups: dict[str, ClaimGroup]
    statements: dict[str, Statement]
    family_of: dict[str, int]
    quotes_of: dict[str, list[Quote]]
    claims_of: dict[str, list[Claim]]

    @classmethod
    def of(cls, d: Dossier) -> Index:
        quotes_of: dict[str, list[Quote]] = defaultdict(list)
        for q in d.quotes:
            quotes_of[q.article].append(q)
        claims_of: dict[str, list[Claim]] = defaultdict(list)
        for c in d.claims:
            claims_of[c.article].append(c)
        family_of = {aid: n for n, fam in enumerate(d.reuse.families, 1) for aid in fam}
        return cls(
            d,
            {a.id: a for a in d.articles},
            {q.id: q for q in d.quotes},
            {c.id: c for c in d.claims},
            {g.id: g for g in d.claim_groups},
            {s.id: s for s in d.statements},
            family_of,
            quotes_of,
            claims_of,
        )

    def outlet(self, article_id: str) -> str:
        art = self.articles.get(article_id)
        return (art.outlet or art.id) if art else article_id

    def article_of(self, ref: str) -> str | None:
        """The article a reference (article, quote or claim id) points into."""
        if ref in self.articles:
            return ref
        if ref in self.claims:
            return self.claims[ref].article
        if ref in self.quotes:
            return self.quotes[ref].article
        return None

    def describe(self, ref: str) -> str:
        """A reference as readable text: the sentence it names, else itself."""
        for table in (self.claims, self.quotes, self.statements):
            rec = table.get(ref)
            if rec is not None:
                return str(rec.text)
        group = self.groups.get(ref)
        return group.topic if group else ref

    def evidence(self, ref: str) -> Evidence | None:
        rec: Claim | Quote | None = self.claims.get(ref) or self.quotes.get(ref)
        if rec is None or rec.article not in self.articles:
            return None
        art = self.articles[rec.article]
        prefix = "c" if ref in self.claims else "q"
        holder = rec.holder if isinstance(rec, Claim) else None
        return Evidence(
            ref, art, snippet(art.text, rec.start, rec.end), anchor(prefix, ref), holder
        )

    def evidences(self, refs: Iterable[str]) -> tuple[Evidence, ...]:
        return tuple(e for e in (self.evidence(r) for r in refs) if e is not None)


def article_marks(index: Index, article_id: str) -> list[Mark]:
    marks = [
        Mark(q.start, q.end, "quote", anchor("q", q.id), q.speaker.name if q.speaker else None)
        for q in index.quotes_of.get(article_id, ())
    ]
    for c in index.claims_of.get(article_id, ()):
        group = index.groups.get(c.group or "")
        marks.append(
            Mark(c.start, c.end, "claim", anchor("c", c.id), badge_label(group) if group else None)
        )
    return marks


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _speakers(
    index: Index, members: set[str], statements: Iterable[Statement], quotes: Iterable[Quote]
) -> tuple[SpeakerView, ...]:
    by_speaker: dict[str, list[StatementView]] = defaultdict(list)
    d = index.dossier
    if "statements" in d.filled:
        for st in statements:
            if not members.intersection(st.articles):
                continue
            view = StatementView(
                st, _unique(index.outlet(a) for a in st.articles), index.evidences(st.quotes)
            )
            by_speaker[st.speaker or "Unattributed"].append(view)
    else:  # quotations found but not yet merged into statements: one per quotation
        for q in quotes:
            if q.article not in members:
                continue
            st = Statement(
                q.id, q.speaker.name if q.speaker else None, q.text, (q.id,), (q.article,), 1
            )
            view = StatementView(st, (index.outlet(q.article),), index.evidences([q.id]))
            by_speaker[st.speaker or "Unattributed"].append(view)
    ranked = sorted(
        by_speaker.items(), key=lambda kv: (kv[0] == "Unattributed", -len(kv[1]), kv[0])
    )
    return tuple(SpeakerView(name, tuple(sts)) for name, sts in ranked)


def _group_articles(index: Index, group: ClaimGroup) -> list[str]:
    return [index.claims[c].article for c in group.claims if c in index.claims]


def _outermost(index: Index, refs: Iterable[str]) -> list[str]:
    """A group's claims less those inside another of its claims of the same article:
    a sentence and its figure's clause are one piece of evidence to a reader."""
    claims = [index.claims[r] for r in refs if r in index.claims]
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append((c.start, c.end))
    out: list[str] = []
    kept: set[tuple[str, int, int]] = set()
    for c in claims:
        span = (c.start, c.end)
        if any(s <= c.start and c.end <= e and (s, e) != span for s, e in by_article[c.article]):
            continue  # inside a longer claim of its article
        if (c.article, *span) in kept:
            continue  # one span twice: the first
        kept.add((c.article, *span))
        out.append(c.id)
    return out


def _groups(index: Index, members: set[str], groups: Iterable[ClaimGroup]) -> tuple[GroupView, ...]:
    out = []
    # a story of one source (one article, or copies of one) has nothing but
    # single-source figures: listing them all says nothing coverage does not
    sources = len({index.family_of.get(a, a) for a in members if a in index.articles})
    seen: set[tuple[str, str, frozenset[str]]] = set()
    for g in groups:
        arts = _group_articles(index, g)
        if not members.intersection(arts):
            continue
        if g.verdict == "single-source" and (
            sources <= 1 or not any(index.claims[c].values for c in g.claims if c in index.claims)
        ):
            continue  # a sentence only one outlet wrote, with nothing to check: see coverage
        key = (g.topic, g.verdict, frozenset(arts))
        if key in seen:
            continue  # a sentence's group and its figure's group read the same: shown once
        seen.add(key)
        sides = tuple(
            SideView(
                s.text,
                index.evidences(s.claims),
                _unique(
                    index.outlet(index.claims[c].article) for c in s.claims if c in index.claims
                ),
            )
            for s in g.sides
        )
        out.append(
            GroupView(
                g,
                badge_label(g),
                _unique(index.outlet(a) for a in arts),
                index.evidences(_outermost(index, g.claims)),
                sides,
            )
        )
    order = {"conflicting": 0, "corroborated": 1, "imprecise": 2, "single-source": 3}
    out.sort(key=lambda v: (order.get(v.group.verdict, 9), -v.group.independent_sources))
    return tuple(out)


#: A relation is shown when its sentences come from at least this many articles.
RELATION_ARTICLES = 2
_RELATION_KINDS = frozenset(["person", "org"])


def _trusted_relations(
    relations: Sequence[EntityRelation], entities: Sequence[Entity]
) -> tuple[EntityRelation, ...]:
    """The relations a reader can take at their word: between people and
    organisations of the story, stated in :data:`RELATION_ARTICLES` articles or
    more.  One parse of one sentence ("the Tesla, X and SpaceX chief spoke to
    Putin" read as Tesla speaking) is too often wrong to draw; the dossier keeps
    every relation with its evidence for those who want to check them."""
    kinds = {e.id: e.kind for e in entities}
    out = []
    for r in relations:
        if kinds.get(r.a) not in _RELATION_KINDS or kinds.get(r.b) not in _RELATION_KINDS:
            continue
        if len({ev.rsplit(":", 1)[0] for ev in r.evidence}) >= RELATION_ARTICLES:
            out.append(r)
    return tuple(out)


def _entity_edges(
    index: Index, entities: Sequence[Entity], members: set[str], relations: Sequence[EntityRelation]
) -> tuple[list[tuple[str, str, str, int]], str]:
    ids = {e.id for e in entities}
    rel = [
        (r.a, r.b, r.kind, max(1, len(r.evidence))) for r in relations if r.a in ids and r.b in ids
    ]
    if rel:
        return rel, "named relations between them"
    if len(members) < 3:  # in one or two articles everything is "mentioned together"
        return [], ""
    top = sorted(entities, key=lambda e: (-len(members.intersection(e.articles)), e.name))[:20]
    together: Counter[tuple[str, str]] = Counter()
    for i, e in enumerate(top):
        mine = members.intersection(e.articles)
        for f in top[i + 1 :]:
            n = len(mine.intersection(f.articles))
            if n >= 2:
                together[(e.id, f.id)] = n
    # each entity keeps its three strongest links, so the picture stays readable
    kept: set[tuple[str, str]] = set()
    for e in top:
        links = sorted((-n, pair) for pair, n in together.items() if e.id in pair)
        kept.update(pair for _, pair in links[:3])
    edges = [
        (a, b, f"mentioned together in {together[(a, b)]} articles", together[(a, b)])
        for a, b in sorted(kept)
    ]
    return edges, "mentioned together in at least two articles"


def _event_articles(index: Index, event: TimelineEvent) -> list[str]:
    return [a for a in (index.article_of(r) for r in event.evidence) if a]


def _timeline(
    index: Index, members: set[str], single: bool, events: Iterable[TimelineEvent]
) -> tuple[TimelineView, ...]:
    out = []
    for ev in sorted(events, key=lambda e: e.date):  # stable: a story's events keep their order
        arts = _event_articles(index, ev)
        if (arts and members.intersection(arts)) or (not arts and single):
            out.append(TimelineView(ev, _unique(index.outlet(a) for a in arts)))
    return tuple(out)


def _coverage(
    index: Index, members: set[str], coverage: Iterable[Coverage]
) -> tuple[CoverageView, ...]:
    rows: list[CoverageView] = []
    for c in coverage:
        if c.article in members and c.article in index.articles:
            rows.append(_coverage_row(index, c))
    return tuple(rows)


#: Additions and omissions listed per article; the rest is counted ("and 12 more"), the
#: dossier keeps them all.  Coverage lists are ordered most telling first.
COVERAGE_SHOWN = 8


def _shown(items: Sequence[str], what: str) -> tuple[str, ...]:
    if len(items) <= COVERAGE_SHOWN:
        return tuple(items)
    rest = len(items) - COVERAGE_SHOWN
    return (*items[:COVERAGE_SHOWN], f"… and {rest} more {what} (see the dossier)")


def _coverage_row(index: Index, c: Coverage) -> CoverageView:
    return CoverageView(
        index.articles[c.article],
        _shown([index.describe(r) for r in c.adds], "additions"),
        _shown([index.describe(r) for r in c.omits], "omissions"),
    )


def story_views(dossier: Dossier, index: Index | None = None) -> list[StoryView]:
    """A view per story, in the dossier's order.

    Each record is first put with the stories of the articles it points into
    (:func:`by_story`, one pass), and each story's view filters only its own
    share: linear in the dossier, however many stories it has.
    """
    index = index or Index.of(dossier)
    d = dossier
    stories = d.stories
    single = len(stories) == 1
    # each story's entities carry only its own articles (the counts it shows)
    entities_of = entities_by_story(stories, d.entities)
    entity_stories: dict[str, set[int]] = defaultdict(set)
    for n, mine in enumerate(entities_of):
        for e in mine:
            entity_stories[e.id].add(n)
    relations_of: list[list[EntityRelation]] = [[] for _ in stories]
    for r in d.relations:  # both ends must be entities of the story
        for n in sorted(entity_stories.get(r.a, set()) & entity_stories.get(r.b, set())):
            relations_of[n].append(r)
    pairs_of = by_story(stories, d.reuse.pairs, lambda p: (p.a,))
    statements_of = by_story(stories, d.statements, lambda s: s.articles)
    quotes_of = by_story(stories, d.quotes, lambda q: (q.article,))
    groups_of = by_story(stories, d.claim_groups, lambda g: _group_articles(index, g))
    coverage_of = by_story(stories, d.coverage, lambda c: (c.article,))
    # one story: events pointing into no article belong to it too
    timeline_of = (
        [list(d.timeline)]
        if single
        else by_story(stories, d.timeline, lambda t: _event_articles(index, t))
    )
    views = []
    for n, story in enumerate(stories):
        members = set(story.articles)
        arts = [index.articles[a] for a in story.articles if a in index.articles]
        article_views = tuple(
            ArticleView(
                a,
                anchor("art", a.id),
                index.family_of.get(a.id),
                len(marks),
                highlight(a.text, marks),
            )
            for a in arts
            for marks in [article_marks(index, a.id)]
        )
        pairs = tuple(p for p in pairs_of[n] if p.a in members and p.b in members)
        entities = [e for e in entities_of[n] if members.intersection(e.articles)]
        entities.sort(key=lambda e: (-len(members.intersection(e.articles)), e.name))
        shown = _trusted_relations(relations_of[n], entities)
        edges, edges_from = _entity_edges(index, entities, members, shown)
        groups = _groups(index, members, groups_of[n])
        names = {e.id: e.name for e in entities}
        relations = tuple(
            (names[r.a], r.kind, names[r.b]) for r in shown if r.a in names and r.b in names
        )
        views.append(
            StoryView(
                story=story,
                anchor=anchor("story", story.id),
                articles=article_views,
                outlets=len({a.outlet for a in arts if a.outlet}),
                independent=dossier.reuse.independent_sources.get(story.id),
                pairs=pairs,
                derivation=derivation_svg(arts, pairs, index.family_of),
                speakers=_speakers(index, members, statements_of[n], quotes_of[n]),
                groups=groups,
                verdicts=Counter(g.group.verdict for g in groups),
                entities=tuple(entities[:ENTITY_ROWS]),
                entities_total=len(entities),
                entity_graph=entity_svg(entities, edges),
                entity_edges_from=edges_from,
                relations=relations,
                timeline=_timeline(index, members, single, timeline_of[n]),
                coverage=_coverage(index, members, coverage_of[n]),
                family_of=index.family_of,
            )
        )
    return views
