"""Web app latency under concurrent clients, over a store of 10,000 articles.

    .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--seconds 10] [--clients 200 10]
        [--workers 2] [--keep bench.db]

Builds a SQLite store (``--articles`` articles in stories of 10, each story
with a full synthetic dossier: see ``bench_report.py``), starts ``newsprism
serve --no-worker`` on 127.0.0.1 as a user would (``--workers`` web processes),
and loads it from ``--client-procs`` other processes: for each ``--clients``
figure, that many clients in all, each on a keep-alive connection, each
request one of the five reads in turn (story list, search, story page, JSON
dossier, article; the path picked at random), for ``--seconds`` after a
warm-up of as long.  One run measures every ``--clients`` figure against one
server.  Reports p50/p99 latency and requests per second per read and
overall.  Client and server share the machine's cores, so the figures are a
floor, not a ceiling; the load average is printed with them.
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


def serve(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``newsprism serve`` in its own process group (stopped with SIGTERM, as a user would)."""
    cmd = [sys.executable, "-m", "newsprism", "serve", "--db", db, "--port", str(port)]
    cmd += ["--no-worker"] + (["--workers", str(workers)] if workers > 1 else [])
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def load(
    port: int,
    kinds: dict[str, list[str]],
    seconds: float,
    clients: int,
    first: int,
    out: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    """One client process: ``clients`` threads, each cycling through the kinds of read."""
    latencies: dict[str, list[float]] = {k: [] for k in kinds}
    errors = 0
    lock = threading.Lock()
    names = list(kinds)
    ready = threading.Barrier(clients)

    def run(seed: int) -> None:
        nonlocal errors
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: dict[str, list[float]] = {k: [] for k in kinds}
        bad = 0
        n = seed
        ready.wait()
        stop_at = time.perf_counter() + seconds
        while time.perf_counter() < stop_at:
            kind = names[n % len(names)]
            n += 1
            t = time.perf_counter()
            try:
                conn.request("GET", rnd.choice(kinds[kind]))
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine[kind].append(time.perf_counter() - t)
            bad += not ok
        with lock:
            for k, v in mine.items():
                latencies[k].extend(v)
            errors += bad

    threads = [threading.Thread(target=run, args=(first + i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    out.put((latencies, errors))


def measure(
    port: int, kinds: dict[str, list[str]], seconds: float, clients: int, procs: int
) -> tuple[dict[str, dict[str, float]], int]:
    """Per kind of read (and ``all``): n, p50, p99 (ms) and requests/s; and the errors."""
    ctx = multiprocessing.get_context("spawn")
    procs = max(1, min(procs, clients))
    share = [clients // procs + (i < clients % procs) for i in range(procs)]
    for secs in (seconds, seconds):  # a warm-up as long as the run, then the run
        queue = ctx.Queue()
        workers = [
            ctx.Process(target=load, args=(port, kinds, secs, n, 1000 * i, queue))
            for i, n in enumerate(share)
        ]
        for w in workers:
            w.start()
        parts = [queue.get(timeout=secs + 300) for _ in workers]
        for w in workers:
            w.join(30)
    merged: dict[str, list[float]] = {k: [] for k in kinds}
    errors = 0
    for lat, bad in parts:
        errors += bad
        for k, v in lat.items():
            merged[k].extend(v)
    merged["all"] = [x for v in list(merged.values()) for x in v]
    stats = {}
    for k, lat in merged.items():
        lat.sort()
        stats[k] = {
            "n": len(lat),
            "p50": statistics.median(lat) * 1000 if lat else 0.0,
            "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000 if lat else 0.0,
            "rps": len(lat) / seconds,
        }
    return stats, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", type=int, nargs="+", default=[200, 10])
    ap.add_argument("--client-procs", type=int, default=4, help="client processes")
    ap.add_argument("--workers", type=int, default=1, help="serve --workers")
    ap.add_argument("--port", type=int, default=0, help="default: a free port")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the store here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        if db.exists():
            store = SQLiteStore(db)
            story_ids = [s.id for s in store.stories()]
            article_ids = [a.id for a in store.articles()]
            store.close()
        else:
            texts = load_texts(args.data if args.data.exists() else None)
            story_ids = build_store(db, args.articles, texts)
            store = SQLiteStore(db)
            article_ids = [a.id for a in store.articles()]
            store.close()
        port = args.port or free_port()
        server = serve(str(db), port, args.workers)
        rnd = random.Random(7)
        kinds = {
            "story list": ["/api/stories?limit=50"]
            + [f"/api/stories?limit=50&offset={50 * k}" for k in range(1, 5)],
            "search": [f"/api/stories?q={w}" for w in SEARCH_WORDS]
            + [
                f"/api/stories?q={a}+{b}"
                for a, b in zip(SEARCH_WORDS, SEARCH_WORDS[3:], strict=False)
            ],
            "story page": [
                f"/stories/{s}" for s in rnd.sample(story_ids, min(300, len(story_ids)))
            ],
            "dossier": [
                f"/api/stories/{s}" for s in rnd.sample(story_ids, min(300, len(story_ids)))
            ],
            "article": [
                f"/articles/{a}" for a in rnd.sample(article_ids, min(300, len(article_ids)))
            ],
        }
        try:
            for clients in args.clients:
                load_before = os.getloadavg()
                stats, errors = measure(port, kinds, args.seconds, clients, args.client_procs)
                load_after = os.getloadavg()
                print(
                    f"\n{clients} concurrent clients, {args.seconds:.0f} s, serve --workers "
                    f"{args.workers}; load average {load_before[0]:.1f} before, "
                    f"{load_after[0]:.1f} after; {errors} errors\n"
                )
                print("| read | requests | p50 ms | p99 ms | requests/s |")
                print("|---|---:|---:|---:|---:|")
                for name, r in stats.items():
                    print(
                        f"| {name} | {r['n']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                        f"{r['rps']:.0f} |",
                        flush=True,
                    )
        finally:
            os.killpg(server.pid, 15)
            server.wait(60)
    print(json.dumps({"articles": len(article_ids), "stories": len(story_ids)}))


if __name__ == "__main__":
    main()
