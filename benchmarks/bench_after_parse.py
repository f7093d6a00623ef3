"""What ``analyze`` does besides spaCy, timed apart from the parse: the extractors and the
corpus stages over PolNeAR articles parsed once.

    PYTHONPATH=src python benchmarks/bench_after_parse.py [--data ../shared/data]
        [--n 300] [--repeat 3] [--docs /tmp/newsprism-docs-300.spacy]

The first N PolNeAR training articles are read and cleaned as ``analyze`` reads them and
parsed once with the components ``analyze`` uses; the docs are kept in ``--docs``
(spaCy's ``DocBin``) so that runs of two source trees (``PYTHONPATH`` pointing at each)
time the same parses.  Then ``--repeat`` times, each in a fresh interpreter (no cache
kept from an earlier run):

* ``extract``: :func:`newsprism.stages.annotate_article` on every article (quotes,
  claims, relations, roles; one process), after a first article to load the models;
* ``corpus``: the stories and per-story stages (entities, reuse, statements,
  relations, claim groups) over those records, in one process.

CPU seconds of this process (``time.process_time``; the median is printed) leave out the
load other users put on a shared machine better than wall time does, though not
entirely; the time the cyclic collector takes is given beside them.  A digest of the
records and of the dossier lets two trees be checked for the same output.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _data import DEFAULT_DATA


def _collector_clock() -> Callable[[], float]:
    """CPU seconds spent in the cyclic collector since the call."""
    spent = [0.0, 0.0]

    def hook(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            spent[1] = time.process_time()
        else:
            spent[0] += time.process_time() - spent[1]

    gc.callbacks.append(hook)
    return lambda: spent[0]


def _parsed(files: list[str], path: Path) -> tuple[tuple[Any, ...], list[Any]]:
    from spacy.tokens import DocBin

    from newsprism import nlp, stages
    from newsprism._api import ingest_sources
    from newsprism.store import MemoryStore

    store = MemoryStore()
    report = ingest_sources(files, store=store)
    articles = tuple(store.articles(report.ids))
    model = nlp.load(stages.capabilities())
    if not path.exists():
        docs = model.pipe([a.text for a in articles], batch_size=32)
        path.write_bytes(DocBin(docs=docs).to_bytes())
    return articles, list(DocBin().from_bytes(path.read_bytes()).get_docs(model.vocab))


def once(files: list[str], docs_path: Path) -> dict[str, Any]:
    """One run in this interpreter: CPU and collector seconds of each part, digests."""
    from newsprism import stages
    from newsprism._api import to_dossier
    from newsprism.pipeline import Pipeline, State

    articles, docs = _parsed(files, docs_path)
    stages.annotate_article(articles[0], docs[0])  # the extractors' models loaded
    articles, docs = _parsed(files, docs_path)  # fresh docs: nothing kept from that
    collector = _collector_clock()
    g, t = collector(), time.process_time()
    records = [stages.annotate_article(a, d) for a, d in zip(articles, docs, strict=True)]
    extract, gc_extract = time.process_time() - t, collector() - g
    state = stages.with_records(State(articles=articles), records)
    pipe = Pipeline(
        [stages.stories_stage(), *stages.story_stages(1)], inputs=state.provided | {"articles"}
    )
    g, t = collector(), time.process_time()
    out = pipe(state)
    corpus, gc_corpus = time.process_time() - t, collector() - g
    return {
        "extract": extract,
        "gc_extract": gc_extract,
        "corpus": corpus,
        "gc_corpus": gc_corpus,
        "records": hashlib.sha256(repr(records).encode()).hexdigest()[:16],
        "dossier": hashlib.sha256(to_dossier(out).to_json().encode()).hexdigest()[:16],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--docs", type=Path, default=None, help="DocBin of the parses (kept)")
    ap.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    folder = args.data / "polnear" / "train" / "text"
    files = sorted(str(p) for p in folder.glob("*.txt"))[: args.n]
    docs_path = args.docs or Path(f"/tmp/newsprism-docs-{args.n}.spacy")
    if args.once:
        print(json.dumps(once(files, docs_path)))
        return
    runs = []
    for _ in range(args.repeat):  # each in a fresh interpreter: no cache kept from a run
        argv = [sys.executable, __file__, "--once", "--n", str(args.n), "--data", str(args.data)]
        done = subprocess.run([*argv, "--docs", str(docs_path)], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr[-2000:])
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    load = os.getloadavg()
    print(f"{args.n} PolNeAR articles, {args.repeat} runs, load {load[0]:.1f} {load[1]:.1f}")
    for part in ("extract", "corpus"):
        cpu = [r[part] for r in runs]
        each = ", ".join(f"{x:.2f}" for x in cpu)
        spent = statistics.median(r["gc_" + part] for r in runs)
        print(f"{part:<8} CPU s {statistics.median(cpu):.2f} (runs {each}; collector {spent:.2f})")
    for digest in sorted({(r["records"], r["dossier"]) for r in runs}):
        print(f"records {digest[0]}  dossier {digest[1]}")


if __name__ == "__main__":
    main()
