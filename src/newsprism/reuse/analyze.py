"""Reuse within stories: the verdicts of pairs that share text, derivation families,
independent sources.

A story of up to :data:`ALL_PAIRS_LIMIT` articles has every pair screened; in a bigger
story, the pairs proposed by :func:`~newsprism.reuse.candidates.candidates`.  A screened
pair is listed, with its verdict (copy, edited, rewrite, partial, independent or
unrelated), when it shares enough text to be derived: copied runs, sentences that align,
or a chain of similar sentences in order (:func:`~newsprism.reuse.compare.compare_if_shared`).
The other pairs are not listed: their verdict is "independent" or "unrelated" by
construction, their alignment stops after its first layers, and listing them made the
output grow with the square of a story's size while saying nothing a reader can use;
families and independent sources are the same either way.

Families are the connected components of the derived pairs (copy, edited, rewrite):
a partial reuse (a paragraph lifted) does not make two reports one source.  A story's
independent sources are its families plus its articles outside any family.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Sequence

import networkx as nx

from ..model import Article, Reuse, ReuseLink, Story
from .candidates import candidates, default_config, signature
from .compare import compare_if_shared
from .prepare import Prepared, prepare
from .verdict import DERIVED

__all__ = ["ALL_PAIRS_LIMIT", "analyze_reuse"]

log = logging.getLogger(__name__)

ALL_PAIRS_LIMIT = 60  # 1,770 pairs, a few seconds


def _pairs(ids: Sequence[str], by_id: dict[str, Article]) -> list[tuple[str, str]]:
    if len(ids) <= ALL_PAIRS_LIMIT:
        return list(itertools.combinations(ids, 2))
    config = default_config()
    sigs = [signature(i, by_id[i].text, config) for i in ids]
    return candidates(sigs, config)


def analyze_reuse(articles: Sequence[Article], stories: Sequence[Story]) -> Reuse:
    """The listed pairs, families and independent sources of ``stories`` (module doc).

    Each text's prepared material is dropped after the last story that holds it: kept
    for the whole stage, it made the collector's full passes walk every text prepared
    so far, a cost that grew with the corpus, not the story.
    """
    by_id = {a.id: a for a in articles}
    stories_of = Counter(i for s in stories for i in dict.fromkeys(s.articles) if i in by_id)
    prepared: dict[str, Prepared] = {}

    def prep(article_id: str) -> Prepared:
        if article_id not in prepared:
            prepared[article_id] = prepare(by_id[article_id].text)
        return prepared[article_id]

    links: list[ReuseLink] = []
    graph: nx.Graph = nx.Graph()
    independent: dict[str, int] = {}
    for story in stories:
        ids = [i for i in dict.fromkeys(story.articles) if i in by_id]
        graph.add_nodes_from(ids)
        story_graph: nx.Graph = nx.Graph()
        story_graph.add_nodes_from(ids)
        for x, y in _pairs(ids, by_id):
            result = compare_if_shared(prep(x), prep(y), by_id[x], by_id[y])
            if result is None:  # shares too little text to be derived: not listed
                continue
            links.append(
                ReuseLink(x, y, result.relation, result.score, result.direction, result.passages)
            )
            if result.relation in DERIVED:
                graph.add_edge(x, y)
                story_graph.add_edge(x, y)
        for i in ids:
            stories_of[i] -= 1
            if not stories_of[i]:
                prepared.pop(i, None)
        independent[story.id] = nx.number_connected_components(story_graph)
        log.debug("story %s: %d articles, %d sources", story.id, len(ids), independent[story.id])
    families = sorted(
        (tuple(sorted(c)) for c in nx.connected_components(graph) if len(c) > 1),
        key=lambda fam: fam[0],
    )
    return Reuse(tuple(links), tuple(families), independent)
