"""Per-article NLP throughput: newsprism's per-article stage vs spaCy's own nlp.pipe.

    python benchmarks/bench_nlp.py [DATA_DIR/polnear/train] [--limit N] [--processes P]
    python benchmarks/bench_nlp.py --stage    # the whole annotate stage, extractors included

Both sides run the same spaCy components on the same texts.  Without --stage the
newsprism side is `nlp.annotate` (sentences + entities records); with --stage it is
the pipeline's real `annotate_stage` with every per-article extractor (quotes, ...),
so the difference is everything newsprism adds to spaCy's parse.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _data import DEFAULT_DATA, peak_rss_mib, polnear_texts
from newsprism import nlp
from newsprism.model import Article
from newsprism.pipeline import State
from newsprism.stages import ARTICLE_STEPS, annotate_stage


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA / "polnear" / "train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--stage", action="store_true", help="measure the full annotate stage")
    ap.add_argument("--repeat", type=int, default=2, help="alternating runs of each side")
    args = ap.parse_args()
    docs = polnear_texts(args.data, args.limit)
    texts = [t for _, t in docs]
    words = sum(len(t.split()) for t in texts)
    caps = nlp.ANNOTATE_CAPS
    if args.stage:
        caps = frozenset(caps.union(*(s.capabilities for s in ARTICLE_STEPS)))
    model = nlp.load(caps)
    print(f"{len(texts)} articles, {words} words; components {model.pipe_names}")
    list(model.pipe(texts[:5]))  # warm up
    arts = [Article(id=i, text=t) for i, t in docs]
    stage = annotate_stage()

    def run_spacy() -> float:
        t0 = time.perf_counter()
        for doc in model.pipe(texts, batch_size=32, n_process=args.processes):
            _ = (list(doc.sents), doc.ents)
        return time.perf_counter() - t0

    def run_ours() -> float:
        t0 = time.perf_counter()
        if args.stage:
            n = len(stage.run(State(articles=tuple(arts))).nlp)
        else:
            n = sum(1 for _ in nlp.annotate(arts, batch_size=32, n_process=args.processes))
        assert n == len(arts)
        return time.perf_counter() - t0

    # alternate the two sides and keep each one's best, so drift in machine load
    # does not favour whichever ran second
    spacy_s = ours_s = float("inf")
    for _ in range(args.repeat):
        spacy_s = min(spacy_s, run_spacy())
        ours_s = min(ours_s, run_ours())

    print(
        f"spaCy nlp.pipe : {words / spacy_s:8.0f} words/s  {len(texts) / spacy_s:6.1f} articles/s"
    )
    print(f"newsprism      : {words / ours_s:8.0f} words/s  {len(texts) / ours_s:6.1f} articles/s")
    print(
        f"overhead       : {100 * (ours_s - spacy_s) / spacy_s:+.1f}%  (processes={args.processes})"
    )
    print(f"peak RSS       : {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
