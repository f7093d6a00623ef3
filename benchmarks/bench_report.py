"""Report generation time and size for stories of 4, 100 and 1,000 articles.

    .venv/bin/python benchmarks/bench_report.py [--data ../shared/data] [--sizes 4 100 1000]

Each story is a synthetic dossier with every section filled, in the
proportions a real analysis gives (per article: ~3 quotations, ~4 claims in
groups of up to 5, ~6 entities; a reuse link for every derived article; a
timeline and coverage rows), over real news text (ECB+ under ``--data``) when
it is there, else generated sentences.  Times are the best of ``--repeat``
runs of each renderer, in this process, on whatever CPU the machine gives.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from newsprism.model import (
    Article,
    Claim,
    ClaimGroup,
    Coverage,
    Dossier,
    Entity,
    EntityRelation,
    Quote,
    Reuse,
    ReuseLink,
    Side,
    Speaker,
    Statement,
    Story,
    TimelineEvent,
    Value,
)
from newsprism.report import render_html, render_json, render_markdown

ALL = (
    "articles", "stories", "reuse", "quotes", "statements", "claims", "claim_groups",
    "entities", "relations", "timeline", "coverage",
)  # fmt: skip


def load_texts(data: Path | None) -> list[str]:
    path = data / "ecbplus" / "ecbplus.jsonl" if data else None
    if path and path.exists():
        texts = []
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            if len(text) > 400 and not text.startswith("http"):
                texts.append("\n\n".join(p for p in text.split("\n") if p.strip()))
        return texts
    rnd = random.Random(1)
    words = [
        "city",
        "council",
        "said",
        "police",
        "report",
        "minister",
        "bridge",
        "vote",
        "storm",
        "court",
        "market",
    ]
    return [
        "\n\n".join(
            " ".join(rnd.choice(words) for _ in range(18)).capitalize() + "." for _ in range(8)
        )
        for _ in range(200)
    ]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]", text)]


def synthetic_story(
    n: int, texts: list[str], story_id: str = "s1", seed: int = 0, unique: bool = False
) -> Dossier:
    """A one-story dossier of ``n`` articles with every section filled.

    ``unique`` ends each text with its id, so a store keeps every article
    (it drops texts it has already seen).
    """
    rnd = random.Random(seed)
    arts: list[Article] = []
    quotes: list[Quote] = []
    claims: list[Claim] = []
    pairs: list[ReuseLink] = []
    for i in range(n):
        aid = f"{story_id}-a{i}"
        text = texts[(seed * 7919 + i) % len(texts)]
        if unique:
            text += f"\n\n(Article {aid}.)"
        arts.append(
            Article(aid, text, f"Outlet {i % 97}", f"Title {i} of {story_id}",
                    f"2024-03-{1 + i % 28:02d}", f"https://outlet{i % 97}.example/{aid}")
        )  # fmt: skip
        sents = _sentences(text) or [(0, min(len(text), 80))]
        for k, (s, e) in enumerate(rnd.sample(sents, min(3, len(sents)))):
            quotes.append(
                Quote(f"{aid}-q{k}", aid, text[s:e], s, e, "direct",
                      Speaker(f"Speaker {rnd.randrange(max(2, n // 3))}"),
                      statement=f"{story_id}-st{rnd.randrange(max(1, n))}")
            )  # fmt: skip
        for k, (s, e) in enumerate(rnd.sample(sents, min(4, len(sents)))):
            claims.append(
                Claim(f"{aid}-c{k}", aid, text[s:e], s, e, (Value("count", "12", 12.0),),
                      f"{story_id}-g{rnd.randrange(max(1, n))}")
            )  # fmt: skip
        if i and rnd.random() < 0.6:
            src = rnd.randrange(i)
            pairs.append(ReuseLink(f"{story_id}-a{src}", aid, "edited", 0.8, "a->b"))
    ids = tuple(a.id for a in arts)
    by_statement: dict[str, list[Quote]] = {}
    for q in quotes:
        by_statement.setdefault(q.statement or "", []).append(q)
    statements = tuple(
        Statement(sid, qs[0].speaker.name if qs[0].speaker else None, qs[0].text,
                  tuple(q.id for q in qs), tuple(dict.fromkeys(q.article for q in qs)),
                  max(1, len(qs) // 2))
        for sid, qs in by_statement.items()
    )  # fmt: skip
    by_group: dict[str, list[Claim]] = {}
    for c in claims:
        by_group.setdefault(c.group or "", []).append(c)
    verdicts = ("corroborated", "single-source", "conflicting", "imprecise")
    groups = tuple(
        ClaimGroup(gid, cs[0].text[:80], verdicts[k % 4], tuple(c.id for c in cs), len(cs),
                   (Side("one", (cs[0].id,)), Side("other", tuple(c.id for c in cs[1:])))
                   if k % 4 == 2 else ())
        for k, (gid, cs) in enumerate(by_group.items())
    )  # fmt: skip
    entities = tuple(
        Entity(f"person:p{k}", f"Person {k}", "person", (), (),
               tuple(rnd.sample(ids, min(len(ids), 1 + rnd.randrange(5)))))
        for k in range(6 * n)
    )  # fmt: skip
    relations = tuple(
        EntityRelation(f"person:p{k}", f"person:p{k + 1}", "met", (ids[0],)) for k in range(0, n, 2)
    )
    timeline = tuple(
        TimelineEvent(f"2024-03-{1 + k % 28:02d}", f"Event {k}", (claims[k].id,))
        for k in range(min(len(claims), max(3, n // 4)))
    )
    coverage = tuple(
        Coverage(a.id, tuple(c.id for c in claims[i * 4 : i * 4 + 2]), (claims[0].id,))
        for i, a in enumerate(arts)
    )
    families: dict[str, set[str]] = {}
    for p in pairs:
        root = next((r for r, fam in families.items() if p.a in fam), p.a)
        families.setdefault(root, {root}).add(p.b)
    return Dossier(
        articles=tuple(arts),
        stories=(Story(story_id, f"Synthetic story {story_id}", ids),),
        reuse=Reuse(tuple(pairs), tuple(tuple(sorted(f)) for f in families.values()),
                    {story_id: n - len(pairs)}),
        quotes=tuple(quotes), statements=statements, claims=tuple(claims), claim_groups=groups,
        entities=entities, relations=relations, timeline=timeline, coverage=coverage, filled=ALL,
    )  # fmt: skip


def best_of(fn: Callable[[], str], repeat: int) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[4, 100, 1000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = load_texts(args.data if args.data.exists() else None)
    print("| articles | HTML ms | HTML size | Markdown ms | Markdown size | JSON ms | JSON size |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        d = synthetic_story(n, texts)
        row = [str(n)]
        for fn in (render_html, render_markdown, render_json):
            secs, out = best_of(lambda fn=fn, d=d: fn(d), 1 if n >= 1000 else args.repeat)
            row += [f"{secs * 1000:.1f}", f"{len(out.encode()) / 1024:,.0f} KiB"]
        print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
