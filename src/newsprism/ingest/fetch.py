"""Fetching URLs: a small :class:`Fetcher` protocol and two implementations.

:class:`HttpFetcher` is the real one (httpx): timeouts, a streamed size cap,
redirects followed one hop at a time, a polite User-Agent, and no connections
to private, loopback, link-local, reserved or multicast addresses unless it is
built with ``allow_private=True``.  The address check runs where the socket is
opened, on the very addresses the connection uses, so a host name that
resolves to a public address for a check and a private one for the connection
(DNS rebinding) cannot slip through.

:class:`MemoryFetcher` serves canned results from a dictionary, for tests and
for callers that already hold the bytes.

A fetcher returns a :class:`FetchResult` for *every* HTTP answer, 404 and 304
included (a feed watcher sends ``If-None-Match`` / ``If-Modified-Since`` and
wants the 304); it raises :class:`~newsprism.errors.InputError` only when there
is no answer to return: a refused address, a network error, a timeout, a body
over the cap, too many redirects.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import InputError
from ._base import MAX_BYTES
from ._io import too_large

USER_AGENT = "newsprism/0.1 (+https://github.com/newsprism/newsprism)"
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One HTTP answer: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""
    fetched_at: str | None = None  # ISO 8601 UTC time of the answer

    def header(self, name: str) -> str | None:
        """A header's value, whatever the case of its name."""
        wanted = name.lower()
        for key, value in self.headers.items():
            if key.lower() == wanted:
                return value
        return None

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ("" when absent)."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of ``Content-Type``, if any."""
        for param in (self.header("content-type") or "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class Fetcher(Protocol):
    """Anything that turns a URL into a :class:`FetchResult` (or raises ``InputError``)."""

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> FetchResult: ...


# --- the address guard -------------------------------------------------------------


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What kind of non-public address ``ip`` is ("loopback", ...), or ``None`` if public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),
    )
    for kind, hit in checks:
        if hit:
            return kind
    return None


class AddressRefused(Exception):
    """A connection to a non-public address was refused (see ``allow_private``)."""


def _refusal(host: str, ip: str, kind: str) -> str:
    what = (
        f"{ip} is a {kind} address" if host == ip else f"{host} resolves to {ip}, a {kind} address"
    )
    return f"refused: {what} (private addresses are fetched only when allowed)"


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves the host itself, checks every address, and connects only to checked ones."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve host {host!r}") from exc
        addresses: list[str] = []
        for info in infos:
            ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            kind = address_problem(ip)
            if kind is not None:
                raise AddressRefused(_refusal(host.strip("[]"), str(ip), kind))
            if str(ip) not in addresses:
                addresses.append(str(ip))
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for host {host!r}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused("refused: unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport with the connection pool's network backend swapped for the guard.

    httpx does not take a network backend as an argument, so the pool it built is
    replaced by an equivalent one that has the guard; everything else (request
    mapping, error mapping, streaming) stays httpx's.
    """

    def __init__(self, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(verify=False, trust_env=False)  # its pool is replaced just below
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(),
        )


# --- fetchers ----------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _check_url(url: str) -> None:
    """Refuse what is not an http(s) URL httpx can request, as an ``InputError``.

    httpx raises its own ``InvalidURL`` (not an ``HTTPError``) for a bad port, a
    host that is not valid IDNA, a control character or an IPv4 address written
    in octal or with leading zeros (``0177.0.0.1``); the standard library raises
    ``ValueError`` for ``http://[::1/x``.  Both are one bad input, not a crash.
    """
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme, parts.hostname
        if scheme in ("http", "https") and host:
            _ = parts.port  # "port out of range", as a ValueError
            httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:  # UnicodeError is a ValueError
        raise InputError(url, f"invalid URL ({_first_line(exc)})") from None
    if scheme not in ("http", "https"):
        raise InputError(url, f"unsupported URL scheme {scheme!r} (only http and https)")
    if not host:
        raise InputError(url, "URL has no host")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else type(exc).__name__


class HttpFetcher:
    """Fetches over HTTP(S) with httpx; see the module docstring for the rules it keeps.

    ``max_bytes`` caps the *decoded* body, so a small compressed answer that inflates
    past the cap is refused too.  The HTTP client is made on the first fetch, so a
    fetcher that is never used costs nothing; use as a context manager, or call
    :meth:`close`.  ``verify`` is httpx's: ``False``, or an ``ssl.SSLContext`` that
    trusts a private certificate authority.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.allow_private = allow_private
        self.verify = verify
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self.timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._client: httpx.Client | None = None  # made on the first fetch

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                transport=None if self.allow_private else _GuardedTransport(self.verify),
                verify=self.verify,
                timeout=self.timeout,
                follow_redirects=False,
                trust_env=False,  # no proxies from the environment: the guard checks the real host
                headers={"User-Agent": self.user_agent},
            )
        return self._client

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> FetchResult:
        current = url
        for hop in range(self.max_redirects + 1):
            try:
                _check_url(current)
                result = self._fetch_once(url, current, headers)
            except InputError as exc:
                if hop == 0:
                    raise
                raise InputError(url, f"redirected to {current}: {exc.reason}") from None
            location = result.header("location")
            if result.status not in _REDIRECTS or not location:
                return result
            current = urljoin(current, location.strip())
        raise InputError(url, f"too many redirects (more than {self.max_redirects})")

    def _fetch_once(
        self, original: str, url: str, headers: Mapping[str, str] | None
    ) -> FetchResult:
        cap = too_large(self.max_bytes)
        try:
            with self.client.stream("GET", url, headers=dict(headers or {})) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(original, cap)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise InputError(original, cap)
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    headers={k.lower(): v for k, v in response.headers.items()},
                    content=bytes(body),
                    fetched_at=_now(),
                )
        except AddressRefused as exc:
            raise InputError(original, str(exc)) from None
        except httpx.TimeoutException:
            raise InputError(original, "timed out") from None
        except httpx.HTTPError as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(original, f"network error: {detail}") from None
        except (httpx.InvalidURL, ValueError) as exc:  # a redirect's Location, say
            raise InputError(original, f"invalid URL ({_first_line(exc)})") from None


def fetch_ok(fetcher: Fetcher, url: str) -> FetchResult:
    """Fetch ``url`` and insist on a 200 answer: any other is an ``InputError`` ("HTTP 404")."""
    result = fetcher.fetch(url)
    if result.status != 200:
        raise InputError(url, f"HTTP {result.status}")
    return result


class MemoryFetcher:
    """Serves :class:`FetchResult` values from a dict; unknown URLs answer 404.

    ``requests`` records every ``(url, headers)`` asked for, so tests can check
    that conditional headers were passed.
    """

    def __init__(self, pages: Mapping[str, FetchResult] | None = None) -> None:
        self.pages: dict[str, FetchResult] = dict(pages or {})
        self.requests: list[tuple[str, dict[str, str]]] = []

    def add(
        self, url: str, content: bytes | str, content_type: str = "text/html", status: int = 200
    ) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.pages[url] = FetchResult(url, status, {"content-type": content_type}, data)

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> FetchResult:
        self.requests.append((url, dict(headers or {})))
        return self.pages.get(url) or FetchResult(url, 404, {"content-type": "text/plain"})
