"""The analysis stages, in the order the default pipeline runs them."""

from __future__ import annotations

from . import entities as _entities
from . import nlp as _nlp
from . import stories as _stories
from .model import ArticleNLP
from .pipeline import Pipeline, Stage, State, stage
from .store import Store

#: Bumped whenever the per-article NLP output changes, so cached records are redone.
NLP_VERSION = "spacy-sm-3.8/sents+ents/1"


def annotate_stage(store: Store | None = None, batch_size: int = 32) -> Stage:
    """Per-article NLP, cached in the store by article id and :data:`NLP_VERSION`."""

    @stage("annotate", needs=["articles"], provides=["nlp"])
    def annotate(state: State) -> State:
        cached: dict[str, ArticleNLP] = {}
        if store is not None:
            for art in state.articles:
                rec = store.get_nlp(art.id, NLP_VERSION)
                if rec is not None:
                    cached[art.id] = rec
        todo = [a for a in state.articles if a.id not in cached]
        for rec in _nlp.annotate(todo, batch_size=batch_size):
            cached[rec.article] = rec
            if store is not None:
                store.put_nlp(rec, NLP_VERSION)
        return state.fill(nlp=tuple(cached[a.id] for a in state.articles))

    return annotate


@stage("stories", needs=["articles"], provides=["stories"])
def stories(state: State) -> State:
    return state.fill(stories=_stories.group(state.articles))


@stage("entities", needs=["nlp"], provides=["entities"])
def entities(state: State) -> State:
    return state.fill(entities=_entities.merge_entities(state.nlp))


def default_pipeline(store: Store | None = None) -> Pipeline:
    return Pipeline([annotate_stage(store), stories, entities])
