"""Thousands of hostile inputs of every kind, mixed with good articles (issue 18).

    python benchmarks/bench_fuzz.py [POLNEAR_DIR] [--hostile 5000] [--good 400]
        [--batches 20] [--analyze 2] [--seed 18]

Hostile inputs come from ``tests/ingest/fuzz_inputs.py`` (the generators the
Hypothesis tests use), seeded: JSONL files (deep nesting, wrong types, bad
dates, binary lines), HTML pages (mutated, 20,000 nested divs, bogus
charsets, UTF-16), RSS feeds (broken encoding declarations, invalid links,
mutated XML), WARC files (valid starts that turn to garbage, truncation,
flipped bytes, gzip of damaged records), arbitrary bytes under every
extension, hostile file names (``[bold]``, ``m[``, RTL marks) and URL forms
httpx refuses (``http://0177.0.0.1/x``, ``http://[::1/x``).  Good articles are
PolNeAR dev texts (or a generated text without the data), each with a unique
marker, written as text, HTML, JSONL, full-text feed entries and WARC records.

Two checks:

1. **Readers**, in this process: ``read_sources`` over every input, one batch
   per ``--batches``; crashes (an exception out of the batch), hostile inputs
   that produced nothing at all (silent), and good articles not read.
2. **Command line**, end to end: ``newsprism ingest`` on each mixed batch (and
   ``newsprism analyze`` on ``--analyze`` of them); a traceback or an exit code
   other than 0/1/2 is a crash; every good marker must be in the store, every
   hostile input named on stderr or stored.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _data import DEFAULT_DATA

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from fuzz_inputs import (  # noqa: E402
    EXTENSIONS,
    MAKERS,
    good_feed_item,
    good_html,
    good_warc,
    make_name,
    make_url,
)

try:
    from newsprism._cli_report import one_line
except ImportError:  # measuring a version from before issue 18

    def one_line(text: str) -> str:
        return text


from newsprism.ingest import IngestFailure, read_sources  # noqa: E402
from newsprism.model import Article  # noqa: E402


def good_texts(folder: Path) -> list[str]:
    files = sorted((folder / "polnear" / "dev" / "text").glob("*.txt"))
    if files:
        return [f.read_text(encoding="utf-8") for f in files]
    para = "The county board voted on Tuesday to extend the library's hours, officials said."
    return [f"County extends library hours\n\n{para}\n\n{para}"]


def write_good(folder: Path, n: int, texts: list[str], rnd: random.Random) -> tuple[str, str]:
    """One good article in one of five forms; returns (path, marker)."""
    marker = f"zq{n:05d}x"
    kind = n % 5
    text = texts[n % len(texts)].strip() + f"\n\nEdition {marker}."
    if kind == 0:
        path = folder / f"good-{n}.txt"
        path.write_text(text, encoding="utf-8")
    elif kind == 1:
        path = folder / f"good-{n}.html"
        path.write_bytes(good_html(marker))
    elif kind == 2:
        import json

        path = folder / f"good-{n}.jsonl"
        path.write_text(json.dumps({"id": marker, "text": text}) + "\n", encoding="utf-8")
    elif kind == 3:
        path = folder / f"good-{n}.xml"
        path.write_text(
            f'<rss version="2.0"><channel><title>Good</title>{good_feed_item(marker)}'
            "</channel></rss>",
            encoding="utf-8",
        )
    else:
        path = folder / f"good-{n}.warc"
        path.write_bytes(good_warc((marker,)))
    return str(path), marker


def write_hostile(folder: Path, n: int, rnd: random.Random) -> tuple[str, str]:
    """One hostile input; returns (source argument, kind)."""
    kind = rnd.choice(["jsonl", "html", "feed", "warc", "bytes", "name", "url"])
    if kind == "url":
        return make_url(rnd), kind
    sub = folder / f"h{n}"
    sub.mkdir()
    if kind == "bytes":
        ext = rnd.choice(EXTENSIONS)
        path = sub / f"b{ext}"
        path.write_bytes(bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 2000))))
    elif kind == "name":
        path = sub / make_name(rnd)
        path.write_text("Short note with odd name " + str(n), encoding="utf-8")
    else:
        ext, make = MAKERS[kind]
        data = make(rnd)
        if kind == "warc" and data[:2] == b"\x1f\x8b":
            ext = ".warc.gz"
        path = sub / f"x{ext}"
        path.write_bytes(data)
    return str(path), kind


def item_source(item: Article | IngestFailure) -> str:
    if isinstance(item, IngestFailure):
        return item.source
    return item.provenance.source if item.provenance else item.id


def belongs(source: str, inp: str) -> bool:
    return source == inp or source.startswith((inp + "#", inp + ":"))


def reader_check(batches: list[list[tuple[str, str]]], markers: dict[str, str]) -> dict[str, int]:
    crashes = silent = good_lost = articles = failures = 0
    for batch in batches:
        sources = [s for s, _ in batch]
        items: list[Article | IngestFailure] = []
        try:
            items = list(read_sources(sources))
        except Exception as exc:  # what this benchmark counts
            crashes += 1
            print(f"crash: {type(exc).__name__}: {exc}", file=sys.stderr)
        articles += sum(isinstance(i, Article) for i in items)
        failures += sum(isinstance(i, IngestFailure) for i in items)
        seen = [item_source(i) for i in items]
        texts = " ".join(i.text for i in items if isinstance(i, Article))
        for source, kind in batch:
            if kind == "good":
                good_lost += markers[source] not in texts
            elif not any(belongs(s, source) for s in seen):
                silent += 1
                print(f"silent: {source!r}", file=sys.stderr)
    return {
        "crashes": crashes,
        "silent": silent,
        "good_lost": good_lost,
        "articles": articles,
        "failures": failures,
    }


def cli_check(
    batches: list[list[tuple[str, str]]], markers: dict[str, str], folder: Path, analyze: int
) -> dict[str, int]:
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    crashes = good_lost = unnamed = 0
    codes: Counter[int] = Counter()
    for n, whole in enumerate(batches):
        batch = [(s, k) for s, k in whole if "\x00" not in s]  # argv cannot hold a NUL
        db = folder / f"run-{n}.db"
        command = "analyze" if n < analyze else "ingest"
        # -v: a duplicate of an input already stored is named in the log, not only counted
        args = [sys.executable, "-m", "newsprism", "-v", command, "--db", str(db)]
        proc = subprocess.run(
            [*args, *(s for s, _ in batch)], capture_output=True, text=True, env=env, timeout=3600
        )
        codes[proc.returncode] += 1
        crashed = proc.returncode not in (0, 1, 2) or "Traceback" in proc.stderr + proc.stdout
        if crashed:
            crashes += 1
            last = proc.stderr.strip().splitlines()[-1:] or ["(no output)"]
            print(f"batch {n} crashed (exit {proc.returncode}): {last[0][:200]}")
        if not db.exists():
            good_lost += sum(kind == "good" for _, kind in batch)
            continue
        con = sqlite3.connect(db)
        rows = con.execute("SELECT text FROM articles").fetchall()
        sources = {r[0] for r in con.execute("SELECT source FROM articles")}
        con.close()
        stored = " ".join(r[0] for r in rows)
        stderr = " ".join(proc.stderr.split())
        for source, kind in batch:
            if kind == "good":
                good_lost += markers[source] not in stored
            elif not crashed and (
                " ".join(one_line(source).split()) not in stderr
                and not any(belongs(s, source) for s in sources)
            ):
                unnamed += 1  # (after a crash nothing past it is named: counted as a crash)
    return {
        "crashes": crashes,
        "good_lost": good_lost,
        "hostile_not_named_or_stored": unnamed,
        **{f"exit_{k}": v for k, v in sorted(codes.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--hostile", type=int, default=5000)
    ap.add_argument("--good", type=int, default=400)
    ap.add_argument("--batches", type=int, default=20)
    ap.add_argument("--analyze", type=int, default=2, help="batches run through `analyze`")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    texts = good_texts(args.data)
    with tempfile.TemporaryDirectory(prefix="bench-fuzz-") as tmp:
        folder = Path(tmp)
        inputs: list[tuple[str, str]] = []
        markers: dict[str, str] = {}
        for n in range(args.good):
            path, marker = write_good(folder, n, texts, rnd)
            inputs.append((path, "good"))
            markers[path] = marker
        for n in range(args.hostile):
            inputs.append(write_hostile(folder, n, rnd))
        rnd.shuffle(inputs)
        batches = [inputs[i :: args.batches] for i in range(args.batches)]
        kinds = Counter(k for _, k in inputs)
        print(f"inputs: {dict(kinds)} in {args.batches} batches")
        started = time.perf_counter()
        readers = reader_check(batches, markers)
        print(f"readers ({time.perf_counter() - started:.0f}s): {readers}")
        if not args.skip_cli:
            started = time.perf_counter()
            cli = cli_check(batches, markers, folder, args.analyze)
            print(f"command line ({time.perf_counter() - started:.0f}s): {cli}")


if __name__ == "__main__":
    main()
