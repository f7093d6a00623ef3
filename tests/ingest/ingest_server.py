"""A real HTTP server on 127.0.0.1 for the ingest tests (see the ``http_server`` fixture)."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    chunked: bool = False  # send no Content-Length (body streamed until close)


@dataclass
class Server:
    """What the server answers: ``routes`` maps a path to a :class:`Route` or to a
    callable making one; ``seen`` lists every ``(path, lower-cased headers)`` asked for."""

    base: str = ""
    routes: dict[str, Route | Callable[[], Route]] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        chunked: bool = False,
    ) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = Route(status, data, all_headers, delay, chunked)
        return self.url(path)


@contextmanager
def serve(tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    """Serve on 127.0.0.1 (HTTPS with ``tls``) until the block ends."""
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            found = state.routes.get(self.path)
            route = found() if callable(found) else found
            if route is None:
                route = Route(404, b"not found", {"Content-Type": "text/plain"})
            if route.delay:
                time.sleep(route.delay)
            try:
                self._answer(route)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (size cap, timeout)

        def _answer(self, route: Route) -> None:
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if route.chunked:
                self.send_header("Connection", "close")
                self.end_headers()
                for start in range(0, len(route.body), 65536):
                    self.wfile.write(route.body[start : start + 65536])
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    scheme = "https" if tls is not None else "http"
    state.base = f"{scheme}://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
