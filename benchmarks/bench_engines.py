"""Batch engines at 10k and 100k articles: wall time, peak memory, identical results.

    .venv/bin/python benchmarks/bench_engines.py ../shared/data --sizes 10000 100000
        [--full-max 10000] [--nlp-sample 200] [--block-days 7]
    .venv/bin/python benchmarks/bench_engines.py ../shared/data --blocking 50000:2000 20000:200
        [--windows 7 28] [--overlaps 11.15 5.5 0]

``--blocking N:PER_DAY...`` measures story clustering blocked by time window
(``engines.blocks``, the code both engines run) against the single stream
(``stories.group``) and the planted gold, on planted corpora of N articles at
PER_DAY articles a day: B-cubed P/R/F1 and CPU seconds, in one process.

The corpus is the planted-story corpus of ``bench_stories_scale.py`` (real
sentences of ECB+, PolNeAR and MSRP; stories with core sentences, a made-up
person and place, dates in the story's life) plus planted reuse inside stories:
1% verbatim copies of an earlier story member (one sentence added) and 1% light
edits (~10% of words changed).  It is written as 8 JSONL files.

Each (size, engine) runs in a fresh process: ``local`` (process pool, 2 workers),
``spark1`` (Spark ``local[1]``) and ``spark2`` (``local[2]``).  Peak memory is the
largest sum of RSS over the process tree (driver, JVM, Python workers), sampled
every 0.25 s.  spaCy parsing is far too slow for 100k articles on this machine,
so the engines run the corpus stages only (``parse=False``: reading, identity,
candidates, clustering, per-story reuse and statements); sizes above
``--full-max`` skip the per-story stages (clustering and candidates only).  The
per-article NLP throughput is measured separately on ``--nlp-sample`` articles.
After the runs of one size the outputs are compared table by table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MODES = ("local", "spark1", "spark2")


def _tree_rss(root: int) -> int:
    """Bytes of RSS summed over ``root`` and its descendants (from /proc)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * page
        except (OSError, IndexError, ValueError):
            continue
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        todo.extend(p for p, pp in parent.items() if pp == pid)
    return total


class PeakSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self.stop.wait(0.25)


def build_corpus(data: Path, n: int, folder: Path) -> None:
    import bench_stories_scale as bss

    pool = bss.sentence_pool(data)
    rng = random.Random(11)
    by_label: dict[int, list[dict[str, str]]] = {}
    rows: list[dict[str, str]] = []
    words = [w for s in pool[:5000] for w in s.split()]
    for art, label in bss.corpus(n, pool, active=400, mean_size=5.0, per_day=2000.0, seed=3):
        row = {
            "id": art.id,
            "title": art.title or "",
            "text": art.text,
            "published": art.published or "",
            "outlet": art.outlet or "",
        }
        mates = by_label.setdefault(label, [])
        if mates and rng.random() < 0.02:  # planted reuse of an earlier story member
            src = rng.choice(mates)
            if rng.random() < 0.5:
                text = src["text"] + "\n\n" + rng.choice(pool)
            else:
                toks = src["text"].split(" ")
                for _ in range(max(1, len(toks) // 10)):
                    toks[rng.randrange(len(toks))] = rng.choice(words)
                text = " ".join(toks)
            row = {**row, "text": text, "title": src["title"]}
        mates.append(row)
        rows.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(8):
        with open(folder / f"part-{k}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows[k::8]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def blocking_quality(
    data: Path, n: int, per_day: float, windows: list[float], overlaps: list[float]
) -> None:
    """Blocked vs single-stream clustering on one planted corpus; one JSON line per setting."""
    import bench_stories_scale as bss
    from newsprism import stories
    from newsprism.engines import blocks
    from newsprism.engines.local import _InProcess, cluster
    from newsprism.model import ArticleNLP
    from newsprism.stories.metrics import bcubed

    pool = bss.sentence_pool(data)
    pairs = list(bss.corpus(n, pool, active=400, mean_size=5.0, per_day=per_day, seed=3))
    arts = [a for a, _ in pairs]
    gold = {a.id: label for a, label in pairs}
    views = [(a, ArticleNLP(a.id)) for a in arts]

    def labels(found: tuple[object, ...]) -> dict[str, str]:
        return {a: s.id for s in found for a in s.articles}  # type: ignore[attr-defined]

    cpu = time.process_time()
    single = labels(stories.group(arts))
    base = {"n": n, "per_day": per_day, "days": round(n / per_day, 1)}
    f1 = bcubed(single, gold)
    print(
        json.dumps(
            {
                **base,
                "run": "single",
                "cpu_s": round(time.process_time() - cpu, 1),
                "vs_gold": [round(x, 4) for x in f1],
            }
        ),
        flush=True,
    )
    for window in windows:
        for overlap in overlaps:
            plan = blocks.BlockPlan.of(arts, window, overlap)
            cpu = time.process_time()
            found = labels(cluster(_InProcess(), views, plan, chunk=512))
            spent = time.process_time() - cpu
            seen = sum(len(plan.blocks_of(blocks.article_day(a))) for a in arts)
            print(
                json.dumps(
                    {
                        **base,
                        "run": "blocked",
                        "window": window,
                        "overlap": overlap,
                        "blocks": plan.blocks,
                        "replay": round(seen / n, 2),
                        "cpu_s": round(spent, 1),
                        "vs_single": [round(x, 4) for x in bcubed(found, single)],
                        "vs_gold": [round(x, 4) for x in bcubed(found, gold)],
                        "stories": len(set(found.values())),
                        "single_stories": len(set(single.values())),
                    }
                ),
                flush=True,
            )


def run_one(
    mode: str, corpus: Path, out: Path, full: bool, block_days: float = 7.0
) -> dict[str, object]:
    sampler = PeakSampler()
    sampler.start()
    started = time.perf_counter()
    from newsprism import Options

    opts = Options(parse=False, story_stages=full, block_days=block_days)
    if mode == "local":
        from newsprism.engines import LocalEngine

        result = LocalEngine(opts, workers=2, chunk=512).run([str(corpus)], out)
    else:
        from newsprism.engines.spark import SparkEngine, spark_session

        cores = int(mode[-1])
        spark = spark_session(f"local[{cores}]", memory="4g")
        started = time.perf_counter()  # the session's start-up is reported apart
        result = SparkEngine(opts, spark=spark, cores=cores, partitions=4 * cores).run(
            [str(corpus)], out
        )
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    return {
        "mode": mode,
        "wall_s": round(wall, 1),
        "peak_mib": round(sampler.peak / 2**20),
        "rows": result.rows,
        "timings": {k: round(v, 1) for k, v in result.timings.items()},
    }


def nlp_rate(corpus: Path, sample: int) -> dict[str, float]:
    """Per-article stage (spaCy + extractors) in one process: articles per second."""
    from newsprism.engines import _core

    arts = []
    with open(corpus / "part-0.jsonl", encoding="utf-8") as fh:
        for line in fh:
            arts.append(json.loads(line))
            if len(arts) >= sample:
                break
    from newsprism.model import Article

    articles = [Article(id=r["id"], text=r["text"], title=r["title"]) for r in arts]
    list(_core.annotate(articles[:5]))  # load the models first
    t = time.perf_counter()
    cpu = time.process_time()
    list(_core.annotate(articles))
    wall = time.perf_counter() - t
    cpu = time.process_time() - cpu
    chars = sum(len(a.text) for a in articles) / len(articles)
    return {
        "articles": len(articles),
        "chars_per_article": round(chars),
        "per_wall_s": round(len(articles) / wall, 1),
        "per_cpu_s": round(len(articles) / cpu, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--modes", nargs="+", default=list(MODES))
    ap.add_argument("--full-max", type=int, default=10000)
    ap.add_argument("--nlp-sample", type=int, default=200)
    ap.add_argument("--work", type=Path, default=Path("/tmp/newsprism-bench-engines"))
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "OUT"))
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--block-days", type=float, default=7.0)
    ap.add_argument("--blocking", nargs="+", default=[], metavar="N:PER_DAY")
    ap.add_argument("--windows", type=float, nargs="+", default=[7.0, 28.0])
    ap.add_argument("--overlaps", type=float, nargs="+", default=[11.15, 5.5, 0.0])
    args = ap.parse_args()
    if args.blocking:
        for spec in args.blocking:
            n, per_day = spec.split(":")
            blocking_quality(args.data, int(n), float(per_day), args.windows, args.overlaps)
        return
    if args.child:
        mode, corpus, out = args.child
        print(json.dumps(run_one(mode, Path(corpus), Path(out), args.full, args.block_days)))
        return
    from newsprism.engines import compare_outputs

    for n in args.sizes:
        corpus = args.work / f"corpus-{n}"
        if not corpus.exists():
            t = time.perf_counter()
            build_corpus(args.data, n, corpus)
            print(f"# built {n} articles in {time.perf_counter() - t:.0f}s", flush=True)
        full = n <= args.full_max
        outs = {}
        for mode in args.modes:
            out = args.work / f"out-{n}-{mode}"
            cmd = [sys.executable, __file__, str(args.data), "--child", mode, str(corpus), str(out)]
            cmd += ["--full"] if full else []
            cmd += ["--block-days", str(args.block_days)]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"{n} {mode} FAILED\n{proc.stderr[-3000:]}", flush=True)
                continue
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            print(json.dumps({"n": n, "full": full, **res}), flush=True)
            outs[mode] = out
        modes = list(outs)
        for other in modes[1:]:
            diff = compare_outputs(outs[modes[0]], outs[other])
            print(f"# {n}: {modes[0]} vs {other}: {diff or 'identical'}", flush=True)
    if args.nlp_sample:
        corpus = args.work / f"corpus-{args.sizes[0]}"
        print(json.dumps({"nlp": nlp_rate(corpus, args.nlp_sample)}), flush=True)


if __name__ == "__main__":
    main()
