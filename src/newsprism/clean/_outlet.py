"""Which outlet published a plain text that came without metadata.

Evidence, strongest first: a syndication footer or news-aggregator promo that
names the site ("appeared first on BLiTZ"); a credit "... for <Outlet>"; a wire
dateline "(Reuters) -"; the body's references to its own newsroom ("told Vox",
"Axios' requests for comment").  Each cue has a confidence; cues naming the
same outlet are combined as independent evidence (noisy-or), and the outlet
with the highest combined confidence wins if it reaches :data:`THRESHOLD`.

Self-references are counted, not taken singly: "told CNN" once is as likely a
citation of another outlet as a self-reference, while an outlet's own name
turns up in the "requests for comment" sense again and again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ._cue import Cue
from ._names import OUTLET, is_generic, tidy
from ._text import key

#: Below this an outlet is not filled in: a wrong outlet is worse than none.
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class OutletGuess:
    name: str
    confidence: float
    evidence: tuple[str, ...]  # the lines or phrases that named it


_N = rf"(?P<n>{OUTLET})"
# Phrases in which a newsroom refers to itself.  Strong ones (weight 2) rarely have a
# person in the name's place; weak ones (weight 1) often do ("told Putin").
# Phrases where the name comes first are written as what follows the name, and the name
# is read backwards from there: scanning for a capitalised name at every position of
# the text is what would make this slow.
_STRONG_AFTER = [
    (
        "for comment",
        rf"(?:requests?|inquir(?:y|ies)|queries|questions)\s+for\s+comment\s+from\s+{_N}",
    ),
    ("for comment", rf"\b(?:an?|the)\s+{_N}\s+(?:request|inquiry|query)\s+for\s+comment"),
    ("referred", rf"\breferred\s+{_N}\s+to\b"),
    ("hen ", rf"\b[Ww]hen\s+(?:reached|contacted|asked)\s+by\s+{_N}"),
    (" to ", rf"\bin\s+an?\s+(?:written\s+|emailed\s+)?(?:statement|email|e-mail)\s+to\s+{_N}"),
    (" by ", rf"\b(?:obtained|seen|reviewed|analy[sz]ed)\s+by\s+{_N}"),
    (
        "ccording",
        rf"\b[Aa]ccording\s+to\s+an?\s+{_N}\s+(?:tally|analysis|review|count|survey|poll)",
    ),
]
_STRONG_BEFORE = [
    (
        "comment",
        r"(?:’s|'s|’|')\s+(?:(?:repeated|multiple|several|earlier|emailed|written)\s+)?"
        r"(?:requests?|inquir(?:y|ies)|queries|questions|emails?|calls?|messages?)\s+"
        r"(?:for|seeking)\s+comment",
    ),
    (
        "",
        r"\s+(?:could\s+not|was\s+unable\s+to|cannot|can\s*not|has\s+not\s+been\s+able\s+to)\s+"
        r"(?:immediately\s+|independently\s+)*(?:verify|confirm|reach|determine|establish)",
    ),
    ("", r"\s+(?:has|had)\s+(?:reached\s+out|learned)\b"),
    ("reached out", r"\s+reached\s+out\s+to\b[^.]{0,80}\bcomment"),
]
_WEAK_AFTER = [
    (
        "told",
        rf"\btold\s+{_N}(?=\s*(?:[,.;:)—–]|$|\s(?:that|in|on|last|this|during|after|before"
        r"|earlier|late|ahead|while|when|via|by|over|at|as|about|exclusively|recently|[A-Z])))",
    ),
    ("", rf"\b(?:interview|conversation|speaking|spoke|talking)\s+(?:to|with)\s+{_N}"),
    ("put it", rf"\bput\s+it\s+to\s+{_N}\b"),
]
_WEAK_BEFORE = [("reported", r"\s+(?:previously|first|exclusively|initially)\s+reported\b")]
_NAME_AT_END = re.compile(rf"(?<![\w’'-]){_N}$")
_WINDOW = 80
#: (a word each match contains, checked with ``in`` first to skip the regex; the regex)
_Compiled = list[tuple[str, re.Pattern[str]]]


def _compile(patterns: list[tuple[str, str]]) -> _Compiled:
    return [(needle, re.compile(pattern)) for needle, pattern in patterns]


_STRONG_RE = _compile(_STRONG_AFTER), _compile(_STRONG_BEFORE)
_WEAK_RE = _compile(_WEAK_AFTER), _compile(_WEAK_BEFORE)


def _names(text: str, after: _Compiled, before: _Compiled) -> list[str]:
    found = [m.group("n") for n, p in after if n in text for m in p.finditer(text)]
    for needle, pattern in before:
        if needle not in text:
            continue
        for m in pattern.finditer(text):
            name = _NAME_AT_END.search(text, max(0, m.start() - _WINDOW), m.start())
            if name is not None:
                found.append(name.group("n"))
    return found


#: A name that speaks ("Trump said", "said Trump") is a person told things, not a newsroom.
_SPEAKS = r"(?:said|says|added|wrote|tweeted|argued|asked|replied|responded|insisted|claimed)"


def self_references(text: str) -> tuple[str, float, str] | None:
    """The name the body refers to as its own newsroom, if one stands out.

    Returns the name, a confidence and a short description of the evidence.
    """
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for (after, before), counter in ((_STRONG_RE, strong), (_WEAK_RE, weak)):
        for raw in _names(text, after, before):
            name = tidy(raw)
            if is_generic(name):
                continue
            k = _outlet_key(name)
            spelling.setdefault(k, name)
            counter[k] += 1
    scores: Counter[str] = Counter()
    for k, name in spelling.items():
        speaks = re.search(
            rf"\b{re.escape(name)}\s+{_SPEAKS}\b|\b{_SPEAKS}\s+{re.escape(name)}\b", text
        )
        w = 0 if speaks else weak[k]
        if strong[k] or w >= 3:
            scores[k] = 2 * strong[k] + w
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    best, score = ranked[0]
    confidence = min(0.75, 0.45 + 0.06 * score)
    return spelling[best], confidence, f"{score} self-references in the body"


def best_outlet(text: str, cues: Iterable[Cue]) -> OutletGuess | None:
    """The best-supported outlet from ``cues`` and the body ``text``, or None."""
    candidates = [(c.outlets[0], c.own, c.text) for c in cues if c.own > 0 and c.outlets]
    refs = self_references(text)
    if refs is not None:
        candidates.append(refs)
    combined: dict[str, float] = {}
    spelling: dict[str, tuple[float, str]] = {}
    evidence: dict[str, list[str]] = {}
    for name, own, line in candidates:
        k = _outlet_key(name)
        combined[k] = 1 - (1 - combined.get(k, 0.0)) * (1 - own)
        if k not in spelling or own > spelling[k][0]:
            spelling[k] = (own, name)  # the most trusted cue's spelling: footer over promo
        evidence.setdefault(k, []).append(line)
    if not combined:
        return None
    best = max(combined, key=lambda k: (combined[k], spelling[k][0]))
    if combined[best] < THRESHOLD:
        return None
    return OutletGuess(spelling[best][1], round(combined[best], 3), tuple(evidence[best]))


def _outlet_key(name: str) -> str:
    """ "BLiTZ" ~ "Blitz", "The Associated Press" ~ "Associated Press", "Axios Media" ~ "Axios"."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    bare = re.sub(
        r"\s+(?:media|group|news\s*group|holdings|company)$", "", bare, flags=re.IGNORECASE
    )
    return key(bare)
