"""A claim group's label: a short statement a reader takes in at a glance.

The label is one member's sentence, never words stitched from several (that reads as
a keyword bag), but cleaned the way an editor would: a section cue ("Driving the news:",
"Zoom out:"), a dateline or a date stamp before it and the attribution after it (", police
said", ", according to the Pentagon", or what the sentence splitter left of one: ", police
Lt.") are left out, since who said it is shown beside
the group; a long sentence is cut at a clause boundary rather than mid-phrase.  Among
members that state the group's common proposition about equally well, one that opens
a sentence and does not lean on the text before it ("That's more than ...", "it stands,
SeaMicro has ...") is preferred.

Why patterns and not the parse: groups are built from claims alone (a batch engine
may have parsed elsewhere), and the cues are few and fixed in form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import DATE

__all__ = ["LABEL_CHARS", "WHOLE_CHARS", "clean", "penalty", "pick", "shorten", "uncued"]

#: A longer label is cut at its last clause boundary before this many characters.
LABEL_CHARS = 140
#: A sentence with no clause boundary to cut at is shown whole up to this length (a
#: news sentence of 25-35 words): read by hand, a label cut mid-phrase with "…" did not
#: state its group (46 of 56 labels judged poor in round 7's reading were such cuts).
WHOLE_CHARS = 200
#: A cut at a clause boundary must keep at least this many characters.
_MIN_KEEP = 50

_CUE = re.compile(r"^(?:[A-Z][\w'’]*(?:\s+[\w'’]+){0,3})\s*:\s+(?=\S)")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*)?\s*(?:\([\w .]+\)\s*)?[—–-]{1,2}\s+"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*[—–-]+\s+)"
)
#: The inflected forms that close an attribution ("..., police said"): the commonest
#: of the quotes stage's cue verbs (``quotes.lexicon.CUE_VERBS``, lemmas), enough for a
#: label, which is only ever shorter for a missed one.
_REPORTING = (
    r"(?:said|says|say|told\s+[\w.'’ ]{1,40}|reported|reports|added|adds|stated|"
    r"explained|noted|wrote|announced|confirmed|according\s+to)"
)
#: ", police said" / ", said Sgt. Ray Scherer" / ", according to the Pentagon" at the end.
_ATTRIBUTION = re.compile(
    rf",\s*(?P<mark>[\"”’'])?\s*(?:(?:[\w.'’-]+\s+){{0,6}}{_REPORTING}(?:\s+[\w.'’-]+){{0,2}}"
    rf"|{_REPORTING}\s+[^,]{{1,60}}(?:,\s*[^,]{{1,40}})?)\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: An attribution the sentence splitter cut at a title's full stop ("..., Troy police
#: Lt." | "Gerry Scherlinck said"): the claim ends on the title, the name is lost.
_CUT_TITLE = re.compile(
    r",\s*(?:[\w'’-]+\s+){0,5}(?:Lt|Sgt|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Col|Capt|Det|Insp|Supt"
    r"|Const|Cpl|Prof|Rev|Fr|Sr|St)\.?\s*$"
)
#: A quotation mark or bracket left over from the sentence before ('" (For the audition)
#: I downloaded ...'): what stays of it is the stray mark.
_STRAY_OPEN = re.compile(r"^[\"”’]\s+")
_CLAUSE_BREAK = re.compile(
    r"(?:;|\s[—–]\s|\s--\s|,\s+(?=(?:which|who|whose|where|while|but|after|before|as|"
    r"when|although|though|because|since|including|even|according)\b"
    r"|[a-z]{3,}ing\b(?!\s*(?:,|and\b|or\b))))"
)
#: Openings that point back to text the label does not show.
_LEANING = re.compile(
    r"^(?:that|this|these|those|it|they|he|she|his|her|their|its|such|as such|but|and|"
    r"also|however|meanwhile|still)\b",
    re.IGNORECASE,
)


def uncued(text: str) -> str:
    """The sentence without its section cue ("Driving the news:") and dateline."""
    text = " ".join(text.split())
    for _ in range(2):
        stripped = _DATELINE.sub("", _CUE.sub("", text, count=1), count=1)
        if stripped == text:
            break
        text = stripped
    return text


def clean(text: str) -> str:
    """The sentence without its section cue, dateline and closing attribution."""
    text = _STRAY_OPEN.sub("", uncued(text))
    cut = _CUT_TITLE.search(text)
    if cut is not None and len(text[: cut.start()].split()) >= 4:
        text = text[: cut.start()]
    m = _ATTRIBUTION.search(text)
    # kept when it dates or counts something ("..., the Journal reported Friday"): a
    # conflict may be about just that; a closing quotation mark before it stays
    # ('"... for now," Su said')
    if m is not None and not (DATE.search(m.group(0)) or any(c.isdigit() for c in m.group(0))):
        core = text[: m.start()] + (m.group("mark") or "")
        if len(core.split()) >= 4:  # "Police said so, he said" keeps its words
            text = core
    if (text.endswith('"') and text.count('"') % 2) or (text.endswith("”") and "“" not in text):
        text = text[:-1]  # the claim began inside the quotation: no opening mark to close
    text = text.rstrip(" .;:,")
    if text.count("“") > text.count("”"):
        text += "”"  # the sentence ended inside a quotation whose mark closes after it
    return text[:1].upper() + text[1:]


def penalty(raw: str) -> int:
    """How badly a member's sentence reads as a label on its own (0 best): it starts
    mid-sentence, or leans on what came before."""
    text = raw.lstrip(" \"'“‘")
    return int(text[:1].islower()) + int(bool(_LEANING.match(text)))


def shorten(text: str, limit: int = LABEL_CHARS, whole: int = WHOLE_CHARS) -> str:
    """Cut a long label at its last clause boundary before ``limit``; with none, keep
    it whole up to ``whole`` characters, else cut at a word with an ellipsis.  A list's
    commas ("Musk, Trump and Putin", "its chipset, DRAM, and a custom chip") are not
    clause boundaries, so ", and" is not one."""
    if len(text) <= limit:
        return text
    cuts = [
        m.start()
        for m in _CLAUSE_BREAK.finditer(text, 0, limit)
        if m.start() >= _MIN_KEEP and not _inside_dashes(text, m.start())
    ]
    if cuts:
        return text[: cuts[-1]].rstrip(" ,;")
    if len(text) <= whole:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


_DASH = re.compile(r"\s(?:[—–]|--)\s")


def _inside_dashes(text: str, at: int) -> bool:
    """Whether ``at`` opens or falls inside a parenthesis set off by dashes ("his
    companies -- particularly SpaceX, which ... -- contribute"): a cut there keeps the
    subject and loses its verb."""
    before = len(_DASH.findall(text, 0, at))
    return (before % 2 == 1 or _DASH.match(text, at) is not None) and (
        _DASH.search(text, at + 2) is not None
    )


def pick(candidates: Sequence[tuple[int, str]]) -> str:
    """The label from ``(shared keys, text)`` of each member, most shared first."""
    best = max(shared for shared, _ in candidates)
    # members close to the best in what they share compete on how they read: whole
    # (no "…") before the most shared
    near = [
        (penalty(t), label.endswith("…"), -shared, len(t), t, label)
        for shared, t in candidates
        if shared >= 0.8 * best
        for label in (shorten(clean(t)),)
    ]
    return min(near)[5] or "claim"
