"""Write the inputs of a new user's review as JSONL files, one per run.

A reviewer runs ``newsprism analyze`` on stories the claims work was never fitted on,
as a user with a folder of articles would: each ECB+ event's first documents as one
run (the source URL, headline and dateline a page carries become the record's ``url``,
``outlet``, ``title`` and ``published``; documents without them stay undated), a
pair of one topic's two events together, FNC-1 bodies that share a headline claim,
and one mixed pile.  Nothing here feeds the product; it only prepares what is read.

    python benchmarks/review_inputs.py ../shared/data OUT --ecb 3+ 18+ --pair 32 32+
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import defaultdict
from pathlib import Path

from dateutil import parser as dateparser

_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-zA-Z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4})"
)


def _detok(text: str) -> str:
    text = re.sub(r"(\d)\. (\d)", r"\1.\2", text)
    text = re.sub(r"(\d), (\d{3})\b", r"\1,\2", text)
    text = re.sub(r"(\d): (\d)", r"\1:\2", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    return re.sub(r"(\w) / (\w)", r"\1/\2", text)


def ecb_record(row: dict[str, str]) -> dict[str, str | None]:
    """One ECB+ document as a page's record: URL line, headline, dateline, body."""
    lines = row["text"].split("\n")
    url = outlet = title = published = None
    if lines and lines[0].startswith("http"):
        url = lines.pop(0).replace(" ", "")
        outlet = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        if lines:
            title = _detok(lines.pop(0))
        if title and _DATE.search(title) and len(title) < 60:  # a dateline where the headline goes
            lines.insert(0, title)
            title = None
        for i, line in enumerate(lines[:2]):
            m = _DATE.search(_detok(line))
            if m and len(line) < 80:
                try:
                    published = dateparser.parse(m.group(0)).date().isoformat()
                except (ValueError, OverflowError):
                    continue
                del lines[i]
                break
    return {
        "id": row["id"],
        "url": url,
        "outlet": outlet,
        "title": title,
        "published": published,
        "text": _detok("\n".join(lines)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--ecb", nargs="*", default=[], help="events run alone")
    ap.add_argument("--pair", nargs="*", default=[], help="two events run together")
    ap.add_argument("--per-event", type=int, default=5)
    ap.add_argument("--fnc", nargs="*", default=[], help="FNC-1 headlines (exact)")
    ap.add_argument("--pile", nargs="*", default=[], help="events put into the mixed pile")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    by_event: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in (args.data / "ecbplus" / "ecbplus.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        by_event[r["event"]].append(r)

    def docs(ev: str) -> list[dict[str, str | None]]:
        return [ecb_record(r) for r in by_event[ev][: args.per_event]]

    def write(name: str, recs: list[dict[str, str | None]]) -> None:
        path = args.out / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")

    for ev in args.ecb:
        write(f"ecb-{ev}", docs(ev))
    if args.pair:
        write("ecb-pair-" + "-".join(args.pair), [d for ev in args.pair for d in docs(ev)])
    fnc_dir = args.data / "fnc1-train"
    bodies = {
        int(r["Body ID"]): r["articleBody"]
        for r in csv.DictReader((fnc_dir / "train_bodies.csv").open(encoding="utf-8"))
    }
    late = set(sorted(bodies)[900:])
    stances = list(csv.DictReader((fnc_dir / "train_stances.csv").open(encoding="utf-8")))
    fnc_all: list[dict[str, str | None]] = []
    for i, head in enumerate(args.fnc):
        ids = sorted(
            {
                int(s["Body ID"])
                for s in stances
                if s["Headline"] == head
                and s["Stance"] != "unrelated"
                and int(s["Body ID"]) in late
            }
        )
        recs: list[dict[str, str | None]] = [
            {"id": f"fnc-{b}", "text": bodies[b], "title": None} for b in ids
        ]
        write(f"fnc-{i}", recs)
        fnc_all += recs
    if args.pile:
        write("pile", [d for ev in args.pile for d in docs(ev)] + fnc_all)


if __name__ == "__main__":
    main()
