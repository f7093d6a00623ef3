"""Throughput and memory of the story assignment step on large planted corpora.

    .venv/bin/python benchmarks/bench_stories_scale.py --n 100000 [--data ../shared/data]

The corpus is built from real sentences (ECB+, PolNeAR and MSRP text under
``--data``) with planted stories: each story gets a few core sentences and a
made-up person and place (real capitalised words recombined); each of its
articles takes some core sentences, one naming sentence and background
sentences drawn from the whole pool, and a date in the story's life.  About
``--active`` stories run at once, as on a busy news day, and story sizes follow
a geometric law (mean ``--mean-size``).  Articles are generated one at a time
and dropped after use, so peak memory is the clusterer's, not the corpus's.

Only ``StoryClusterer.add`` is timed (featurising, candidate lookup, scoring,
update: everything but reading and NLP); the rate is given per wall second and
per CPU second of that call (the machine is shared, so CPU time is the fairer
per-core figure).  B-cubed F1 against the planted stories is printed too, and each
window's share of the assignment CPU spent in the cyclic garbage collector (which walks
more objects as the clusterer grows, so it is the first suspect when windows slow down).
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DEFAULT_DATA
from newsprism.model import Article
from newsprism.stories import StoryClusterer, score

_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def sentence_pool(data: Path) -> list[str]:
    texts: list[str] = []
    ecb = data / "ecbplus" / "ecbplus.jsonl"
    if ecb.exists():
        import json

        texts += [json.loads(line)["text"] for line in ecb.open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(data.glob("polnear/*/text/*.txt"))]
    for tsv in sorted(data.glob("msrp/*.tsv")):
        for line in tsv.read_text(encoding="utf-8-sig").splitlines()[1:]:
            texts += line.split("\t")[3:5]
    pool = [s.strip() for t in texts for s in _SPLIT.split(t)]
    pool = [s for s in pool if 40 <= len(s) <= 300 and not s.startswith("http")]
    if not pool:
        raise SystemExit(f"{data}: no sentences found (ECB+, PolNeAR or MSRP)")
    return pool


def corpus(
    n: int, pool: list[str], *, active: int, mean_size: float, per_day: float, seed: int
) -> Iterator[tuple[Article, int]]:
    rng = random.Random(seed)
    names = sorted({m for s in pool[:20000] for m in _NAME.findall(s)})
    live: list[list[Any]] = []  # [label, left, core, naming, day0]
    made = 0
    for i in range(n):
        day = i / per_day
        if len(live) < active or rng.random() < 1 / mean_size / 4:
            size = 1
            while rng.random() > 1 / mean_size:
                size += 1
            person = f"{rng.choice(names)} {rng.choice(names)}"
            place = rng.choice(names)
            core = rng.sample(pool, 5)
            naming = f"{person} said in {place} that the situation was being watched closely."
            live.append([made, size, core, naming, day])
            made += 1
        k = rng.randrange(len(live))
        label, left, core, naming, _ = live[k]
        body = [*rng.sample(core, 3), str(naming), *rng.sample(pool, 2)]
        rng.shuffle(body)
        published = 1_700_000_000 + int(day * 86400)
        yield (
            Article(
                id=f"a{i}",
                title=str(core[0])[:90],
                text="\n\n".join(body),
                published=time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(published)),
                outlet=f"outlet-{rng.randrange(50)}",
            ),
            label,
        )
        if left <= 1:
            live.pop(k)
        else:
            live[k][1] = left - 1


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--active", type=int, default=400)
    ap.add_argument("--mean-size", type=float, default=5.0)
    ap.add_argument("--per-day", type=float, default=2000.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--every", type=int, default=0, help="report every N articles")
    args = ap.parse_args()
    pool = sentence_pool(args.data)
    base = rss_mib()
    print(f"sentence pool: {len(pool)} sentences; RSS before clustering {base:.0f} MiB")
    cl = StoryClusterer()
    gold: list[int] = []
    wall = cpu = 0.0
    win_wall = win_cpu = 0.0
    every = args.every or max(1, args.n // 10)
    perf, proc = time.perf_counter, time.process_time
    in_gc = [0.0, 0.0]  # CPU seconds in collections so far; start of the current one

    def collecting(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            in_gc[1] = proc()
        else:
            in_gc[0] += proc() - in_gc[1]

    gc.callbacks.append(collecting)
    win_gc = 0.0
    for i, (art, label) in enumerate(
        corpus(
            args.n,
            pool,
            active=args.active,
            mean_size=args.mean_size,
            per_day=args.per_day,
            seed=args.seed,
        ),
        1,
    ):
        gold.append(label)
        w0, c0, g0 = perf(), proc(), in_gc[0]
        cl.add(art)
        dw, dc = perf() - w0, proc() - c0
        win_gc += in_gc[0] - g0
        wall += dw
        cpu += dc
        win_wall += dw
        win_cpu += dc
        if i % every == 0:
            print(
                f"{i:>9} articles: window {every / win_wall:7.0f}/s wall "
                f"{every / max(win_cpu, 1e-9):7.0f}/s cpu; stories {len(cl)}; "
                f"collector {100 * win_gc / max(win_cpu, 1e-9):.1f} % of cpu; "
                f"peak RSS {rss_mib():.0f} MiB",
                flush=True,
            )
            win_wall = win_cpu = win_gc = 0.0
    n = len(gold)
    pred = {f"a{i}": cl.story_of(f"a{i}") or "" for i in range(n)}
    s = score(pred, {f"a{i}": g for i, g in enumerate(gold)})
    print(
        f"n={n}: {n / wall:.0f} articles/s wall, {n / cpu:.0f} articles/s cpu "
        f"(assignment only); peak RSS {rss_mib():.0f} MiB (+{rss_mib() - base:.0f} MiB); "
        f"stories {s.clusters} vs planted {s.gold_clusters}; B3 F1 {s.bcubed_f1:.3f} "
        f"(P {s.bcubed_p:.3f} R {s.bcubed_r:.3f}); pair F1 {s.pair_f1:.3f}"
    )


if __name__ == "__main__":
    main()
