"""PolNeAR attribution benchmark: content, source and cue spans, exact and overlap F1.

Usage: python benchmarks/bench_quotes_polnear.py DATA_DIR [--limit N] [--errors N]

DATA_DIR is any PolNeAR-format split: ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` (brat standoff with Source, Cue and
Content spans tied by an Attribution event).  Scoring follows the exact and
overlap metrics of BBC's Citron quote extractor (Newell et al.):

* exact: a predicted cue counts when a gold cue has the same span; a predicted
  source (content) counts when a gold attribution whose cue overlaps the
  predicted cue has the same source (content) span.  Spans are compared after
  trimming white space, punctuation and quotation marks at their edges,
  discontinuous spans as their list of pieces.
* overlap: token-level, over the whole split: precision is the share of
  predicted tokens of a type that lie in a gold span of that type, recall the
  share of gold tokens that lie in a predicted span.

Timing: spaCy's parse (the capabilities extraction needs) and the extraction
itself are timed apart, one process, one thread.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsprism import nlp
from newsprism.quotes import CAPABILITIES
from newsprism.quotes.attribute import find_attributions
from newsprism.quotes.cues import cue_span
from newsprism.quotes.models import QuoteModels
from newsprism.quotes.spans import source_phrase

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attr:
    cue: Spans
    source: Spans
    content: Spans


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Overlap:
    inter: int = 0
    predicted: int = 0
    gold: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.inter / self.predicted if self.predicted else 0.0
        r = self.inter / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    exact: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    overlap: dict[str, Overlap] = field(default_factory=lambda: {k: Overlap() for k in KINDS})


KINDS = ("content", "source", "cue")
#: Trimmed from span edges before exact comparison: white space, punctuation
#: and quotation marks (annotators differ on whether a quote's marks belong).
_EDGE = " \t\n.,;:!?()-—–\"“”'‘’`"


def _trim(text: str, spans: Iterable[tuple[int, int]]) -> Spans:
    out = []
    for a, b in spans:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(_EDGE))
        trail = len(piece) - len(piece.rstrip(_EDGE))
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return tuple(sorted(out))


def read_gold(ann: Path, text: str) -> list[Attr]:
    spans: dict[str, Spans] = {}
    out: list[Attr] = []
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            pieces = tuple((int(a), int(b)) for a, b in (p.split() for p in offsets.split(";")))
            spans[parts[0]] = pieces
            spans[parts[0] + ":label"] = ((0, 0),) if label else ()
        elif parts[0].startswith("E"):
            events.append(parts[1])
    for ev in events:
        roles = dict(r.split(":", 1) for r in ev.split() if ":" in r)
        out.append(
            Attr(
                cue=_trim(text, spans.get(roles.get("Cue", ""), ())),
                source=_trim(text, spans.get(roles.get("Source", ""), ())),
                content=_trim(text, spans.get(roles.get("Content", ""), ())),
            )
        )
    return out


def predict(doc: object, broad: bool = False, models: QuoteModels | None = None) -> list[Attr]:
    """Attributions of ``doc`` as PolNeAR spans (``models``: the shipped ones by default)."""
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    text = doc.text
    out = []
    for att in find_attributions(doc, broad=broad, models=models):
        if att.cue is None:
            continue
        a, b = cue_span(att.cue)
        cue_chars = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))]
        source: list[tuple[int, int]] = []
        if att.source is not None:
            # PolNeAR's convention: the phrase naming the source as written,
            # relative clauses included (Quote.speaker_span leaves them out and
            # gives a relative pronoun's antecedent, which reads better in a report).
            a, b = source_phrase(att.source, att.cue, att.source_drop)
            source = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))]
        if att.direct or not att.content:
            content = [_with_marks(text, p.start, p.end) for p in att.pieces]
        else:
            content = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in att.content]
        out.append(Attr(_trim(text, cue_chars), _trim(text, source), _trim(text, content)))
    return out


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if start > 0 and text[start - 1] in '"“”':
        start -= 1
    if end < len(text) and text[end] in '"“”':
        end += 1
    return start, end


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def score_article(text: str, gold: list[Attr], pred: list[Attr], score: Score) -> None:
    for kind in KINDS:
        ex = score.exact[kind]
        for p in pred:
            pv = getattr(p, kind)
            if not pv:
                continue
            if kind == "cue":
                ok = any(g.cue == pv for g in gold)
            else:
                ok = any(_overlaps(g.cue, p.cue) and getattr(g, kind) == pv for g in gold)
            ex.tp += ok
            ex.fp += not ok
        for g in gold:
            gv = getattr(g, kind)
            if not gv:
                continue
            if kind == "cue":
                ok = any(p.cue == gv for p in pred)
            else:
                ok = any(_overlaps(g.cue, p.cue) and getattr(p, kind) == gv for p in pred)
            ex.fn += not ok
        # token overlap: words as maximal non-space runs
        gold_chars = _chars(getattr(g, kind) for g in gold)
        pred_chars = _chars(getattr(p, kind) for p in pred)
        words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        ov = score.overlap[kind]
        for a, _b in words:
            in_g, in_p = a in gold_chars, a in pred_chars
            ov.gold += in_g
            ov.predicted += in_p
            ov.inter += in_g and in_p


def _chars(spans: Iterable[Spans]) -> set[int]:
    out: set[int] = set()
    for pieces in spans:
        for a, b in pieces:
            out.update(range(a, b))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    args = ap.parse_args()
    texts_dir, ann_dir = args.data / "text", args.data / "attributions"
    # Articles annotated by several annotators (agreement checks) count once.
    by_article: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    anns = list(by_article.values())
    anns = anns[args.skip :]
    if args.limit:
        anns = anns[: args.limit]
    items = []
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        text = (texts_dir / f"{name}.txt").read_text(encoding="utf-8")
        items.append((name, text, read_gold(ann, text)))
    nlp.load(CAPABILITIES)
    t0 = time.perf_counter()
    docs = list(nlp.parse([t for _, t, _ in items], CAPABILITIES))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = len(items)
    for broad in (False, True):
        t0 = time.perf_counter()
        preds = [predict(d, broad) for d in docs]
        t_extract = time.perf_counter() - t0
        score = Score()
        for (_, text, gold), pred in zip(items, preds, strict=True):
            score_article(text, gold, pred, score)
        print(f"\n== {'broad (PolNeAR attribution)' if broad else 'speech (product default)'}")
        report(items, preds, score)
        print(f"quote extraction alone: {n / t_extract:.1f} articles/s")
    print(f"spaCy parse ({'+'.join(sorted(CAPABILITIES))}): {n / t_parse:.1f} articles/s")
    return 0


def report(items: list[tuple[str, str, list[Attr]]], preds: list[list[Attr]], score: Score) -> None:
    n = len(items)
    print(
        f"articles {n}, gold attributions {sum(len(g) for _, _, g in items)}, "
        f"predicted {sum(len(p) for p in preds)}"
    )
    print(f"{'':8} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}")
    for kind in KINDS:
        ep, er, ef = score.exact[kind].f1()
        op, orr, of = score.overlap[kind].f1()
        print(f"{kind:8} {ep:8.3f} {er:6.3f} {ef:6.3f}   {op:9.3f} {orr:6.3f} {of:6.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
