"""Attributions under construction: a cue, its source, its content and its quotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Attribution", "Piece"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A quoted span inside an attribution and whether it stands as a sentence."""

    start: int
    end: int
    full: bool


@dataclass(slots=True)
class Attribution:
    """One attribution under construction (mutable while passes add quotations)."""

    cue: Token | None
    source: Token | None
    content: list[tuple[int, int]]
    pieces: list[Piece] = field(default_factory=list)
    direct: bool = False
    #: Tokens left out of the source phrase: a relative clause that is an
    #: attribution of its own ("Murphy, who thinks often about ..., said").
    source_drop: frozenset[int] = frozenset()
    #: Classifier probability that the cue is one (broad mode; 1.0 for fixed cues).
    p: float = 1.0
    #: A candidate below the cue threshold, kept only if the reranker says so.
    weak: bool = False

    @property
    def position(self) -> int:
        """Character offset the attribution sorts by: its cue, else its first quotation."""
        if self.cue is not None:
            return int(self.cue.idx)
        return self.pieces[0].start if self.pieces else 0
