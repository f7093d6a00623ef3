"""What a speaker is called: roles that are roles, and sources that are no speaker.

A fact-checker reads "Rep. Gwen Moore (D-Wis.), 65," as Gwen Moore, role
"representative"; the honorific, the party and state tag and the age are the
writer's shorthand, not a role.  Some phrases a parse takes for a source are
not one at all: a photo credit ("Lauren Pelley / CBC News"), a dateline
("WASHINGTON —"), a place abbreviation ("Calif."), a heading in capitals.
Documents speak too ("the indictment says", "a Quinnipiac poll found"), and
are kept apart from people as speakers of kind ``document``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .gender import given_name_gender
from .lexicon import DOCUMENT_NOUNS, GENERIC_PERSON_NOUNS, OCCUPATION_NOUNS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "DOCUMENT_NOUNS",
    "PARTICLES",
    "clean_name",
    "clean_role",
    "compatible_role",
    "document_name",
    "given_and_surname",
    "initials",
    "is_credit",
    "is_dateline",
    "not_a_name",
    "org_prefixes",
    "personal_role",
    "role_head",
    "role_nouns",
    "untagged_people",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Honorifics are forms of address, not roles.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "mmes"})
#: Abbreviated titles a role spells out.
_EXPAND = {
    "sen": "Senator",
    "rep": "Representative",
    "gov": "Governor",
    "lt": "Lieutenant",
    "gen": "General",
    "col": "Colonel",
    "sgt": "Sergeant",
    "capt": "Captain",
    "adm": "Admiral",
    "del": "Delegate",
    "atty": "Attorney",
    "supt": "Superintendent",
    "det": "Detective",
    "const": "Constable",
    "cst": "Constable",
    "insp": "Inspector",
    "cpl": "Corporal",
    "pres": "President",
    "prof": "Professor",
    "rev": "Reverend",
    "dr": "Dr.",
}
_US_STATES = _words(
    """
    ala alaska ariz ark calif colo conn del fla ga hawaii idaho ill ind iowa kan kans ky la
    maine md mass mich minn miss mo mont neb nev n.h n.j n.m n.y n.c n.d ohio okla ore pa
    r.i s.c s.d tenn texas tex utah vt va wash w.va wis wyo d.c
    al ak az ar ca co ct de fl hi id il in ia ks me mi mn ms mt ne nv nh nj nm ny nc nd
    oh ok or ri sc sd tn tx ut wa wv wi wy dc
    ont que b.c alta sask man n.s n.b nfld p.e.i
    """
)
#: A party and state tag: "D-Mont.", "R-N.C.", "(D-N.H.)", "I-Vt", "R-IN".
_PARTY = re.compile(r"^\(?[DRI](?:-[A-Z][\w. ]*)?\)?$")
#: An age or a bare number: "41", "68-year-old", "66 years old", "the 17-year-old".
_AGE = re.compile(r"^(?:(?:the|an?) )?\d+(?:[- ](?:years?|yr)[- ]old)?$", re.IGNORECASE)
_TIME = re.compile(r"^\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?", re.IGNORECASE)
_STRAY = frozenset({"all", "both", "neither", "each", "edt", "est", "all times"})


def _abbreviated(word: str) -> bool:
    """An abbreviated title: "Sgt." or, in British style without the dot, "Sgt", "Dr"."""
    if word.endswith("."):
        return True
    return word.istitle() and word.lower() in _EXPAND and word.lower() != "del"


def _state(word: str) -> bool:
    return word.lower().strip(".,()") in _US_STATES and (
        word.endswith(".") or word.isupper() or len(word) <= 5
    )


def clean_role(role: str | None) -> str | None:
    """A role without honorifics, party and state tags, ages or stray words.

    "Sen., R-S.C." -> "Senator"; "Mr." -> None; "68-year-old" -> None;
    "Rep., D-N.C., head of the Congressional Black Caucus" -> "Representative,
    head of the Congressional Black Caucus".
    """
    if not role:
        return None
    kept: list[str] = []
    for part in re.split(r",\s*|\s+(?=\()", role):
        part = part.strip(" ;:—–-")
        if not part or _PARTY.match(part) or _AGE.match(part) or _TIME.match(part):
            continue
        if part.lower().strip("() ") in _STRAY or _state(part.strip("()")):
            continue
        words = [w for w in part.split() if w.lower().rstrip(".") not in _HONORIFICS]
        words = [_EXPAND.get(w.lower().rstrip("."), w) if _abbreviated(w) else w for w in words]
        if words and not all(_state(w) or _AGE.match(w) for w in words):
            kept.append(" ".join(words))
    return ", ".join(kept) or None


#: Words after which a role speaks of someone else: "attorney for the man who ...".
_ROLE_STOPS = frozenset({"of", "for", "to", "at", "with", "from", "in", "on", "who", "which"})


def role_head(role: str) -> str:
    """Each part of a role up to its first preposition or relative: the words that
    describe the holder ("attorney for the unidentified man" -> "attorney").

    A gendered noun further on is someone else's: the man an attorney acts for
    does not make her a man."""
    heads = []
    for part in role.split(","):
        words = []
        for w in part.split():
            if w.lower() in _ROLE_STOPS:
                break
            words.append(w)
        heads.append(" ".join(words))
    return ", ".join(h for h in heads if h)


def role_nouns(role: str) -> set[str]:
    """The nouns a role's parts end their head with: "A 58-year-old fisherman, head
    of the union" -> {"fisherman", "head"}; what "the fisherman" can refer to."""
    return {h.split()[-1].lower().strip(".,()") for h in role_head(role).split(", ") if h}


def is_credit(text: str, start: int, end: int, lines: dict[int, bool] | None = None) -> bool:
    """Whether the words at ``start:end`` are a photo or byline credit.

    Credits put a slash between a name and its outlet ("Lauren Pelley / CBC
    News", "(Evan Mitsui/CBC)") or sit in a line led by "Photo", "Credit" or
    "Image"; a byline is a line of its own ("By Lauren Pelley, CBC News",
    "Lauren Pelley · CBC News · Posted: Jan 10, 2021").  ``lines`` caches the
    verdict on whole lines by their start, for a caller asking of many names.
    """
    line_start = text.rfind("\n", 0, start) + 1
    near = text[max(line_start, start - 3) : end + 3]
    if "/" in near and (
        re.search(r"\s/\s|\s/$|^/\s", near)
        or re.search(r"[A-Za-z.]/$", text[max(line_start, start - 2) : start])
        or re.match(r"/[A-Z]", text[end : end + 2])
    ):
        return True
    if lines is not None and line_start in lines:
        return lines[line_start]
    line_end = text.find("\n", end)
    found = credit_line(text[line_start : len(text) if line_end < 0 else line_end])
    if lines is not None:
        lines[line_start] = found
    return found


def credit_line(line: str) -> bool:
    """Whether a whole line is a byline or a photo credit."""
    if _BYLINE.match(line) or re.search(r"\s[·•]\s|\b(?:Posted|Last Updated|Updated):", line):
        return True
    return bool(re.match(r"\s*\(?(photo|credit|image|file photo|pictured)\b", line, re.I))


#: A byline line: "By Lauren Pelley, CBC News", "With files from The Canadian Press".
_BYLINE = re.compile(
    r"\s*(?:By|With files from)\s+(?:[A-Z][\w.'’-]*\s*){1,4}"
    r"(?:(?:,|and)\s*(?:[A-Z][\w.'’&-]*\s*)+)*\.?\s*$"
)


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` open a paragraph as a dateline.

    "WASHINGTON —", "TORONTO (Reuters) -": a place in capitals before a dash.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    words = text[start:end]
    return words.upper() == words and bool(re.match(r"\s*(\([^)]*\)\s*)?[—–-]", text[end:]))


def not_a_name(name: str) -> bool:
    """A "name" that names nobody: a place abbreviation, a heading, a lone title."""
    words = name.split()
    if not words:
        return True
    if len(words) == 1 and (_state(name) or name.lower().rstrip(".") in _US_STATES):
        return True
    if len(words) > 1 and name.upper() == name and any(c.isalpha() for c in name):
        return True  # a heading or a dateline in capitals
    return all(w.lower().rstrip(".") in TITLE_WORDS | _HONORIFICS for w in words)


def document_name(text: str) -> str:
    """A document's name without its article: "the indictment" -> "indictment"."""
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "this", "that", "its", "their"):
        words.pop(0)
    return " ".join(words) or text


#: Words that make a name an organisation's even after a given name ("Ford
#: Foundation", "Marine Corps", "Wells Fargo Bank").
_BODY_WORDS = _words(
    """
    foundation institute university college school center centre corps company corporation
    inc corp group party committee fund bank news times post network association council
    club union church hospital campaign administration office department ministry bureau
    agency commission service
    """
)


def given_and_surname(name: str) -> bool:
    """A known given name and one or two capitalised words after it: a person, whatever
    NER says ("Carly Fiorina" tagged ORG would never be "she")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or given_name_gender(name) is None:
        return False
    return all(w[:1].isupper() for w in words) and not any(
        w.lower().strip(".,") in _BODY_WORDS for w in words
    )


#: Cue words an inverted attribution puts before the name ("Said Ellis: ...").
_CUE_WORDS = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes"})


#: A dateline NER glued to the name after it: "CLEVELAND - Donald Trump".
_DATELINE = re.compile(r"^[A-Z][A-Z.,' ]*[A-Z.] [-—–] (?=[A-Z])")


def clean_name(text: str, person: bool = False) -> str:
    """A name without leading titles or dateline, possessive ending or stray punctuation.

    ``person``: NER's person, whose leading occupation is a role too ("Comedian
    Ellen Hart" opening a sentence); not for organisations ("Student Loans Company").
    """
    words = _DATELINE.sub("", text.replace("\n", " ")).split()
    while words and words[-1] in ("'s", "’s", "'", "’"):
        words.pop()
    if words:
        words[-1] = words[-1].removesuffix("'s").removesuffix("’s")
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS | _CUE_WORDS:
        words.pop(0)
    if person and len(words) > 2 and words[0].lower() in OCCUPATION_NOUNS:
        words.pop(0)
    name = " ".join(words).strip(" ,;:-—–()\"“”'‘’<>")
    name = name.lstrip(". ")  # "Col. | Steven Warren": the title's full stop, split off
    # A full stop ends an initial ("George W.") or an abbreviation, not a name.
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if name.endswith(".") and len(last) > 3 and "." not in last[:-1] else name


def initials(name: str) -> str:
    """ "International Monetary Fund" -> "IMF"; "Alliance to Reclaim Our Schools" -> "AROS"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def personal_role(role: str) -> bool:
    """Whether a role says its holder is a person ("Sen.", "spokeswoman"): NER's ORG
    or GPE label on the name is then wrong ("Gov. Christie" tagged GPE)."""
    words = {w.lower().strip(".,()") for w in role.split()}
    return bool(words & (TITLE_WORDS | GENERIC_PERSON_NOUNS))


#: How roles abbreviate the nouns a definite description uses.
_ABBREVIATIONS = {
    "senator": ("sen", "senator"),
    "congressman": ("rep", "representative", "congressman"),
    "congresswoman": ("rep", "representative", "congresswoman"),
    "representative": ("rep", "representative"),
    "lawmaker": ("sen", "senator", "rep", "representative", "congressman", "congresswoman"),
    "governor": ("gov", "governor"),
    # "Apple CEO Tim Cook ... The chief executive added".
    "executive": ("executive", "ceo"),
    "ceo": ("ceo", "executive"),
}


def compatible_role(noun: str, role: str) -> bool:
    """Whether "the senator" can stand for someone the article gave ``role`` ("Sen.")."""
    words = {w.lower().strip(".,()") for w in role.split()}
    return bool(words & set(_ABBREVIATIONS.get(noun, (noun,))))


def untagged_people(doc: Doc) -> list[Span]:
    """Names NER left untagged that are people by their given name ("Ivanka Trump").

    The small model misses a person's name now and then, most often in a
    sentence it finds unusual ("Ivanka Trump, 34, could be a particularly
    effective bridge to female voters. She has pushed back ..."); the name
    then never becomes an antecedent, and every "she" after it stays without
    a speaker.  A run of two or three capitalised proper nouns outside any
    entity, opening with a known given name and holding no word of an
    organisation, is a person (:func:`given_and_surname`, the rule that
    already overrides NER's ORG for such names).
    """
    from spacy.tokens import Span

    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].pos_ != "PROPN" or doc[i].ent_iob_ != "O":
            i += 1
            continue
        j = i
        while j < n and doc[j].pos_ == "PROPN" and doc[j].ent_iob_ == "O":
            j += 1
        if 2 <= j - i <= 3 and given_and_surname(doc[i:j].text):
            out.append(Span(doc, i, j, label="PERSON"))
        i = j
    return out


#: Lower-case particles inside surnames ("de Villa", "van Dyk", "bin Salman").
PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "van", "von", "der", "le", "la", "bin"}
)


def org_prefixes(labels: dict[str, Counter[str]], ents: tuple[Span, ...]) -> frozenset[str]:
    """Names of two words or more that open a longer organisation name of the article.

    The small model tags "Kinder Morgan" PERSON beside "Kinder Morgan Canada
    Ltd." ORG; as a person it was an antecedent for "she".  A known given name
    keeps a person a person ("Walt Disney" beside "Walt Disney Co.").
    """
    orgs = {clean_name(e.text) for e in ents if e.label_ == "ORG"}
    return frozenset(
        name
        for name, votes in labels.items()
        if " " in name
        and votes["person"]
        and not given_and_surname(name)
        and any(o.startswith(name + " ") for o in orgs)
    )
