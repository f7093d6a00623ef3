"""Train the learned cue classifier and the broad-mode reranker on PolNeAR train.

Usage: python benchmarks/bench_quotes_train_model.py TRAIN_DIR [--limit N] [--hold-out A:B]
       [--epochs N] [--bags N] [--cache FILE] [--write] [--out-dir DIR]

Two logistic regressions, trained with plain SGD, whose weights are written as
model artifacts (:func:`newsprism.artifacts.write`, with the data's hash, the
commit and this command) so that the package ships them and needs neither the
data nor a learning library at run time:

* the cue classifier (``quotes_cues``, :class:`newsprism.quotes.models.CueClassifier`):
  is this verb (``newsprism.quotes.cues.cue_features``), stance adjective or
  possessed noun (``nominal_cue_features``, own bias) a cue?
* the reranker (``quotes_rerank``, :class:`~newsprism.quotes.models.Reranker`):
  given a whole broad-mode candidate (``newsprism.quotes.rerank.rerank_features``),
  is its source exactly the annotated one?  Its examples come from two-fold
  cross-fitting: the cue classifier trained on one half of the articles scores
  the other half, so that the reranker learns from probabilities as unseen
  articles get them.  Its weights are the average of ``--bags`` SGD runs
  (default 5) that differ only in example order, which takes out the noise of
  one shuffle (held-out train 300-599: broad source F1 0.722 bagged, 0.720 with
  one run).

The cue-share table (``quotes_cue_shares``, from bench_quotes_train_cues.py) is
a feature and is read, not retrained.  Every model is built as a value and
passed explicitly (``models=``); nothing patches the package's modules.

Train split only; dev stays unseen for scoring.  ``--hold-out A:B`` leaves
train articles A..B-1 out, trains on the rest and scores the held-out
articles in both modes (development on train); the artifacts are written only
without ``--hold-out`` or with ``--write``, into the package
(``src/newsprism/artifacts/data``) or ``--out-dir``.  ``--cache`` keeps the
parses in a spaCy DocBin so that a rerun skips the parse.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import shlex
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from newsprism import artifacts, nlp
from newsprism.quotes import CAPABILITIES, attribute, rerank
from newsprism.quotes.attribute import find_attributions
from newsprism.quotes.cues import cue_features, cue_span, nominal_cue_features
from newsprism.quotes.layout import Layout
from newsprism.quotes.models import (
    CUE_SHARES,
    CUES,
    RERANK,
    CueClassifier,
    CueShares,
    QuoteModels,
    Reranker,
)
from newsprism.quotes.nominal import nominal_kind
from newsprism.quotes.records import Attribution
from newsprism.quotes.spans import source_phrase

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_quotes_polnear import Attr, Score, _trim, predict, read_gold, report, score_article

MIN_COUNT = 5
L2 = 1e-4
Example = tuple[list[str], int]
Weights = dict[str, float]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="first N articles (0: all)")
    ap.add_argument("--hold-out", default="", help="A:B, articles left out and scored")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--folds", type=int, default=2, help="cross-fitting folds for the reranker")
    ap.add_argument(
        "--thresholds", type=float, nargs="*", default=[], help="reranker thresholds to score"
    )
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file for the parses")
    ap.add_argument("--bags", type=int, default=5, help="reranker SGD runs averaged")
    ap.add_argument("--write", action="store_true", help="write the models even with --hold-out")
    ap.add_argument("--out-dir", type=Path, default=None, help="write the artifacts here")
    args = ap.parse_args()
    shares = CueShares.from_params(artifacts.load(CUE_SHARES).params)
    no_rerank = Reranker(0.0, {})
    anns = sorted((args.train / "attributions").glob("*.ann"))
    by_article: dict[str, Path] = {}
    for ann in anns:
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    items = list(by_article.items())
    if args.limit:
        items = items[: args.limit]
    texts = [(args.train / "text" / f"{name}.txt").read_text(encoding="utf-8") for name, _ in items]
    docs = _parses(texts, args.cache)
    golds = [read_gold(ann, doc.text) for doc, (_, ann) in zip(docs, items, strict=True)]
    held: tuple[list[Doc], list[list[Attr]]] = ([], [])
    if args.hold_out:
        a, b = (int(x) for x in args.hold_out.split(":"))
        held = (docs[a:b], golds[a:b])
        docs, golds = docs[:a] + docs[b:], golds[:a] + golds[b:]

    # Reranker examples first (cross-fitted cue models), then the cue model on everything.
    examples: list[Example] = []
    for k in range(args.folds):
        # Contiguous blocks: the files are sorted by publisher, so each block's
        # cue model has seen little of its publishers, as with new articles.
        lo, hi = k * len(docs) // args.folds, (k + 1) * len(docs) // args.folds
        fit = [i for i in range(len(docs)) if not lo <= i < hi]
        apply = list(range(lo, hi))
        fold_cues = train_cues([docs[i] for i in fit], [golds[i] for i in fit], args.epochs, shares)
        fold = QuoteModels(shares, fold_cues, no_rerank)
        examples += rerank_examples([docs[i] for i in apply], [golds[i] for i in apply], fold)
    positives = sum(label for _, label in examples)
    print(f"reranker: {len(examples)} candidates ({positives} with the right source)")
    rr_weights, rr_bias = bagged(examples, args.epochs, 3, args.bags)
    models = QuoteModels(
        shares, train_cues(docs, golds, args.epochs, shares), Reranker(rr_bias, rr_weights)
    )
    for threshold in args.thresholds:
        tuned = dataclasses.replace(models.rerank, threshold=threshold)
        _score_held(
            held,
            args.hold_out,
            (True,) if args.thresholds else (False, True),
            dataclasses.replace(models, rerank=tuned),
        )
    if held[0] and not args.thresholds:
        _score_held(held, args.hold_out, (False, True), models)
    if args.hold_out and not args.write:
        return 0
    write_models(models, args.train, len(docs), args.out_dir)
    return 0


def write_models(models: QuoteModels, train: Path, n: int, out_dir: Path | None) -> None:
    """Write ``quotes_cues`` and ``quotes_rerank`` with their provenance.

    Biases are kept to four decimals, as the weights are (and as the models
    shipped as Python source were).
    """
    command = "OMP_NUM_THREADS=1 python " + shlex.join(sys.argv)
    cues = dataclasses.replace(models.cues, bias=float(f"{models.cues.bias:.4f}"))
    rr = dataclasses.replace(models.rerank, bias=float(f"{models.rerank.bias:.4f}"))
    fig = "; dev figures: bench_quotes_polnear.py ../shared/data/polnear/dev (speech, broad)"
    for name, params, count, what in (
        (CUES, cues.to_params(), len(cues.weights), "cue classifier"),
        (RERANK, rr.to_params(), len(rr.weights), "broad-mode reranker"),
    ):
        path = artifacts.write(
            name,
            params,
            data=[train],
            command=command,
            metrics={"train_articles": n, "weights": count},
            notes=f"PolNeAR train {what}, logistic regression by SGD" + fig,
            out_dir=out_dir,
        )
        print(f"{count} {what} weights written to {path}")


def _score_held(
    held: tuple[list[Doc], list[list[Attr]]],
    name: str,
    modes: tuple[bool, ...],
    models: QuoteModels,
) -> None:
    """Score the held-out articles with ``models``, as bench_quotes_polnear.py does."""
    for broad in modes:
        score = Score()
        preds = [predict(d, broad, models) for d in held[0]]
        for d, g, p in zip(held[0], held[1], preds, strict=True):
            score_article(d.text, g, p, score)
        print(
            f"\n== held out {name}, {'broad' if broad else 'speech'}, "
            f"reranker threshold {models.rerank.threshold}"
        )
        report([("", d.text, g) for d, g in zip(*held, strict=True)], preds, score)


def train_cues(
    docs: list[Doc], golds: list[list[Attr]], epochs: int, shares: CueShares
) -> CueClassifier:
    """Cue classifier: verbs with a shared bias, nominal candidates with their own."""
    table = QuoteModels(shares, CueClassifier(0.0, {}), Reranker(0.0, {}))  # features only
    verbs: list[Example] = []
    nominal: list[Example] = []
    for doc, gold in zip(docs, golds, strict=True):
        cue_chars = {i for g in gold for a, b in g.cue for i in range(a, b)}
        lay = Layout(doc)
        for tok in doc:
            if lay.in_quote(tok.i):
                continue
            label = int(tok.idx in cue_chars)
            if tok.pos_ == "VERB":
                verbs.append((cue_features(tok, lay, table), label))
            elif (kind := nominal_kind(tok)) is not None:
                nominal.append((nominal_cue_features(tok, kind), label))
    weights, bias = sgd(verbs, epochs, MIN_COUNT, use_bias=True)
    # Nominal features are prefixed ("a:", "n:"), so the two never share a weight.
    weights.update(sgd(nominal, epochs, MIN_COUNT, use_bias=False)[0])
    return CueClassifier(bias, weights)


def rerank_examples(docs: list[Doc], golds: list[list[Attr]], models: QuoteModels) -> list[Example]:
    """Broad-mode candidates without a quotation, labelled by whether the source is exact.

    The candidates are those ``models`` propose, caught on their way into
    :func:`newsprism.quotes.broad.select` (a wrapper of that one function for the
    duration of the loop; no weights are patched).
    """
    captured: list[tuple[list[Attribution], Layout]] = []
    original: Callable[..., list[Attribution]]
    original = attribute.select

    def capture(
        atts: list[Attribution], lay: Layout, models: QuoteModels | None = None
    ) -> list[Attribution]:
        captured.append((list(atts), lay))
        return original(atts, lay, models)

    attribute.select = capture
    out: list[Example] = []
    try:
        for doc, gold in zip(docs, golds, strict=True):
            captured.clear()
            find_attributions(doc, broad=True, models=models)
            atts, lay = captured[0]
            ctx = rerank.Context(atts, lay)
            for att in atts:
                if att.cue is None or att.pieces:
                    continue
                out.append((rerank.rerank_features(att, ctx), _right_source(doc, att, gold)))
    finally:
        attribute.select = original
    return out


def _right_source(doc: Doc, att: Attribution, gold: list[Attr]) -> int:
    if att.cue is None or att.source is None:
        return 0
    ca, cb = cue_span(att.cue)
    c0, c1 = doc[ca].idx, doc[cb - 1].idx + len(doc[cb - 1])
    a, b = source_phrase(att.source, att.cue)
    src = _trim(doc.text, [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))])
    return int(any(g.source == src and any(x < c1 and c0 < y for x, y in g.cue) for g in gold))


def bagged(data: list[Example], epochs: int, min_count: int, bags: int) -> tuple[Weights, float]:
    """Average of ``bags`` SGD runs that differ in example order (less SGD noise)."""
    runs = [sgd(data, epochs, min_count, use_bias=True, seed=k) for k in range(bags)]
    keys = {f for w, _ in runs for f in w}
    weights = {f: round(sum(w.get(f, 0.0) for w, _ in runs) / bags, 4) for f in sorted(keys)}
    return {f: v for f, v in weights.items() if abs(v) >= 0.05}, sum(b for _, b in runs) / bags


def sgd(
    data: list[Example], epochs: int, min_count: int, use_bias: bool, seed: int = 0
) -> tuple[Weights, float]:
    """Logistic regression by SGD with a decaying rate and a little L2."""
    counts = Counter(f for feats, _ in data for f in feats)
    keep = {f for f, n in counts.items() if n >= min_count}
    weights: Weights = {}
    bias = 0.0
    rng = random.Random(seed)
    data = list(data)
    for epoch in range(epochs):
        rng.shuffle(data)
        rate = 0.2 / (1 + epoch)
        loss = 0.0
        for feats, label in data:
            active = [f for f in feats if f in keep]
            z = bias + sum(weights.get(f, 0.0) for f in active)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= math.log(p if label else 1 - p + 1e-12)
            g = p - label
            if use_bias:
                bias -= rate * g
            for f in active:
                w = weights.get(f, 0.0)
                weights[f] = w - rate * (g + L2 * w)
    print(f"  {len(data)} examples, last epoch log loss {loss / max(1, len(data)):.4f}")
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.05}, bias


def _parses(texts: list[str], cache: Path | None) -> list[Doc]:
    """spaCy parses of ``texts``, read from or written to a DocBin ``cache``."""
    from spacy.tokens import DocBin

    vocab = nlp.load(CAPABILITIES).vocab
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.parse(texts, CAPABILITIES))
    if cache is not None:
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        bin_.to_disk(cache)
    return docs


if __name__ == "__main__":
    raise SystemExit(main())
