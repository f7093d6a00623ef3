"""Who copied whom: the direction of a derived pair.

Evidence, strongest first:

1. a credit or syndication line in one article naming the other's outlet or author
   ("Jessica Piper contributed to this report", "This story first appeared in ...");
2. a wire byline (AP, Reuters, AFP, ...) in one article when the other *is* that wire;
3. the earlier publication time;
4. containment asymmetry for copies: a text wholly inside a longer one was cut from it
   (trimming wire copy is far more common than padding it);
5. otherwise, two parallel rewrites, or two articles that both credit someone else, are
   siblings from a common source.

``"a->b"`` means a is the source and b derives from it.
"""

from __future__ import annotations

import math
import re

from .._dates import published_day
from ..model import Article, Relation
from .align import Features

__all__ = ["WIRES", "direction", "origin_names"]

WIRES: dict[str, tuple[str, ...]] = {
    "ap": ("associated press", "ap"),
    "reuters": ("reuters",),
    "afp": ("agence france-presse", "agence france presse", "afp"),
    "upi": ("united press international", "upi"),
    "dpa": ("deutsche presse-agentur", "dpa"),
    "bloomberg": ("bloomberg", "bloomberg news"),
}
_ORIGIN_CUES = ("credit", "footer", "byline")


def _norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.lower()))


def origin_names(article: Article) -> frozenset[str]:
    """Outlets and people an article says it comes from (credits, footers, bylines)."""
    names: set[str] = set()
    for line in article.removed:
        if line.kind in _ORIGIN_CUES:
            names.update(_norm(n) for n in line.names if n.strip())
    return frozenset(n for n in names if n)


def _identity(article: Article) -> frozenset[str]:
    out = {_norm(x) for x in (article.outlet, article.author) if x}
    return frozenset(n for n in out if n)


def _wire(names: frozenset[str]) -> set[str]:
    return {w for w, forms in WIRES.items() for f in forms if f in names}


def _has_time(value: str | None) -> bool:
    return bool(value) and "T" in (value or "")


def _by_date(a: Article, b: Article) -> str | None:
    ta, tb = published_day(a.published), published_day(b.published)
    if ta is None or tb is None:
        return None
    if not (_has_time(a.published) and _has_time(b.published)):  # a date alone: same day ties
        ta, tb = math.floor(ta), math.floor(tb)
    if ta < tb:
        return "a->b"
    if tb < ta:
        return "b->a"
    return None


def direction(
    relation: Relation, f: Features, a: Article | None = None, b: Article | None = None
) -> str | None:
    if relation in ("independent", "unrelated"):
        return None
    if a is not None and b is not None:
        oa, ob = origin_names(a) - _identity(a), origin_names(b) - _identity(b)
        if oa & _identity(b):
            return "b->a"
        if ob & _identity(a):
            return "a->b"
        wa, wb = _wire(oa), _wire(ob)
        if wa & _wire(_identity(b)):
            return "b->a"
        if wb & _wire(_identity(a)):
            return "a->b"
        dated = _by_date(a, b)
        if dated:
            return dated
        if oa and ob and relation != "partial":
            return "common-source"
    if relation in ("copy", "edited"):
        if f.words_a < f.words_b and f.edited_a >= 0.6 and f.edited_b <= f.edited_a / 2:
            return "b->a"
        if f.words_b < f.words_a and f.edited_b >= 0.6 and f.edited_a <= f.edited_b / 2:
            return "a->b"
    if relation == "rewrite":
        return "common-source"
    return None
