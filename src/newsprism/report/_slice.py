"""A dossier cut down to one story, for per-story pages, downloads and stores.

The slice keeps every record that points into the story's articles, so it is
itself a valid dossier: rendering it gives the same section as rendering the
whole corpus.
"""

from __future__ import annotations

from ..model import Dossier, Reuse

__all__ = ["story_dossier"]


def story_dossier(dossier: Dossier, story_id: str) -> Dossier:
    """The part of ``dossier`` about one story; KeyError if it has no such story."""
    story = next((s for s in dossier.stories if s.id == story_id), None)
    if story is None:
        raise KeyError(story_id)
    if len(dossier.stories) == 1:
        return dossier
    members = set(story.articles)
    claims = tuple(c for c in dossier.claims if c.article in members)
    claim_ids = {c.id for c in claims}
    quotes = tuple(q for q in dossier.quotes if q.article in members)
    refs = members | claim_ids | {q.id for q in quotes}
    entities = tuple(e for e in dossier.entities if members.intersection(e.articles))
    entity_ids = {e.id for e in entities}
    reuse = Reuse(
        pairs=tuple(p for p in dossier.reuse.pairs if p.a in members and p.b in members),
        families=tuple(
            tuple(a for a in fam if a in members)
            for fam in dossier.reuse.families
            if members.intersection(fam)
        ),
        independent_sources={
            k: v for k, v in dossier.reuse.independent_sources.items() if k == story_id
        },
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
