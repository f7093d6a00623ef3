"""``analyze`` end to end against spaCy alone, with one process and with all cores.

    PYTHONPATH=src python benchmarks/bench_analyze.py [--data ../shared/data]
        [--sizes 30 100 300] [--repeat 2] [--jobs N]

For each size, the first N PolNeAR training articles are analysed four ways, each
in a fresh interpreter (imports and the model load included, as a user pays them):

* ``spacy/1`` and ``spacy/N``: spaCy's ``nlp.pipe`` over the texts with the
  components ``analyze`` uses, one process and N processes (batches split as
  ``analyze`` splits them), every doc consumed;
* ``analyze/1`` and ``analyze/N``: ``newsprism.analyze`` on the same files
  (read, clean, parse, extractors, stories, reuse, statements, claims) with
  ``Options(jobs=1)`` and ``Options(jobs=N)``, in memory.

Runs alternate and each figure is the median of ``--repeat``.  CPU seconds are
the run's and its worker processes' (``getrusage``), so other users' load on a
shared machine does not count; wall seconds do suffer from it, hence the load
average printed with each size.  Peak memory is the run's own peak RSS plus its
workers' largest (workers run at the same time).  ``--startup`` measures
``newsprism --help`` and ``analyze`` of one article, CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _data import DEFAULT_DATA

SRC = Path(__file__).resolve().parents[1] / "src"

_SPACY = """
import json, resource, sys
from pathlib import Path
from newsprism import nlp
from newsprism.stages import capabilities
jobs = int(sys.argv[1])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
n_process, batch = nlp.plan_processes(len(texts), jobs, 32)
model = nlp.load(capabilities())
for doc in model.pipe(texts, batch_size=batch, n_process=n_process):
    _ = (list(doc.sents), doc.ents)
"""

_ANALYZE = """
import sys
from newsprism import Options, analyze
dossier = analyze(sys.argv[2:], options=Options(jobs=int(sys.argv[1])))
assert len(dossier.articles) == len(sys.argv) - 2
"""

_REPORT = """
import json, resource
print(json.dumps({"self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def measure(argv: list[str]) -> dict[str, float]:
    """Wall, CPU (with the workers) and peak RSS (MiB) of one fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    try:  # the memory report is the last line the run prints (none from the CLI)
        rss = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        rss = {}
    if not isinstance(rss, dict):
        rss = {}
    peak = (rss.get("self", 0) + rss.get("children", 0)) / 1024
    return {"wall": wall, "cpu": cpu, "rss": peak}


def run_code(code: str, args: list[str]) -> list[str]:
    return [sys.executable, "-c", code + _REPORT, *args]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[30, 100, 300])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--startup", action="store_true", help="--help and one-article analyze")
    args = ap.parse_args()
    files = sorted(str(p) for p in (args.data / "polnear" / "train" / "text").glob("*.txt"))
    if args.startup:
        startup(files[0], args.repeat)
        return
    p = args.jobs
    sides = {
        "spacy/1": (_SPACY, 1),
        f"spacy/{p}": (_SPACY, p),
        "analyze/1": (_ANALYZE, 1),
        f"analyze/{p}": (_ANALYZE, p),
    }
    for n in args.sizes:
        fs = files[:n]
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in sides}
        load = os.getloadavg()
        for _ in range(args.repeat):
            for name, (code, jobs) in sides.items():
                runs[name].append(measure(run_code(code, [str(jobs), *fs])))
        med = {k: {m: statistics.median(r[m] for r in v) for m in v[0]} for k, v in runs.items()}
        print(f"\n{n} articles (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at start)")
        print(f"{'':<12}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}")
        for name, m in med.items():
            print(f"{name:<12}{m['wall']:>8.1f}{m['cpu']:>8.1f}{m['rss']:>10.0f}")
        a1, ap_, s1, sp = (med[k] for k in ("analyze/1", f"analyze/{p}", "spacy/1", f"spacy/{p}"))
        print(
            f"analyze/{p} vs spacy/{p}: wall {ap_['wall'] / sp['wall']:.2f}x, "
            f"CPU {ap_['cpu'] / sp['cpu']:.2f}x; analyze/1 vs spacy/1: CPU "
            f"{a1['cpu'] / s1['cpu']:.2f}x; analyze/{p} vs analyze/1: wall "
            f"{ap_['wall'] / a1['wall']:.2f}x"
        )
        sys.stdout.flush()


def startup(one: str, repeat: int) -> None:
    cli = [sys.executable, "-m", "newsprism"]
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "newsprism --help": [*cli, "--help"],
            "import newsprism.cli": [sys.executable, "-c", "import newsprism.cli"],
            "analyze one article": [*cli, "analyze", one, "--json", f"{tmp}/d.json"],
        }
        for name, argv in cases.items():
            cpu = [measure(argv)["cpu"] for _ in range(repeat)]
            print(f"{name:<22} CPU {statistics.median(cpu):.2f} s (median of {repeat})")


if __name__ == "__main__":
    main()
