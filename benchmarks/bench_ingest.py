"""Ingest + clean + store throughput for text, HTML and WARC inputs.

    python benchmarks/bench_ingest.py [POLNEAR_DIR] [--articles N] [--formats text,html,warc]

Pages are generated from real news text (PolNeAR's articles, cycled with a
numbered suffix so that every page is distinct content), written to a temporary
folder, then ingested into a fresh SQLite store exactly as `newsprism ingest`
does.  Each format runs in its own process so peak memory is per format.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import multiprocessing as mp
import tempfile
import time
from pathlib import Path

from _data import DEFAULT_DATA, peak_rss_mib, polnear_texts

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="og:title" content="{title}">
<meta name="author" content="Staff Writer">
<meta property="article:published_time" content="2016-{month:02d}-{day:02d}T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>{title}</h1><p class="byline">By Staff Writer</p>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer>© 2016 Example News. All rights reserved.</footer></body></html>"""


def make_corpus(folder: Path, fmt: str, n: int, texts: list[tuple[str, str]]) -> list[str]:
    docs = []
    for i in range(n):
        _, text = texts[i % len(texts)]
        paras = [p.strip() for p in text.split("\n") if p.strip()]
        title = paras[0][:90]
        body = [*paras[1:], f"Edition {i}."]
        docs.append((i, title, body))
    if fmt == "text":
        for i, title, body in docs:
            (folder / f"a{i:06d}.txt").write_text(
                title + "\n\n" + "\n\n".join(body), encoding="utf-8"
            )
        return [str(folder)]
    pages = [
        PAGE.format(
            title=html.escape(title),
            month=1 + i % 12,
            day=1 + i % 28,
            body="".join(f"<p>{html.escape(p)}</p>" for p in body),
        )
        for i, title, body in docs
    ]
    if fmt == "html":
        for (i, _, _), page in zip(docs, pages, strict=True):
            (folder / f"a{i:06d}.html").write_text(page, encoding="utf-8")
        return [str(folder)]
    if fmt == "warc":
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        path = folder / "corpus.warc.gz"
        with path.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for (i, _, _), page in zip(docs, pages, strict=True):
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                rec = writer.create_warc_record(
                    f"https://news.example/{i}",
                    "response",
                    payload=io.BytesIO(page.encode()),
                    http_headers=headers,
                )
                writer.write_record(rec)
        return [str(path)]
    raise SystemExit(f"unknown format {fmt}")


def run_one(fmt: str, n: int, data: Path, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from newsprism import ingest_sources
    from newsprism.store import SQLiteStore

    texts = polnear_texts(data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = make_corpus(folder, fmt, n, texts)
        store = SQLiteStore(folder / "bench.db")
        t0 = time.perf_counter()
        report = ingest_sources(sources, store=store)
        secs = time.perf_counter() - t0
        queue.put(
            {
                "format": fmt,
                "articles": n,
                "stored": report.inserted,
                "failed": len(report.failures),
                "seconds": round(secs, 2),
                "articles_per_s": round(n / secs, 1),
                "peak_rss_mib": round(peak_rss_mib()),
            }
        )
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA / "polnear" / "train")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--formats", default="text,html,warc")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    for fmt in args.formats.split(","):
        queue: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        proc = ctx.Process(target=run_one, args=(fmt, args.articles, args.data, queue))
        proc.start()
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit(f"{fmt}: benchmark process failed with exit code {proc.exitcode}")
        result = queue.get(timeout=10)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
