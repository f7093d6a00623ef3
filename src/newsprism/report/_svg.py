"""Graphs drawn as inline SVG, so the report needs no script library and no network.

Layouts are deterministic (same dossier, same picture) and simple on purpose:
a derivation graph reads left to right from origins to copies, an entity graph
is a circle.  Large graphs are cut to their most connected nodes and say so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article, Entity, ReuseLink

__all__ = ["MAX_NODES", "Drawing", "derivation_svg", "entity_svg"]

MAX_NODES = 60
_W, _H, _GAP_X, _GAP_Y, _PAD = 170, 30, 70, 14, 16
_RELATION_STYLE = {
    "copy": ("#b3261e", ""),
    "edited": ("#a86400", ""),
    "rewrite": ("#5a4fcf", "6 4"),
    "partial": ("#2456c7", "2 4"),
}
_KIND_COLOUR = {
    "person": "#2456c7",
    "org": "#1f7a4d",
    "gpe": "#a86400",
    "loc": "#a86400",
    "norp": "#5a4fcf",
}


@dataclass(frozen=True, slots=True)
class Drawing:
    """An SVG picture and how many nodes were left out of it."""

    svg: Markup
    nodes: int
    left_out: int


def _short(text: str, n: int = 22) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _arrow_defs() -> str:
    out = ["<defs>"]
    for name, (colour, _) in _RELATION_STYLE.items():
        out.append(
            f'<marker id="arr-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9"'
            f' markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            f'<path d="M0,0L10,5L0,10z"'
            f' fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    return "".join(out)


def _flow(link: ReuseLink) -> tuple[str, str] | None:
    """(origin, derived) when the direction is known."""
    if link.direction == "a->b":
        return link.a, link.b
    if link.direction == "b->a":
        return link.b, link.a
    return None


def derivation_svg(
    articles: Sequence[Article], links: Sequence[ReuseLink], family_of: Mapping[str, int]
) -> Drawing:
    """Who copied whom: origins on the left, each copy one column right of its source.

    Only pairs that share text are edges ("independent" and "unrelated" pairs
    are the absence of an edge); articles that took nothing from the others
    stand alone, so the drawing shows every source.  Siblings that reworded a
    common source not in the set hang off one node standing for that source,
    because that, not a link between them, is what the evidence says.
    """
    by_id = {a.id: a for a in articles}
    shared = [
        lk for lk in links if lk.relation in _RELATION_STYLE and lk.a in by_id and lk.b in by_id
    ]
    degree: dict[str, int] = {}
    for lk in shared:
        degree[lk.a] = degree.get(lk.a, 0) + 1
        degree[lk.b] = degree.get(lk.b, 0) + 1
    nodes = sorted(by_id, key=lambda n: (-degree.get(n, 0), n))
    left_out = max(0, len(nodes) - MAX_NODES)
    keep = set(nodes[:MAX_NODES])
    shared = [lk for lk in shared if lk.a in keep and lk.b in keep]
    if not keep:
        return Drawing(Markup(""), 0, 0)
    # edges as (source, derived, link); a common source becomes a virtual node
    edges: list[tuple[str, str, ReuseLink]] = []
    virtual: dict[str, str] = {}
    for lk in shared:
        flow = _flow(lk)
        if flow:
            edges.append((flow[0], flow[1], lk))
        elif lk.direction == "common-source":
            origin = f"origin:{family_of.get(lk.a, lk.a)}"
            virtual[origin] = "earlier source, not in the set"
            edges += [(origin, lk.a, lk), (origin, lk.b, lk)]
        else:
            edges.append((lk.a, lk.b, lk))
    graph_nodes = keep | set(virtual)
    parents: dict[str, set[str]] = {n: set() for n in graph_nodes}
    for src, dst, lk in edges:
        if _flow(lk) or src in virtual:
            parents[dst].add(src)
    column: dict[str, int] = {}

    def depth(node: str, seen: frozenset[str]) -> int:
        if node in column:
            return column[node]
        ps = [p for p in parents[node] if p not in seen]
        d = 1 + max((depth(p, seen | {node}) for p in ps), default=-1)
        column[node] = d
        return d

    for node in sorted(graph_nodes):
        depth(node, frozenset())

    def order(n: str) -> tuple[int, str, str]:
        fam = family_of.get(n, 10**6) if n in by_id else 0
        return (fam, by_id[n].published or "" if n in by_id else "", n)

    cols: dict[int, list[str]] = {}
    for node in sorted(graph_nodes, key=order):
        cols.setdefault(column[node], []).append(node)
    pos: dict[str, tuple[float, float]] = {}
    for c, members in cols.items():
        for r, node in enumerate(members):
            pos[node] = (_PAD + c * (_W + _GAP_X), _PAD + r * (_H + _GAP_Y))
    width = _PAD * 2 + (max(cols) + 1) * (_W + _GAP_X) - _GAP_X + 60  # room for bows
    height = _PAD * 2 + max(len(m) for m in cols.values()) * (_H + _GAP_Y) - _GAP_Y
    out = [
        f'<svg class="graph" role="img" aria-label="Derivation graph" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}">',
        _arrow_defs(),
    ]

    def name(n: str) -> str:
        return virtual[n] if n in virtual else (by_id[n].outlet or n)

    for src, dst, lk in edges:
        colour, dash = _RELATION_STYLE[lk.relation]
        directed = bool(_flow(lk)) or src in virtual
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        if x1 == x2:  # same column: connect the sides with a bow
            sx, sy, ex, ey = x1 + _W, y1 + _H / 2, x2 + _W, y2 + _H / 2
            path = f"M{sx},{sy} C{sx + 40},{sy} {ex + 40},{ey} {ex},{ey}"
        else:
            left, right = ((x1, y1), (x2, y2)) if x1 < x2 else ((x2, y2), (x1, y1))
            sx, sy, ex, ey = left[0] + _W, left[1] + _H / 2, right[0], right[1] + _H / 2
            mid = (sx + ex) / 2
            path = f"M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}"
        marker = f' marker-end="url(#arr-{lk.relation})"' if directed else ""
        if directed and pos[src][0] > pos[dst][0]:
            marker = f' marker-start="url(#arr-{lk.relation})"'
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        label = f"{name(src)} → {name(dst)}" if directed else f"{name(src)} ↔ {name(dst)}"
        out.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="'
            f'{1 + 2 * lk.score:.1f}"{dash_attr}{marker}><title>{escape(label)}: '
            f"{escape(lk.relation)} {lk.score:.2f}</title></path>"
        )
    for node in sorted(graph_nodes):
        x, y = pos[node]
        if node in virtual:
            out.append(
                f'<g class="node origin"><rect x="{x}" y="{y}" width="{_W}" height="{_H}" rx="6"'
                f' fill="#f4f5f8" stroke="#5b6475" stroke-dasharray="4 3"/><text x="{x + 8}"'
                f' y="{y + 19}" font-size="11" fill="#5b6475">{escape(_short(virtual[node], 30))}'
                f"</text><title>{escape(virtual[node])}</title></g>"
            )
            continue
        art = by_id[node]
        fam = family_of.get(node)
        label = art.outlet or node
        out.append(
            f'<g class="node"><rect x="{x}" y="{y}" width="{_W}" height="{_H}" rx="6"'
            f' fill="#fff" stroke="#2456c7"/><text x="{x + 8}" y="{y + 19}" font-size="12">'
            f"{escape(_short(label))}{f' · F{fam}' if fam else ''}</text>"
            f"<title>{escape(label)}: {escape(art.title or node)} ({escape(node)})</title></g>"
        )
    out.append("</svg>")
    return Drawing(Markup("".join(out)), len(keep), left_out)


def entity_svg(
    entities: Sequence[Entity], edges: Sequence[tuple[str, str, str, int]], limit: int = 30
) -> Drawing:
    """Linked entities on a circle, most mentioned first; ``edges`` are (a, b, label, weight)."""
    ranked = sorted(entities, key=lambda e: (-len(e.articles), e.name))
    connected = {e for a, b, _, _ in edges if a != b for e in (a, b)}
    # only linked entities are drawn: a ring of unconnected dots says nothing
    chosen = [e for e in ranked if e.id in connected][:limit]
    ids = {e.id for e in chosen}
    linked = {x for a, b, _, _ in edges if a != b and a in ids and b in ids for x in (a, b)}
    chosen = [e for e in chosen if e.id in linked]  # no dot without a line inside the picture
    if not chosen:
        return Drawing(Markup(""), 0, 0)
    n = len(chosen)
    radius = max(60.0, 20.0 * n / math.pi)
    size = 2 * radius + 200
    cx = cy = size / 2
    pos = {
        e.id: (
            cx + radius * math.cos(2 * math.pi * i / n - math.pi / 2),
            cy + radius * math.sin(2 * math.pi * i / n - math.pi / 2),
        )
        for i, e in enumerate(chosen)
    }
    out = [
        f'<svg class="graph" role="img" aria-label="Entity graph" viewBox="0 0 {size:.0f} '
        f'{size:.0f}" width="{size:.0f}" height="{size:.0f}">'
    ]
    for a, b, label, weight in edges:
        if a in pos and b in pos and a != b:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            out.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#9aa3b5"'
                f' stroke-width="{min(6.0, 0.8 + weight * 0.7):.1f}" stroke-opacity=".7">'
                f"<title>{escape(label)}</title></line>"
            )
    for e in chosen:
        x, y = pos[e.id]
        colour = _KIND_COLOUR.get(e.kind.lower(), "#5b6475")
        anchor = "start" if x >= cx else "end"
        dx = 9 if x >= cx else -9
        r = min(12.0, 4 + 1.5 * len(e.articles))
        out.append(
            f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="{anchor}">'
            f"{escape(_short(e.name))}</text><title>{escape(e.name)} ({escape(e.kind)}), "
            f"{len(e.articles)} article(s)</title></g>"
        )
    out.append("</svg>")
    return Drawing(Markup("".join(out)), len(chosen), max(0, len(entities) - len(chosen)))
