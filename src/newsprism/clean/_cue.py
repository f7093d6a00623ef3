"""The record every line rule answers with, and what all rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CueKind
from ._text import word_count

#: Markdown emphasis, quote marks and bullets around a line: "*Originally published at X.*"
DECORATION = re.compile(r"^[\s*_~>•·▪►]+|[\s*_~]+$")
_QUOTED = re.compile(r"[“\"«„]([^”\"»“]+)[”\"»]")


@dataclass(frozen=True, slots=True)
class Cue:
    """What a boilerplate line (or a wire dateline) says about an article's origin.

    ``outlets`` are the newsrooms the line names and ``people`` the persons.
    ``own`` is how sure the line makes us that ``outlets[0]`` is the outlet that
    published *this* text: high for "The post ... appeared first on X", zero for
    "The Associated Press contributed to this report" (a source, not the host).
    Lines such as "This story was originally published by X" name the origin of
    a republished text and get a middling value.
    """

    kind: CueKind
    text: str
    people: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    own: float = 0.0
    title: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.people + self.outlets))


def has_quoted_speech(unit: str) -> bool:
    """A quotation of three words or more: speech, which cleaning never removes."""
    return any(word_count(m.group(1)) >= 3 for m in _QUOTED.finditer(unit))


def opt(name: str | None) -> tuple[str, ...]:
    return (name,) if name else ()
