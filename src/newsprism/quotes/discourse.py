"""Floating quotations: a quoted paragraph with no cue continues the last speaker.

News writing attributes a run of quotation once: '"X," Smith said.' and the
next paragraph, '"Y."', is still Smith.  Readers carry the speaker on until a
new speaker, a paragraph of narration about someone else, or a section break
(a short heading line) intervenes; this module does the same over the found
quotations of one article, in text order, before speakers are normalised.

Only whole quotations that open their paragraph (or follow the speaker's own
quotation in it) are carried: a quoted phrase inside the writer's sentence
("called it a 'hoax'") is the writer's and keeps no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .._words import MONTHS, WEEKDAYS
from ..model import QuoteKind, Speaker, entity_id
from ..nlp import doc_text
from .names import clean_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Found", "carry_speakers", "label_speakers"]

#: How many paragraphs back a floating quotation may find its speaker.
MAX_PARAGRAPHS = 4
#: Narration paragraphs allowed between a speaker's quote and a floating one.
MAX_NARRATION = 1
#: A line this short with no closing punctuation is a heading (a section break).
_HEADING_WORDS = 12
_LINE = re.compile(r"[^\n]+")
_OPENING = " \t\"“”'‘’«»„—–-"
#: A transcript's speaker label opening a quotation: "PENCE: Well, ...".
_LABEL = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s")
#: A signature after a quotation, to the paragraph's end: '"..." ― Sonya Herridge'.
_SIGNATURE = re.compile(r"[\"“”'’\s]*[―—–]\s*((?:[A-Z][\w'’.\-]*\s?){1,4}?)[\s.,]*$")


#: A photo caption's credit, ending its line: "(Lauren Pelley / CBC News)",
#: "Scott Olson via Getty Images.", "(Photo: AP)".
_CAPTION = re.compile(
    r"(\s?/\s*[A-Z][\w.&' -]*\)?|\bvia Getty Images\.?|\((?:photo|file photo|credit)\b[^)]*\)\.?"
    r"|^(?:photo|file photo|credit)\b.*)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A quotation found in one article, before it becomes a :class:`Quote`."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    span: tuple[int, int] | None
    cue_span: tuple[int, int] | None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def _para_of(paras: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paras[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _same_person(a: str, b: str) -> bool:
    """Whether a mention could name the speaker: a shared capitalised word."""
    wa = {w.strip(".,'’s").lower() for w in a.split() if w[:1].isupper()}
    wb = {w.strip(".,'’s").lower() for w in b.split() if w[:1].isupper()}
    return bool(wa & wb)


def _heading(text: str) -> bool:
    line = text.strip()
    return len(line.split()) <= _HEADING_WORDS and line[-1:] not in '.?!"”’:;,)'


def label_speakers(
    text: str, found: list[Found], fullest: Callable[[str, int], str]
) -> list[Found]:
    """Quotations that name their speaker by layout, not by a verb.

    A transcript labels each turn ("PENCE: Well, ...") and a list of reader
    voices signs each quotation after a dash ('"..." ― Pamela Padilla');
    ``fullest`` gives the article's full form of a surname.
    """
    out: list[Found] = []
    for f in found:
        if f.speaker is None and f.kind == "direct":
            label = _LABEL.match(text, f.start)
            if label is not None and len(label.group(1)) > 1:
                name = fullest(label.group(1).title(), f.start)
                who = Speaker(name=name, role=None, entity=entity_id("person", name))
                out.append(replace(f, speaker=who, span=(label.start(1), label.end(1))))
                continue
            line_end = text.find("\n", f.end)
            line_end = len(text) if line_end < 0 else line_end
            sign = _SIGNATURE.match(text[f.end : line_end])
            if sign is not None:
                a = f.end + sign.start(1)
                name = text[a : f.end + sign.end(1)].strip()
                who = Speaker(name=name, role=None, entity=entity_id("person", name))
                out.append(replace(f, speaker=who, span=(a, a + len(name))))
                continue
        out.append(f)
    return out


def carry_speakers(
    doc: Doc,
    ents: tuple[Span, ...],
    found: list[Found],
    fullest: Callable[[str, int], str] = lambda name, _pos: name,
) -> list[Found]:
    """``found`` (sorted by start) with floating quotations given the last speaker.

    ``fullest`` gives the article's full form of a name ("Cole" -> "Jenna
    Cole") for a quotation carried from a paragraph of narration about someone.
    """
    text = doc_text(doc)
    if not found or not text:
        return found
    paras = _paragraphs(text)
    if not paras:
        return found
    named = [e for e in ents if e.label_ in ("PERSON", "ORG")]
    quoted_paras = {_para_of(paras, f.start) for f in found}
    found = _lead_in(text, paras, named, found)
    out: list[Found] = []
    last: Found | None = None  # the last quotation with a speaker
    #: Reported speech whose speaker opens its paragraph ("Santos, who runs the
    #: bakery, said the rent ..."): the quoted paragraph right after it is hers.
    opener: Found | None = None
    #: The reported speech just before, for a quotation right after it in its paragraph.
    reported: Found | None = None
    for f in found:
        if f.speaker is not None:
            out.append(f)
            reported = f if f.kind == "indirect" else None
            # Reported speech is the writer's wording: a quotation after it
            # may as well answer it, so only quotations carry their speaker, and
            # reported speech of someone else ends the run.
            opener = f if f.kind == "indirect" and _opens(text, paras, f) else None
            if f.kind != "indirect":
                last = f
            elif last is not None and last.speaker != f.speaker:
                last = None
            continue
        if f.cue_span is None and f.kind == "direct":
            carried = None
            if reported is not None and _right_after(text, paras, reported, f):
                carried = replace(f, speaker=reported.speaker, span=reported.span)
            elif last is not None:
                carried = _carry(text, paras, named, quoted_paras, last, f)
            elif opener is not None and _next_paragraph(text, paras, opener, f):
                carried = replace(f, speaker=opener.speaker, span=opener.span)
            else:
                carried = _introduced(text, paras, named, quoted_paras, f, fullest)
            if carried is not None:
                out.append(carried)
                last = carried
                continue
        out.append(f)
        reported = None
        if f.cue_span is not None:
            last = None  # a cue whose speaker went unresolved: someone else spoke
    return out


def _right_after(text: str, paras: list[tuple[int, int]], said: Found, f: Found) -> bool:
    """``f`` opens the sentence right after the reported speech ``said``, in its paragraph.

    "Jon Alder told the station that the words were not lip service. 'Their ability
    ... is up there with the best.'" and "The council said it had one complaint. 'We
    have written to both parties.'": a quotation that follows someone's reported
    words with nothing between is still that person speaking, as a reader takes it.
    """
    if _para_of(paras, said.end) != _para_of(paras, f.start) or said.end > f.start:
        return False
    between = text[said.end : f.start]
    return len(between) <= 6 and not between.strip(" .\"\u201c\u201d'")


def _carry(
    text: str,
    paras: list[tuple[int, int]],
    named: list[Span],
    quoted_paras: set[int],
    last: Found,
    f: Found,
) -> Found | None:
    assert last.speaker is not None
    here = _para_of(paras, f.start)
    there = _para_of(paras, last.start)
    if here - there > MAX_PARAGRAPHS or here == 0:
        return None
    p_start = paras[here][0]
    if here == there:
        between = text[last.end : f.start]
        if any(
            not _same_person(e.text, last.speaker.name) for e in _ents_in(named, last.end, f.start)
        ):
            return None
        if len(between.split()) > 25:
            return None
    elif text[p_start : f.start].strip(_OPENING):
        return None  # the quotation does not open its paragraph
    narration = 0
    for k in range(there + 1, here):
        a, b = paras[k]
        if k in quoted_paras or _CAPTION.search(text[a:b]):
            continue  # a photo caption between two paragraphs of one speaker
        if _heading(text[a:b]):
            return None
        narration += 1
        if narration > MAX_NARRATION or _NEW_PERSON.match(text[a:b].lstrip()):
            return None
        if any(
            not _same_person(e.text, last.speaker.name)
            and (e.label_ == "PERSON" or e.root.dep_ in ("nsubj", "nsubjpass"))
            for e in _ents_in(named, a, b)
        ):
            # Narration about someone else: another person, or an organisation
            # as the subject ("The city opened clinics run by Toronto Public
            # Health" is still the health officer's passage).
            return None
    return replace(f, speaker=last.speaker, span=last.span)


def _opens(text: str, paras: list[tuple[int, int]], f: Found) -> bool:
    """Whether ``f``'s speaker phrase opens its paragraph: the paragraph is about them."""
    if f.span is None or f.speaker is None:
        return False
    start = paras[_para_of(paras, f.span[0])][0]
    return not text[start : f.span[0]].strip(_OPENING)


#: A short phrase of time or circumstance before a paragraph's quotation ("Later in
#: the afternoon, '...'", "On the night of the fire, '...'"): lower-case words after
#: the first, but for days and months, ending in a comma.
_CALENDAR = "|".join(w.title() for w in (*WEEKDAYS, *MONTHS))
_LEAD_WORD = rf"(?:[a-z][\w'’-]*|\d[\w:.]*|{_CALENDAR})"
_LEAD = re.compile(rf"[A-Z][a-z]+(?: {_LEAD_WORD}){{0,7}},")
#: A paragraph bringing in a person by name and age ("T.J. Simons, 17, who works
#: ..."): someone new, even where NER missed the name.
_NEW_PERSON = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, \d{1,3},")


def _opening_quote(text: str, paras: list[tuple[int, int]], f: Found) -> int | None:
    """The index of ``f``'s paragraph when ``f`` opens it as speech after a paragraph
    that is no heading; a quotation in capitals is itself a heading, not speech.

    A short phrase of time or circumstance may come first ("Later that day, '...'"):
    the quotation still continues the voice before it."""
    here = _para_of(paras, f.start)
    if here == 0:
        return None
    lead = text[paras[here][0] : f.start].strip(_OPENING)
    if lead and not _LEAD.fullmatch(lead):
        return None
    if text[f.start : f.end].upper() == text[f.start : f.end]:
        return None
    a, b = paras[here - 1]
    return None if _heading(text[a:b]) else here


def _next_paragraph(text: str, paras: list[tuple[int, int]], lead: Found, f: Found) -> bool:
    """Whether ``f`` is a whole quoted paragraph right after ``lead``'s paragraph."""
    here = _opening_quote(text, paras, f)
    return here is not None and here == _para_of(paras, lead.end) + 1


def _introduced(
    text: str,
    paras: list[tuple[int, int]],
    named: list[Span],
    quoted_paras: set[int],
    f: Found,
    fullest: Callable[[str, int], str],
) -> Found | None:
    """A quoted paragraph right after narration that opens with a person as its subject.

    "Jenna Cole has lived in the neighbourhood for 30 years.\n\n'I never
    thought I would see this.'": features introduce a voice by what the person
    does, then quote them with no verb of speech.  Only a whole quoted
    paragraph, after a paragraph with no quotation of its own whose first words
    are a person named as the subject of its main verb; a quotation in capitals
    is a heading, not speech.
    """
    here = _opening_quote(text, paras, f)
    if here is None or here - 1 in quoted_paras:
        return None
    a, b = paras[here - 1]
    first = [e for e in _ents_in(named, a, b) if e.start_char == a and e.label_ == "PERSON"]
    if not first:
        return None
    ent = first[0]
    if ent.root.dep_ not in ("nsubj", "nsubjpass") or ent.root.head.dep_ != "ROOT":
        return None
    name = fullest(clean_name(ent.text), ent.start_char)
    if not name[:1].isupper():
        return None
    who = Speaker(name=name, role=None, entity=entity_id("person", name))
    return replace(f, speaker=who, span=(ent.start_char, ent.end_char))


def _ents_in(named: list[Span], a: int, b: int) -> list[Span]:
    return [e for e in named if a <= e.start_char < b]


def _lead_in(
    text: str, paras: list[tuple[int, int]], named: list[Span], found: list[Found]
) -> list[Found]:
    """A quotation that opens a sentence whose attribution comes after the next one.

    '"I have admiration for the mechanics" of the plans, Holtz-Eakin said.
    "They are ..."': the cue attributes both; the parse gave it only the second.
    """
    out = list(found)
    for i in range(len(out) - 1):
        f, g = out[i], out[i + 1]
        if f.speaker is not None or f.cue_span is not None or f.kind == "indirect":
            continue
        if g.speaker is None or g.cue_span is None or g.cue_span[0] < f.end:
            continue
        if _para_of(paras, f.start) != _para_of(paras, g.cue_span[0]):
            continue
        gap = text[f.end : g.cue_span[0]]
        if len(gap.split()) > 20 or any(c in gap for c in '“”"') or "\n" in gap:
            continue
        if any(
            not _same_person(e.text, g.speaker.name) for e in _ents_in(named, f.end, g.cue_span[0])
        ):
            continue
        out[i] = replace(f, speaker=g.speaker, span=g.span, cue_span=g.cue_span)
    return out
