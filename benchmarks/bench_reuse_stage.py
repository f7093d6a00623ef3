"""The reuse stage alone on the stories ``bench_stages_scale`` places, for CPU seconds,
instruction counts and peak memory (issue 19, round 9).

    PYTHONPATH=src python benchmarks/bench_reuse_stage.py --size 3000 \
        [--stories /tmp/reuse-stories-3000.pkl] [--cache /tmp/newsprism-stage-records.pkl] \
        [--with-records] [--load-only]

The first run for a size places the stories as ``bench_stages_scale`` does (its corpus,
records cache and stories stage) and pickles the articles and stories to ``--stories``;
later runs, of any checkout, read that pickle, so base and branch see the same input.
The stage then runs as the pipeline runs it (one BLAS thread, the heap frozen) and the
script prints its CPU seconds, the pairs listed, the SHA-256 of the whole ``Reuse`` and
the process's peak RSS.  ``--with-records`` loads the records cache beside it, as the
stage finds them in ``analyze``; ``--load-only`` stops before the stage, the run to
subtract from a ``valgrind --tool=cachegrind --cache-sim=no`` count of a full one.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import time
from pathlib import Path

from _data import DEFAULT_DATA, peak_rss_mib
from bench_stages_scale import load_corpus, records
from newsprism._processes import frozen_heap
from newsprism.model import Article, Story
from newsprism.pipeline import State, one_blas_thread
from newsprism.reuse import analyze_reuse, prepare
from newsprism.stages import stories_stage, with_records
from newsprism.store import MemoryStore


def placed(data: Path, n: int, cache: Path) -> tuple[tuple[Article, ...], tuple[Story, ...]]:
    """The first ``n`` articles of the mix and the stories the stories stage puts them in."""
    corpus = load_corpus(data, n)
    recs = records(corpus, cache, 2)
    store = MemoryStore()
    for art in corpus:
        store.add_article(art)
    state = with_records(State(articles=tuple(corpus)), [recs[a.id] for a in corpus])
    with one_blas_thread():
        state = stories_stage(store).run(state)
    return tuple(corpus), tuple(state.stories)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--size", type=int, default=3000)
    ap.add_argument("--stories", type=Path, help="pickle of the placed stories (written once)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsprism-stage-records.pkl"))
    ap.add_argument("--with-records", action="store_true", help="the records in memory too")
    ap.add_argument("--load-only", action="store_true", help="stop before the stage")
    args = ap.parse_args()
    path = args.stories or Path(f"/tmp/reuse-stories-{args.size}.pkl")
    if not path.exists():
        path.write_bytes(pickle.dumps(placed(args.data, args.size, args.cache)))
    articles, stories = pickle.loads(path.read_bytes())
    held = pickle.loads(args.cache.read_bytes()) if args.with_records else None
    with one_blas_thread():
        prepare("A warm-up text loads the word vectors. It has two sentences and a third one.")
        if args.load_only:
            return
        with frozen_heap():
            t = time.process_time()
            reuse = analyze_reuse(articles, stories)
            cpu = time.process_time() - t
    digest = hashlib.sha256(repr(reuse).encode()).hexdigest()
    print(
        f"{len(articles)} articles, {len(stories)} stories: reuse {cpu:.2f} CPU s, "
        f"{len(reuse.pairs)} pairs listed, sha256 {digest[:16]}, peak RSS "
        f"{peak_rss_mib():.0f} MiB{' (records held)' if held is not None else ''}"
    )


if __name__ == "__main__":
    main()
