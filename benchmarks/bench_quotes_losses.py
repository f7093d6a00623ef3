"""Where attribution-level F1 is lost: annotated attributions not found, near misses, sources.

Usage: python benchmarks/bench_quotes_losses.py [DATA_DIR] [--cache FILE] [--range A:B]
       [--broad] [--show CLASS]

DATA_DIR is a PolNeAR split (default ``../shared/data/polnear/train``; develop on train,
never on dev or test).  Articles are read, cleaned and parsed as in
``bench_quotes_speakers.py``; ``--range`` takes articles A to B of the sorted list.  Each
annotated attribution is matched as ``score.py attributions`` matches it; one that no
predicted quote matches is a *near miss* when a prediction overlaps its content (runs
on, stops short, taken by another annotated attribution, crosses) and *not found*
otherwise, classed by the words of its annotated cue (a verb of the speech lexicon, a
statement verb, a speech noun, "according to", no cue, or something else: stances,
intentions, perceptions).  Matched attributions whose speaker phrase misses the
annotated source are classed too (no speaker, disjoint, one phrase longer).
``--show CLASS`` prints examples of one class.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path
from typing import Any

from _data import DEFAULT_DATA, polnear_ann
from bench_quotes_speakers import _scorer, parsed, read
from newsprism.quotes import extract, group_statements
from newsprism.quotes.lexicon import CUE_VERBS, SPEECH_NOUNS, STATEMENT_VERBS

_IRREGULAR = {"told": "tell", "said": "say", "says": "say", "wrote": "write", "spoke": "speak"}
_IRREGULAR |= {"found": "find", "thought": "think", "knew": "know", "saw": "see"}
_LEXICON = CUE_VERBS | STATEMENT_VERBS | SPEECH_NOUNS
_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))
_SUFFIXES += (("d", ""), ("es", ""), ("s", ""))


def _lemma(word: str) -> str:
    """A crude lemma, enough to look a cue word up in the lexicon."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and (word[: -len(suffix)] + repl) in _LEXICON:
            return word[: -len(suffix)] + repl
    return word


def _gold(folder: Path, name: str) -> list[dict[str, str]]:
    """Annotated attributions of one article, with the cue's words."""
    ann = polnear_ann(folder, name)
    if ann is None:
        return []
    spans: dict[str, str] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            spans[parts[0]] = parts[2]
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""), "")
        if content:
            out.append(
                {
                    "content": content,
                    "source": spans.get(e.get("Source", ""), ""),
                    "cue": spans.get(e.get("Cue", ""), ""),
                }
            )
    return out


def _cue_class(cue: str) -> str:
    words = [_lemma(w) for w in re.findall(r"[a-z]+", cue.lower())]
    if not words:
        return "no cue"
    if "according" in words:
        return "according to"
    for lexicon, label in (
        (CUE_VERBS, "speech verb"),
        (STATEMENT_VERBS, "statement verb"),
        (SPEECH_NOUNS, "speech noun"),
    ):
        if any(w in lexicon for w in words):
            return label
    return "other (stance, intention, perception)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "polnear" / "train")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--range", default="0:300")
    ap.add_argument("--broad", action="store_true")
    ap.add_argument("--show")
    a = ap.parse_args()
    score = _scorer()
    lo, hi = (int(x) for x in a.range.split(":"))
    articles = read(a.data, ())
    docs = parsed(articles, a.cache)
    counts: collections.Counter[str] = collections.Counter()
    cues: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for art, doc in list(zip(articles, docs, strict=True))[lo:hi]:
        found, _ = group_statements(extract(art, doc, broad=a.broad), ())
        preds: list[dict[str, Any]] = [
            {"text": q.text, "start": q.start, "end": q.end, "kind": q.kind, "span": q.speaker_span}
            for q in found
        ]
        gold = _gold(a.data, art.id)
        pairs = score.match_quotes(gold, preds)
        counts["annotated"] += len(gold)
        counts["predicted"] += len(preds)
        counts["matched"] += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        for g in gold:
            if id(g) in matched_gold:
                continue
            at = art.text.find(g["content"][:40])
            at = art.text.find(g["content"][:15]) if at < 0 else at
            over = [
                p
                for p in preds
                if at >= 0 and p["start"] < at + len(g["content"]) and at < p["end"]
            ]
            if over:
                gt = score.toks(g["content"])
                p = max(over, key=lambda p: score.overlap(gt, score.toks(p["text"])))
                pt = score.toks(p["text"])
                shared = sum((collections.Counter(gt) & collections.Counter(pt)).values())
                if id(p) in matched_pred:
                    cls = "near miss: prediction matched to another"
                elif shared >= 0.8 * len(gt):
                    cls = "near miss: prediction runs on"
                elif shared >= 0.8 * len(pt):
                    cls = "near miss: prediction stops short"
                else:
                    cls = "near miss: crossing"
            else:
                cls = "not found: " + _cue_class(g["cue"])
                words = re.findall(r"[a-z]+", g["cue"].lower())
                cues[" ".join(words[-2:]) or "-"] += 1
            counts[cls] += 1
            examples[cls].append(f"{g['cue']!r} | {g['source']!r} | {g['content'][:120]!r}")
        for g, p in pairs:
            span = p["span"]
            phrase = art.text[span[0] : span[1]] if span else ""
            gs, ps = score.toks(g["source"]), score.toks(phrase)
            if not gs:
                cls = "source: none annotated"
            elif score.overlap(gs, ps) >= 0.5:
                cls = "source: right phrase"
            elif not ps:
                cls = "source: no speaker"
            elif not set(gs) & set(ps):
                cls = "source: disjoint phrase"
            else:
                cls = (
                    "source: annotated longer" if len(gs) > len(ps) else "source: predicted longer"
                )
            counts[cls] += 1
            examples[cls].append(f"{g['source']!r} | {phrase!r}")
    tp, n_pred, n_gold = counts["matched"], counts["predicted"], counts["annotated"]
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    print(f"articles {lo}-{hi}: annotated {n_gold}, predicted {n_pred}, matched {tp}")
    print(f"precision {p:.3f}, recall {r:.3f}, content F1 {2 * p * r / max(1e-9, p + r):.3f}")
    for key in sorted(k for k in counts if ":" in k):
        print(f"  {key:55} {counts[key]:6}")
    print("most frequent cues not found:", ", ".join(f"{c} {n}" for c, n in cues.most_common(30)))
    if a.show:
        rows = examples.get(a.show, [])
        random.Random(1).shuffle(rows)
        print("\n".join(rows[:30]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
