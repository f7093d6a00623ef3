"""Speakers read by hand on fresh outlets: select the articles, dump the quotes, re-score.

Usage:
    python benchmarks/bench_quotes_review.py select [DATA] OUT.jsonl [--held-out --fnc N --ecb N]
        [--fresh]
    python benchmarks/bench_quotes_review.py dump DOSSIER.json OUT.txt
    python benchmarks/bench_quotes_review.py score DOSSIER.json REVIEW.json [--show]
    python benchmarks/bench_quotes_review.py table BEFORE.json AFTER.json REVIEW.json

Issue 16's held-out check is on news the quotes work never saw (Canadian outlets), so
round 8 reads quotes of other outlets by hand: FNC-1 training bodies at id-order
position 900 and later (British, US, Australian outlets; the bodies before 900 were read
by the claims work) and ECB+ articles of the events *not* in ``ecbplus/facts.json``.
``select`` picks them deterministically (quote-bearing articles, evenly spaced), so the
set can be rebuilt; ``dump`` prints every quote of an ``analyze`` dossier with its
article text around it for reading; ``score`` re-scores a saved review (one judgment a
quote: the right speaker as the article names it at its fullest, or none when the quote
is no speech) against a new dossier, so the judgments outlive the code that was read.

A judged quote is *found* when a predicted quote of its article shares at least half of
the judged span's characters; its speaker is *right* when the predicted speaker shares a
capitalised word with the judged one (surname match, as ``score.py speakers``), *wrong*
when it names someone else, *missing* when it names no one.  A judgment with no speaker
(not speech, a scare quote, a title) is right when the quote is not found or has no
speaker.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DEFAULT_DATA

FNC_FROM = 900
N_FNC = 45
N_ECB = 25
#: Round 9's held-out set: FNC-1 bodies and ECB+ articles, half a step on.
R9_HELD = (14, 6)


def _quote_marks(text: str) -> int:
    return sum(text.count(m) for m in ('"', "\u201c", "\u201d"))


def _spread(items: list[Any], n: int, half: bool = False) -> list[Any]:
    """``n`` items evenly spaced over ``items`` (all of them when fewer); ``half``:
    the items half a step on, a disjoint set of the same spread (the held-out set)."""
    if len(items) <= n:
        return [] if half else items
    step = len(items) / n
    shift = step / 2 if half else 0.0
    return [items[int(i * step + shift)] for i in range(n)]


def _pools(data: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The FNC-1 bodies (id-order >= 900) and the best-quoted ECB+ article of each event
    not in ``facts.json``, both in a fixed order."""
    import csv

    csv.field_size_limit(10**8)
    with (data / "fnc1-train" / "train_bodies.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fnc = [
        {"id": f"fnc-{r['Body ID']}", "text": r["articleBody"]}
        for r in rows[FNC_FROM:]
        if _quote_marks(r["articleBody"]) >= 6 and 1200 <= len(r["articleBody"]) <= 5000
    ]
    facts = json.loads((data / "ecbplus" / "facts.json").read_text())
    seen = {s["story"].removeprefix("ecb-").split("-", 1)[1] for s in facts}
    best: dict[str, dict[str, str]] = {}
    for line in (data / "ecbplus" / "ecbplus.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["event"] in seen or len(d["text"]) < 1200 or _quote_marks(d["text"]) < 6:
            continue
        cur = best.get(d["event"])
        if cur is None or _quote_marks(d["text"]) > _quote_marks(cur["text"]):
            best[d["event"]] = {"id": f"ecb-{d['id']}", "text": d["text"]}
    ecb = [best[e] for e in sorted(best, key=lambda e: (int(e.rstrip("+")), e))]
    return fnc, ecb


def select(
    data: Path,
    out: Path,
    held_out: bool = False,
    n_fnc: int = N_FNC,
    n_ecb: int = N_ECB,
    fresh: bool = False,
) -> None:
    """``fresh`` (round 9): leave out round 8's 70 development and 15 held-out articles
    (its ECB+ events with them) and spread over what remains; without ``held_out``,
    leave out round 9's held-out set (``--fresh --held-out --fnc 14 --ecb 6``) as well."""
    fnc, ecb = _pools(data)
    if fresh:
        used = {
            a["id"]
            for held, nf, ne in ((False, N_FNC, N_ECB), (True, 10, 5))
            for a in _spread(fnc, nf, held) + _spread(ecb, ne, held)
        }
        fnc = [a for a in fnc if a["id"] not in used]
        ecb = [a for a in ecb if a["id"] not in used]
        if not held_out:
            # The development set: what round 9's held-out set leaves.
            held = {
                a["id"] for a in _spread(fnc, R9_HELD[0], True) + _spread(ecb, R9_HELD[1], True)
            }
            fnc = [a for a in fnc if a["id"] not in held]
            ecb = [a for a in ecb if a["id"] not in held]
    chosen = _spread(fnc, n_fnc, held_out) + _spread(ecb, n_ecb, held_out)
    with out.open("w", encoding="utf-8") as f:
        for a in chosen:
            f.write(json.dumps(a) + "\n")
    print(f"wrote {len(chosen)} articles to {out}")


def _quotes(dossier: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every quote occurrence of a dossier by article id, in text order."""
    by_art: dict[str, list[dict[str, Any]]] = {}
    for q in dossier["quotes"]:
        by_art.setdefault(q["article"], []).append(q)
    for qs in by_art.values():
        qs.sort(key=lambda q: q["start"])
    return by_art


def _texts(dossier: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["text"] for a in dossier["articles"]}


def _speaker(q: dict[str, Any] | None) -> str:
    sp = (q or {}).get("speaker") or {}
    return str(sp.get("name") or "")


def dump(dossier_path: Path, out: Path) -> None:
    dossier = json.loads(dossier_path.read_text())
    texts = _texts(dossier)
    lines: list[str] = []
    for art, qs in sorted(_quotes(dossier).items()):
        text = texts[art]
        for q in qs:
            ctx = text[max(0, q["start"] - 250) : q["end"] + 150].replace("\n", " | ")
            lines.append(
                f"## {art} {q['start']}-{q['end']} {q['kind']} speaker={_speaker(q)!r} "
                f"role={(q.get('speaker') or {}).get('role')!r}\nQ: {q['text']}\nC: {ctx}\n"
            )
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {len(lines)} quotes to {out}")


_STOP = {"the", "a", "an", "of", "and", "mr", "ms", "mrs", "dr"}


def _words(text: str) -> set[str]:
    """``score.py``'s speaker words: lower-case word tokens, curly apostrophes made
    straight, articles and honorifics left out."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return set(re.findall(r"\w+", text)) - _STOP


def _same(pred: dict[str, Any], text: str, gold: str) -> bool:
    """``score.py speakers``' rule on the name a reader is shown: it shares a word with
    the judged speaker (the phrase in the text only when there is no name; ``score.py``
    also forgives a wrong name whose phrase matches, "the drunk man" shown as Paul Rudd)."""
    words = _words(_speaker(pred))
    span = pred.get("speaker_span")
    if not words and span:
        words = _words(text[span[0] : span[1]])
    return bool(words & _words(gold))


def judge(pred: dict[str, Any] | None, text: str, gold: str | None) -> str:
    """right / wrong / missing / not found for one judged quote."""
    speaker = _speaker(pred)
    if gold is None:
        return "right" if not speaker else "wrong"
    if pred is None:
        return "not found"
    if not speaker:
        return "missing"
    return "right" if pred is not None and _same(pred, text, gold) else "wrong"


def _match(qs: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The predicted quote overlapping the judged span most, as a share of the longer
    of the two (so a quote nested in a longer one matches the nested one)."""
    best, best_share = None, 0.0
    for q in qs:
        ov = min(end, q["end"]) - max(start, q["start"])
        share = ov / max(end - start, q["end"] - q["start"], 1)
        if share > best_share:
            best, best_share = q, share
    return best if best_share >= 0.5 else None


#: Coarse classes of the judged forms, by how the form's note begins.
_CLASSES = (
    ("not speech", "no speech (scare quote, title, other verb)"),
    ("broken", "no speech (scare quote, title, other verb)"),
    ("caption", "no speech (scare quote, title, other verb)"),
    ("title", "no speech (scare quote, title, other verb)"),
    ("a name in quotes", "no speech (scare quote, title, other verb)"),
    ("fragment", "no speech (scare quote, title, other verb)"),
    ('nested "citing"', "no speech (scare quote, title, other verb)"),
    ("pronoun", "pronoun"),
    ("description", "description"),
    ("floating", "floating (no cue)"),
    ("inside a quotation", "floating (no cue)"),
    ("partial", "partial name"),
    ("according to", "according to"),
    ("written", "name as written"),
    ("org", "organisation or document"),
    ("document", "organisation or document"),
)


def form_class(form: str) -> str:
    for prefix, cls in _CLASSES:
        if form.startswith(prefix):
            return cls
    return "other (participle, nested, typo)"


def verdicts(dossier_path: Path, review: dict[str, Any]) -> list[tuple[str, str]]:
    """(form class, verdict) of every judged quote against one dossier."""
    dossier = json.loads(dossier_path.read_text())
    by_art, texts = _quotes(dossier), _texts(dossier)
    out = []
    for r in review["quotes"]:
        pred = _match(by_art.get(r["article"], []), r["start"], r["end"])
        out.append(
            (form_class(r.get("form", "?")), judge(pred, texts.get(r["article"], ""), r["speaker"]))
        )
    return out


def table(before: Path, after: Path, review_path: Path) -> None:
    """Right / wrong / missing by form class, before -> after (markdown)."""
    review = json.loads(review_path.read_text())
    a, b = verdicts(before, review), verdicts(after, review)
    classes = sorted({c for c, _ in a}, key=lambda c: -sum(1 for x, _ in a if x == c))
    print("| form | judged | right | wrong | missing or not found |")
    print("|---|---|---|---|---|")
    for cls in [*classes, "all"]:
        rows = [Counter(v for c, v in side if cls in ("all", c)) for side in (a, b)]
        n = sum(rows[0].values())
        cells = [
            f"{rows[0][k] + (rows[0]['not found'] if k == 'missing' else 0)} -> "
            f"{rows[1][k] + (rows[1]['not found'] if k == 'missing' else 0)}"
            for k in ("right", "wrong", "missing")
        ]
        print(f"| {cls} | {n} | " + " | ".join(cells) + " |")


def score(dossier_path: Path, review_path: Path, show: bool) -> None:
    dossier = json.loads(dossier_path.read_text())
    by_art, texts = _quotes(dossier), _texts(dossier)
    review = json.loads(review_path.read_text())
    counts: Counter[str] = Counter()
    forms: Counter[tuple[str, str]] = Counter()
    for r in review["quotes"]:
        pred = _match(by_art.get(r["article"], []), r["start"], r["end"])
        verdict = judge(pred, texts.get(r["article"], ""), r["speaker"])
        counts[verdict] += 1
        if verdict != "right":
            forms[(r.get("form", "?"), verdict)] += 1
            if show:
                got = _speaker(pred)
                print(f"{verdict:9} {r['article']} {r['start']} want={r['speaker']!r} got={got!r}")
    total = sum(counts.values())
    speech = [r for r in review["quotes"] if r["speaker"] is not None]
    right_speech = sum(
        judge(
            _match(by_art.get(r["article"], []), r["start"], r["end"]),
            texts.get(r["article"], ""),
            r["speaker"],
        )
        == "right"
        for r in speech
    )
    for form, n in forms.most_common():
        print(f"  {form[0]:28} {form[1]:9} {n}")
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    print(f"right {counts['right']} / {total} = {counts['right'] / max(total, 1):.3f}")
    print(
        f"speech: right {right_speech} / {len(speech)} = {right_speech / max(len(speech), 1):.3f}"
    )
    if "missed_speech" in review:
        missed = sum(review["missed_speech"].values())
        found = sum(1 for r in speech if _match(by_art.get(r["article"], []), r["start"], r["end"]))
        print(
            f"speech judged found {found}, missed (read by hand) {missed}: quote recall ~"
            f"{found / max(found + missed, 1):.3f}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA)
    s.add_argument("out", type=Path)
    s.add_argument("--held-out", action="store_true", help="the disjoint set half a step on")
    s.add_argument("--fnc", type=int, default=N_FNC)
    s.add_argument("--ecb", type=int, default=N_ECB)
    s.add_argument("--fresh", action="store_true", help="leave out round 8's 85 articles (round 9)")
    d = sub.add_parser("dump")
    d.add_argument("dossier", type=Path)
    d.add_argument("out", type=Path)
    c = sub.add_parser("score")
    c.add_argument("dossier", type=Path)
    c.add_argument("review", type=Path)
    c.add_argument("--show", action="store_true")
    t = sub.add_parser("table")
    t.add_argument("before", type=Path)
    t.add_argument("after", type=Path)
    t.add_argument("review", type=Path)
    a = ap.parse_args()
    if a.cmd == "select":
        select(a.data, a.out, a.held_out, a.fnc, a.ecb, a.fresh)
    elif a.cmd == "dump":
        dump(a.dossier, a.out)
    elif a.cmd == "table":
        table(a.before, a.after, a.review)
    else:
        score(a.dossier, a.review, a.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
