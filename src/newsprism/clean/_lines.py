"""Which paragraph units are not article text, and what each one tells.

Each rule looks at one unit alone and answers with a :class:`Cue` or None.  The
rules are anchored, length-bounded patterns: a line is removed only when the
*whole* line has the shape of a promo, footer, credit, caption, link pointer or
byline, so that a real paragraph that merely mentions "follow" or "photo" stays.
A unit that carries quoted speech is never taken for a promo, caption, link,
credit or byline, whatever else it looks like.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ._cue import DECORATION, Cue
from ._origin_rules import byline, credit, dateline, footer, footer_title
from ._page_rules import caption, link, promo

__all__ = ["RULES", "Cue", "Rule", "classify", "dateline", "footer_title"]

Rule = Callable[[str, bool], Cue | None]
#: In the order they are tried: the strictest and most informative first.
RULES: tuple[Rule, ...] = (footer, credit, promo, caption, link, byline)


def classify(unit: str, tail: bool = False) -> Cue | None:
    """The cue for a unit that is not article text, or None for article text.

    ``tail`` says the unit is among the last of the article, where author bios stand.
    """
    bare = DECORATION.sub("", unit) or unit
    for rule in RULES:
        cue = rule(bare, tail)
        if cue is not None:
            return cue if bare == unit else dataclasses.replace(cue, text=unit)
    return None
