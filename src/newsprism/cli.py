"""The command line: a thin wrapper over the library (``newsprism --help``).

Exit codes: 0 all inputs read; 1 some inputs failed (the rest was processed
and written); 2 nothing could be done (bad arguments, unusable store, no input
readable); 3 an internal error (see :mod:`newsprism._cli_report`).
"""

from __future__ import annotations

import dataclasses
import logging
import shlex
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
)
from rich.table import Column, Table

from . import _api
from . import stories as _stories
from . import watch as _watch
from ._by_story import by_story
from ._cli_report import RunReport, check_outputs, run_app, safe
from .errors import NewsprismError, OptionsError
from .ingest.fetch import HttpFetcher
from .model import ClaimGroup, Dossier, Statement
from .options import DEFAULT_BLOCK_DAYS, Options
from .store import Store, open_store

app = typer.Typer(
    name="newsprism",
    help="One news story through all of its sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[
    str, typer.Option("--db", help="Store: a SQLite path, postgresql://... or :memory:.")
]
SourcesArg = Annotated[
    list[str], typer.Argument(help="Files, folders, globs, URLs, feeds, WARC or JSONL files.")
]
TimeSigmaOpt = Annotated[
    float | None,
    typer.Option(
        "--time-sigma",
        help="Days of the time decay: how far apart the reports of one story may be "
        "(kept in the store for every later run; default 3).",
    ),
]
PrivateOpt = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching private/loopback addresses.")
]
ManifestOpt = Annotated[
    str | None, typer.Option("--manifest", help="CSV/JSONL adding metadata to files.")
]
BroadOpt = Annotated[
    bool,
    typer.Option(
        "--broad",
        help="Attribute beliefs and stances too, not only speech (more found, less precise).",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        help="Processes that parse and analyse articles (default: the machine's cores).",
    ),
]


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("-v", "--verbose")] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log everything; tracebacks of internal errors.")
    ] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _fail(exc: Exception) -> NoReturn:
    """The one-line error (with its code, for newsprism's own) and exit 2."""
    err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(2) from None


@contextmanager
def _checked() -> Iterator[None]:
    """Around building the command's one :class:`Options`: a bad value is one line, exit 2."""
    try:
        yield
    except OptionsError as exc:
        _fail(exc)


@contextmanager
def _store(db: str) -> Iterator[Store]:
    try:
        store = open_store(db)
    except NewsprismError as exc:
        _fail(exc)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress() -> Iterator[_api.Progress]:
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(what: str, done: int, total: int | None) -> None:
        if what not in tasks:
            tasks[what] = bar.add_task(what, total=total)
        bar.update(tasks[what], completed=done, total=total)

    with bar:
        yield update


def _write(dossier: Dossier, json_path: Path | None, report: Path | None, md: Path | None) -> None:
    from .report import render_html, render_markdown  # jinja2: only when a report is written

    for path, text in (
        (json_path, dossier.to_json() if json_path else ""),
        (report, render_html(dossier) if report else ""),
        (md, render_markdown(dossier) if md else ""),
    ):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            out.print(f"wrote {safe(path)}", highlight=False)


@app.command()
def ingest(
    sources: SourcesArg,
    db: DbOpt = "newsprism.db",
    allow_private: PrivateOpt = False,
    manifest: ManifestOpt = None,
) -> None:
    """Read, clean and store articles (idempotent: re-running adds nothing twice)."""
    with _checked():
        options = Options(allow_private=allow_private, manifest=manifest)
    told = RunReport(err)
    with _store(db) as store, _progress() as progress:
        report = _api.ingest_sources(
            sources,
            store=store,
            options=options,
            progress=progress,
            on_failure=told.failure,
            on_notice=told.notice,
        )
    out.print(
        f"{report.inserted} new, {report.duplicates} already stored, "
        f"{len(report.failures)} failed; {store_count(db)} articles in {safe(db)}",
        highlight=False,
    )
    raise typer.Exit(told.exit_code(len(report.ids)))


def store_count(db: str) -> int:
    with _store(db) as store:
        return store.count_articles()


StoryOpt = Annotated[
    str | None,
    typer.Option("--story", help="With --db and no SOURCE: analyse this stored story (again)."),
]


@app.command()
def analyze(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, globs, URLs, feeds, WARC or JSONL files; none with --db: "
            "analyse the stories of the store that new articles joined.",
            show_default=False,
        ),
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the JSON dossier.")
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write the HTML report.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write Markdown.")] = None,
    db: DbOpt = ":memory:",
    story: StoryOpt = None,
    allow_private: PrivateOpt = False,
    manifest: ManifestOpt = None,
    broad: BroadOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Treat SOURCES as one corpus, group it into stories and write the dossier.

    With --db and no SOURCE, analyse what the store holds that is new since its
    last analysis (the stories new articles joined), or one story with --story.
    """
    with _checked():
        options = Options(allow_private=allow_private, manifest=manifest, broad_quotes=broad)
        options = options if jobs is None else dataclasses.replace(options, jobs=jobs)
    if not sources:
        _analyze_store(db, story, options, (json_path, report, markdown))
        return
    if story is not None:
        _fail(ValueError("--story analyses a stored story: give it without SOURCE"))
    check_outputs((json_path, report, markdown), err)
    dossier, told = _analyze(sources, db, options)
    _summary(dossier, told.failures)
    _write(dossier, json_path, report, markdown)
    raise typer.Exit(told.exit_code(len(dossier.articles)))


def _cmd(*words: str) -> str:
    """A command line to show as a hint, quoted so that it runs as shown."""
    return shlex.join(["newsprism", *words])


def _db_args(db: str) -> list[str]:
    return [] if db == "newsprism.db" else ["--db", db]


def _analyze_store(
    db: str, story: str | None, options: Options, outputs: tuple[Path | None, ...]
) -> None:
    """``analyze --db DB [--story ID]``: the stored stories due for analysis, or one."""
    from .store_analysis import StoryAnalysis, analyse_store, merged_into

    if db == ":memory:":
        _fail(
            ValueError(
                "nothing to analyse: give SOURCE (files, folders, URLs, feeds...) or "
                "--db STORE to analyse what a store holds"
            )
        )
    if any(outputs) and story is None:
        _fail(ValueError("--json/--report/--markdown with --db and no SOURCE need --story ID"))
    check_outputs(outputs, err)

    def show(done: StoryAnalysis) -> None:
        if done.error is None:
            out.print(
                f"analysed {done.story}: {_count(done.articles, 'article')} — {done.title}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        else:
            err.print(
                f"[red]failed[/] {escape(done.story)}: {escape(done.error)}",
                highlight=False,
                soft_wrap=True,
            )

    with _store(db) as store:
        target = story and (merged_into(store, story) or story)
        if story is not None and target != story:
            err.print(f"{escape(story)} was merged into {escape(str(target))}", highlight=False)
        with _progress() as progress:
            try:
                result = analyse_store(
                    store,
                    [target] if target else None,
                    options=options,
                    progress=progress,
                    on_story=show,
                    force=target is not None,
                )
            except KeyError:
                _fail(
                    ValueError(
                        f"no story {story!r} in {db}; list them with "
                        f"`{_cmd('stories', *_db_args(db))}`"
                    )
                )
        dossier = store.get_dossier(target) if target else None
    analysed = [s for s in result.stories if s.error is None]
    out.print(
        f"{_count(len(analysed), 'story')} analysed, {result.up_to_date} up to date, "
        f"{len(result.failed)} failed".replace("storys", "stories")
    )
    if dossier is not None and any(outputs):
        _write(Dossier.from_json(dossier), *outputs)
    elif analysed:
        first = analysed[0].story
        hint = _cmd("export", first, *_db_args(db), "--report", f"{first}.html")
        out.print(f"export one with `{hint}`", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(1 if result.failed else 0)


def _analyze(sources: list[str], db: str, options: Options) -> tuple[Dossier, RunReport]:
    """Run the library's analyze with progress bars; bad inputs are reported as they are
    met, not fatal."""
    told = RunReport(err)
    with _store(db) as store, _progress() as progress:
        try:
            dossier = _api.analyze(
                sources,
                options=options,
                store=store,
                progress=progress,
                on_failure=told.failure,
                on_notice=told.notice,
            )
        except NewsprismError as exc:
            _fail(exc)
    return dossier, told


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _summary(dossier: Dossier, failures: int) -> None:
    n_stories = len(dossier.stories)
    out.print(
        f"[bold]{_count(len(dossier.articles), 'article')}[/], {n_stories} "
        f"{'story' if n_stories == 1 else 'stories'}, {failures} failed"
    )
    arts = {a.id: a for a in dossier.articles}
    family = {a: n for n, fam in enumerate(dossier.reuse.families, 1) for a in fam}
    # records put with their stories once: filtering them per story is stories x records
    statements_of = by_story(dossier.stories, dossier.statements, lambda st: st.articles)
    groups_of: dict[str | None, list[tuple[int, ClaimGroup]]] = {}
    for n, g in enumerate(dossier.claim_groups):
        groups_of.setdefault(g.story, []).append((n, g))
    for story, statements in zip(dossier.stories, statements_of, strict=True):
        independent = dossier.reuse.independent_sources.get(story.id)
        out.print(
            f"\n[bold]{safe(story.title)}[/]  ({story.id}: "
            f"{_count(len(story.articles), 'article')}"
            + (
                f", {_count(independent, 'independent source')})"
                if independent is not None
                else ")"
            )
        )
        table = Table("outlet", "published", "title", "family", "removed", box=None)
        for aid in story.articles:
            art = arts[aid]
            table.add_row(
                safe(art.outlet or "?"),
                safe((art.published or "")[:10]),
                safe(art.title or f"({aid})"),
                str(family.get(aid, "")),
                str(len(art.removed)),
            )
        out.print(table)
        speakers = Counter(st.speaker for st in statements if st.speaker)
        if speakers:
            top = ", ".join(f"{name} ({n})" for name, n in speakers.most_common(6))
            out.print(
                f"who said what: {sum(speakers.values())} statements; most quoted: {safe(top)}"
            )
        groups = [g for _, g in sorted(groups_of.get(story.id, []) + groups_of.get(None, []))]
        if groups:
            verdicts = Counter(g.verdict for g in groups)
            out.print("claims: " + ", ".join(f"{n} {v}" for v, n in verdicts.most_common()))
            for g in groups:
                if g.verdict in ("conflicting", "imprecise"):
                    sides = " | ".join(_short(side.text) for side in g.sides)
                    out.print(f"  {g.verdict}: {safe(g.topic)} — {safe(sides)}", highlight=False)
    pending = [s for s in _api.SECTIONS if s not in dossier.filled]
    if pending:
        out.print(f"[dim]not analysed in this version: {', '.join(pending)}[/]")


@app.command()
def reuse(
    sources: SourcesArg,
    db: DbOpt = ":memory:",
    allow_private: PrivateOpt = False,
    manifest: ManifestOpt = None,
) -> None:
    """Who copied whom: the pairs of SOURCES that share text, and derivation families."""
    with _checked():
        options = Options(allow_private=allow_private, manifest=manifest)
    dossier, told = _analyze(sources, db, options)
    outlet = {a.id: safe(a.outlet or "?") for a in dossier.articles}
    table = Table("a", "b", "relation", "score", "direction", "passages")
    for p in sorted(dossier.reuse.pairs, key=lambda p: -p.score):
        table.add_row(
            f"{p.a} ({outlet.get(p.a, '?')})",
            f"{p.b} ({outlet.get(p.b, '?')})",
            p.relation,
            f"{p.score:.2f}",
            p.direction or "",
            str(len(p.passages)),
        )
    out.print(table)
    for n, family in enumerate(dossier.reuse.families, start=1):
        out.print(f"family {n}: " + ", ".join(f"{a} ({outlet.get(a, '?')})" for a in family))
    for story in dossier.stories:
        count = dossier.reuse.independent_sources.get(story.id)
        known = _count(count, "independent source") if count is not None else "unknown sources"
        out.print(f"{story.id}: {_count(len(story.articles), 'article')}, {known}")
    raise typer.Exit(told.exit_code(len(dossier.articles)))


@app.command()
def quotes(
    sources: SourcesArg,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only speakers whose name contains this.")
    ] = None,
    db: DbOpt = ":memory:",
    allow_private: PrivateOpt = False,
    manifest: ManifestOpt = None,
    broad: BroadOpt = False,
) -> None:
    """Who said what: the statements in SOURCES by speaker, with the outlets carrying each."""
    with _checked():
        options = Options(allow_private=allow_private, manifest=manifest, broad_quotes=broad)
    dossier, told = _analyze(sources, db, options)
    outlet = {a.id: safe(a.outlet or a.id) for a in dossier.articles}
    by_id = {q.id: q for q in dossier.quotes}
    unattributed = "(unattributed)"
    grouped: dict[str, list[Statement]] = {}
    for st in dossier.statements:
        grouped.setdefault(st.speaker or unattributed, []).append(st)
    wanted = speaker.casefold() if speaker else None
    table = Table("speaker", "said", "kind", "outlets", "sources")
    order = sorted(grouped.items(), key=lambda kv: (kv[0] == unattributed, -len(kv[1]), kv[0]))
    for name, said in order:
        if wanted is not None and wanted not in name.casefold():
            continue
        roles = [
            q.speaker.role
            for st in said
            for q in (by_id[i] for i in st.quotes if i in by_id)
            if q.speaker and q.speaker.role
        ]
        label = f"{name}, {Counter(roles).most_common(1)[0][0]}" if roles else name
        for n, st in enumerate(said):
            kinds = sorted({by_id[i].kind for i in st.quotes if i in by_id})
            table.add_row(
                safe(label) if n == 0 else "",
                safe(_short(st.text, 90)),
                "/".join(kinds),
                ", ".join(sorted({outlet.get(a, a) for a in st.articles})),
                str(st.independent_sources),
            )
        table.add_section()
    out.print(table if table.rows else "no quotations found")
    out.print(
        f"{_count(len(dossier.quotes), 'quotation')}, "
        f"{_count(len(dossier.statements), 'statement')}, "
        f"{_count(len(grouped), 'speaker')} (unattributed counted as one)"
    )
    raise typer.Exit(told.exit_code(len(dossier.articles)))


def _configure_stories(store: Store, time_sigma: float | None) -> None:
    if time_sigma is None:
        return
    try:
        _stories.configure(store, time_sigma_days=time_sigma)
    except ValueError as exc:
        err.print(f"--time-sigma: {exc}")
        raise typer.Exit(2) from None


@app.command()
def stories(
    db: DbOpt = "newsprism.db",
    min_size: Annotated[int, typer.Option("--min-size", help="Hide smaller stories.")] = 1,
    time_sigma: TimeSigmaOpt = None,
) -> None:
    """List stories: size, outlets, dates, title (placing stored articles not yet in one)."""
    with _store(db) as store:
        _configure_stories(store, time_sigma)
        _stories.update(store)
        rows = _stories.list_stories(store, min_size=min_size)
        table = Table(
            Column("story", no_wrap=True), "articles", "outlets", "first", "last", "title"
        )
        for r in rows:
            more = f" +{len(r.outlets) - 3}" if len(r.outlets) > 3 else ""
            table.add_row(
                r.id,
                str(r.size),
                safe(", ".join(r.outlets[:3]) + more),
                (r.first or "")[:10],
                (r.last or "")[:10],
                safe(r.title),
            )
    out.print(
        table
        if rows
        else f"no stories yet in {escape(db)}: store articles first "
        f"(`{escape(_cmd('ingest', '--help'))}`, `{escape(_cmd('watch', '--help'))}`)",
        highlight=False,
    )


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs.")],
    db: DbOpt = "newsprism.db",
    interval: Annotated[
        float, typer.Option("--interval", help="Seconds between polls of a feed.")
    ] = 900.0,
    iterations: Annotated[
        int | None, typer.Option("--iterations", help="Stop after N rounds.")
    ] = None,
    allow_private: PrivateOpt = False,
    time_sigma: TimeSigmaOpt = None,
    analyze: Annotated[
        bool,
        typer.Option("--analyze", help="Analyse the stories new entries joined, after each poll."),
    ] = False,
    broad: BroadOpt = False,
) -> None:
    """Poll feeds with conditional requests, store new entries and place them in stories."""
    from .store_analysis import StoryAnalysis, analyse_store

    with _checked():
        options = Options(allow_private=allow_private, broad_quotes=broad)

    def show_analysis(done: StoryAnalysis) -> None:
        if done.error is None:
            out.print(f"analysed {done.story}: {_count(done.articles, 'article')}", markup=False)
        else:
            err.print(f"[red]failed[/] {escape(done.story)}: {escape(done.error)}", highlight=False)

    def show_event(e: _watch.WatchEvent) -> None:
        if e.kind == "failed":
            err.print(f"[red]{safe(e.feed)}[/]: {safe(e.message)}; retry in {e.retry_in:.0f}s")
        elif e.kind == "article":
            out.print(
                f"{'new story' if e.created else 'joins'} {e.story}: {safe(e.message or e.article)}"
            )
        elif e.kind in ("merged", "skipped"):
            err.print(f"[dim]{safe(e.message)}[/]")

    with _store(db) as store, HttpFetcher(allow_private=allow_private) as fetcher:
        _configure_stories(store, time_sigma)
        try:
            summary = _watch.watch(
                feeds,
                store=store,
                fetcher=fetcher,
                interval=interval,
                iterations=iterations,
                on_event=show_event,
                analyse=(
                    (
                        lambda ids: analyse_store(
                            store, ids, options=options, on_story=show_analysis, place=False
                        )
                    )
                    if analyze
                    else None
                ),
            )
        except KeyboardInterrupt:
            raise typer.Exit(0) from None
    out.print(
        f"{summary.polls} polls, {summary.new_articles} new articles, "
        f"{summary.stories_created} new stories, {summary.failures} failures"
    )


@app.command()
def show(
    item: Annotated[str, typer.Argument(help="An article or story id.")], db: DbOpt = "newsprism.db"
) -> None:
    """Show one article (metadata, text, removed lines) or one story."""
    with _store(db) as store:
        art = store.get_article(item)
        if art is not None:
            out.print(f"[bold]{safe(art.title or '(untitled)')}[/]")
            out.print(
                safe(
                    f"{art.outlet or 'unknown outlet'} · {art.published or 'undated'} · "
                    f"{art.url or ''}"
                )
            )
            out.print(art.text, highlight=False, markup=False)
            for line in art.removed:
                out.print(f"[dim]removed ({line.kind}): {safe(line.text)}[/]", highlight=False)
            return
        for st in store.stories():
            if st.id == item:
                out.print(f"[bold]{safe(st.title)}[/] ({len(st.articles)} articles)")
                for a in store.articles(st.articles):
                    out.print(safe(f"  {a.id}  {a.outlet or '?'}  {a.title or ''}"))
                return
    err.print(
        f"[red]error:[/] no article or story {escape(repr(item))} in {escape(db)}; "
        f"list them with `{escape(_cmd('stories', *_db_args(db)))}`",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(2)


@app.command()
def export(
    story: Annotated[str, typer.Argument(help="A story id (see `newsprism stories`).")],
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the JSON dossier (default: to stdout).")
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write the HTML report.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write Markdown.")] = None,
    db: DbOpt = "newsprism.db",
) -> None:
    """Write a stored story's dossier as JSON, HTML or Markdown (JSON to stdout if none)."""
    from .store_analysis import merged_into

    check_outputs((json_path, report, markdown), err)
    with _store(db) as store:
        target = merged_into(store, story) or story
        text = store.get_dossier(target)
        known = any(s.id == target and s.articles for s in store.stories())
    if target != story:
        err.print(f"{escape(story)} was merged into {escape(target)}", highlight=False)
    if text is None:
        hint = (
            f"run `{_cmd('analyze', '--db', db, '--story', target)}` first"
            if known
            else f"list them with `{_cmd('stories', *_db_args(db))}`"
        )
        what = "no dossier for story" if known else "no story"
        err.print(
            f"[red]error:[/] {what} {escape(repr(target))} in {escape(db)}; {escape(hint)}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    dossier = Dossier.from_json(text)
    if not (json_path or report or markdown):
        sys.stdout.write(dossier.to_json() + "\n")
        return
    _write(dossier, json_path, report, markdown)


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="WARC, JSONL or Parquet files, folders, globs or URIs.")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables.")],
    engine: Annotated[
        str, typer.Option("--engine", help="local (a process pool, the default) or spark.")
    ] = "local",
    workers: Annotated[int, typer.Option("--workers", help="Local processes / Spark cores.")] = 2,
    master: Annotated[
        str | None, typer.Option("--master", help="Spark master (default local[WORKERS]).")
    ] = None,
    load: Annotated[
        str | None, typer.Option("--load", help="Then load the tables into this store (--db form).")
    ] = None,
    block_days: Annotated[
        float,
        typer.Option(
            "--block-days",
            help="Days of the stream one story-clustering task owns (tasks run in parallel).",
        ),
    ] = DEFAULT_BLOCK_DAYS,
    manifest: ManifestOpt = None,
    broad: BroadOpt = False,
) -> None:
    """Analyse a large corpus in batch; one Parquet folder per table under --out."""
    from .engines import get_engine, load_into_store

    with _checked():
        options = Options(block_days=block_days, manifest=manifest, broad_quotes=broad)
    try:
        runner = get_engine(engine, options, workers=workers, master=master)
    except (ValueError, ImportError) as exc:
        _fail(exc)
    result = runner.run(inputs, out_dir)
    out.print(", ".join(f"{n} {t}" for t, n in result.rows.items()) + f" in {out_dir}")
    if load:
        with _store(load) as store:
            loaded = load_into_store(out_dir, store)
        out.print(
            f"loaded {loaded['articles']} new articles, {loaded['stories']} stories into {load}"
        )


@app.command()
def serve(
    db: DbOpt = "newsprism.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[
        bool, typer.Option("--worker/--no-worker", help="Run an analysis worker beside the server.")
    ] = True,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Web server processes.")
    ] = 1,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A name the server answers to besides its loopback names and --host "
            "(repeatable; also NEWSPRISM_HOSTS, comma-separated).",
        ),
    ] = None,
    cache_mb: Annotated[
        int,
        typer.Option(
            "--cache-mb", min=0, help="Memory for cached pages and dossiers, per web process."
        ),
    ] = 128,
    access_log: Annotated[
        bool,
        typer.Option(
            "--access-log/--no-access-log",
            help="Log every request (costly under load; a proxy in front usually logs them).",
        ),
    ] = False,
    allow_private: PrivateOpt = False,
    broad: BroadOpt = False,
) -> None:
    """Serve the web app and JSON API (described at /api/openapi.json).

    Writes need NEWSPRISM_TOKEN (as a Bearer token, or the forms' token field),
    except on a loopback --host, where they are open when no token is set.
    """
    try:
        from .web import serve as run
    except ImportError:
        err.print(
            "[red]error:[/] the web app needs its extra: " + escape("pip install 'newsprism[web]'")
        )
        raise typer.Exit(2) from None
    with _checked():
        options = Options(allow_private=allow_private, broad_quotes=broad)
    with _store(db):  # a bad --db is one line here, not a traceback from the server
        pass
    run(
        db,
        host=host,
        port=port,
        worker=worker,
        options=options,
        allowed_hosts=tuple(allowed_host or ()),
        workers=workers,
        cache_mb=cache_mb,
        access_log=access_log,
    )


@app.command()
def worker(
    db: DbOpt = "newsprism.db",
    allow_private: PrivateOpt = False,
    broad: BroadOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Run analysis jobs queued by the web app (several workers may share a store)."""
    try:
        from .web import work
    except ImportError:
        err.print(
            "[red]error:[/] the worker needs the web extra: "
            + escape("pip install 'newsprism[web]'")
        )
        raise typer.Exit(2) from None
    with _checked():
        options = Options(allow_private=allow_private, broad_quotes=broad)
        options = options if jobs is None else dataclasses.replace(options, jobs=jobs)
    with _store(db):
        pass
    # the worker's one line per job is what its operator watches: shown without -v
    logging.getLogger("newsprism.web.jobs").setLevel(logging.INFO)
    work(db, options=options)


def main() -> None:
    run_app(app)
