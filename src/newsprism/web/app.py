"""The web app: story list and search, story and article pages, ingest, and a JSON API.

Pages and API read the store directly (fast, many at once); anything that
analyses new input becomes a job in the store's queue, run by a worker process
(:mod:`newsprism.web.jobs`), so a request never waits on analysis and a
restart loses no work.  Article text is untrusted: templates escape it
everywhere (Jinja autoescape), and pages are served with a Content Security
Policy that forbids anything not from this site.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import ipaddress
import json
import logging
import multiprocessing
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..ingest.fetch import address_problem
from ..model import Dossier, from_dict, to_dict
from ..options import DEFAULT_OPTIONS, Options
from ..report import (
    SCRIPT_CSP,
    SECTION_TITLES,
    Index,
    article_marks,
    configure,
    highlight,
    render_html,
    render_markdown,
    story_views,
    templates_loader,
)
from ._db import StoryRow, WebDB
from ._errors import ApiError, BodyLimit, ErrorBody, install_error_handlers
from ._http import HostGuard, ResponseCache, is_loopback, known_hosts
from ._schemas import (
    DOSSIER_SCHEMA,
    MAX_FILES,
    MAX_TEXT,
    MAX_TEXTS,
    MAX_URLS,
    ArticleOut,
    IngestIn,
    JobOut,
    JobResultOut,
    StoryListOut,
    StoryOut,
)
from .jobs import (
    STOP_GRACE_S,
    IngestRequest,
    Job,
    JobQueue,
    PastedText,
    UploadedFile,
    run_worker,
    scrub_paths,
)

__all__ = ["Settings", "create_app"]

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024 * 1024
CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src {SCRIPT_CSP}; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


#: Module level: FastAPI resolves dependency annotations in the module's namespace.
BEARER = HTTPBearer(auto_error=False, description="NEWSPRISM_TOKEN, when the server sets one")


@dataclass(frozen=True, slots=True)
class Settings:
    """How one app instance runs.

    ``token`` guards every write when set; without one, writes are open only when
    the server listens on a loopback address (``host``), and refused otherwise.
    ``allowed_hosts`` are names, besides the loopback ones and ``host``, that the
    server answers to (the Host header check against DNS rebinding).
    """

    db: str
    token: str | None = None
    worker: bool = False  # start a worker process beside the server
    # what the worker reads and computes; allow_private lets its URL ingest reach
    # private addresses (tests only)
    options: Options = DEFAULT_OPTIONS
    max_body: int = MAX_BODY
    host: str = "127.0.0.1"
    allowed_hosts: tuple[str, ...] = ()
    cache_bytes: int = 128 * 1024 * 1024  # rendered pages and dossiers kept; 0: none


class SecurityHeaders:
    """Adds CSP and friends to every response; pure ASGI, so it costs almost nothing."""

    HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_url(article_id: str, target: str = "") -> str:
    return "/articles/" + quote(article_id, safe="") + ("#" + target if target else "")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.PackageLoader("newsprism.web", "templates"), templates_loader()]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(story_url=story_url, article_url=article_url, titles=SECTION_TITLES)
    return configure(env)


def _story_out(row: StoryRow) -> StoryOut:
    return StoryOut(
        id=row.id,
        title=row.title,
        articles=row.articles,
        outlets=row.outlets,
        first=row.first,
        last=row.last,
        updated_at=row.updated_at,
        snippet=row.snippet_text(),
        links={"self": f"/api{story_url(row.id)}", "page": story_url(row.id)},
    )


def public(job: Job) -> Job:
    """The job as its viewers see it: no server paths in its messages (older jobs too)."""
    result = job.result
    return dataclasses.replace(
        job,
        error=scrub_paths(job.error) if job.error else None,
        result=dataclasses.replace(result, failures=tuple(scrub_paths(f) for f in result.failures))
        if result
        else None,
        worker=None,
    )


def _job_out(job: Job) -> JobOut:
    job = public(job)
    result = job.result
    return JobOut(
        id=job.id,
        kind=job.kind,
        state=job.state,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        attempts=job.attempts,
        error=job.error,
        result=JobResultOut(
            articles=list(result.articles),
            stories=list(result.stories),
            inserted=result.inserted,
            duplicates=result.duplicates,
            failures=list(result.failures),
        )
        if result
        else None,
        links={"self": f"/api/jobs/{job.id}", "page": f"/jobs/{job.id}"},
    )


def check_url(url: str) -> str:
    """Refuse what can be refused before fetching; the fetcher's guard checks the rest.

    Literal private addresses and ``localhost`` fail here with a clear message;
    names that resolve to private addresses are refused by the fetcher itself
    when the job runs (it checks the address it connects to).
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1/x": a bad request, not a server error
        raise ApiError(422, f"{url[:200]}: not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(422, f"{url[:200]}: not an http(s) URL")
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost"):
        raise ApiError(422, f"{url[:200]}: private address refused")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return url
    problem = address_problem(ip)
    if problem:
        raise ApiError(422, f"{url[:200]}: {problem} address refused")
    return url


def start_worker(settings: Settings) -> multiprocessing.process.BaseProcess:
    """A job worker process beside the server (spawned: no state shared with the server)."""
    proc = multiprocessing.get_context("spawn").Process(
        target=run_worker,
        args=(settings.db, settings.options),
        name="newsprism-worker",
        daemon=True,
    )
    proc.start()
    log.info("worker process %s started", proc.pid)
    return proc


def stop_worker(proc: multiprocessing.process.BaseProcess) -> None:
    """SIGTERM: the worker finishes its job within its grace period or puts it back."""
    if proc.is_alive():
        proc.terminate()
    proc.join(STOP_GRACE_S + 5)
    if proc.is_alive():  # stuck in native code: the job is recovered on the next start
        proc.kill()
        proc.join(5)


def create_app(settings: Settings) -> FastAPI:
    """The ASGI app for one store.  ``newsprism serve`` runs it with uvicorn."""
    db = WebDB(settings.db)
    queue = JobQueue(settings.db, migrate=False)
    token = settings.token or None
    writes_open = token is None and is_loopback(settings.host)
    if token is None and not writes_open:
        log.warning(
            "listening on %s without NEWSPRISM_TOKEN: writes are refused until one is set",
            settings.host,
        )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        proc = start_worker(settings) if settings.worker else None
        try:
            yield
        finally:
            if proc is not None:
                stop_worker(proc)

    app = FastAPI(
        title="newsprism",
        summary="One news story through all of its sources.",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load scripts from a CDN; the spec is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
        responses={
            400: {"model": ErrorBody},
            404: {"model": ErrorBody},
            413: {"model": ErrorBody},
            422: {"model": ErrorBody},
            500: {"model": ErrorBody},
        },
    )

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = (
            _env()
            .get_template(template)
            .render(
                request_path=request.url.path,
                q=ctx.pop("q", ""),
                token_required=token is not None,
                writes_disabled=token is None and not writes_open,
                **ctx,
            )
        )
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
        return page(request, "error.html.j2", status, title=title, message=message)

    install_error_handlers(app, error_page)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    if db.postgres:

        async def generation() -> object:  # a network round trip: off the event loop
            return await anyio.to_thread.run_sync(db.generation)
    else:

        async def generation() -> object:  # microseconds: no thread hop
            return db.generation()

    app.add_middleware(
        ResponseCache,
        generation=generation,
        cacheable=_cacheable,
        max_bytes=settings.cache_bytes,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostGuard, names=known_hosts(settings.host, settings.allowed_hosts))

    def check_token(given: str | None) -> None:
        if token is None:
            if writes_open:
                return
            raise ApiError(
                403,
                f"writes are disabled: this server listens on {settings.host} without a token; "
                "restart it with NEWSPRISM_TOKEN set",
            )
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "a valid token is required (Authorization: Bearer NEWSPRISM_TOKEN)")

    def require_token(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    ) -> None:
        check_token(creds.credentials if creds else None)

    def load_dossier(story_id: str) -> Dossier:
        dossier = db.dossier(story_id)
        if dossier is None:
            raise_moved(story_id)
            raise ApiError(404, f"no story {story_id!r}")
        return dossier

    def raise_moved(story_id: str) -> None:
        """A story merged into another answers with a redirect to the one it joined."""
        target = db.merged_into(story_id)
        if target is not None:
            raise Moved(story_id, target)

    @app.exception_handler(Moved)
    async def moved(request: Request, exc: Moved) -> Response:
        # the same path with the id replaced: /api/stories/OLD/... -> /api/stories/NEW/...
        prefix, _, tail = request.url.path.partition("/stories/")
        rest = tail[len(exc.old) :] if tail.startswith(exc.old) else ""
        return RedirectResponse(prefix + story_url(exc.new) + rest, status_code=301)

    def standing_story(story_id: str) -> str:
        """The id of the story to analyse: ``story_id`` or the story it was merged into."""
        story = db.story(story_id)
        if story is not None and story.articles:
            return story_id
        target = db.merged_into(story_id)
        if target is None:
            raise ApiError(404, f"no story {story_id!r}")
        return target

    # --- JSON API ----------------------------------------------------------------------
    @app.get("/api/stories", response_model=StoryListOut, tags=["stories"])
    def api_stories(
        q: Annotated[str | None, Query(max_length=500, description="Search words")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> StoryListOut:
        """List stories, most recently updated first, or search them (all words, prefixes)."""
        if q and q.strip():
            rows = db.search(q, limit + offset)[offset:]
            total = None
        else:
            rows, total = db.list_stories(limit, offset), db.count_stories()
        return StoryListOut(
            stories=[_story_out(r) for r in rows], total=total, limit=limit, offset=offset, query=q
        )

    @app.get(
        "/api/stories/{story_id}",
        tags=["stories"],
        response_class=Response,
        responses={200: {"content": {"application/json": {"schema": DOSSIER_SCHEMA}}}},
    )
    def api_dossier(story_id: str) -> Response:
        """One story's dossier (``newsprism.dossier/3``)."""
        text = db.dossier_json(story_id)
        if text is None:
            raise_moved(story_id)
            raise ApiError(404, f"no story {story_id!r}")
        return Response(text, media_type="application/json")

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
    def api_article(article_id: str) -> ArticleOut:
        """One article as cleaned, with the quotations and claims found in it."""
        art = db.article(article_id)
        if art is None:
            raise ApiError(404, f"no article {article_id!r}")
        story = db.story_of(article_id)
        dossier = db.dossier(story) if story else None
        quotes = [to_dict(q) for q in dossier.quotes if q.article == art.id] if dossier else []
        claims = [to_dict(c) for c in dossier.claims if c.article == art.id] if dossier else []
        return ArticleOut(
            id=art.id,
            outlet=art.outlet,
            title=art.title,
            published=art.published,
            url=art.url,
            author=art.author,
            text=art.text,
            removed=[r.text for r in art.removed],
            story=story,
            quotes=quotes,
            claims=claims,
            links={"self": f"/api{article_url(art.id)}", "page": article_url(art.id)},
        )

    @app.post(
        "/api/ingest",
        status_code=202,
        response_model=JobOut,
        tags=["ingest"],
        dependencies=[Depends(require_token)],
        responses={401: {"model": ErrorBody}},
    )
    def api_ingest(body: IngestIn) -> JobOut:
        """Queue URLs, feeds, texts and files for analysis; poll the job it returns."""
        files = []
        for f in body.files:
            if f.encoding == "base64":
                try:
                    data = base64.b64decode(f.content, validate=True)
                except (binascii.Error, ValueError) as exc:
                    raise ApiError(422, f"files: {f.name}: not base64") from exc
            else:
                data = f.content.encode("utf-8")
            files.append(UploadedFile.of(f.name, data))
        request = IngestRequest(
            urls=tuple(check_url(u) for u in body.urls),
            texts=tuple(
                PastedText(t.text, t.title, t.outlet, t.published, t.url) for t in body.texts
            ),
            files=tuple(files),
        )
        if request.empty():
            raise ApiError(422, "nothing to ingest: give urls, texts or files")
        return _job_out(queue.enqueue(request))

    @app.post(
        "/api/stories/{story_id}/analyse",
        status_code=202,
        response_model=JobOut,
        tags=["stories"],
        dependencies=[Depends(require_token)],
        responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    )
    def api_analyse(story_id: str) -> JobOut:
        """Queue an analysis of the story (all of its articles); poll the job it returns."""
        target = standing_story(story_id)
        return _job_out(queue.enqueue(IngestRequest(stories=(target,)), kind="analyse"))

    @app.get("/api/jobs/{job_id}", response_model=JobOut, tags=["ingest"])
    def api_job(job_id: int) -> JobOut:
        """A job's state; when done, the articles it stored and the stories they are in."""
        job = queue.get(job_id)
        if job is None:
            raise ApiError(404, f"no job {job_id}")
        return _job_out(job)

    @app.get("/api/health", tags=["meta"])
    def api_health() -> dict[str, Any]:
        return {"ok": True, "articles": db.count_articles(), "jobs": queue.counts()}

    # --- pages -------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(
        request: Request,
        q: Annotated[str, Query(max_length=500)] = "",
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> HTMLResponse:
        limit = 50
        if q.strip():
            rows, total = db.search(q, limit), None
        else:
            rows, total = db.list_stories(limit, offset), db.count_stories()
        return page(
            request, "stories.html.j2", q=q, rows=rows, total=total, offset=offset, limit=limit
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        dossier = load_dossier(story_id)
        index = Index.of(dossier)
        views = story_views(dossier, index)
        return page(
            request,
            "story.html.j2",
            views=views,
            d=dossier,
            filled=set(dossier.filled),
            outlet=index.outlet,
            href=article_url,
        )

    @app.post("/stories/{story_id}/analyse", include_in_schema=False)
    async def analyse_submit(request: Request, story_id: str) -> Response:
        _same_origin(request)
        form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
        check_token(_FormFields(form).get("token") or None)
        target = standing_story(story_id)
        job = queue.enqueue(IngestRequest(stories=(target,)), kind="analyse")
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/stories/{story_id}/report.html", include_in_schema=False)
    def story_report(story_id: str) -> Response:
        html = render_html(load_dossier(story_id))
        return Response(
            html,
            media_type="text/html; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="newsprism-report.html"'},
        )

    @app.get("/stories/{story_id}/report.md", include_in_schema=False)
    def story_markdown(story_id: str) -> Response:
        return Response(
            render_markdown(load_dossier(story_id)), media_type="text/markdown; charset=utf-8"
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        art = db.article(article_id)
        if art is None:
            raise ApiError(404, f"no article {article_id!r}")
        story_id = db.story_of(article_id)
        dossier = db.dossier(story_id) if story_id else None
        if dossier is None or art.id not in {a.id for a in dossier.articles}:
            dossier = Dossier(articles=(art,))
        index = Index.of(dossier)
        return page(
            request,
            "article.html.j2",
            a=art,
            story=dossier.stories[0] if dossier.stories else None,
            body=highlight(art.text, article_marks(index, art.id)),
            quotes=index.quotes_of.get(art.id, []),
            claims=index.claims_of.get(art.id, []),
            groups=index.groups,
            filled=set(dossier.filled),
        )

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request) -> HTMLResponse:
        return page(request, "ingest.html.j2", limits=_limits(settings))

    @app.post("/ingest", include_in_schema=False)
    async def ingest_submit(request: Request) -> Response:
        _same_origin(request)
        form = await request.form(
            max_files=MAX_FILES, max_fields=3 * MAX_TEXTS + 10, max_part_size=2 * MAX_TEXT
        )
        field = _FormFields(form)
        check_token(field.get("token") or None)
        urls = [u for u in field.get("urls").split() if u][:MAX_URLS]
        text = field.get("text").strip()
        texts = (
            (
                PastedText(
                    text,
                    field.get("title").strip() or None,
                    field.get("outlet").strip() or None,
                    field.get("published").strip() or None,
                ),
            )
            if text
            else ()
        )
        files = []
        for upload in form.getlist("files"):
            if isinstance(upload, UploadFile) and upload.filename:
                data = await upload.read(settings.max_body + 1)
                if len(data) > settings.max_body:
                    raise ApiError(413, f"{upload.filename}: file too large")
                files.append(UploadedFile.of(upload.filename, data))
        request_ = IngestRequest(tuple(check_url(u) for u in urls), texts, tuple(files))
        if request_.empty():
            raise ApiError(422, "nothing to ingest: give URLs, text or files")
        job = queue.enqueue(request_)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: int) -> HTMLResponse:
        job = queue.get(job_id)
        if job is None:
            raise ApiError(404, f"no job {job_id}")
        stories = [db.story(s) for s in job.result.stories] if job.result else []
        return page(request, "job.html.j2", job=public(job), stories=[s for s in stories if s])

    return app


class Moved(Exception):  # a control-flow signal, answered with a redirect
    """A merged story's ``old`` id: answered with a redirect to the story ``new``."""

    def __init__(self, old: str, new: str) -> None:
        super().__init__(f"{old} was merged into {new}")
        self.old = old
        self.new = new


#: what the read cache may keep: story lists, search, stories, dossiers, articles
_CACHED_PREFIXES = ("/stories/", "/articles/", "/api/stories", "/api/articles/")


def _cacheable(path: str) -> bool:
    return path == "/" or path.startswith(_CACHED_PREFIXES)


class _FormFields:
    """Text fields of a submitted form; a file where text belongs reads as empty."""

    def __init__(self, form: Mapping[str, Any]) -> None:
        self.form = form

    def get(self, name: str) -> str:
        value = self.form.get(name)
        return value if isinstance(value, str) else ""


def _same_origin(request: Request) -> None:
    """Refuse a form posted from another site (a page could otherwise queue jobs here)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    host = request.headers.get("host", "")
    if origin and origin != "null" and urlsplit(origin).netloc != host:
        raise ApiError(403, "form posted from another site")


def _limits(settings: Settings) -> dict[str, int]:
    return {"max_mb": settings.max_body // (1024 * 1024), "files": MAX_FILES, "urls": MAX_URLS}


def token_from_env() -> str | None:
    return os.environ.get("NEWSPRISM_TOKEN") or None


def hosts_from_env() -> tuple[str, ...]:
    """``NEWSPRISM_HOSTS``: comma-separated names the server answers to (Host check)."""
    return tuple(h.strip() for h in os.environ.get("NEWSPRISM_HOSTS", "").split(",") if h.strip())


#: where ``serve`` with several web processes puts their :class:`Settings` (JSON)
SETTINGS_ENV = "NEWSPRISM_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one of ``serve --workers N``'s processes (uvicorn's factory)."""
    return create_app(from_dict(Settings, json.loads(os.environ[SETTINGS_ENV])))


def default_db() -> Path:
    return Path("newsprism.db")
