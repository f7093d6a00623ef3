"""Story clustering quality on a labelled set, in one online pass.

    .venv/bin/python benchmarks/bench_stories.py DATA.jsonl --label event \
        [--orders random:0,random:1,random:2,date] [--nlp] [--config KEY=VALUE ...]

DATA is JSONL with ``id``, ``title``, ``text``, ``published`` and the gold label
field named by ``--label``.  Each order is a fresh single online pass of
:class:`~newsprism.stories.StoryClusterer` with the shipped calibration; the
scores are B-cubed, pairwise F1 and ARI against the gold label.  ``--nlp`` runs
spaCy first and gives the clusterer its entity mentions (NER time excluded);
without it the clusterer uses its capitalised-word fallback.  Note that the
shipped calibration was fitted on ECB+, so ECB+ figures from this script are
in-sample: the honest ECB+ figures are the held-out halves of
``bench_stories_calibrate.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stories_data import load, nlp_records, ordered
from newsprism.model import ArticleNLP
from newsprism.stories import ClusterConfig, StoryClusterer, score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--label", required=True, help="gold story label field")
    ap.add_argument("--orders", default="random:0,random:1,random:2,date")
    ap.add_argument("--nlp", action="store_true", help="use spaCy entity mentions")
    ap.add_argument("--nlp-cache", type=Path, help="with --nlp: cache spaCy records here")
    ap.add_argument("--config", nargs="*", default=[], help="ClusterConfig overrides KEY=VALUE")
    args = ap.parse_args()
    articles, gold, _ = load(args.data, args.label)
    cfg = ClusterConfig()
    for item in args.config:
        key, _, value = item.partition("=")
        now = getattr(cfg.calibration if hasattr(cfg.calibration, key) else cfg, key)
        cfg = cfg.tuned(**{key: type(now)(value)})
    records: dict[str, ArticleNLP] = {}
    if args.nlp:
        records = nlp_records(articles, args.nlp_cache)
    print(f"{args.data.name}: {len(articles)} documents, {len(set(gold.values()))} gold stories")
    print("| order | B3 P | B3 R | B3 F1 | pair F1 | ARI | stories | ms/doc |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    f1s = []
    for spec in args.orders.split(","):
        order, _, seed = spec.partition(":")
        stream = ordered(articles, order, int(seed or 0))
        cl = StoryClusterer(cfg)
        t0 = time.perf_counter()
        for a in stream:
            cl.add(a, records.get(a.id))
        took = time.perf_counter() - t0
        pred = {a: sid for sid, members, _ in cl.members() for a in members}
        s = score(pred, gold)
        f1s.append(s.bcubed_f1)
        print(
            f"| {spec} | {s.bcubed_p:.3f} | {s.bcubed_r:.3f} | {s.bcubed_f1:.3f} | "
            f"{s.pair_f1:.3f} | {s.ari:.3f} | {s.clusters}/{s.gold_clusters} | "
            f"{1000 * took / len(stream):.2f} |"
        )
    print(f"mean B3 F1 {sum(f1s) / len(f1s):.3f}")


if __name__ == "__main__":
    main()
