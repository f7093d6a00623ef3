"""``clean``: one raw article in, the same article with only its own text out.

A pure function of one article, so any batch engine can map it.  What it takes
out of the text is kept, classified, in ``Article.removed``: the later stages
read those lines as evidence of origin (who wrote it, for whom, from whom).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from ..model import Article, RemovedLine
from ._cue import Cue
from ._lines import classify, dateline, footer_title
from ._names import outlet_name, tidy
from ._outlet import OutletGuess, best_outlet
from ._text import key, units, word_count

#: Units at the end of the article where an author bio may stand.
_TAIL = 2
#: Units at the start of the article where a wire dateline may stand.
_HEAD = 2
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " • ")
#: Kinds of removed line whose names are outlets rather than people.
_OUTLET_KINDS = frozenset({"footer", "promo", "title-repeat"})


def clean(article: Article) -> Article:
    """The article with boilerplate lines moved from ``text`` to ``removed``.

    Paragraphs come out separated by exactly one blank line.  ``title``,
    ``outlet`` and ``author`` are filled only where they are None and the
    removed lines (or the body's self-references, for the outlet) give
    evidence; present metadata is never overwritten.  An inferred outlet's
    confidence and evidence go to ``metadata["outlet_inferred"]``.
    """
    parts = units(article.text)
    # a footer removed by an earlier pass still names the title: cleaning twice is cleaning once
    lines = [*parts, *(r.text for r in article.removed)]
    footer = next((t for unit in reversed(lines) if (t := footer_title(unit))), None)
    kept, found, title = _strip(parts, article.title or footer)
    text = "\n\n".join(kept)
    changes: dict[str, Any] = {
        "text": text,
        "removed": article.removed + tuple(RemovedLine(c.text, c.kind, c.names) for c in found),
    }
    if article.title is None and title:
        changes["title"] = title
    if article.outlet is None:
        evidence = [*_cues_of(article.removed, title), *found, *_datelines(kept)]
        guess = best_outlet(text, evidence)
        if guess is not None:
            changes["outlet"] = guess.name
            changes["metadata"] = {**article.metadata, "outlet_inferred": _as_metadata(guess)}
    if article.author is None:
        authors = next((c.people for c in found if c.kind == "byline" and c.people), ())
        if authors:
            changes["author"] = " and ".join(authors)
    if article.provenance is not None:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        changes["provenance"] = dataclasses.replace(article.provenance, content_hash=digest)
    return dataclasses.replace(article, **changes)


def cues(article: Article) -> tuple[Cue, ...]:
    """The origin evidence of a cleaned article: its removed lines and wire datelines.

    A dateline such as "WASHINGTON (Reuters) -" stays in the text (it is part
    of the first sentence) but is reported here as a ``byline`` cue naming the
    agency.  For the reuse stage, credit cues name the newsrooms a text was
    rewritten from and footer cues the site a text was republished from.
    """
    return (*_cues_of(article.removed, article.title), *_datelines(units(article.text)))


def infer_outlet(article: Article) -> OutletGuess | None:
    """The outlet an article's own evidence points to, with its confidence."""
    return best_outlet(article.text, cues(article))


def _strip(parts: list[str], title: str | None) -> tuple[list[str], list[Cue], str | None]:
    """Remove boilerplate units until none is left; also the title, if found on the way.

    Repeating until nothing changes makes ``clean`` idempotent: a bio line
    that only becomes one of the last units once the footers under it are
    gone, or a headline that only comes first once the promo above it is
    gone, is dealt with now, not by a second call.
    """
    kept = list(enumerate(parts))
    found: dict[int, Cue] = {}
    # A unit's verdict depends only on whether it is in the tail and on the title.
    verdicts: dict[tuple[int, bool, str], Cue | None] = {}
    while True:
        if title is None:
            title = _repeated_headline([unit for _, unit in kept])
        title_key = key(title) if title else ""
        still: list[tuple[int, str]] = []
        for pos, (index, unit) in enumerate(kept):
            tail = pos >= len(kept) - _TAIL
            if (index, tail, title_key) not in verdicts:
                verdicts[index, tail, title_key] = _title_repeat(unit, title_key) or classify(
                    unit, tail
                )
            cue = verdicts[index, tail, title_key]
            if cue is None:
                still.append((index, unit))
            else:
                found[index] = cue
        if len(still) == len(kept):
            return [unit for _, unit in kept], [found[i] for i in sorted(found)], title
        kept = still


def _title_repeat(unit: str, title_key: str) -> Cue | None:
    """The headline again in the body, alone or as "Headline | Outlet"."""
    if not title_key or len(unit) > 2 * len(title_key) + 80:
        return None  # far longer than the title: a paragraph, not a repeat
    if key(unit) == title_key:
        return Cue("title-repeat", unit)
    for sep in _TITLE_SEPARATORS:
        left, found, right = unit.rpartition(sep)
        if found and key(left) == title_key and word_count(right) <= 5:
            name = outlet_name(right)
            if name is not None and name == tidy(right):
                return Cue("title-repeat", unit, outlets=(name,), own=0.6)
    return None


def _repeated_headline(parts: list[str]) -> str | None:
    """A first line that the text repeats is the headline (a page's title and h1)."""
    if len(parts) < 3:
        return None
    first = parts[0]
    if not 3 <= word_count(first) <= 25 or first.endswith(".") or not re.search(r"[^\W\d_]", first):
        return None
    first_key = key(first)
    return first if any(key(unit) == first_key for unit in parts[1:]) else None


def _datelines(parts: list[str]) -> list[Cue]:
    return [cue for unit in parts[:_HEAD] if (cue := dateline(unit)) is not None]


def _cues_of(removed: Iterable[RemovedLine], title: str | None) -> list[Cue]:
    """Cues for lines removed before (by a reader, or an earlier clean), re-read."""
    title_key = key(title) if title else ""
    out: list[Cue] = []
    for line in removed:
        cue = _title_repeat(line.text, title_key) or classify(line.text, True)
        if cue is None or cue.kind != line.kind:  # removed by a rule this module does not know
            if line.kind in _OUTLET_KINDS:
                cue = Cue(line.kind, line.text, outlets=line.names)
            else:
                cue = Cue(line.kind, line.text, people=line.names)
        out.append(cue)
    return out


def _as_metadata(guess: OutletGuess) -> dict[str, Any]:
    return {"name": guess.name, "confidence": guess.confidence, "evidence": list(guess.evidence)}
