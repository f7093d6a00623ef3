"""A dossier cut down to one story, for per-story pages, downloads and stores.

The slice keeps every record that points into the story's articles, so it is
itself a valid dossier: rendering it gives the same section as rendering the
whole corpus.  An entity keeps only the story's articles: a name met all over
the corpus must not carry the corpus into every story's dossier.
:func:`story_dossiers` cuts every story's slice in one pass over the records
(each record goes to the stories of the articles it points into), so saving a
corpus's dossiers is linear in the corpus, not stories x records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping

from .._by_story import by_story, entities_by_story
from ..model import Dossier, Entity, EntityRelation, Reuse, Story

__all__ = ["story_dossier", "story_dossiers"]


def story_dossier(dossier: Dossier, story_id: str) -> Dossier:
    """The part of ``dossier`` about one story; KeyError if it has no such story."""
    story = next((s for s in dossier.stories if s.id == story_id), None)
    if story is None:
        raise KeyError(story_id)
    if len(dossier.stories) == 1:
        return dossier
    return _slice(dossier, story)


def story_dossiers(dossier: Dossier) -> Iterator[Dossier]:
    """:func:`story_dossier` of every story, in the dossier's order, in one pass."""
    d = dossier
    stories = d.stories
    if len(stories) == 1:
        yield d
        return
    # what each reference (claim, quote, entity) points into
    claim_articles: dict[str, list[str]] = {}
    for c in d.claims:
        claim_articles.setdefault(c.id, []).append(c.article)
    ref_articles: dict[str, list[str]] = {k: list(v) for k, v in claim_articles.items()}
    for q in d.quotes:
        ref_articles.setdefault(q.id, []).append(q.article)
    entities = entities_by_story(stories, d.entities)
    entity_stories: dict[str, set[int]] = {}
    for n, mine in enumerate(entities):
        for e in mine:
            entity_stories.setdefault(e.id, set()).add(n)
    relations: list[list[EntityRelation]] = [[] for _ in stories]
    for r in d.relations:  # both ends must be entities of the story
        for n in sorted(entity_stories.get(r.a, set()) & entity_stories.get(r.b, set())):
            relations[n].append(r)
    parts = zip(
        stories,
        by_story(stories, d.articles, lambda a: (a.id,)),
        by_story(stories, d.claims, lambda c: (c.article,)),
        by_story(stories, d.quotes, lambda q: (q.article,)),
        entities,
        by_story(stories, d.reuse.pairs, lambda p: (p.a,)),
        by_story(stories, d.reuse.families, lambda f: f),
        by_story(stories, d.statements, lambda s: s.articles),
        by_story(
            stories,
            d.claim_groups,
            lambda g: (a for c in g.claims for a in claim_articles.get(c, ())),
        ),
        relations,
        by_story(
            stories,
            d.timeline,
            lambda t: (a for r in t.evidence for a in (r, *ref_articles.get(r, ()))),
        ),
        by_story(stories, d.coverage, lambda c: (c.article,)),
        strict=True,
    )
    for story, arts, cls, qs, ents, pairs, fams, sts, groups, rels, events, cov in parts:
        part = Dossier(
            articles=tuple(arts),
            stories=(story,),
            reuse=Reuse(pairs=tuple(pairs), families=tuple(fams)),
            quotes=tuple(qs),
            statements=tuple(sts),
            claims=tuple(cls),
            claim_groups=tuple(groups),
            entities=tuple(ents),
            relations=tuple(rels),
            timeline=tuple(events),
            coverage=tuple(cov),
            filled=d.filled,
            schema=d.schema,
        )
        yield _slice(part, story, d.reuse.independent_sources)


def _own(entity: Entity, members: set[str]) -> Entity:
    return dataclasses.replace(entity, articles=tuple(a for a in entity.articles if a in members))


def _slice(dossier: Dossier, story: Story, independent: Mapping[str, int] | None = None) -> Dossier:
    """The records of ``dossier`` about ``story`` (the slice's exact conditions)."""
    story_id = story.id
    members = set(story.articles)
    claims = tuple(c for c in dossier.claims if c.article in members)
    claim_ids = {c.id for c in claims}
    quotes = tuple(q for q in dossier.quotes if q.article in members)
    refs = members | claim_ids | {q.id for q in quotes}
    entities = tuple(
        e if all(a in members for a in e.articles) else _own(e, members)
        for e in dossier.entities
        if members.intersection(e.articles)
    )
    entity_ids = {e.id for e in entities}
    sources = dossier.reuse.independent_sources if independent is None else independent
    reuse = Reuse(
        pairs=tuple(p for p in dossier.reuse.pairs if p.a in members and p.b in members),
        families=tuple(
            tuple(a for a in fam if a in members)
            for fam in dossier.reuse.families
            if members.intersection(fam)
        ),
        independent_sources={story_id: sources[story_id]} if story_id in sources else {},
    )
    return Dossier(
        articles=tuple(a for a in dossier.articles if a.id in members),
        stories=(story,),
        reuse=reuse,
        quotes=quotes,
        statements=tuple(s for s in dossier.statements if members.intersection(s.articles)),
        claims=claims,
        claim_groups=tuple(g for g in dossier.claim_groups if claim_ids.intersection(g.claims)),
        entities=entities,
        relations=tuple(r for r in dossier.relations if r.a in entity_ids and r.b in entity_ids),
        timeline=tuple(t for t in dossier.timeline if refs.intersection(t.evidence)),
        coverage=tuple(c for c in dossier.coverage if c.article in members),
        filled=dossier.filled,
        schema=dossier.schema,
    )
