"""Web app latency and throughput under load, over a store of 10,000 articles.

    .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--seconds 10] [--concurrency 4]

Builds a SQLite store (``--articles`` articles in stories of 10, each story
with a full synthetic dossier: see ``bench_report.py``), starts the app with
uvicorn in its own process on 127.0.0.1, and loads it from a third process:
``--concurrency`` threads, each on a keep-alive connection, for ``--seconds``
per endpoint (after a one-second warm-up), then stops.  Reports p50/p99
latency and requests per second for the story list, search, the JSON dossier
and the HTML story page.  Client and server share the machine's cores, so the
figures are a floor, not a ceiling.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_report import load_texts, synthetic_story
from newsprism.store import SQLiteStore

SEARCH_WORDS = [
    "police", "fire", "earthquake", "president", "court", "killed", "arrested", "election",
    "hospital", "award", "storm", "ship", "shooting", "film", "team", "deal", "announced",
    "company", "actor", "minister",
]  # fmt: skip


def build_store(path: Path, n_articles: int, texts: list[str], per_story: int = 10) -> list[str]:
    store = SQLiteStore(path)
    story_ids = []
    t = time.perf_counter()
    for k in range(n_articles // per_story):
        sid = f"story-{k:05d}"
        dossier = synthetic_story(per_story, texts, sid, seed=k, unique=True)
        for art in dossier.articles:
            store.add_article(art)
        store.save_stories(dossier.stories)
        store.save_dossier(sid, dossier.to_json(indent=None))
        story_ids.append(sid)
    print(
        f"store: {store.count_articles()} articles, {len(story_ids)} stories, "
        f"{os.path.getsize(path) / 2**20:.0f} MiB, built in {time.perf_counter() - t:.0f} s",
        flush=True,
    )
    store.close()
    return story_ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from newsprism.web import Settings, create_app; "
        f"uvicorn.run(create_app(Settings(db={db!r})), host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def load(
    port: int, paths: list[str], seconds: float, concurrency: int, out: multiprocessing.Queue
) -> None:  # type: ignore[type-arg]
    """The client process: hammer ``paths`` (picked at random) and report latencies."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def run(seed: int) -> None:
        nonlocal errors
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop_at:
            t = time.perf_counter()
            conn.request("GET", rnd.choice(paths))
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t)
            bad += resp.status != 200
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=run, args=(i,)) for i in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out.put((latencies, errors))


def measure(port: int, paths: list[str], seconds: float, concurrency: int) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    results = []
    for secs in (1.0, seconds):  # warm-up, then the measured run
        queue = ctx.Queue()
        proc = ctx.Process(target=load, args=(port, paths, secs, concurrency, queue))
        proc.start()
        results.append(queue.get(timeout=secs + 120))
        proc.join(30)
    lat, errors = results[-1]
    lat.sort()
    return {
        "n": len(lat),
        "errors": errors,
        "p50": statistics.median(lat) * 1000,
        "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000,
        "rps": len(lat) / seconds,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--port", type=int, default=0, help="default: a free port")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the store here")
    args = ap.parse_args()
    texts = load_texts(args.data if args.data.exists() else None)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        if db.exists():
            story_ids = [s.id for s in SQLiteStore(db).stories()]
        else:
            story_ids = build_store(db, args.articles, texts)
        port = args.port or free_port()
        server = serve(str(db), port)
        try:
            rnd = random.Random(7)
            endpoints = {
                "story list (`/api/stories`, 50 a page)": ["/api/stories?limit=50"]
                + [f"/api/stories?limit=50&offset={50 * k}" for k in range(1, 5)],
                "search (`/api/stories?q=`, one or two words)": [
                    f"/api/stories?q={w}" for w in SEARCH_WORDS
                ]
                + [
                    f"/api/stories?q={a}+{b}"
                    for a, b in zip(SEARCH_WORDS, SEARCH_WORDS[3:], strict=False)
                ],
                "dossier (`/api/stories/{id}`, random story)": [
                    f"/api/stories/{s}" for s in rnd.sample(story_ids, min(500, len(story_ids)))
                ],
                "story page (`/stories/{id}`, HTML)": [
                    f"/stories/{s}" for s in rnd.sample(story_ids, min(500, len(story_ids)))
                ],
            }
            print(f"\n{args.concurrency} concurrent connections, {args.seconds:.0f} s each\n")
            print("| endpoint | requests | errors | p50 ms | p99 ms | requests/s |")
            print("|---|---:|---:|---:|---:|---:|")
            for name, paths in endpoints.items():
                r = measure(port, paths, args.seconds, args.concurrency)
                print(
                    f"| {name} | {r['n']:.0f} | {r['errors']:.0f} | {r['p50']:.1f} | "
                    f"{r['p99']:.1f} | {r['rps']:.0f} |",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(30)
    print(json.dumps({"articles": args.articles, "stories": len(story_ids)}))


if __name__ == "__main__":
    main()
