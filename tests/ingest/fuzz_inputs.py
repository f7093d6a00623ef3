"""Hostile inputs of every kind, from a ``random.Random``: shared by the Hypothesis tests
(``st.randoms()`` drives them, so failures shrink and replay) and by
``benchmarks/bench_fuzz.py`` (a seeded ``Random`` makes thousands).

Each ``make_*`` returns bytes (or a str for names and URLs).  They mix what real
crawls and exports hold (truncation, wrong encodings, control characters,
nesting, huge numbers, broken markup) with structure enough to get past the
first checks, since a reader's deep paths are where it used to crash.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

EXTENSIONS = (
    ".txt",
    ".md",
    ".html",
    ".jsonl",
    ".json",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
    ".dat",
)
DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

_ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\x01\x02\x1b[31m",
    "\ufeff",
    "\u202e",
    "\ud7ff",
    "[/]",
    "[bold]",
    "<script>alert(1)</script>",
    "&#0;",
    "&#x110000;",
    "]]>",
    "\r\n\r\n",
    "…",
    "“",
    "«",
    "9" * 400,
    "1e999",
    "NaN",
    "-0",
    "over millions of dollars",
    "tens of billions of trillions",
    "February 30, 2016",
    "year 99999",
    "\u0000\u0085\u2028",
    "é" * 50,
    "😀" * 10,
]


def _text(rnd: random.Random, n: int = 8) -> str:
    return "".join(rnd.choice(_ODD_TEXT) + rnd.choice(" abc.,\n") for _ in range(rnd.randint(0, n)))


def _mutate(rnd: random.Random, data: bytes) -> bytes:
    """Truncate, cut a hole, flip bytes, append garbage or splice odd text into ``data``."""
    if not data:
        return _text(rnd).encode("utf-8", "surrogatepass")
    kind = rnd.randrange(6)
    at = rnd.randrange(len(data) + 1)
    if kind == 0:
        return data[:at]
    if kind == 1:
        return data[:at] + data[min(len(data), at + rnd.randint(1, 200)) :]
    if kind == 2:
        out = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            i = rnd.randrange(len(out))
            out[i] = rnd.randrange(256)
        return bytes(out)
    if kind == 3:
        return data + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 300)))
    if kind == 4:
        return data[:at] + _text(rnd).encode("utf-8", "surrogatepass") + data[at:]
    return data


# --- JSON lines ----------------------------------------------------------------------


def _json_value(rnd: random.Random, depth: int = 0) -> object:
    kind = rnd.randrange(9 if depth < 3 else 5)
    if kind == 0:
        return _text(rnd, 3)
    if kind == 1:
        return rnd.choice([0, -1, 10**30, 1.5e308, 2**63, True, None])
    if kind == 2:
        return rnd.choice(["not a date", "2016-02-30", "0000-00-00", "99999-01-01", ""])
    if kind == 3:
        return []
    if kind == 4:
        return {}
    if kind in (5, 6):
        return [_json_value(rnd, depth + 1) for _ in range(rnd.randint(0, 3))]
    return {
        rnd.choice(["id", "text", "html", "title", "published", "url", "metadata", "x"]): (
            _json_value(rnd, depth + 1)
        )
        for _ in range(rnd.randint(0, 4))
    }


def make_json_line(rnd: random.Random) -> bytes:
    kind = rnd.randrange(7)
    if kind == 0:
        depth = rnd.choice([50, 2000, 100_000])
        return ("[" * depth + "]" * depth).encode()
    if kind == 1:
        return b'{"id": "x", "text": ' + b'"' + b"a" * rnd.randint(0, 50) + b"}"  # unterminated
    if kind == 2:
        return _mutate(rnd, json.dumps({"id": "m", "text": _text(rnd) or "t"}).encode())
    if kind == 3:
        record = {
            "id": _json_value(rnd),
            "text": _json_value(rnd),
            "html": _json_value(rnd),
            "published": _json_value(rnd),
            "url": rnd.choice(["http://[::1/x", "javascript:1", "", None, 5]),
        }
        return json.dumps(record).encode()
    if kind == 4:
        return bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 80)))
    if kind == 5:
        html = "<html><body>" + "<div>" * rnd.choice([10, 5000]) + _text(rnd) + "</body></html>"
        return json.dumps({"id": "h", "html": html}).encode()
    return json.dumps(_json_value(rnd)).encode()


def good_json_line(n: int, marker: str) -> bytes:
    text = f"The harbour board met on Tuesday and approved plan {marker}. " * 3
    return json.dumps({"id": f"good-{n}", "title": f"Plan {marker}", "text": text}).encode()


def make_jsonl(rnd: random.Random) -> bytes:
    lines = [make_json_line(rnd) for _ in range(rnd.randint(1, 4))]
    lines.insert(rnd.randint(0, len(lines)), good_json_line(rnd.randrange(1000), "fuzz"))
    return b"\n".join(lines) + b"\n"


# --- HTML ----------------------------------------------------------------------------


def good_html(marker: str) -> bytes:
    body = "".join(
        f"<p>The transit authority said on Monday that route {marker} would reopen, "
        f"officials confirmed after a review of paragraph {n}.</p>"
        for n in range(6)
    )
    return (
        f"<!DOCTYPE html><html><head><title>Route {marker} reopens</title>"
        f'<meta charset="utf-8"></head><body><article><h1>Route {marker} reopens</h1>'
        f"{body}</article></body></html>"
    ).encode()


def make_html(rnd: random.Random) -> bytes:
    kind = rnd.randrange(5)
    if kind == 0:
        return _mutate(rnd, good_html("x"))
    if kind == 1:
        return b"<html><body>" + b"<div>" * rnd.choice([100, 20_000]) + b"deep</body></html>"
    if kind == 2:
        charset = rnd.choice(["undefined", "utf-16", "x-unknown", "utf-32", "rot13"])
        return f'<html><head><meta charset="{charset}"></head><body>{_text(rnd)}</body>'.encode()
    if kind == 3:
        return b"<!DOCTYPE html>" + _text(rnd).encode("utf-8", "surrogatepass")
    return f"<html><body><p>{_text(rnd, 30)}</p></body></html>".encode("utf-16")


# --- feeds ---------------------------------------------------------------------------


_LINKS = [
    "http://0177.0.0.1/x",
    "http://127.000.000.001/",
    "http://[::1/x",
    "http://10.0.0.1:99999/a",
    "http://127.0.0.1:9/\x01b",
    "javascript:alert(1)",
    "http://xn--a.com/",
    "",
    "not a url",
]


def good_feed_item(marker: str, words: int = 120) -> str:
    text = " ".join(f"councillors{n % 7}" for n in range(words))
    return (
        f"<item><title>Budget {marker}</title><link>http://127.0.0.1:9/{marker}</link>"
        f"<description>Budget {marker} passed. {text}.</description></item>"
    )


def make_feed(rnd: random.Random) -> bytes:
    encoding = rnd.choice(["utf-8", "utf-8", "undefined", "utf-16", "iso-8859-1", "bogus", "utf-7"])
    items = []
    for _ in range(rnd.randint(0, 4)):
        link = rnd.choice(_LINKS)
        desc = _text(rnd, 4) if rnd.random() < 0.5 else " ".join(["word"] * rnd.choice([5, 60]))
        date = rnd.choice(["Fri, 25 Oct 2024 09:00:00 GMT", "not a date", "", "Mon, 99 Foo 0"])
        items.append(
            f"<item><title>{_text(rnd, 2)}</title><link>{link}</link>"
            f"<pubDate>{date}</pubDate><description>{desc}</description></item>"
        )
    doc = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{_text(rnd, 2)}</title>{''.join(items)}</channel></rss>"
    ).encode("utf-8", "surrogatepass")
    return _mutate(rnd, doc) if rnd.random() < 0.4 else doc


# --- WARC ----------------------------------------------------------------------------


@cache
def good_warc(markers: tuple[str, ...] = ("w",), gzipped: bool = False) -> bytes:
    """A WARC (warcio-written) holding one HTML response record per marker."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("fuzz.warc", {"software": "fuzz"}))
    for marker in markers:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://fuzz.example/{marker}",
            "response",
            payload=io.BytesIO(good_html(marker)),
            http_headers=headers,
        )
        writer.write_record(record)
    return out.getvalue()


def make_warc(rnd: random.Random) -> bytes:
    kind = rnd.randrange(5)
    base = good_warc(("w",), gzipped=rnd.random() < 0.5)
    if kind == 0:  # starts validly, then garbage (fastwarc used to stop without a word)
        return b"WARC/1.0\r\n" + bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 400)))
    if kind == 1:
        return base + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 300)))
    if kind == 2:
        return gzip.compress(_mutate(rnd, good_warc(("w",))))
    return _mutate(rnd, base)


# --- names and URLs ------------------------------------------------------------------


def make_name(rnd: random.Random) -> str:
    stem = "".join(
        rnd.choice(["m[", "[bold]", "[", "]", " ", "é", "\u202e", "\\", "*", "?", "a", "-", "'"])
        for _ in range(rnd.randint(1, 6))
    )
    return (stem.strip(".") or "x") + rnd.choice([".txt", ".md", ".jsonl", ".html"])


#: Hosts that never reach the network: refused private addresses or forms httpx refuses.
_HOSTS = [
    "0177.0.0.1",
    "127.000.000.001",
    "[::1",
    "[::1]",
    "127.0.0.1",
    "10.1.2.3",
    "0x7f.0.0.1",
    "[::ffff:127.0.0.1]",
    "192.168.0.1",
    "[fe80::1%25eth0]",
]


def make_url(rnd: random.Random) -> str:
    scheme = rnd.choice(["http", "https", "http", "ftp", "file", "HTTP"])
    host = rnd.choice(_HOSTS)
    if rnd.random() < 0.3:
        at = rnd.randrange(len(host) + 1)
        host = host[:at] + rnd.choice(["\x01", " ", "\x7f", "%", "[", "]", "\n"]) + host[at:]
    port = rnd.choice(["", ":0", ":99999", ":-1", ":abc", ":8080"])
    path = rnd.choice(["", "/", "/x", "/\x00", "/../../etc/passwd", "/" + "a" * 5000, "/é"])
    return f"{scheme}://{host}{port}{path}"


Maker = Callable[[random.Random], bytes]
MAKERS: dict[str, tuple[str, Maker]] = {
    "jsonl": (".jsonl", make_jsonl),
    "html": (".html", make_html),
    "feed": (".xml", make_feed),
    "warc": (".warc", make_warc),
}


def json_lines() -> st.SearchStrategy[bytes]:
    return st.randoms(use_true_random=False).map(make_jsonl)


def html_documents() -> st.SearchStrategy[bytes]:
    return st.randoms(use_true_random=False).map(make_html)


def feed_documents() -> st.SearchStrategy[bytes]:
    return st.randoms(use_true_random=False).map(make_feed)


def warc_variants() -> st.SearchStrategy[bytes]:
    return st.randoms(use_true_random=False).map(make_warc)


def hostile_names() -> st.SearchStrategy[str]:
    return st.randoms(use_true_random=False).map(make_name)


def hostile_urls() -> st.SearchStrategy[str]:
    return st.randoms(use_true_random=False).map(make_url)
