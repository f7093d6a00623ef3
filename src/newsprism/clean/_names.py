"""Recognising the names a boilerplate line carries: people, newsrooms, outlets.

Hand-written on purpose: a NER model is too heavy for a per-line check run on
every article, and the lines involved are formulaic enough ("Reporting by A;
Editing by B") that patterns are more predictable than a statistical tagger.
"""

from __future__ import annotations

import html
import re

# Words that start with a capital in running text but never name an outlet.
_STOP = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|On|In|At|That|This|Last|Earlier|Later|Late|He|She"
    r"|They|It|We|I|But|And|Or|So|If|When|While|According|After|Before|As|For|From|By)\b"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"(?!{_STOP})(?=\S*[A-Za-z])[{_UPPER}0-9][\wÀ-ÿ&]*(?:[.\-][\wÀ-ÿ&]+)*"
#: A capitalised name as an outlet is written in running text: "Vox", "TROIB News",
#: "the Associated Press", "The Times of India", "E&E News", "ABC7".
OUTLET = rf"(?:[Tt]he\s+)?{_TOKEN}(?:\s+(?:(?:of|de|du|la|el|al)\s+)?{_TOKEN}){{0,4}}"
_OUTLET_RE = re.compile(OUTLET)

_PERSON_TOKEN = rf"[{_UPPER}][\wÀ-ÿ'’.\-]*"
_PARTICLE = r"(?:de|da|do|dos|van|von|der|den|del|della|la|le|bin|ibn|al|el|di|du|ter|y)"
#: A person's name: "Jessica Piper", "Mary O'Brien", "Ludwig van Beethoven", "J.D. Vance".
PERSON = rf"{_PERSON_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_PERSON_TOKEN}){{0,4}}"
_PERSON_RE = re.compile(PERSON)

_ORG_WORDS = re.compile(
    r"\b(?:Press|News|Newswire|Reuters|Agence|Agency|Service|Services|Times|Post|Journal"
    r"|Media|Network|Wire|Radio|Television|TV|Broadcasting|Bloomberg|Herald|Tribune|Gazette"
    r"|Telegraph|Guardian|Daily|Weekly|Magazine|Staff|Bureau|Group|Images|Stock|Pictures"
    r"|Photos?|Inc|LLC|Ltd|Corp|Foundation|Institute|Center|Centre|Associates|Insider"
    r"|Economist|Independent|Observer|Chronicle|Standard|Mirror|Express|Sun|Star|Globe"
    r"|Mail|Review|Report|Today|Online|Digital|Studios|Productions|Channel|Shutterstock"
    r"|Alamy|iStock|Getty|Xinhua|Kyodo|Yonhap|Tass|TASS|Interfax|Anadolu|Bernama)\b"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_GENERIC = frozenset(
    {
        "congress",
        "parliament",
        "senate",
        "house",
        "court",
        "police",
        "reporters",
        "journalists",
        "lawmakers",
        "officials",
        "god",
        "us",
        "me",
        "you",
        "them",
        "him",
        "her",
        "everyone",
        "nobody",
        "staff",
        "agencies",
        "the",
        "i",
    }
)
_CORP_SUFFIX = re.compile(
    r",?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Co|PLC|plc|GmbH|SA|AG)\.?$"
)
_EDGE_PUNCT = " \t.,;:!?-–—|()[]\"'“”‘’«»*_/"


def tidy(name: str) -> str:
    """A name as written, without HTML entities, edge punctuation or a company suffix."""
    name = html.unescape(name).strip(_EDGE_PUNCT)
    name = _CORP_SUFFIX.sub("", name).strip(_EDGE_PUNCT)
    if name.startswith("the "):
        name = "The " + name[4:]
    return " ".join(name.split())


def outlet_name(phrase: str) -> str | None:
    """The outlet ``phrase`` starts with ("Vox, on condition..." -> "Vox"), or None."""
    phrase = tidy(phrase)
    m = _OUTLET_RE.match(phrase)
    if m is None:
        # Web addresses name outlets too: "appeared first on example.com".
        web = re.match(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\b", phrase)
        return web.group(1) if web else None
    name = tidy(m.group(0))
    return None if is_generic(name) else name


def is_generic(name: str) -> bool:
    bare = name.casefold().removeprefix("the ").strip()
    return not bare or bare in _GENERIC


def looks_like_org(name: str) -> bool:
    """Whether a credited name is a newsroom or agency rather than a person."""
    tokens = name.split()
    if len(tokens) == 1 and _ACRONYM.match(tokens[0]):
        return True
    if name.isupper() and len(tokens) <= 2 and len(name) <= 12:
        return True
    return bool(_ORG_WORDS.search(name)) or name.casefold().startswith("the ")


def split_names(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """People and organisations in a credit list, or None if it is not only names.

    Accepts "Jane Doe in Washington and John Roe", "Jane Doe, USA TODAY",
    "Associated Press writers Jane Doe and John Roe", "CNN's Jane Doe",
    "Brian Anderson of DallasNews.com", "Samuel Corum/Getty Images".
    Any lower-case word outside the connecting vocabulary means running text,
    which is the guard that keeps real sentences out.
    """
    people: list[str] = []
    orgs: list[str] = []
    owner = re.match(rf"^({OUTLET})(?:’s|'s)\s+(.+)$", text.strip())
    if owner:  # "CNN's Junko Ogura and Hanako Montgomery"
        orgs.append(tidy(owner.group(1)))
        text = owner.group(2)
    pieces = [p for p in _SEPARATORS.split(text) if p.strip()]
    if not pieces:
        return None
    after_place = False
    for raw in pieces:
        piece, placed = re.subn(r"\s+(?:in|from|at)\s+[A-Z][\w .'’-]*$", "", raw.strip())
        piece = tidy(piece)
        if after_place and len(piece.split()) == 1:
            continue  # "in Silver Spring, Maryland": the state, not a person
        after_place = bool(placed)
        if not piece or piece.casefold() in _FILLERS or _ROLE_ONLY.match(piece):
            continue  # "staff", "agencies", "Staff Writer", "Senior Correspondent"
        role = _ROLE.match(piece)
        if role:  # "Associated Press Writer Jane Doe", "Media Editor Jon Friedman"
            pre = role.group("pre").strip()
            if pre and not set(pre.casefold().split()) <= _DESCRIPTORS:
                orgs.append(tidy(pre))
            piece = role.group("name")
        of = re.match(rf"^({PERSON}) of ([A-Z].+)$", piece)
        if of and (looks_like_org(of.group(2)) or "." in of.group(2)):
            orgs.append(tidy(of.group(2)))
            piece = of.group(1)
        if not _is_name(piece):
            return None
        caps = re.match(r"^((?:[A-Z][A-Z'’.\-]+\s+){1,3}[A-Z][A-Z'’.\-]+)\s+([A-Z][a-z].*)$", piece)
        if caps:  # "JANE DOE Associated Press": an AP-style byline
            people.append(caps.group(1).title())
            orgs.append(caps.group(2))
        elif looks_like_org(piece):
            orgs.append(piece)
        else:
            people.append(piece)
    return tuple(dict.fromkeys(people)), tuple(dict.fromkeys(orgs))


_SEPARATORS = re.compile(r"\s*(?:;|,|/|\||\band\b|&(?=\s)|\bvia\b|\bfor\b|\bwith\b|\bon\b)\s*")
_FILLERS = frozenset({"agencies", "staff", "wires", "wire services", "staff and agencies"})
_ROLE = re.compile(
    r"^(?P<pre>.*?)\s*\b(?i:staff\s+)?(?i:writers?|reporters?|correspondents?|editors?"
    r"|journalists?|photographers?|producers?|researchers?)\s+(?P<name>[A-Z].*)$"
)
_ROLE_ONLY = re.compile(
    r"^(?:[A-Za-z]+\s+){0,3}(?:writers?|reporters?|correspondents?|editors?|journalists?"
    r"|photographers?|producers?|contributors?|columnists?)$",
    re.IGNORECASE,
)
#: Job descriptors before "Writer"/"Editor" that are not a newsroom's name.
_DESCRIPTORS = frozenset(
    [
        "media",
        "senior",
        "political",
        "chief",
        "staff",
        "contributing",
        "special",
        "foreign",
        "national",
        "business",
        "sports",
        "science",
        "health",
        "technology",
        "tech",
        "investigative",
        "associate",
        "deputy",
        "managing",
        "executive",
        "local",
        "metro",
        "news",
        "data",
        "video",
        "photo",
        "digital",
        "opinion",
    ]
)


def _is_name(piece: str) -> bool:
    if len(piece.split()) > 6:
        return False
    if _PERSON_RE.fullmatch(piece) or _OUTLET_RE.fullmatch(piece):
        return True
    return bool(re.fullmatch(r"(?:[Tt]he\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){0,5}", piece)) and all(
        word[0].isupper() or word[0].isdigit() or word in {"of", "de", "la", "the", "van", "von"}
        for word in piece.split()
    )
