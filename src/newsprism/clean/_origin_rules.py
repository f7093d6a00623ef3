"""Rules for lines that say where a text comes from: footers, credits, bylines.

Syndication footers name the site a text appeared on first, credits the
newsrooms and people it was written or rewritten by, bylines its authors; a
wire dateline ("WASHINGTON (Reuters) -") names the agency but is part of the
first sentence, so :func:`dateline` reports it without removing it.
"""

from __future__ import annotations

import dataclasses
import re

from ._cue import DECORATION, Cue, has_quoted_speech, opt
from ._names import OUTLET, PERSON, outlet_name, split_names, tidy
from ._text import word_count

_I = re.IGNORECASE

# --- footers -----------------------------------------------------------------------

_LEAD_DASH = re.compile(r"^[-–—]+\s*")
_POST_FOOTER = re.compile(r"^The post (?P<title>.+) appeared first on (?P<outlet>.+?)\s*\.?$", _I)
_ORIGIN = [
    re.compile(
        r"^(?:this|the) (?:article|story|piece|post|report|column|essay|op-ed|commentary"
        r"|interview|content|item|analysis)\s+(?:was |is |has been )?"
        r"(?:(?:originally|first) )?(?:(?:appeared|published|posted|ran|produced|republished"
        r"|reprinted|syndicated|shared)\s+)+(?:(?:originally|first) )?"
        r"(?:on|in|at|by|from|with|via)\s+(?P<rest>.+)$",
        _I,
    ),
    re.compile(
        r"^(?:originally|first) (?:published|posted|appeared)\s+(?:on|in|at|by)\s+(?P<rest>.+)$",
        _I,
    ),
    re.compile(
        r"^(?:republished|reprinted|syndicated|reproduced) (?:with permission )?"
        r"(?:from|by|courtesy of|with permission of)\s+(?P<rest>.+)$",
        _I,
    ),
    re.compile(
        r"^a version of this (?:article|story|piece) (?:originally |first )?"
        r"(?:appears?|appeared|was published|ran) (?:in|on) (?P<rest>.+)$",
        _I,
    ),
]
_ORIGIN_QUALIFIER = re.compile(
    r"\b(?:originally|first|republished|reprinted|syndicated|produced|reproduced|version)\b",
    _I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?=©|\(c\)|\d{4}))\s*(?:©|\(c\))?\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<owner>[^.]*?(?:\b(?:Inc|Ltd|Co|Corp)\.)?)"
    r"\s*\.?\s*(?:all rights reserved\b.*)?$",
    _I,
)
_RIGHTS = re.compile(
    r"^(?:all rights reserved"
    r"|this material may not be published, broadcast, rewritten,? or redistributed)\b",
    _I,
)


def footer(unit: str, tail: bool) -> Cue | None:
    bare = _LEAD_DASH.sub("", unit)
    cue = _footer(bare)
    return cue if cue is None or bare == unit else dataclasses.replace(cue, text=unit)


def footer_title(unit: str) -> str | None:
    """The headline a "The post <TITLE> appeared first on <OUTLET>." footer gives."""
    m = _POST_FOOTER.match(_LEAD_DASH.sub("", DECORATION.sub("", unit)))
    return (tidy(m.group("title")) or None) if m else None


def _footer(unit: str) -> Cue | None:
    m = _POST_FOOTER.match(unit)
    if m:
        name = outlet_name(m.group("outlet"))
        title = tidy(m.group("title")) or None
        return Cue("footer", unit, outlets=opt(name), own=0.95, title=title)
    if word_count(unit) > 60:
        return None
    if _ORIGIN_QUALIFIER.search(unit):
        for pattern in _ORIGIN:
            m = pattern.match(unit)
            if m:
                return _origin(unit, m.group("rest"))
    m = _COPYRIGHT.match(unit)
    if m and word_count(unit) <= 30:
        owner = tidy(m.group("owner"))
        name = outlet_name(owner) if owner and owner[0].isupper() else None
        return Cue("footer", unit, outlets=opt(name), own=0.6 if name else 0.0)
    if _RIGHTS.match(unit) and word_count(unit) <= 30:
        return Cue("footer", unit)
    return None


def _origin(unit: str, rest: str) -> Cue | None:
    """ "Originally published by <Outlet>[ on <date>][ under a licence]...": the origin's name."""
    if rest.lower().startswith("print"):
        return Cue("footer", unit)  # "A version of this article appears in print on ..."
    name = outlet_name(rest)
    if name is None:
        return None
    after = rest[rest.find(name.split()[-1]) + len(name.split()[-1]) :]
    return Cue("footer", unit, outlets=(name,), own=0.55) if word_count(after) <= 15 else None


# --- credits -----------------------------------------------------------------------

_CONTRIBUTED = re.compile(
    r"^(?:[-–—]+\s*)?(?P<who>.+?)\s+(?:also\s+)?contributed\s+"
    r"(?:(?:additional\s+)?reporting|research"
    r"|to\s+(?:this|the)\s+(?:report|story|article|piece|coverage|reporting|report\w*))"
    r"(?:\s+(?:to\s+this\s+(?:report|story|article)))?"
    r"(?:\s+(?:from|in)\s+(?P<place>[^;]+?))?(?:\s+for\s+(?P<outlet>.+?))?\s*\.?$",
    _I,
)
_ROLE = (
    r"(?:(?:additional|further|editing|writing|reporting)\s+)?"
    r"(?:reporting|writing|editing|compiled|edited|research|fact[- ]checking|translation"
    r"|translated|graphics|video|production|produced|photography|photos)"
)
_ROLE_BY = re.compile(
    rf"^\(?(?:[-–—]+\s*)?{_ROLE}(?:\s+and\s+{_ROLE})?\s+by\s+(?P<rest>.+?)\)?\.?$", _I
)
_ROLE_PREFIX = re.compile(rf"^\s*{_ROLE}(?:\s+and\s+{_ROLE})?\s+by\s+", _I)
_CONTRIBUTING = re.compile(
    r"^(?:contributing(?:\s+(?:reporters?|writers?|reporting))?|contributors?)"
    r"\s*:\s*(?P<rest>.+?)\.?$",
    _I,
)
_WITH = re.compile(
    r"^\(?(?:[-–—]+\s*)?with\s+(?P<qual>(?:additional\s+)?(?:inputs?|reporting|files|wires?"
    r"|agency inputs|material|contributions?)\s+(?:from|by)\s+)?"
    r"(?P<rest>[^()]{2,80}?)\)?\.?$",
    _I,
)
_SIGN_OFF = re.compile(r"^(?:[-–—]+\s*(?P<a>[^()]{2,40}?)|\((?P<b>[^()]{2,40})\))\.?$")
_BIO = re.compile(
    rf"^(?P<person>{PERSON})\s+(?:is|was|has been|serves as)\s+(?:an?|the)\s+[^.]{{0,80}}?"
    r"\b(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|critic"
    r"|analyst|intern|fellow|anchor|host|photographer)s?\b(?P<rest>[^.]{0,120}?)\s*(?:\.|$)"
)
_BIO_OUTLET = re.compile(rf"\b(?:at|for|with|of)\s+(?P<outlet>{OUTLET})")


def credit(unit: str, tail: bool) -> Cue | None:
    if word_count(unit) > 60 or has_quoted_speech(unit):
        return None
    return (
        _contributed(unit)
        or _role_credit(unit)
        or _wire_credit(unit)
        or (_bio(unit) if tail and word_count(unit) <= 50 else None)
    )


def _contributed(unit: str) -> Cue | None:
    """ "Jane Doe contributed to this report[ for <Outlet>]": "for" names the host outlet."""
    m = _CONTRIBUTED.match(unit)
    if m is None:
        return None
    names = split_names(m.group("who"))
    outlet = m.group("outlet")
    host = outlet_name(outlet) if outlet else None
    if names is None or (outlet is not None and host is None):
        return None
    people, orgs = names
    outlets = opt(host) + tuple(o for o in orgs if o != host)
    return Cue("credit", unit, people=people, outlets=outlets, own=0.8 if host else 0.0)


def _role_credit(unit: str) -> Cue | None:
    """ "Reporting by A; Editing by B", "Contributing: A, USA TODAY"."""
    for pattern in (_ROLE_BY, _CONTRIBUTING):
        m = pattern.match(unit)
        if m:
            names = _role_list(m.group("rest"))
            if names is not None:
                return Cue("credit", unit, people=names[0], outlets=names[1])
    return None


def _wire_credit(unit: str) -> Cue | None:
    """ "With AP", "(With inputs from PTI)", "— The Associated Press", "(Reuters)"."""
    m = _WITH.match(unit)
    if m and word_count(m.group("rest")) <= 8:
        names = split_names(m.group("rest"))
        if names is not None and (m.group("qual") or (names[1] and not names[0])):
            return Cue("credit", unit, people=names[0], outlets=names[1])
    m = _SIGN_OFF.match(unit)
    if m:
        names = split_names(m.group("a") or m.group("b") or "")
        if names is not None and names[1] and not names[0]:
            return Cue("credit", unit, outlets=names[1])
    return None


def _bio(unit: str) -> Cue | None:
    """ "Jane Doe is a senior correspondent at Vox": only at the end, only a full name."""
    m = _BIO.match(unit)
    if m is None or len(m.group("person").split()) < 2:
        return None
    host = _BIO_OUTLET.search(m.group("rest"))
    name = outlet_name(host.group("outlet")) if host else None
    if name is None and (word_count(unit) > 12 or " who " in unit):
        return None
    person = (m.group("person"),)
    return Cue("credit", unit, people=person, outlets=opt(name), own=0.75 if name else 0.0)


def _role_list(rest: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Names of "Jane Doe in London; Editing by John Roe": every segment must be names."""
    people: list[str] = []
    orgs: list[str] = []
    for segment in re.split(r"\s*;\s*", rest):
        names = split_names(_ROLE_PREFIX.sub("", segment))
        if names is None:
            return None
        people += names[0]
        orgs += names[1]
    return tuple(dict.fromkeys(people)), tuple(dict.fromkeys(orgs))


# --- bylines -----------------------------------------------------------------------

_BY = re.compile(r"^(?:by|written by|words by|story by|reported by)\s+(?P<rest>.+?)\.?$", _I)
_BY_DATE = re.compile(
    r"\s*(?:[|•·,—–-]\s*)?(?i:updated|published|posted)?\s*(?:on\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\.?.*)$"
)


def byline(unit: str, tail: bool) -> Cue | None:
    m = _BY.match(unit)
    if m is None or word_count(unit) > 20 or has_quoted_speech(unit):
        return None
    rest = _BY_DATE.sub("", m.group("rest"))
    names = split_names(re.sub(r"\s+[-–—]\s+", ", ", rest))
    if names is None:
        return None
    people, orgs = names
    if any(len(person.split()) < 2 for person in people):
        return None  # "By Design", "By Friday": a byline gives full names
    return Cue("byline", unit, people=people, outlets=orgs, own=0.6 if orgs else 0.0)


_DATELINE = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*,?|\d{1,2},?)\s+){0,6}\((?P<agency>[A-Z][\w.&'’ -]{0,30}?)\)"
    r"\s*[-—–]{1,2}\s*\S"
)


def dateline(unit: str) -> Cue | None:
    """A wire dateline, "WASHINGTON (Reuters) -" or "(CNN) —": a cue, never removed."""
    m = _DATELINE.match(unit)
    if m is None:
        return None
    name = outlet_name(m.group("agency"))
    if name is None:
        return None
    return Cue("byline", unit[: m.end() - 1].strip(), outlets=(name,), own=0.7)


#: In the order they are tried: the strictest and most informative first.
