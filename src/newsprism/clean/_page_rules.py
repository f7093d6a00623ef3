"""Rules for page furniture: promos, photo captions and credits, link pointers."""

from __future__ import annotations

import re

from ._cue import Cue, has_quoted_speech, opt
from ._names import PERSON, outlet_name, split_names
from ._text import word_count

_I = re.IGNORECASE

#: Platforms of "follow X on ..." promos; the news aggregators only ever list publications.
_AGGREGATORS = r"google news(?: showcase)?|flipboard|apple news|newsbreak|msn|smartnews"
_SOCIAL = (
    r"twitter|x|facebook|instagram|telegram|linkedin|youtube|tiktok|threads|whatsapp"
    r"|bluesky|mastodon|truth social|pinterest|reddit|snapchat|substack|gab|rumble"
)

# --- promos ------------------------------------------------------------------------

_FOLLOW = re.compile(
    rf"^(?:please\s+|also\s+|and\s+|don[’']t\s+forget\s+to\s+)?(?P<verb>follow|like|find|join)\s+"
    rf"(?P<name>.{{1,60}}?)\s+on\s+(?:the\s+)?(?P<platform>{_AGGREGATORS}|{_SOCIAL})\b",
    _I,
)
#: "Follow him on X, where ..." is narrative; "Like many on Facebook, ..." is not a promo.
_NOT_PROMOTED = re.compile(r"^(?:him|her|them|it|this|that|these|those)$", _I)
# An imperative "Subscribe ..." is a promo when short or when it speaks of the outlet's offers.
_SIGN_UP = re.compile(r"^(?:please\s+)?(?:sign\s*up|subscribe)\b", _I)
_PROMO_WORDS = re.compile(
    r"\b(?:newsletters?|our|us|free|here|now|today|channel|podcast|alerts|inbox|subscription"
    r"|premium|account|updates|briefing|digest)\b",
    _I,
)
_PROMO = [
    re.compile(
        r"\bsign up (?:for|to) (?:our|the|my)\b.*\b(?:newsletter|alerts|briefing|digest|updates)\b",
        _I,
    ),
    re.compile(r"^(?:click|tap) here\b|\b(?:click|tap) here (?:to|for)\b", _I),
    re.compile(r"^click to (?:share|print|email|tweet)\b|^like this:?$|^loading\W*$", _I),
    re.compile(
        r"^share (?:this|the) (?:article|story|post|page|video)\b|^share (?:on|via|to) "
        r"|^share(?: this| it)?\s*[:!]?$",
        _I,
    ),
    re.compile(r"^(?:download|get|install) (?:our|the)\b.{0,60}\bapps?\b", _I),
    re.compile(
        r"^join (?:us|our)\b.{0,80}\b(?:telegram|whatsapp|channel|community|newsletter|discord)\b",
        _I,
    ),
    re.compile(
        r"^(?:advertisement|sponsored(?: content)?|skip advertisement"
        r"|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
        r"|continue reading(?: (?:below|the main story))?"
        r"|scroll (?:down )?to continue(?: with content)?)\s*$",
        _I,
    ),
    re.compile(
        r"^(?:support (?:our|independent|quality|local) journalism|donate (?:now|today)\b"
        r"|become a (?:member|subscriber|supporter|patron)\b)",
        _I,
    ),
    re.compile(
        r"^(?:stay (?:up to date|updated|informed|connected|in the know)"
        r"|get (?:the latest|breaking news|all the latest)|never miss"
        r"|don[’']t miss (?:a|out|the latest))\b"
        r".*\b(?:follow\w*|subscrib\w*|sign up|newsletters?|download|apps?|channel"
        r"|notifications|inbox|alerts)\b",
        _I,
    ),
    re.compile(
        r"^(?:got|have) a (?:news )?tip\b"
        r"|^(?:want|like) (?:more|to read more)\b.{0,80}\b(?:newsletter|subscribe|sign up)\b",
        _I,
    ),
]


def _promoted(verb: str, name: str) -> bool:
    """Whether "<verb> <name> on <platform>" asks the reader to follow someone."""
    if _NOT_PROMOTED.match(name):
        return False
    return verb.lower() == "follow" or name.lower() in {"us", "me"} or name[0].isupper()


def promo(unit: str, tail: bool) -> Cue | None:
    if word_count(unit) > 40 or has_quoted_speech(unit):
        return None
    m = _FOLLOW.match(unit)
    if m and _promoted(m.group("verb"), m.group("name")):
        name = outlet_name(m.group("name"))
        own = 0.85 if re.fullmatch(_AGGREGATORS, m.group("platform"), _I) else 0.45
        return Cue("promo", unit, outlets=opt(name), own=own if name else 0.0)
    if any(p.search(unit) for p in _PROMO):
        return Cue("promo", unit)
    m = _SIGN_UP.match(unit)
    if m and (word_count(unit) <= 12 or _PROMO_WORDS.search(unit)):
        return Cue("promo", unit)
    return None


# --- captions ----------------------------------------------------------------------

_LABEL = (
    r"(?:photo(?:graph|s)?(?: illustration)?|pictures?|image|illustration|credit|photo credit"
    r"|image credit|picture credit|video|graphic|pictured|file photo|foto|image source"
    r"|media source)"
)
# The label opens the line, follows a sentence end, or opens a bracket: "a photo by Annie
# Leibovitz" inside a sentence is not a caption.
_LABELLED = re.compile(
    rf"(?:^|[.!?;]\s+[(\[]?|[(\[]|\|\s*|[—–-]\s+)(?:{_LABEL}\s*(?::|by\b)"
    rf"|(?:image|media) source\s*,|(?:{_LABEL}\s+)?courtesy(?:\s+of)?)"
    r"\s*(?P<credit>[^()\[\]:]{2,120}?)\s*[)\]]?\s*\.?$",
    _I,
)
#: BBC-style scraped captions: "Image caption, Protesters gathered in the square".
_CAPTION_LABEL = re.compile(r"^(?:image|media|video) caption\s*[,:]\s*\S", _I)
_WIRE_CREDIT = re.compile(
    r"(?:^|(?<=[\s.(]))\(?(?P<credit>(?:AP|AFP|EPA|EPA-EFE|REUTERS|Reuters|UPI|Xinhua|ANP|dpa|ANSA|TASS|Sputnik|Anadolu)"
    r"(?: Photo| Pool| Images)?/[^()]{2,80}?)\)?\s*\.?$"
)
_STOCK = (
    r"(?:Getty Images|Shutterstock|Alamy|iStock(?:photo)?|AFP|AP|Reuters|EPA|Bloomberg|Pool"
    r"|Handout|Courtesy)"
)
_TRAILING_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*\(?(?P<credit>(?:{PERSON}\s*/\s*)?(?:\w+\s+)?"
    rf"(?:via\s+)?{_STOCK}(?:\s*/\s*[\w .'’-]+)?)\)?\s*\.?$"
)
_FILE_PHOTO = re.compile(
    r"^\(?file(?: photo| picture| image)?\)?\s*[:.]?\s*$|^FILE PHOTO\b|/File Photo\s*\.?$",
    _I,
)


_CREDIT_SPAN = 160


def caption(unit: str, tail: bool) -> Cue | None:
    if word_count(unit) > 60 or has_quoted_speech(unit):
        return None
    if _CAPTION_LABEL.match(unit):
        return Cue("caption", unit)
    if _FILE_PHOTO.search(unit):
        return Cue("caption", unit, *_credit_names(unit.rsplit("/File", 1)[0].split(".")[-1]))
    tail_start = max(0, len(unit) - _CREDIT_SPAN)  # a credit ends the line: search only there
    for pattern in (_LABELLED, _WIRE_CREDIT, _TRAILING_CREDIT):
        m = pattern.search(unit, tail_start)
        if m:
            names = _credit_names(m.group("credit"))
            if names != ((), ()):
                return Cue("caption", unit, people=names[0], outlets=names[1])
    return None


def _credit_names(credit: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Photographer and agency of "Samuel Corum/Getty Images", "AP Photo/Evan Vucci"."""
    credit = re.sub(r"\b(?:Photo|Pool|Images?)\s*(?=/)", "", credit.strip())
    credit = re.sub(r"\b(?:File Photo|File)\b", "", credit)
    names = split_names(credit)
    return ((), ()) if names is None else names


# --- link pointers -----------------------------------------------------------------

_LINK = re.compile(
    r"^(?:go deeper|dig deeper|read more|read also|also read|tags?|topics|filed under|categories"
    r"|related(?: coverage| content| stories| story| articles?| reading| links?)?"
    r"|see also|also see|watch(?: now| more| video)?|listen(?: now)?|more stories|more coverage"
    r"|more(?: (?:from|on|about) [^:]{1,60})?|further reading|recommended(?: reading| for you)?"
    r"|don[’']t miss|must read|trending(?: now)?|read next|up next|keep reading"
    r"|read the full (?:story|article|report)|catch up|editor[’']s picks?"
    r"|you may also like|you might also like|top stories|latest news|in case you missed it"
    r"|icymi|read)"
    r"(?:\s*\([^)]{1,30}\))?\s*(?P<sep>[:|»>›→]|[-–—](?=\s))?\s*(?P<rest>.*)$",
    _I,
)
_URL_ONLY = re.compile(
    r"^(?:[\w ,'’]{0,40}?(?::|\bat|\bon|\bhere)\s*)?<?(?:https?://|www\.)\S+>?\.?$", _I
)
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+[A-Z]")


def link(unit: str, tail: bool) -> Cue | None:
    if _URL_ONLY.match(unit):
        return Cue("link", unit)
    m = _LINK.match(unit)
    if m is None or has_quoted_speech(unit):
        return None
    rest = m.group("rest")
    if not rest:
        return Cue("link", unit) if word_count(unit) <= 4 else None
    if m.group("sep") is None:
        return None
    # A pointer is a headline-sized phrase, not a paragraph of sentences; a headline starts
    # with a capital, so "Related: the company said ... ." is a sentence.
    if word_count(rest) > 20 or _SENTENCE_END.search(rest):
        return None
    if rest[0].islower() and rest.rstrip().endswith("."):
        return None
    return Cue("link", unit)
