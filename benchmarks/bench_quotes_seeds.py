"""Seed quality: the hand-annotated quotations of examples/seeds found with the right speaker.

Usage: python benchmarks/bench_quotes_seeds.py [SEEDS_DIR] [--verbose]

A gold quotation is *found* in an article when an extracted quote of that
article contains its fragment after normalising quote marks, dashes and white
space (gold.json's rule); it has the *right speaker* when that quote's speaker,
after the story-level name normalisation, is the gold speaker.  Quotes with a
speaker that hold no gold fragment are listed for review with --verbose (the
gold marks no speaker for them, e.g. scare quotes or quotes the annotation
left out).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from newsprism import nlp
from newsprism.model import Article, Quote
from newsprism.quotes import CAPABILITIES, extract, group_statements
from newsprism.quotes.statements import normalise_text


@dataclass(frozen=True)
class SeedScore:
    occurrences: int
    found: int
    right_speaker: int
    misses: tuple[str, ...]
    extra: tuple[str, ...]


def _norm(text: str) -> str:
    return normalise_text(text)


def run(seeds: Path, broad: bool = False) -> tuple[SeedScore, tuple[Quote, ...]]:
    gold_file = seeds / "gold.json"
    if not gold_file.exists():
        gold_file = seeds.parent / "gold.json"
    gold = json.loads(gold_file.read_text())
    ids = sorted(gold["articles"])
    texts = [(seeds / f"{i}.txt").read_text(encoding="utf-8") for i in ids]
    quotes: list[Quote] = []
    for art_id, text, doc in zip(ids, texts, nlp.parse(texts, CAPABILITIES), strict=True):
        quotes.extend(extract(Article(id=art_id, text=text), doc, broad=broad))
    families = [
        (p["a"], p["b"])
        for p in gold.get("reuse", {}).get("pairs", [])
        if p.get("relation") == "derived"
    ]
    grouped, _ = group_statements(quotes, families)
    occurrences = found = right = 0
    misses: list[str] = []
    matched: set[str] = set()
    for g in gold["quotes"]:
        frag = _norm(g["text"])
        for art in g["articles"]:
            occurrences += 1
            hits = [q for q in grouped if q.article == art and frag in _norm(q.text)]
            if not hits:
                misses.append(f"NOT FOUND  {art[:3]} {g['speaker']}: {g['text'][:60]}")
                continue
            found += 1
            matched.update(q.id for q in hits)
            if any(q.speaker is not None and q.speaker.name == g["speaker"] for q in hits):
                right += 1
            else:
                got = {q.speaker.name if q.speaker else None for q in hits}
                misses.append(f"SPEAKER    {art[:3]} {g['speaker']} -> {got}: {g['text'][:50]}")
    extra = tuple(
        f"{q.id} {q.kind} [{q.speaker.name}] {q.text[:70]!r}"
        for q in grouped
        if q.id not in matched and q.speaker is not None
    )
    return SeedScore(occurrences, found, right, tuple(misses), extra), grouped


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    seeds = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "examples" / "seeds"
    t0 = time.perf_counter()
    score, _ = run(seeds, broad="--broad" in argv)
    dt = time.perf_counter() - t0
    print(f"gold occurrences      {score.occurrences}")
    print(f"found                 {score.found}")
    print(f"found, right speaker  {score.right_speaker}")
    print(f"time                  {dt:.1f}s (incl. model load)")
    for line in score.misses:
        print("  " + line)
    if "--verbose" in argv:
        print("quotes with a speaker that hold no gold fragment:")
        for line in score.extra:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
