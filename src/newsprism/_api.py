"""The library's entry points; the CLI and the web app are thin wrappers over these."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .clean import clean
from .errors import NewsprismError
from .ingest import IngestFailure, IngestNotice, read_sources
from .ingest._base import unexpected
from .ingest._published import check_published
from .ingest.fetch import Fetcher
from .model import FINDINGS, Article, Dossier
from .options import DEFAULT_OPTIONS, Options
from .pipeline import StageFailure, State, failure_reason
from .store import ArticleStore, MemoryStore, Store

log = logging.getLogger(__name__)

#: What ``on_failure`` hears of: an input that could not be read, or a story (an
#: article) that a stage could not analyse.
Failure = IngestFailure | StageFailure
#: ``progress(what, done, total)``; total is None while unknown.
Progress = Callable[[str, int, int | None], None]
SECTIONS = (
    "reuse",
    "quotes",
    "statements",
    "claims",
    "claim_groups",
    "entities",
    "relations",
    "timeline",
    "coverage",
)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did: article ids in input order (new and already stored), the
    inputs that failed and the notices (what was changed about inputs still read)."""

    ids: tuple[str, ...]
    inserted: int
    duplicates: int
    failures: tuple[IngestFailure, ...]
    notices: tuple[IngestNotice, ...] = ()


def _source_text(source: object) -> str:
    """A source is a path, URL or "-"; records go to :func:`analyze_articles`."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    if isinstance(source, Article):
        raise TypeError(
            f"sources are paths, URLs or '-', not Article records ({source.id!r}); "
            "pass records to newsprism.analyze_articles(articles)"
        )
    raise TypeError(f"sources are paths, URLs or '-', not {type(source).__name__}: {source!r:.80}")


def ingest_sources(
    sources: str | Iterable[str],
    *,
    store: ArticleStore,
    options: Options = DEFAULT_OPTIONS,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    on_notice: Callable[[IngestNotice], None] | None = None,
) -> IngestReport:
    """Read, clean and store articles; each is committed as soon as it is read.

    ``on_failure`` and ``on_notice`` hear of each failed input and each notice as
    it happens (a long batch reports while it runs, not only at its end).
    """
    if isinstance(sources, str | os.PathLike):
        sources = [os.fspath(sources)]
    sources = [_source_text(s) for s in sources]
    ids: list[str] = []
    failures: list[IngestFailure] = []
    notices: list[IngestNotice] = []
    inserted = duplicates = 0

    def fail(failure: IngestFailure) -> None:
        log.warning("skipped %s", failure)
        failures.append(failure)
        if on_failure:
            on_failure(failure)

    def notice(note: IngestNotice) -> None:
        log.warning("%s", note)
        notices.append(note)
        if on_notice:
            on_notice(note)

    # 1. read every source; bad items come back as failures, never as exceptions
    for item in read_sources(
        sources, fetcher=fetcher, allow_private=options.allow_private, manifest=options.manifest
    ):
        if isinstance(item, IngestFailure):
            fail(item)
        else:
            # 2. clean: boilerplate out of the text and into `removed`, outlet inferred
            try:
                article = clean(item)
            except Exception as exc:  # one article must never stop the batch
                log.debug("cleaning %s failed", _source(item), exc_info=True)
                fail(IngestFailure(_source(item), f"cleaning failed: {unexpected(exc)}"))
                continue
            if not article.text.strip():
                fail(IngestFailure(_source(item), "no article text after cleaning"))
                continue
            article, changed = check_published(article, _source(article))
            if changed is not None:
                notice(changed)
            # 3. store, committed at once: an interrupted batch keeps what it read
            try:
                added = store.add_article(article)
            except NewsprismError:
                raise  # the store itself is unusable: nothing further can be stored
            except Exception as exc:  # this article only (PostgreSQL refuses NUL in text)
                log.debug("storing %s failed", _source(article), exc_info=True)
                fail(IngestFailure(_source(article), f"not stored ({failure_reason(exc)})"))
                continue
            ids.append(added.id)
            inserted += added.inserted
            duplicates += not added.inserted
            if not added.inserted:
                log.info(
                    "%s: same text from the same source as stored article %s, kept once",
                    _source(article),
                    added.duplicate_of or added.id,
                )
            elif added.id != article.id:
                notice(
                    IngestNotice(
                        _source(article),
                        f"id {article.id!r} is taken by another article; stored as {added.id!r}",
                    )
                )
        if progress:
            progress("read sources", len(ids) + len(failures), None)
    return IngestReport(
        tuple(dict.fromkeys(ids)), inserted, duplicates, tuple(failures), tuple(notices)
    )


def _source(article: Article) -> str:
    return article.provenance.source if article.provenance else article.id


def analyze(
    sources: str | Iterable[str],
    *,
    options: Options = DEFAULT_OPTIONS,
    store: Store | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    on_notice: Callable[[IngestNotice], None] | None = None,
) -> Dossier:
    """Analyse SOURCES as one corpus and return its dossier.

    ``options`` (:class:`~newsprism.Options`) say what is read and computed,
    e.g. ``Options(broad_quotes=True)``; the rest are collaborators.  Bad inputs
    are skipped and reported through ``on_failure`` as they are met (and the
    log), and so is a story a stage could not analyse (a :class:`StageFailure`);
    the rest is analysed.
    """
    store = store if store is not None else MemoryStore()
    # 1. ingest: sources -> cleaned, stored articles
    report = ingest_sources(
        sources,
        store=store,
        options=options,
        fetcher=fetcher,
        progress=progress,
        on_failure=on_failure,
        on_notice=on_notice,
    )
    # 2. the corpus: the stored articles these sources yielded, in input order
    articles = tuple(store.articles(report.ids))
    return analyze_articles(
        articles, options=options, store=store, progress=progress, on_failure=on_failure
    )


def analyze_articles(
    articles: Sequence[Article],
    *,
    options: Options = DEFAULT_OPTIONS,
    store: Store | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> Dossier:
    """Run the analysis pipeline over already-clean articles.

    A story or article that a stage cannot analyse is left out of that stage's
    findings and reported through ``on_failure`` (and the log); the rest is analysed.
    """
    # imported here, not with the module: the stages pull in numpy, networkx and
    # the extractors, which commands that analyse nothing should not pay for
    from .report import story_dossiers
    from .stages import default_pipeline

    pipeline = default_pipeline(store, progress, options=options)
    # 3. per-article then per-story stages, as the pipeline declares them
    state = pipeline(State(articles=tuple(articles)), on_failure)
    # 4. the dossier: every section a stage filled, the rest marked as not analysed
    dossier = to_dossier(state)
    if store is not None:
        # stories are saved by the stories stage (whole, with members of earlier
        # runs); this run's dossier covers only its own articles of each story
        for part in story_dossiers(dossier):
            store.save_dossier(part.stories[0].id, part.to_json(indent=None))
    return dossier


def to_dossier(state: State) -> Dossier:
    filled = ("articles", "stories", *(s for s in SECTIONS if s in state.provided))
    return Dossier(**{name: getattr(state, name) for name in FINDINGS}, filled=filled)
