"""Each corpus stage at growing corpus sizes, per-article records cached: is it linear?

    PYTHONPATH=src python benchmarks/bench_stages_scale.py [--data ../shared/data]
        [--sizes 300 1000 3000] [--cache /tmp/newsprism-stage-records.pkl] [--jobs 2]

The corpus interleaves real news text: ECB+ documents (86 events, many stories
of several reports), PolNeAR training articles and FNC-1 training bodies (no
test split), cleaned as ``analyze`` cleans them; a size takes the first N of
the interleaved list, so every size has the same mix.  The per-article records
(parse and extractors) are computed once and cached in ``--cache``; then, for
each size, every stage after the parse runs in this process as ``analyze``
runs it: stories, entities, reuse, statements, relations, claim groups, the
per-story dossiers ``analyze`` saves in a store, and the HTML and Markdown
reports of the whole corpus.  Each stage's CPU seconds (``time.process_time``,
so other users' load does not count) are printed with the CPU per article and
its growth per 3x articles (1.0 is linear), and the reuse pairs listed.  The
stages run with one BLAS thread, as ``analyze``'s pipeline runs them
(:func:`newsprism.pipeline.one_blas_thread`): with more, small matrix products
spin idle threads, a cost that grows with the machine's load, not the corpus.
Each stage also runs with what the process held at its start frozen out of the
collector's passes, as the pipeline runs it (:func:`newsprism._processes.frozen_heap`;
``--collect-all`` leaves it out, as this benchmark ran before issue 19's round 9):
otherwise every full pass of the collector walks the cached records of the whole
corpus, a cost of the benchmark's heap that ``analyze`` does not pay.
``--stages reuse`` times the stories and the named stages only.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from _data import DEFAULT_DATA, peak_rss_mib
from newsprism._api import to_dossier
from newsprism._processes import frozen_heap
from newsprism.clean import clean
from newsprism.model import Article, ArticleNLP, Dossier
from newsprism.pipeline import State, one_blas_thread
from newsprism.report import render_html, render_markdown, story_dossiers
from newsprism.stages import (
    ARTICLE_STEPS,
    _version,
    annotate_articles,
    stories_stage,
    story_stages,
    with_records,
)
from newsprism.store import MemoryStore

T = TypeVar("T")


def load_corpus(data: Path, n: int) -> list[Article]:
    """Up to ``n`` cleaned articles, ECB+, PolNeAR train and FNC-1 bodies interleaved."""
    sources: list[list[Article]] = [[], [], []]
    for line in (data / "ecbplus" / "ecbplus.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lines = [x for x in row["text"].split("\n") if x.strip() and not x.startswith("http")]
        sources[0].append(Article(id=f"ecb-{row['id']}", text="\n\n".join(lines)))
    for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
        outlet, day = path.stem.split("_")[:2]
        text = path.read_text(encoding="utf-8")
        sources[1].append(Article(id=f"pn-{path.stem}", text=text, outlet=outlet, published=day))
    csv.field_size_limit(sys.maxsize)
    with (data / "fnc1-train" / "train_bodies.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            sources[2].append(Article(id=f"fnc-{row['Body ID']}", text=row["articleBody"]))
    mixed = [a for trio in zip(*sources, strict=False) for a in trio]
    mixed += [a for src in sources for a in src[min(map(len, sources)) :]]
    out: list[Article] = []
    seen: set[str] = set()
    for art in mixed:
        cleaned = clean(art)
        if cleaned.text.strip() and cleaned.text not in seen:
            seen.add(cleaned.text)
            out.append(cleaned)
        if len(out) == n:
            break
    return out


def records(articles: list[Article], cache: Path, jobs: int) -> dict[str, ArticleNLP]:
    """The articles' records, from ``cache`` when it was written by the same extractors
    (a cache from older ones holds records of older types: it is redone)."""
    version = _version(ARTICLE_STEPS)
    done: dict[str, ArticleNLP] = {}
    if cache.exists():
        saved = pickle.loads(cache.read_bytes())
        if isinstance(saved, tuple) and saved[0] == version:
            done = saved[1]
    todo = [a for a in articles if a.id not in done]
    if todo:
        t = time.perf_counter()
        for rec in annotate_articles(todo, jobs=jobs):
            done[rec.article] = rec
        print(f"parsed {len(todo)} articles in {time.perf_counter() - t:.0f} s", flush=True)
        cache.write_bytes(pickle.dumps((version, done)))
    return done


def _save_dossiers(dossier: Dossier, store: MemoryStore) -> None:
    for part in story_dossiers(dossier):  # what ``analyze_articles`` does with a store
        store.save_dossier(part.stories[0].id, part.to_json(indent=None))


def run(
    articles: list[Article],
    recs: dict[str, ArticleNLP],
    only: frozenset[str] = frozenset(),
    *,
    freeze: bool = True,
) -> dict[str, float]:
    """CPU seconds of each stage over ``articles`` (``only``: the stories and these)."""
    cpu: dict[str, float] = {}
    store = MemoryStore()  # as ``analyze`` runs: stories placed in, dossiers saved to a store
    for art in articles:
        store.add_article(art)
    state = with_records(State(articles=tuple(articles)), [recs[a.id] for a in articles])

    def timed(name: str, fn: Callable[..., T], *args: object) -> T:
        with frozen_heap() if freeze else contextlib.nullcontext():
            t = time.process_time()
            out = fn(*args)
            cpu[name] = time.process_time() - t
        return out

    with one_blas_thread():
        state = timed("stories", stories_stage(store).run, state)
        for st in story_stages():
            if not only or st.name in only:
                state = timed(st.name, st.run, state)
        if not only:
            dossier = timed("dossier", to_dossier, state)
            timed("save dossiers", _save_dossiers, dossier, store)
            timed("html", render_html, dossier)
            timed("markdown", render_markdown, dossier)
    cpu["(stories found)"] = len(state.stories)
    cpu["(reuse pairs listed)"] = len(state.reuse.pairs)
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsprism-stage-records.pkl"))
    ap.add_argument("--jobs", type=int, default=2, help="processes for the one-off parse")
    ap.add_argument("--stages", nargs="+", default=[], help="only these stages (and stories)")
    ap.add_argument(
        "--collect-all", action="store_true", help="no frozen heap: the collector walks it all"
    )
    args = ap.parse_args()
    corpus = load_corpus(args.data, max(args.sizes))
    recs = records(corpus, args.cache, args.jobs)
    results = {}
    for n in args.sizes:
        results[n] = run(corpus[:n], recs, frozenset(args.stages), freeze=not args.collect_all)
        cells = ", ".join(f"{k} {v:.2f}" for k, v in results[n].items())
        print(f"{n} articles, CPU s: {cells}", flush=True)
    names = list(results[args.sizes[0]])
    head = "".join(f"{n:>10}" for n in args.sizes)
    print(f"{'CPU s':<18}{head}   growth per 3x articles (per article)")
    for name in names:
        cells = ""
        per = []
        for n in args.sizes:
            v = results[n][name]
            per.append(v / n)
            cells += f"{v:>10.0f}" if name.startswith("(") else f"{v:>10.2f}"
        growth = " ".join(
            f"{(per[i + 1] / per[i]) ** (1 / _log3(args.sizes[i + 1] / args.sizes[i])):.2f}"
            if per[i] > 0
            else "-"
            for i in range(len(per) - 1)
        )
        print(f"{name:<18}{cells}   {'' if name.startswith('(') else growth}")
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


def _log3(x: float) -> float:
    import math

    return math.log(x) / math.log(3)


if __name__ == "__main__":
    main()
