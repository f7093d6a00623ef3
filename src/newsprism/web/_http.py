"""Two pure ASGI layers in front of the app: the Host header check and the read cache.

**Host check.** A server without a token on 127.0.0.1 trusts whoever can reach
it, which a web page in the user's browser can do through DNS rebinding: its
own name, re-pointed at 127.0.0.1, reaches the server with ``Host: evil.example``.
Answering only the names the server is known by stops that.  Starlette's
``TrustedHostMiddleware`` cannot serve: it would refuse the server's own IP
addresses when it listens on all of them, and those are safe (rebinding needs a
name), so they are all accepted here.

**Read cache.** Reads far outnumber writes, and a story page or a dossier costs
milliseconds of parsing and rendering each time; under 200 concurrent clients
that made p99 over a second.  Whole GET responses are kept (LRU, bounded in
bytes) and dropped together when the store changes, which
:meth:`~newsprism.web._db.WebDB.generation` tells cheaply.  The worker writes
from another process, so the store, not the app, has to say what changed.
"""

from __future__ import annotations

import ipaddress
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._errors import error_response

__all__ = ["HostGuard", "ResponseCache", "is_loopback", "known_hosts"]

log = logging.getLogger(__name__)

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("", "0.0.0.0", "::")


def is_loopback(host: str) -> bool:
    """Whether a bind address only takes connections from this machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def known_hosts(bind: str, configured: Iterable[str] = ()) -> frozenset[str]:
    """The names a server bound to ``bind`` answers to: loopback ones, its bind address
    if it is one address, and the ``configured`` names (``*.example.org`` for subdomains)."""
    names = {*LOOPBACK_NAMES, *(n.strip().lower() for n in configured if n.strip())}
    if bind.strip("[]") not in WILDCARDS:
        names.add(bind.strip("[]").lower())
    return frozenset(names)


def _host_name(value: str) -> str:
    """``Host`` header value without its port (``[::1]:8000`` -> ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostGuard:
    """Refuses (400, the API's error shape) requests whose Host is no name of this server.

    IP literals are accepted: DNS rebinding needs a name the attacker controls.
    A request without a Host header (HTTP/1.0) cannot come from a browser and passes.
    """

    def __init__(self, app: ASGIApp, names: frozenset[str]) -> None:
        self.app = app
        self.names = names
        self.suffixes = tuple(n[1:] for n in names if n.startswith("*."))

    def allowed(self, host: str) -> bool:
        name = _host_name(host)
        if name in self.names or (self.suffixes and name.endswith(self.suffixes)):
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = next((v for k, v in scope["headers"] if k == b"host"), None)
            if host is not None and not self.allowed(host.decode("latin-1")):
                name = _host_name(host.decode("latin-1"))[:100]
                response = error_response(
                    400,
                    f"unknown host {name!r}: this server answers to its own names only "
                    "(add one with `newsprism serve --allowed-host NAME`)",
                    "unknown_host",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


@dataclass(frozen=True, slots=True)
class _Entry:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """Whole GET responses of the read paths, dropped whenever the store changes.

    ``generation()`` returns something that changes whenever anything is written
    to the store; a response is kept only if the generation did not change
    while it was made, so a response read before a write is never kept after it.
    """

    CACHED_STATUS = (200, 301)

    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[], Awaitable[object]],
        cacheable: Callable[[str], bool],
        max_bytes: int = 64 * 1024 * 1024,
        max_entry: int = 4 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.generation = generation
        self.cacheable = cacheable
        self.max_bytes = max_bytes
        self.max_entry = max_entry
        self.entries: OrderedDict[str, _Entry] = OrderedDict()
        self.size = 0
        self.current: object = None
        self.hits = self.misses = 0

    def _drop_all(self) -> None:
        self.entries.clear()
        self.size = 0

    def _keep(self, key: str, entry: _Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, gone = self.entries.popitem(last=False)
            self.size -= len(gone.body)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or self.max_bytes <= 0
            or not self.cacheable(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        generation = await self.generation()
        if generation != self.current:
            self._drop_all()
            self.current = generation
        key = scope["path"] + "?" + scope["query_string"].decode("latin-1")
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            await send(
                {"type": "http.response.start", "status": hit.status, "headers": list(hit.headers)}
            )
            await send({"type": "http.response.body", "body": hit.body})
            return
        self.misses += 1
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                # a copy: layers outside may add headers to the message they are sent
                start = {**message, "headers": list(message.get("headers", []))}
            elif message["type"] == "http.response.body" and size <= self.max_entry:
                body = message.get("body", b"")
                chunks.append(body)
                size += len(body)
                done = not message.get("more_body", False)
                # kept only if nothing was written meanwhile
                if done and self.current == generation and self._worth_keeping(start, size):
                    assert start is not None
                    headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", []))
                    self._keep(key, _Entry(start["status"], headers, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)

    def _worth_keeping(self, start: Message | None, size: int) -> bool:
        return (
            start is not None and start["status"] in self.CACHED_STATUS and size <= self.max_entry
        )
