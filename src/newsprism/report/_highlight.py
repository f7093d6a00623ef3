"""Article text as safe HTML with evidence spans marked.

Every character of article text passes through :func:`markupsafe.escape` here
before any tag is added: article text is untrusted input, and this is the one
place where it becomes markup.  Spans may overlap (a quotation inside a claim),
so the text is cut at every span boundary and each piece is wrapped in one
``<mark>`` naming all the spans that cover it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Mark", "Snippet", "highlight", "snippet"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to mark: ``kind`` becomes a CSS class, ``anchor`` an element id."""

    start: int
    end: int
    kind: str
    anchor: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Snippet:
    """The evidence sentence with a little context, split for the templates."""

    before: str
    marked: str
    after: str
    start: int
    end: int


def _clamp(marks: Sequence[Mark], size: int) -> list[Mark]:
    out = []
    for m in marks:
        start, end = max(0, min(m.start, size)), max(0, min(m.end, size))
        if end > start:
            out.append(Mark(start, end, m.kind, m.anchor, m.title))
    return out


def highlight(text: str, marks: Sequence[Mark] = ()) -> Markup:
    """The whole text as paragraphs of escaped HTML, each mark wrapped in ``<mark>``.

    Offsets are the contract's character offsets into ``text``; marks outside
    the text are dropped rather than trusted.
    """
    marks = _clamp(marks, len(text))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    # paragraph breaks are cuts too, so no <mark> spans two <p>
    pos = text.find("\n\n")
    while pos >= 0:
        cuts.append(pos)
        pos = text.find("\n\n", pos + 2)
    cuts = sorted(set(cuts))
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    parts: list[str] = ["<p>"]
    for lo, hi in itertools.pairwise(cuts):
        piece = text[lo:hi]
        covering = [m for m in marks if m.start <= lo and m.end >= hi]
        if not covering:
            chunks = piece.split("\n\n")
            parts.append("</p><p>".join(str(escape(c)) for c in chunks))
            continue
        classes = " ".join(sorted({f"hl-{m.kind}" for m in covering}))
        anchors = [m for m in starts.get(lo, ()) if m.anchor]
        ids = "".join(
            f'<span class="anchor" id="{escape(m.anchor)}"></span>' for m in anchors if m.anchor
        )
        title = next((m.title for m in covering if m.title), None)
        title_attr = f' title="{escape(title)}"' if title else ""
        parts.append(f'{ids}<mark class="{classes}"{title_attr}>{escape(piece)}</mark>')
    parts.append("</p>")
    html = "".join(parts)
    return Markup(html.replace("\n", "<br>"))


def snippet(text: str, start: int, end: int, context: int = 160) -> Snippet:
    """The span with up to ``context`` characters either side, cut at word and paragraph edges."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = max(0, start - context)
    para = text.rfind("\n\n", lo, start)
    if para >= 0:
        lo = para + 2
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), end + context)
    para = text.find("\n\n", end, hi)
    if para >= 0:
        hi = para
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return Snippet(before, text[start:end], after, start, end)
