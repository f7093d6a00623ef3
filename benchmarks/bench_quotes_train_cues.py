"""Learn which verbs PolNeAR annotators mark as attribution cues.

Usage: python benchmarks/bench_quotes_train_cues.py TRAIN_DIR [--limit N] [--out-dir DIR]

For every verb lemma and frame (what the verb governs: a clause, an object,
an infinitive ...) in the training split, the share of its occurrences outside
quotation marks that annotators marked as a cue, smoothed towards the frame's
share.  The table is written as the ``quotes_cue_shares`` artifact
(:func:`newsprism.artifacts.write`, :class:`newsprism.quotes.models.CueShares`),
so the package ships the result and never needs the data at run time; the cue
classifier uses it as a feature, so retrain that one after
(bench_quotes_train_model.py).  Run on the train split only; dev stays unseen
for scoring.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
from pathlib import Path

from newsprism import artifacts, nlp
from newsprism.quotes import CAPABILITIES
from newsprism.quotes.cues import FRAMES, frame, lemma
from newsprism.quotes.layout import Layout
from newsprism.quotes.models import CUE_SHARES, CueShares

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_quotes_polnear import read_gold

#: Pseudo-counts pulling a rare lemma's share towards its frame's prior.
SMOOTH = 3.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--out-dir", type=Path, default=None, help="write the artifact here")
    args = ap.parse_args()
    anns = sorted((args.train / "attributions").glob("*.ann"))[: args.limit]
    texts, golds = [], []
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        text = (args.train / "text" / f"{name}.txt").read_text(encoding="utf-8")
        texts.append(text)
        golds.append(read_gold(ann, text))
    total: Counter[tuple[str, str]] = Counter()
    cue: Counter[tuple[str, str]] = Counter()
    for doc, gold in zip(nlp.parse(texts, CAPABILITIES), golds, strict=True):
        lay = Layout(doc)
        cue_chars = {i for g in gold for a, b in g.cue for i in range(a, b)}
        for tok in doc:
            if tok.pos_ != "VERB" or lay.in_quote(tok.i):
                continue
            key = (lemma(tok), frame(tok))
            total[key] += 1
            cue[key] += tok.idx in cue_chars
    # Frame priors, then each (lemma, frame) smoothed towards its frame's prior.
    prior: dict[str, float] = {}
    for f in FRAMES:
        t = sum(n for (_, fr), n in total.items() if fr == f)
        c = sum(n for (_, fr), n in cue.items() if fr == f)
        prior[f] = round(c / t, 3) if t else 0.0
    by_lemma: dict[str, dict[str, float]] = {}
    for (lem, fr), n in sorted(total.items()):
        share = (cue[(lem, fr)] + SMOOTH * prior[fr]) / (n + SMOOTH)
        if cue[(lem, fr)] >= 1 and abs(share - prior[fr]) > 0.05:
            by_lemma.setdefault(lem, {})[fr] = round(share, 3)
    table = CueShares.from_params({"frame_prior": prior, "by_lemma": by_lemma})
    path = artifacts.write(
        CUE_SHARES,
        table.to_params(),
        data=[args.train],
        command="OMP_NUM_THREADS=1 python " + shlex.join(sys.argv),
        metrics={"train_articles": len(anns), "lemmas": len(by_lemma), "frames": len(prior)},
        notes=f"cue shares of the first {len(anns)} PolNeAR train articles, smoothed "
        f"towards the frame's share ({SMOOTH:g} pseudo-counts)",
        out_dir=args.out_dir,
    )
    print(f"{len(by_lemma)} cue lemmas from {len(anns)} articles -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
