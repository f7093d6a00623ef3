"""HttpFetcher against a real HTTP server on 127.0.0.1, and its private-address guard."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_server import Route, Server, serve

from newsprism.errors import InputError
from newsprism.ingest import USER_AGENT, FetchResult, HttpFetcher, MemoryFetcher
from newsprism.ingest import fetch as fetch_module
from newsprism.ingest.fetch import address_problem


@pytest.fixture
def fetcher() -> Iterator[HttpFetcher]:
    with HttpFetcher(allow_private=True) as f:
        yield f


def test_fetch_returns_body_status_headers_and_sends_user_agent(
    http_server: Server, fetcher: HttpFetcher
) -> None:
    url = http_server.add("/page", "<html><body><p>hi</p></body></html>")
    result = fetcher.fetch(url)
    assert result.status == 200
    assert result.url == url
    assert result.content == b"<html><body><p>hi</p></body></html>"
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.header("Content-Type") == "text/html; charset=utf-8"
    assert result.fetched_at and result.fetched_at.endswith("+00:00")
    assert http_server.seen[-1][1]["user-agent"] == USER_AGENT


def test_http_errors_are_results_not_exceptions(http_server: Server, fetcher: HttpFetcher) -> None:
    result = fetcher.fetch(http_server.url("/missing"))
    assert result.status == 404


def test_conditional_headers_pass_through_and_304_is_a_result(
    http_server: Server, fetcher: HttpFetcher
) -> None:
    def answer() -> Route:
        headers = dict(http_server.seen[-1][1])
        if headers.get("if-none-match") == '"v1"':
            return Route(304, b"", {"ETag": '"v1"'})
        return Route(200, b"<rss/>", {"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    http_server.routes["/feed"] = answer
    url = http_server.url("/feed")
    first = fetcher.fetch(url)
    assert first.status == 200 and first.header("etag") == '"v1"'
    second = fetcher.fetch(
        url, headers={"If-None-Match": '"v1"', "If-Modified-Since": "Sat, 26 Oct 2024 10:00:00 GMT"}
    )
    assert second.status == 304
    assert second.content == b""
    sent = http_server.seen[-1][1]
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Sat, 26 Oct 2024 10:00:00 GMT"


def test_redirects_are_followed_hop_by_hop(http_server: Server, fetcher: HttpFetcher) -> None:
    final = http_server.add("/final", "<p>arrived</p>")
    http_server.routes["/hop2"] = Route(302, b"", {"Location": "/final"})
    http_server.routes["/hop1"] = Route(301, b"", {"Location": http_server.url("/hop2")})
    result = fetcher.fetch(http_server.url("/hop1"))
    assert result.status == 200
    assert result.url == final
    assert result.content == b"<p>arrived</p>"
    assert [path for path, _ in http_server.seen] == ["/hop1", "/hop2", "/final"]


def test_redirect_loop_stops_at_the_limit(http_server: Server) -> None:
    http_server.routes["/loop"] = Route(302, b"", {"Location": "/loop"})
    with HttpFetcher(allow_private=True, max_redirects=3) as f, pytest.raises(InputError) as err:
        f.fetch(http_server.url("/loop"))
    assert err.value.reason == "too many redirects (more than 3)"
    assert len(http_server.seen) == 4


def test_size_cap_with_and_without_content_length(http_server: Server) -> None:
    body = b"x" * 5000
    declared = http_server.add("/big", body, "text/plain")
    streamed = http_server.add("/big-stream", body, "text/plain", chunked=True)
    small = http_server.add("/small", b"y" * 1000, "text/plain", chunked=True)
    with HttpFetcher(allow_private=True, max_bytes=4096) as f:
        for url in (declared, streamed):
            with pytest.raises(InputError) as err:
                f.fetch(url)
            assert err.value.reason == "larger than the 4 KiB cap"
            assert err.value.source == url
        assert f.fetch(small).content == b"y" * 1000


def test_default_cap_is_20_mib(http_server: Server, fetcher: HttpFetcher) -> None:
    url = http_server.add("/huge", b"z" * (20 * 1024 * 1024 + 1), "text/plain", chunked=True)
    with pytest.raises(InputError, match="larger than the 20 MiB cap"):
        fetcher.fetch(url)


def test_read_timeout(http_server: Server) -> None:
    url = http_server.add("/slow", "late", "text/plain", delay=2.0)
    with HttpFetcher(allow_private=True, read_timeout=0.3) as f, pytest.raises(InputError) as err:
        f.fetch(url)
    assert err.value.reason == "timed out"


def test_unsupported_scheme_and_connection_refused() -> None:
    with HttpFetcher(allow_private=True) as f:
        with pytest.raises(InputError, match="unsupported URL scheme 'ftp'"):
            f.fetch("ftp://example.com/file")
        with socket.socket() as s:  # a port with nothing listening
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        with pytest.raises(InputError, match="network error"):
            f.fetch(f"http://127.0.0.1:{port}/")


# --- the private-address guard -----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://localhost/", "loopback"),
    ],
)
def test_guard_refuses_non_public_addresses_by_default(url: str, kind: str) -> None:
    with HttpFetcher() as f, pytest.raises(InputError) as err:
        f.fetch(url)
    assert err.value.source == url
    assert err.value.reason.startswith("refused: ")
    assert f"{kind} address" in err.value.reason


def test_guard_refuses_the_local_test_server(http_server: Server) -> None:
    url = http_server.add("/page", "<p>secret</p>")
    with HttpFetcher() as f, pytest.raises(InputError, match=r"127\.0\.0\.1 is a loopback address"):
        f.fetch(url)
    assert http_server.seen == []  # not even connected


def test_guard_checks_the_resolved_address_at_connect_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A public-looking name that resolves to a private address is refused (DNS rebinding)."""

    def fake_getaddrinfo(host: str, port: int, *args: object, **kw: object) -> list[object]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fake_getaddrinfo)
    with HttpFetcher() as f, pytest.raises(InputError) as err:
        f.fetch("http://news.example/story")
    assert err.value.reason.startswith("refused: news.example resolves to 10.0.0.7")


def test_redirect_to_a_private_address_is_refused(
    http_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first hop is allowed (127.0.0.1 counted as public here); the redirect is not."""
    real = address_problem

    def loopback_is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(ip) == "127.0.0.1" else real(ip)

    monkeypatch.setattr(fetch_module, "address_problem", loopback_is_public)
    http_server.routes["/go"] = Route(
        302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    url = http_server.url("/go")
    with HttpFetcher() as f, pytest.raises(InputError) as err:
        f.fetch(url)
    assert err.value.source == url
    assert err.value.reason.startswith("redirected to http://169.254.169.254/latest/meta-data/: ")
    assert "169.254.169.254 is a link-local address" in err.value.reason
    assert [path for path, _ in http_server.seen] == ["/go"]


@pytest.mark.parametrize(
    ("ip", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("fd00::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem(ip: str, kind: str | None) -> None:
    assert address_problem(ipaddress.ip_address(ip)) == kind


def test_memory_fetcher_serves_pages_and_records_requests() -> None:
    f = MemoryFetcher({"https://a.example/": FetchResult("https://a.example/", 200, {}, b"A")})
    f.add("https://b.example/", "<p>B</p>")
    assert f.fetch("https://a.example/").content == b"A"
    assert f.fetch("https://b.example/", {"If-None-Match": "x"}).content_type == "text/html"
    assert f.fetch("https://c.example/").status == 404
    assert f.requests[1] == ("https://b.example/", {"If-None-Match": "x"})


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_https_through_the_guard_verifies_the_host_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard connects to the checked IP address, yet TLS still verifies the host name."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.example",
         "-addext", "subjectAltName=DNS:news.example"],
        check=True, capture_output=True,
    )  # fmt: skip
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))
    real_resolve, real_problem = socket.getaddrinfo, address_problem

    def resolve(host: str, port: int, *args: object, **kw: object) -> object:
        return real_resolve("127.0.0.1" if host == "news.example" else host, port, *args, **kw)

    def loopback_is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(ip) == "127.0.0.1" else real_problem(ip)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(fetch_module, "address_problem", loopback_is_public)
    with serve(server_tls) as server, HttpFetcher(verify=client_tls) as f:
        server.add("/secure", "<p>over TLS</p>")
        port = server.base.rsplit(":", 1)[1]
        result = f.fetch(f"https://news.example:{port}/secure")
        assert result.status == 200 and result.content == b"<p>over TLS</p>"
        # the same server by its address: the certificate does not name it
        with pytest.raises(InputError, match="CERTIFICATE_VERIFY_FAILED"):
            f.fetch(f"https://127.0.0.1:{port}/secure")
