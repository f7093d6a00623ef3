"""Speaker attribution on real news: the right speaker for each found quote, and how many have none.

Usage: python benchmarks/bench_quotes_speakers.py [DATA_DIR] [--broad] [--cache FILE]
       [--json OUT] [--errors N] [--skip ID ...]

DATA_DIR is PolNeAR's ``dev`` split (default ``../shared/data/polnear/dev``) with
``dev-speakers.json`` beside it: its attributions with the source resolved by hand
to the fullest name the article gives, and how the article wrote it (pronoun,
partial name, description, as written).  Articles are read and cleaned as
``newsprism analyze`` reads them, parsed once (``--cache`` keeps the parse),
and their quotes extracted and grouped per article (``analyze`` groups per
story, which can only add fuller names).  The figures are those of
``../shared/tools/score.py`` (``speakers`` and ``attributions``), computed on
a dossier-shaped JSON written here (``--json``), plus the quotes left without
a speaker.  ``--errors N`` lists N wrong or missing speakers per kind, to read.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from _data import DEFAULT_DATA
from newsprism import nlp
from newsprism.clean import clean
from newsprism.ingest import IngestFailure, read_sources
from newsprism.model import Article
from newsprism.quotes import CAPABILITIES, extract, group_statements

#: The article whose claims stop ``analyze`` (an infinite amount); left out so
#: the figures compare with a dossier of the other 83 (see the workflow issue).
SKIP = ("nyt_2016-10-02_a-curious-plan-to-fight-climate-",)


def _scorer() -> ModuleType:
    path = DEFAULT_DATA.parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None or not path.exists():
        raise SystemExit(f"{path}: scorer not found")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read(folder: Path, skip: tuple[str, ...]) -> list[Article]:
    out = []
    for item in read_sources([str(folder / "text")]):
        if isinstance(item, IngestFailure):
            continue
        art = clean(item)
        if art.id not in skip:
            out.append(art)
    return sorted(out, key=lambda a: a.id)


def parsed(articles: list[Article], cache: Path | None) -> list[Any]:
    from spacy.tokens import DocBin

    texts = [a.text for a in articles]
    key = hashlib.sha1("\0".join(texts).encode()).hexdigest()[:12]
    nlp_ = nlp.load(CAPABILITIES)
    if cache is not None and cache.exists():
        bundle = json.loads(cache.with_suffix(".key").read_text())
        if bundle == key:
            return list(DocBin().from_disk(cache).get_docs(nlp_.vocab))
    docs = list(nlp.parse(texts, CAPABILITIES))
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
        cache.with_suffix(".key").write_text(json.dumps(key))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "polnear" / "dev")
    ap.add_argument("--broad", action="store_true")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--skip", nargs="*", default=list(SKIP))
    a = ap.parse_args()
    score = _scorer()
    articles = read(a.data, tuple(a.skip))
    docs = parsed(articles, a.cache)
    t0 = time.perf_counter()
    quotes: list[dict[str, Any]] = []
    for art, doc in zip(articles, docs, strict=True):
        found, _ = group_statements(extract(art, doc, broad=a.broad), ())
        for q in found:
            sp = q.speaker
            quotes.append(
                {
                    "article": q.article,
                    "text": q.text,
                    "kind": q.kind,
                    "speaker": None
                    if sp is None
                    else {"name": sp.name, "role": sp.role, "entity": sp.entity},
                    "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                    "cue": q.cue,
                }
            )
    took = time.perf_counter() - t0
    dossier = {
        "articles": [{"id": x.id, "text": x.text} for x in articles],
        "quotes": quotes,
    }
    if a.json:
        a.json.write_text(json.dumps(dossier, ensure_ascii=False))
    ns = argparse.Namespace(
        dossier=None, split=str(a.data), resolved=str(a.data.parent / "dev-speakers.json")
    )
    real_load = score.load
    score.load = lambda path: dossier if path is None else real_load(path)
    score.cmd_attributions(ns)
    score.cmd_speakers(ns)
    kinds = collections.Counter(q["kind"] for q in quotes if q["speaker"] is None)
    print(
        f"quotes {len(quotes)}, without a speaker {sum(kinds.values())} "
        f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); "
        f"extraction {took:.1f} s for {len(articles)} articles"
    )
    if a.errors:
        _errors(score, dossier, a, a.errors)
    return 0


def _errors(score: ModuleType, dossier: dict[str, Any], a: argparse.Namespace, n: int) -> None:
    by, texts = score.quotes_by_article(dossier)
    shown: collections.Counter[str] = collections.Counter()
    for r in json.loads((a.data.parent / "dev-speakers.json").read_text()):
        art = r["article"]
        if shown[r["how"]] >= n:
            continue
        gold = [g for g in score.read_ann(str(a.data / "attributions" / r["ann"]))]
        g = next((g for g in gold if g["event"] == r["event"]), None)
        if g is None:
            continue
        pairs = score.match_quotes([g], by.get(art, []))
        if not pairs:
            continue
        q = pairs[0][1]
        want = set(score.toks(r["resolved"])) - score.STOP
        if want & score.speaker_words(q, texts.get(art, "")):
            continue
        shown[r["how"]] += 1
        sp = q["speaker"]
        span = q["speaker_span"]
        phrase = texts[art][span[0] : span[1]] if span else None
        print(
            f"[{r['how']}] {art[:40]} gold {r['source_text']!r} = {r['resolved']!r}; "
            f"got {sp and sp['name']!r} ({phrase!r}) for {q['text'][:70]!r}"
        )


if __name__ == "__main__":
    sys.exit(main())
