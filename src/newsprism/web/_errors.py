"""One error shape for every error, and the request size limit.

API clients get ``{"error": {"status", "code", "message", "details"}}`` for
every failure: a missing story, a bad parameter, a missing token, a body that
is too large, a bug.  ``code`` names the kind of failure: the HTTP one
(``not_found``), or for newsprism's own errors (:mod:`newsprism.errors`) their
stable code (``E301``), with what to do about it in ``details`` (``{"fix": ...}``).
Pages get the same facts as an HTML page.  Internal errors are logged with
their traceback and answered without it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, NewsprismError, OptionsError, StoreError

__all__ = ["ApiError", "BodyLimit", "ErrorBody", "ErrorInfo", "install_error_handlers"]

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorBody(BaseModel):
    """What every failed API call returns."""

    error: ErrorInfo


class ApiError(Exception):
    """An error to answer with ``status``; ``code`` defaults from the status."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, "error")


#: ``render_page(request, status, title, message) -> HTMLResponse`` for non-API paths.
PageRenderer = Callable[[Request, int, str, str], HTMLResponse]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "text/html" not in request.headers.get(
        "accept", ""
    )


def error_response(
    status: int, message: str, code: str | None = None, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorInfo(
            status=status,
            code=code or CODES.get(status, "error"),
            message=message,
            details=details or [],
        )
    )
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI, page: PageRenderer) -> None:
    def answer(
        request: Request,
        status: int,
        message: str,
        code: str | None = None,
        details: list[dict[str, Any]] | None = None,
    ) -> Response:
        if _wants_json(request):
            return error_response(status, message, code, details)
        return page(request, status, CODES.get(status, "error").replace("_", " "), message)

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return answer(request, exc.status, exc.message, exc.code)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return answer(request, exc.status_code, str(exc.detail))

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        first = details[0] if details else {"loc": [], "message": "invalid request"}
        where = ".".join(first["loc"])
        return answer(request, 422, f"{where}: {first['message']}", None, details)

    async def on_newsprism(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsprismError)
        status = newsprism_status(exc)
        if status >= 500:
            log.error("%s on %s %s", exc, request.method, request.url.path)
        return answer(request, status, str(exc), exc.code, [{"fix": exc.fix}])

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return answer(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(NewsprismError, on_newsprism)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(Exception, on_crash)


def newsprism_status(exc: NewsprismError) -> int:
    """The HTTP status of one of newsprism's own errors: the client's input, or the server."""
    if isinstance(exc, InputError | OptionsError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 500


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes, declared or streamed.

    Checked as the bytes arrive, so an upload without Content-Length (chunked)
    cannot make the server buffer more than the limit either.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        response = error_response(413, f"request body over the limit of {self.limit} bytes")
        await response({"type": "http"}, _no_receive, send)


class _TooLarge(StarletteHTTPException):
    """An HTTP error, so FastAPI's body parsing passes it on as a 413, not a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


Handler = Callable[[Request], Awaitable[Response]]
