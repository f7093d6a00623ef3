"""The analysis stages, in the order the default pipeline runs them.

Per-article work is one stage, :func:`annotate_stage`: each article is parsed
once with the union of the NLP capabilities its extractors declare, and every
:class:`ArticleStep` runs on that parse.  The result is a pure function of one
article, cached in the store and computable by a batch engine per partition.
Corpus stages then run over the story.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import claims as _claims
from . import entities as _entities
from . import nlp as _nlp
from . import stories as _stories
from ._by_story import by_story
from ._processes import frozen_heap, ordered_map
from .errors import NewsprismError
from .model import (
    Article,
    ArticleNLP,
    Claim,
    ClaimGroup,
    Coverage,
    Entity,
    Quote,
    Reuse,
    Statement,
    Story,
    TimelineEvent,
)
from .options import DEFAULT_OPTIONS, Options
from .pipeline import (
    STATE_FIELDS,
    Pipeline,
    Stage,
    StageFailure,
    State,
    each_story,
    failure_reason,
    stage,
)
from .quotes import CAPABILITIES as QUOTE_CAPABILITIES
from .quotes import extract as extract_quotes
from .quotes import group_statements
from .reuse import analyze_reuse
from .store import AnalysisCache, ClusteringStore, Store

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ArticleStep:
    """A per-article extractor: needs NLP capabilities, fills one ArticleNLP field.

    ``run`` sees the record built so far, so a later step can use an earlier
    one's output (relations use the article's quotes).
    """

    name: str
    capabilities: frozenset[str]
    field: str  # a field of ArticleNLP
    run: Callable[[Article, Doc, ArticleNLP], tuple[object, ...]]


def _extract_quotes(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    return extract_quotes(article, doc)


def _extract_quotes_broad(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    return extract_quotes(article, doc, broad=True)


def _extract_claims(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    return _claims.extract_claims(article, doc, rec.quotes)


def _extract_relations(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    return _claims.article_relations(article, doc, rec.quotes)


def _extract_roles(article: Article, doc: Doc, rec: ArticleNLP) -> tuple[object, ...]:
    return _claims.article_roles(article, doc)


#: The per-article extractors, in order; each shares the one parse per article.
ARTICLE_STEPS: tuple[ArticleStep, ...] = (
    ArticleStep("quotes/2", QUOTE_CAPABILITIES, "quotes", _extract_quotes),
    ArticleStep("claims/3", _claims.CAPABILITIES, "claims", _extract_claims),
    ArticleStep("relations/2", _claims.CAPABILITIES, "relations", _extract_relations),
    ArticleStep("roles/1", _claims.CAPABILITIES, "roles", _extract_roles),
)


def article_steps(*, broad_quotes: bool = False) -> tuple[ArticleStep, ...]:
    """The per-article extractors; ``broad_quotes`` also attributes beliefs and stances.

    Broad quotes are a separate step name, so the store caches the two modes apart.
    """
    if not broad_quotes:
        return ARTICLE_STEPS
    broad = ArticleStep("quotes/2-broad", QUOTE_CAPABILITIES, "quotes", _extract_quotes_broad)
    return tuple(broad if step.field == "quotes" else step for step in ARTICLE_STEPS)


def _version(steps: Sequence[ArticleStep]) -> str:
    """The store's key for per-article records: the steps, and the code they ran."""
    return "+".join(["spacy-sm-3.8/sents+ents/2", *(s.name for s in steps), code_digest()])


#: What the per-article records are computed by: the package's Python and model files.
_CODE_SUFFIXES = (".py", ".json")


def code_digest(root: Path | None = None) -> str:
    """A digest of the package's code and model files (``root``: another package tree).

    The step names were to be bumped by hand whenever an extractor's output changed,
    and in practice were not (dozens of quote changes went out under ``quotes/2``), so
    a store re-running an analysis served records of older code.  Any change to the
    code now keys new records; a release reparses once.
    """
    return _digest(root or Path(__file__).resolve().parent)


@functools.cache
def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def capabilities(steps: Sequence[ArticleStep] = ARTICLE_STEPS) -> frozenset[str]:
    """The NLP capabilities one parse must have for ``steps``."""
    return frozenset(_nlp.ANNOTATE_CAPS.union(*(s.capabilities for s in steps)))


def annotate_article(
    article: Article, doc: Doc, steps: Sequence[ArticleStep] = ARTICLE_STEPS
) -> ArticleNLP:
    """Everything computed from one article alone, from its one parse.

    The single definition of the per-article stage: the pipeline, the local
    batch engine and Spark's ``mapPartitions`` all call it, so they agree.
    """
    rec = _nlp.to_record(article.id, doc)
    for step in steps:  # each step sees the record so far
        output: Any = step.run(article, doc, rec)  # the field named by the step
        rec = dataclasses.replace(rec, **{step.field: output})
    return rec


def annotate_articles(
    articles: Sequence[Article],
    steps: Sequence[ArticleStep] = ARTICLE_STEPS,
    batch_size: int = 32,
    failures: list[StageFailure] | None = None,
    jobs: int = 1,
) -> Iterator[ArticleNLP]:
    """:func:`annotate_article` over many articles, parsed in batches with ``nlp.pipe``.

    With a ``failures`` list, an article whose extractors raise keeps only its
    sentences and mentions (no quotes, claims or relations) and is reported
    there, so one odd article never stops the others.  ``jobs`` > 1 parses and
    annotates in that many worker processes, each taking runs of consecutive
    articles (:func:`_chunks`) and sending back their records, not their docs;
    the records come back in order and are those of one process.
    """
    if not articles:
        return  # all cached: spaCy is not even loaded
    n_process, batch_size = _nlp.plan_processes(len(articles), jobs, batch_size)
    catch = failures is not None
    if n_process == 1:
        done: Iterable[tuple[ArticleNLP, StageFailure | None]] = _annotated(
            articles, tuple(steps), batch_size, catch=catch
        )
    else:
        _nlp.load(capabilities(steps))  # loaded once here: forked workers inherit it
        tasks = _chunks(articles, tuple(steps), batch_size, n_process, catch=catch)
        done = (pair for chunk in ordered_map(_annotate_chunk, tasks, n_process) for pair in chunk)
    for rec, failure in done:
        if failure is not None and failures is not None:
            failures.append(failure)
        yield rec


def _annotated(
    articles: Sequence[Article], steps: tuple[ArticleStep, ...], batch_size: int, *, catch: bool
) -> Iterator[tuple[ArticleNLP, StageFailure | None]]:
    """Each article's record, parsed here, with the failure it reports (``catch``).

    The pipeline is loaded first and kept out of the collector's passes meanwhile
    (:func:`frozen_heap`)."""
    _nlp.load(capabilities(steps))
    with frozen_heap():
        yield from _annotated_loaded(articles, steps, batch_size, catch=catch)


def _annotated_loaded(
    articles: Sequence[Article], steps: tuple[ArticleStep, ...], batch_size: int, *, catch: bool
) -> Iterator[tuple[ArticleNLP, StageFailure | None]]:
    docs = _nlp.parse((a.text for a in articles), capabilities(steps), batch_size)
    for art, doc in zip(articles, docs, strict=True):
        if not catch:
            yield annotate_article(art, doc, steps), None
            continue
        try:
            yield annotate_article(art, doc, steps), None
        except NewsprismError:
            raise
        except Exception as exc:  # one article must never stop the analysis
            log.warning("annotating article %s failed", art.id, exc_info=True)
            failure = StageFailure("annotate", f"article {art.id}", failure_reason(exc))
            yield ArticleNLP(article=art.id), failure


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Consecutive articles one worker process parses and annotates in one go."""

    articles: tuple[Article, ...]
    steps: tuple[ArticleStep, ...]
    batch_size: int
    catch: bool


def _annotate_chunk(chunk: _Chunk) -> list[tuple[ArticleNLP, StageFailure | None]]:
    """A worker's task: the records (and failures) of one chunk, in order."""
    return list(_annotated(chunk.articles, chunk.steps, chunk.batch_size, catch=chunk.catch))


def _chunks(
    articles: Sequence[Article],
    steps: tuple[ArticleStep, ...],
    batch_size: int,
    n_process: int,
    *,
    catch: bool,
) -> list[_Chunk]:
    """The articles cut into runs for the workers, shorter towards the end.

    A run is at most ``batch_size`` articles (one ``nlp.pipe`` batch) and at most
    a share ``1 / (2 * n_process)`` of the articles still to hand out, never fewer
    than :data:`newsprism.nlp.MIN_TEXTS_PER_PROCESS`: long runs while there is
    plenty left, short ones at the end, so the workers finish close together (a
    worker idle while the other parses its last run is wall time lost).  Which
    worker parses what changes nothing in the records.
    """
    out: list[_Chunk] = []
    at = 0
    while at < len(articles):
        share = -(-(len(articles) - at) // (2 * n_process))
        size = max(1, min(batch_size, max(_nlp.MIN_TEXTS_PER_PROCESS, share)))
        if len(articles) - at - size < _nlp.MIN_TEXTS_PER_PROCESS:
            size = len(articles) - at  # no run of a few articles left over at the end
        out.append(_Chunk(tuple(articles[at : at + size]), steps, size, catch))
        at += size
    return out


#: ``progress(what, done, total)``, as the CLI's progress bars take it.
Progress = Callable[[str, int, int | None], None]


def annotate_stage(
    store: AnalysisCache | None = None,
    steps: Sequence[ArticleStep] = ARTICLE_STEPS,
    batch_size: int = 32,
    progress: Progress | None = None,
    jobs: int = 1,
) -> Stage:
    """Per-article NLP and extractors, cached in the store by article id and version;
    ``jobs`` processes parse (:func:`annotate_articles`)."""
    version = _version(steps)

    @stage("annotate", needs=["articles"], provides=["nlp", *sorted(gathered_fields(steps))])
    def annotate(state: State) -> State:
        done: dict[str, ArticleNLP] = {}
        if store is not None:
            for art in state.articles:
                rec = store.get_nlp(art.id, version)
                if rec is not None:
                    done[art.id] = rec
        todo = [a for a in state.articles if a.id not in done]
        failures: list[StageFailure] = []
        records = annotate_articles(todo, steps, batch_size, failures, jobs)
        for n, rec in enumerate(records, start=1):
            if progress:
                progress("analyse articles", n, len(todo))
            done[rec.article] = rec
            failed = bool(failures) and failures[-1].subject == f"article {rec.article}"
            if store is not None and not failed:  # a failed analysis is not cached
                store.put_nlp(rec, version)
        state = with_records(state, [done[a.id] for a in state.articles], steps)
        return state.failed(failures)

    return annotate


def gathered_fields(steps: Sequence[ArticleStep] = ARTICLE_STEPS) -> frozenset[str]:
    """The State fields the per-article stage fills from its steps (the rest stay per record)."""
    return frozenset({s.field for s in steps} & STATE_FIELDS)


def with_records(
    state: State, records: Sequence[ArticleNLP], steps: Sequence[ArticleStep] = ARTICLE_STEPS
) -> State:
    """``state`` as the per-article stage leaves it: ``nlp`` set to ``records`` (one per
    article, in order) and each step's output gathered into its State field.

    A batch engine, which annotates per partition and runs the per-story stages
    later, rebuilds a story's state with this, so the story stages see exactly
    what they see in ``analyze``.
    """
    gathered = {f: tuple(x for r in records for x in getattr(r, f)) for f in gathered_fields(steps)}
    return state.fill(nlp=tuple(records), **gathered)


def stories_stage(store: ClusteringStore | None = None) -> Stage:
    """Stories; with a store, placed by the persistent clusterer so ids survive re-runs."""

    @stage("stories", needs=["articles", "nlp"], provides=["stories"])
    def stories(state: State) -> State:
        if store is None:
            return state.fill(stories=_stories.group(state.articles, state.nlp))
        return state.fill(stories=_stories.stories_for(store, state.articles, state.nlp))

    return stories


@stage("entities", needs=["nlp"], provides=["entities"])
def entities(state: State) -> State:
    return state.fill(entities=_entities.merge_entities(state.nlp))


@stage("reuse", needs=["articles", "stories"], provides=["reuse"])
def reuse(state: State) -> State:
    """Who copied whom: pairs, derivation families and independent sources per story.

    Over all stories at once; should that fail, story by story, so that one story's
    failure is reported and the others keep their reuse.
    """
    try:
        return state.fill(reuse=analyze_reuse(state.articles, state.stories))
    except NewsprismError:
        raise
    except Exception:
        log.warning("reuse over all stories failed; retrying story by story", exc_info=True)
    failures: list[StageFailure] = []
    parts = [
        part
        for _story, part in each_story(
            "reuse", state.stories, lambda st: analyze_reuse(state.articles, [st]), failures
        )
    ]
    merged = Reuse(
        pairs=tuple(p for part in parts for p in part.pairs),
        families=tuple(sorted((f for part in parts for f in part.families), key=lambda f: f[0])),
        independent_sources={k: v for part in parts for k, v in part.independent_sources.items()},
    )
    return state.fill(reuse=merged).failed(failures)


@stage("statements", needs=["quotes", "stories", "reuse"], provides=["quotes", "statements"])
def statements(state: State) -> State:
    """Same statement across outlets, per story, counting derivation families once."""
    by_article: dict[str, list[Quote]] = {}
    for q in state.quotes:
        by_article.setdefault(q.article, []).append(q)
    quotes: list[Quote] = []
    groups: list[Statement] = []
    families = by_story(state.stories, state.reuse.families, lambda f: f)
    fams_of = {story.id: fams for story, fams in zip(state.stories, families, strict=True)}
    failures: list[StageFailure] = []

    def one(story: Story) -> tuple[Sequence[Quote], Sequence[Statement]]:
        story_quotes = [q for a in story.articles for q in by_article.get(a, ())]
        return group_statements(story_quotes, fams_of[story.id])

    grouped: set[str] = set()
    for story, (qs, sts) in each_story("statements", state.stories, one, failures):
        quotes.extend(qs)
        groups.extend(sts)
        grouped.update(story.articles)
    # a story that failed keeps its quotes, ungrouped
    failed = {a for story in state.stories for a in story.articles} - grouped
    quotes.extend(q for q in state.quotes if q.article in failed)
    return state.fill(quotes=tuple(quotes), statements=tuple(groups)).failed(failures)


@stage("relations", needs=["nlp", "entities", "quotes"], provides=["relations", "entities"])
def relations(state: State) -> State:
    """Who criticised, supports, contracts with or spoke to whom; roles onto entities."""
    merged = _claims.merge_relations(
        (r for rec in state.nlp for r in rec.relations), state.entities
    )
    roles = (x for rec in state.nlp for x in rec.roles)
    return state.fill(
        relations=merged, entities=_claims.add_roles(state.entities, roles, state.quotes)
    )


@dataclass(frozen=True, slots=True)
class _StoryClaims:
    """What grouping one story's claims reads: the story's own share of the corpus."""

    story: Story
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    families: tuple[tuple[str, ...], ...]
    statements: tuple[Statement, ...]
    entities: tuple[Entity, ...]


#: One story's claims (their groups set), groups, timeline events and coverage.
_Grouped = tuple[list[Claim], list[ClaimGroup], list[TimelineEvent], list[Coverage]]


def _group_story(part: _StoryClaims) -> _Grouped:
    cl2, groups = _claims.group_claims(part.claims, part.articles, part.families, part.entities)
    events = [
        dataclasses.replace(t, story=part.story.id)
        for t in _claims.build_timeline(cl2, part.articles)
    ]
    covered = _claims.build_coverage(cl2, groups, part.statements, part.articles, part.families)
    groups = tuple(dataclasses.replace(g, story=part.story.id) for g in groups)
    return list(cl2), list(groups), events, list(covered)


def _group_stories(
    parts: Sequence[_StoryClaims],
) -> tuple[list[_Grouped], list[StageFailure]]:
    """Each story's claims grouped (:func:`each_story`: a story that fails is left out
    and reported); a task of the worker processes, or all of them in one process."""
    failures: list[StageFailure] = []
    of = {part.story.id: part for part in parts}
    done = each_story(
        "claim_groups", [p.story for p in parts], lambda st: _group_story(of[st.id]), failures
    )
    return [grouped for _story, grouped in done], failures


#: Fewer claims than this in all and one process groups them: a fork and the
#: records sent to and fro cost more than they save.
MIN_CLAIMS_FOR_PROCESSES = 2_000


def _story_chunks(parts: Sequence[_StoryClaims], processes: int) -> list[list[_StoryClaims]]:
    """Consecutive stories in runs of about ``1 / (4 * processes)`` of the claims each
    (a story larger than that is a run of its own), so the workers finish together."""
    target = sum(len(p.claims) for p in parts) / (4 * processes)
    chunks: list[list[_StoryClaims]] = [[]]
    size = 0
    for part in parts:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(part)
        size += len(part.claims)
    return [c for c in chunks if c]


def claim_groups_stage(jobs: int = 1) -> Stage:
    """Claims lined up across a story's articles: corroborated, single-source, conflicting.

    Each story sees its own share of the corpus-wide records (its families,
    statements and the merged entities naming its articles), grouped once by
    story: the stage is linear in the corpus, not stories x records.  Stories
    are independent, so ``jobs`` > 1 groups runs of them in that many worker
    processes (the biggest per-story stage); the output is in story order and
    that of one process.
    """

    @stage(
        "claim_groups",
        needs=["claims", "stories", "entities", "reuse", "statements"],
        provides=["claims", "claim_groups", "timeline", "coverage"],
    )
    def claim_groups(state: State) -> State:
        by_article: dict[str, list[Claim]] = {}
        for c in state.claims:
            by_article.setdefault(c.article, []).append(c)
        arts = {a.id: a for a in state.articles}
        stories = state.stories
        parts = [
            _StoryClaims(
                story=story,
                articles=tuple(arts[i] for i in story.articles if i in arts),
                claims=tuple(c for a in story.articles for c in by_article.get(a, ())),
                families=tuple(fams),
                statements=tuple(sts),
                entities=tuple(ents),
            )
            for story, fams, sts, ents in zip(
                stories,
                by_story(stories, state.reuse.families, lambda f: f),
                by_story(stories, state.statements, lambda s: s.articles),
                by_story(stories, state.entities, lambda e: e.articles),
                strict=True,
            )
        ]
        chunks = _story_chunks(parts, jobs)
        if jobs > 1 and len(chunks) > 1 and len(state.claims) >= MIN_CLAIMS_FOR_PROCESSES:
            results: Iterable[tuple[list[_Grouped], list[StageFailure]]] = ordered_map(
                _group_stories, chunks, jobs
            )
        else:
            results = [_group_stories(parts)]
        out_claims: list[Claim] = []
        out_groups: list[ClaimGroup] = []
        timeline: list[TimelineEvent] = []
        coverage: list[Coverage] = []
        failures: list[StageFailure] = []
        for done, failed in results:
            for cl2, groups, events, covered in done:
                out_claims += cl2
                out_groups += groups
                timeline += events
                coverage += covered
            failures += failed
        return state.fill(
            claims=tuple(out_claims),
            claim_groups=tuple(out_groups),
            timeline=tuple(timeline),
            coverage=tuple(coverage),
        ).failed(failures)

    return claim_groups


#: The claim groups stage in one process (what a batch engine runs per story).
claim_groups = claim_groups_stage()


def article_stages(
    options: Options = DEFAULT_OPTIONS,
    store: Store | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> list[Stage]:
    """The per-article stages: a pure function of each article (cached in ``store``),
    parsed by ``jobs`` processes."""
    steps = article_steps(broad_quotes=options.broad_quotes)
    return [annotate_stage(store, steps, options.batch_size, progress, jobs)]


def story_stages(jobs: int = 1) -> list[Stage]:
    """The per-story stages, after the stories: each reads one story at a time.

    ``analyze`` runs them over every story at once (claim groups in ``jobs``
    processes); a batch engine over one story per task (:func:`story_pipeline`);
    they give the same results.
    """
    return [entities, reuse, statements, relations, claim_groups_stage(jobs)]


def default_pipeline(
    store: Store | None = None,
    progress: Progress | None = None,
    *,
    options: Options = DEFAULT_OPTIONS,
) -> Pipeline:
    """What ``analyze`` runs: per-article stages (parsed by ``options.jobs`` processes),
    the stories, then the per-story stages."""
    return Pipeline(
        [
            *article_stages(options, store, progress, options.jobs),
            stories_stage(store),
            *story_stages(options.jobs),
        ]
    )


def article_pipeline(options: Options = DEFAULT_OPTIONS) -> Pipeline:
    """The per-article stages alone: what a batch engine runs over each partition.

    One process parses: the engine already runs one task per core.
    """
    return Pipeline(article_stages(options), log_level=logging.DEBUG)


def story_pipeline(options: Options = DEFAULT_OPTIONS) -> Pipeline:
    """The per-story stages over one story: what a batch engine runs per story.

    Its inputs are what :func:`article_pipeline` provides plus the story, which the
    engine clusters in between; so a per-story stage whose need no per-article
    stage provides fails here, when the pipeline is built, as in ``analyze``.
    """
    inputs = article_pipeline(options).provides | {"stories"}
    return Pipeline(story_stages(), inputs=inputs, log_level=logging.DEBUG)
