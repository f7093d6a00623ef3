"""Wrong and missing speakers of found quotes on PolNeAR train, sorted by cause.

Usage: python benchmarks/bench_quotes_speaker_causes.py [DATA_DIR] [--cache FILE]
       [--range A:B] [--broad] [--show CLASS] [--dump FILE]

DATA_DIR is a PolNeAR split (default ``../shared/data/polnear/train``; develop on train,
never on dev or test).  Train has no hand-resolved speakers, so each found quote that
``score.py attributions`` matches to an annotated attribution with a source is judged
against the annotated source phrase, by the form the article gives it:

* a name ("Sen. Marco Rubio", "Rubio"): right when the speaker shares a capitalised
  word with it (honorifics and titles aside);
* a pronoun ("he", "she", "they", "it"): against a *silver* antecedent, the nearest
  annotated source before it that is a name of a compatible kind (for "he"/"she" a
  name NER calls a person); where there is none the pronoun is *unjudged*;
* a description ("the senator", "a spokesman"): right when the speaker shares a
  capitalised word with a named annotated source within the last five attributions,
  or when the speaker is the description itself (an unnamed source stays unnamed);
* first person ("I", "we"): the writer; left out (PolNeAR's texts carry no byline).

Wrong speakers are then sorted by what went wrong, read from the speaker and its
phrase: no speaker at all (a floating quotation with no cue, a pronoun left
unresolved, a cue with no subject found), a non-speaker (credit, dateline, place, day),
organisation for a person or the reverse, partial name, or another person.  The
silver antecedent is a proxy (the nearest named source is usually, not always, the
one a pronoun means), so the classes are for finding work, and each class is read
with ``--show CLASS`` before a rule is written.  ``--dump FILE`` writes one line per
judged quote (article, quote start, verdict, speaker) to diff two commits.
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

_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"})
_FIRST = frozenset({"i", "we", "me", "us", "my", "our"})
_SKIP = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "president",
        "senator",
        "the",
        "former",
        "secretary",
        "gen",
        "lt",
        "col",
        "sgt",
        "rev",
        "prof",
        "u.s.",
        "republican",
        "democratic",
        "democrat",
        "gop",
        "campaign",
    ]
)
#: How many annotated attributions back a description may find its named source.
_DESCRIPTION_BACK = 5


def _caps(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][\w'’.\-]*", text)
    out = set()
    for w in words:
        w = re.sub(r"['’]s$", "", w).strip(".’'")
        if w[:1].isupper() and w.lower() not in _SKIP and len(w) > 1:
            out.add(w.lower())
    return out


def _gold(folder: Path, name: str) -> list[dict[str, Any]]:
    """Annotated attributions with the source's offsets, in text order of the source."""
    ann = polnear_ann(folder, name)
    if ann is None:
        return []
    spans: dict[str, tuple[int, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            offs = parts[1].split()[1]
            spans[parts[0]] = (int(offs), parts[2])
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""), (0, ""))
        source = spans.get(e.get("Source", ""), (-1, ""))
        if content[1]:
            out.append(
                {"content": content[1], "source": source[1], "at": source[0], "c_at": content[0]}
            )
    return out


def _form(source: str) -> str:
    words = source.lower().split()
    if not words:
        return "none"
    if words[0] in _FIRST and len(words) <= 2:
        return "first person"
    if words[0] in _PRONOUNS and len(words) <= 2:
        return "pronoun"
    if _caps(source):
        return "name"
    return "description"


def _silver(gold: list[dict[str, Any]], g: dict[str, Any]) -> str | None:
    """The nearest named annotated source before ``g``'s source."""
    before = [x for x in gold if 0 <= x["at"] < g["at"] and _form(x["source"]) == "name"]
    if not before:
        return None
    return str(max(before, key=lambda x: x["at"])["source"])


def _judge(text: str, g: dict[str, Any], q: Any, gold: list[dict[str, Any]]) -> str:
    form = _form(g["source"])
    sp = q.speaker
    if form == "first person":
        return "skip: first person"
    if sp is None:
        phrase = text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else ""
        if q.cue_span is None:
            return f"missing ({form}): no cue (floating or unattributed quotation)"
        if phrase.lower().split()[:1] and phrase.lower().split()[0] in _PRONOUNS:
            return f"missing ({form}): pronoun left unresolved"
        if phrase:
            return f"missing ({form}): phrase not a speaker ({phrase[:30]!r})"
        return f"missing ({form}): cue without a subject"
    name = sp.name
    if form == "name":
        want = _caps(g["source"])
        if _caps(name) & want:
            return "right (name)"
        return "wrong (name): " + _wrong_class(text, q, g["source"])
    if form == "pronoun":
        silver = _silver(gold, g)
        if silver is None:
            return "unjudged (pronoun, no named source before)"
        if _caps(name) & _caps(silver):
            return "right (pronoun, silver)"
        return "wrong (pronoun, silver): " + _wrong_class(text, q, silver)
    # a description
    if sp.entity is None or not _caps(name):
        return "right (description left unnamed)"
    recent = [x for x in gold if 0 <= x["at"] < g["at"] and _form(x["source"]) == "name"][
        -_DESCRIPTION_BACK:
    ]
    if any(_caps(name) & _caps(x["source"]) for x in recent):
        return "right (description, silver)"
    return "unjudged (description named someone not quoted nearby)"


def _wrong_class(text: str, q: Any, want: str) -> str:
    sp = q.speaker
    name = sp.name
    phrase = text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else ""
    kind = (sp.entity or ":").split(":")[0]
    if "/" in name or re.search(r"\b(photo|getty|images|ap)\b", name, re.I):
        return "non-speaker (credit)"
    if name.upper() == name or re.fullmatch(r"[A-Z][a-z]{1,4}\.?", name):
        return "non-speaker (heading, abbreviation)"
    if re.search(r"day\b|\d", name):
        return "non-speaker (day, number)"
    if kind == "org" and not want[:1].islower():
        return "organisation for a person or another group"
    if q.cue_span is None:
        return "another speaker carried to a quotation with no cue"
    if phrase.lower().split()[:1] and phrase.lower().split()[0] in _PRONOUNS:
        return "pronoun to another person"
    if phrase and phrase[:1].islower():
        return "description to another person"
    return "another name (parse or nesting)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA / "polnear" / "train")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--range", default="0:300")
    ap.add_argument("--broad", action="store_true")
    ap.add_argument("--show")
    ap.add_argument("--dump", type=Path)
    a = ap.parse_args()
    score = _scorer()
    lo, hi = (int(x) for x in a.range.split(":"))
    articles = read(a.data, ())
    docs = parsed(articles, a.cache)
    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    dump: list[str] = []
    for art, doc in list(zip(articles, docs, strict=True))[lo:hi]:
        found, _ = group_statements(extract(art, doc, broad=a.broad), ())
        preds = [{"text": q.text, "start": q.start, "end": q.end, "q": q} for q in found]
        counts["found quotes"] += len(preds)
        counts["found quotes without a speaker"] += sum(p["q"].speaker is None for p in preds)
        gold = _gold(a.data, art.id)
        for g, p in score.match_quotes(gold, preds):
            if not g["source"]:
                continue
            q = p["q"]
            verdict = _judge(art.text, g, q, gold)
            counts[verdict] += 1
            head = verdict.split(":")[0].split(" (")[0]
            counts["= " + head] += 1
            name = q.speaker.name if q.speaker else None
            dump.append(f"{art.id}\t{q.start}\t{verdict}\t{name}")
            line_at = art.text.rfind("\n", 0, q.start) + 1
            examples[verdict].append(
                f"{art.id[:40]} | gold {g['source'][:50]!r} | got {name!r} | "
                f"{art.text[line_at : q.end + 60][-260:]!r}"
            )
    judged = counts["= right"] + counts["= wrong"] + counts["= missing"]
    print(
        f"articles {lo}-{hi}: {counts['found quotes']} found quotes "
        f"({counts['found quotes without a speaker']} without a speaker)"
    )
    print(
        f"matched with an annotated source and judged: {judged}; right {counts['= right']} "
        f"({counts['= right'] / max(1, judged):.3f}), wrong {counts['= wrong']}, "
        f"missing {counts['= missing']}; unjudged {counts['= unjudged']}, "
        f"first person {counts['= skip']}"
    )
    for key in sorted(k for k in counts if k.startswith(("wrong", "missing", "right", "unj"))):
        print(f"  {key:75} {counts[key]:5}")
    if a.show:
        rows = [r for k, v in examples.items() if k.startswith(a.show) for r in v]
        random.Random(1).shuffle(rows)
        print("\n".join(rows[:40]))
    if a.dump:
        a.dump.write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
