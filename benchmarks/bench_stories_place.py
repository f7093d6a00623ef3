"""Story assignment on a warm clusterer: the harness of issue 19's instruction counts.

    python benchmarks/bench_stories_place.py prep 10000 STATE.pkl [--data ../shared/data]
    python benchmarks/bench_stories_place.py place STATE.pkl 2000      # prints a hash
    python benchmarks/bench_stories_place.py time STATE.pkl 2000       # CPU s, then the hash
    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no \\
        python benchmarks/bench_stories_place.py place STATE.pkl {0,2000}

``prep`` places the first N articles of ``bench_stories_scale``'s planted stream (seed 0)
and pickles the clusterer with the next 2,000 articles; ``place`` loads that state and
places K of them, printing a hash of the assignments (two versions of the code that place
the stories alike print the same hash); ``time`` prints the CPU seconds of the placing
loop alone.  Instructions per placed article are (I refs with K = 2,000 minus I refs with
K = 0) / 2,000: loading the state and the interpreter cancel out, and cachegrind's count
does not depend on the machine's load, which CPU seconds on a shared machine do.
A state pickles the classes of the code that made it: a change to their layout needs a
state made by that code.

A state does not carry the module-level table of ln(df + 1) (``_vectors._LOG1``, 65,536
entries at import), which the process that made the state had grown to cover its largest
document frequency: ``place`` and ``time`` grow it right after loading, for K = 0 as for
K = 2,000.  Before round 10 the K = 2,000 run alone grew it on its first article (one
``math.log`` per document of the most frequent word, 300,000 of them after 300k
articles), which charged the window 0.07 M instructions per article at 100k and 0.2 M at
300k that a running stream spends once per 65,536 documents (issue 19, round 10).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DEFAULT_DATA
from bench_stories_scale import corpus, sentence_pool
from newsprism.stories import StoryClusterer
from newsprism.stories._vectors import _grow_log1

NEXT = 2000


def prep(n: int, out: Path, data: Path) -> None:
    pool = sentence_pool(data)
    cl = StoryClusterer()
    arts = []
    stream = corpus(n + NEXT, pool, active=400, mean_size=5.0, per_day=2000.0, seed=0)
    for i, (art, _) in enumerate(stream):
        if i < n:
            cl.add(art)
        else:
            arts.append(art)
    out.write_bytes(pickle.dumps((cl, arts)))


def place(state: Path, k: int, timed: bool) -> None:
    """``place``: a hash of each article's story as it is placed (the figure RESULTS.md
    quotes); ``time``: the CPU seconds of the loop alone, then a hash of where the
    articles ended up (merges may move an article after its own placing)."""
    cl, arts = pickle.loads(state.read_bytes())
    _grow_log1(max(cl._df.values(), default=0))  # as the process that made the state had
    h = hashlib.sha1()
    t0 = time.process_time()
    for art in arts[:k]:
        cl.add(art)
        if not timed:
            h.update(f"{art.id}:{cl.story_of(art.id)}".encode())
    cpu = time.process_time() - t0
    if timed:
        for art in arts[:k]:
            h.update(f"{art.id}:{cl.story_of(art.id)}".encode())
    print(f"{cpu:.3f} {h.hexdigest()}" if timed else h.hexdigest())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep", help="place N articles and pickle the state")
    p.add_argument("n", type=int)
    p.add_argument("out", type=Path)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    for name in ("place", "time"):
        q = sub.add_parser(name, help=f"{name} the next K articles of a state")
        q.add_argument("state", type=Path)
        q.add_argument("k", type=int, nargs="?", default=NEXT)
    args = ap.parse_args()
    if args.cmd == "prep":
        prep(args.n, args.out, args.data)
    else:
        place(args.state, args.k, timed=args.cmd == "time")


if __name__ == "__main__":
    main()
