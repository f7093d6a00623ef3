"""People, organisations and places: entity mentions merged across a story.

Mentions come from spaCy's NER per article; this corpus stage merges aliases
("Smith" -> "Adam Smith", "Musk's" -> "Musk" -> "Elon Musk") and keeps the
fullest form as the name, because readers and later stages (quotes' speakers,
claims) refer to people by whichever form the article used.

The small English model makes span and label errors ("Musk's Kremlin" as a
person, SpaceX as a person once and an organisation five times), so decisions
are taken by counting mentions across the story rather than trusting one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import ArticleNLP, Entity, entity_id

_KINDS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
}
_POSSESSIVE = re.compile(r"['’]s?$")
_INNER_POSSESSIVE = re.compile(r"['’]s\s+\S")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: A merge needs the chosen full name to outnumber any rival this many times.
DOMINANCE = 2
#: Generational suffixes name a different person: Donald Trump is not Donald Trump Jr.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Titles before a person's name: "Rep. Duncan Hunter" is Duncan Hunter, "Undersheriff
#: James Gage" James Gage, "Detective Chief Inspector Paul Duhig" Paul Duhig.
_TITLE_WORDS = (
    r"(?:mr|mrs|ms|dr|rep|sen|gov|lt|gen|col|sgt|capt|prof|rev|hon|pres|det|insp|supt|const"
    r"|cpl|fr)\.?"
    r"|president|senator|representative|governor|congressman|congresswoman|judge|justice"
    r"|mayor|secretary|chancellor|minister|prime minister|attorney general"
    r"|sheriff|undersheriff|deputy|detective|sergeant|officer|constable|inspector"
    r"|superintendent|trooper|lieutenant|captain|chief|commissioner|spokesman|spokeswoman"
    r"|spokesperson|father|pastor|bishop|rabbi|imam|producer|showrunner|director|editor|coach"
)
#: Titles that are never a person's name alone, though they are part of one before it
#: ("Pope Francis", "King Charles"): "Pope" alone is whichever pope the sentence means.
_ONLY_BEFORE_A_NAME = r"|pope|king|queen|prince|princess|sheikh|emir"
_TITLES = re.compile(rf"^(?:{_TITLE_WORDS})\s+(?=(?-i:[A-Z]))", re.IGNORECASE)
#: A title alone is no one's name ("Sheriff", "Sgt." tagged as people).
_BARE_TITLE = re.compile(rf"^(?:{_TITLE_WORDS}{_ONLY_BEFORE_A_NAME})\.?$", re.IGNORECASE)
#: An initial between names, with or without its full stop: "Robert J Pickell" is
#: written "Robert J. Pickell" so that the two spellings are one name.
_BARE_INITIAL = re.compile(r"(?<=\S )([A-Z])(?= \S)")
#: The Arabic article before a name is written joined or apart ("al-Baghdadi",
#: "al Baghdadi"): one spelling, joined, for one person.
_PARTICLE = re.compile(r"\b([Aa]l|[Ee]l)\s+(?=[A-Z])")
_PARTICLE_JOINED = re.compile(r"^(?:[Aa]l|[Ee]l)-(?=[A-Z])")
_PARTICLE_JOINED_LOWER = re.compile(r"^(?:al|el)-(?=\w)")  # the votes are lower case


#: Verbs of headlines the small model takes into a title-case name ("Howard Dean Tells",
#: "Trump Says He Never", "WASSERMAN SCHULTZ RESIGNS"): a person's name ends before them.
_VERB_WORDS = (
    "says said tells told slams blasts claims wants laughs resigns calls warns admits denies "
    "vows urges reveals rips hits backs defends attacks responds announces explains insists "
    "praises rejects asks gets makes takes wins loses pledges plans drops signs quits speaks "
    "sues accuses faces meets joins leaves dies endorses evades mocks"
)
_HEADLINE_VERBS = frozenset(_VERB_WORDS.split())


def _headline_cut(name: str) -> str:
    """A person span cut before a headline verb, and without a leading gerund
    ("Entrusting Donald Trump with our economy" gave "Entrusting Donald Trump")."""
    toks = name.split()
    for i, tok in enumerate(toks):
        if tok.lower() in _HEADLINE_VERBS:
            toks = toks[:i]
            break
    if len(toks) >= 3 and toks[0].lower().endswith("ing"):
        toks = toks[1:]
    return " ".join(toks)


def normalise(text: str, kind: str = "") -> str:
    """Surface form without possessive, leading article or stray spacing.

    A person name with a possessive inside ("Musk's Kremlin") is an NER span
    error: the name is the part before the possessive; so is a headline's verb.
    """
    name = " ".join(text.split())
    name = _LEADING.sub("", name)
    if kind == "person":
        inner = _INNER_POSSESSIVE.search(name)
        if inner:
            name = name[: inner.start()]
        while (title := _TITLES.match(name)) is not None:
            name = name[title.end() :]
        name = _headline_cut(name)
        name = _PARTICLE.sub(r"\1-", _BARE_INITIAL.sub(r"\1.", name))
    return _POSSESSIVE.sub("", name).strip(" .,;:-")


def _titled_person(text: str) -> str | None:
    """The name after a person's title in a span the model gave another kind
    ("Undersheriff James Gage" as a work of art), or None without a title."""
    name = " ".join(_LEADING.sub("", text).split())
    if _TITLES.match(name) is None:
        return None
    return normalise(name, "person")


def merge_entities(records: Sequence[ArticleNLP]) -> tuple[Entity, ...]:
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: list[tuple[str, str, str]] = []  # (article, raw text, kind)
    for rec in records:
        for m in rec.mentions:
            kind = _KINDS.get(m.label)
            if kind is None:
                continue
            mentions.append((rec.article, m.text, kind))
    for _, text, kind in mentions:
        label_votes[normalise(text, kind).lower()][kind] += 1
    # a title before a name the story also tags as a person makes the span that person
    people = {n for n, v in label_votes.items() if v.most_common(1)[0][0] == "person"}
    for i, (article, text, kind) in enumerate(mentions):
        titled = _titled_person(text) if kind != "person" else None
        if titled and titled.lower() in people:
            label_votes[normalise(text, kind).lower()][kind] -= 1
            label_votes[titled.lower()]["person"] += 1
            mentions[i] = (article, titled, "person")
    _surnames_are_people(label_votes)

    seen: list[tuple[str, str, str]] = []  # (article, kind, name)
    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article, text, raw_kind in mentions:
        name = normalise(text, raw_kind)
        if len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        kind = label_votes[name.lower()].most_common(1)[0][0]  # majority label wins
        if kind == "person" and _BARE_TITLE.match(name):
            continue
        seen.append((article, kind, name))
    # one spelling per name whatever its case ("PETER Capaldi" in a shouted lede, "Al-"
    # opening a sentence): the commonest, mixed case before capitals
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for _, kind, name in seen:
        spellings[(kind, name.lower())][name] += 1
    spelled = {
        key: max(c, key=lambda n: (c[n], not n.isupper(), n)) for key, c in spellings.items()
    }
    variants: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article, kind, name in seen:
        main = spelled[(kind, name.lower())]
        if main != name:
            variants[(kind, main)].add(name)
        counts[(kind, main)] += 1
        forms[(kind, main)].add(article)

    # token -> longer names holding it, per kind: each name is compared only with the
    # names that share its rarest token, so the merge stays near-linear in names
    by_token: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, name in forms:
        for tok in set(name.split()) | {_PARTICLE_JOINED.sub("", t) for t in name.split()}:
            by_token[(k, tok)].append(name)
    grouped: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    fuller: dict[tuple[str, str], str] = {}
    for k, name in forms:
        toks = name.split()
        rarest = min(toks, key=lambda t: (len(by_token[(k, t)]), t))
        fuller[(k, name)] = _fullest(k, name, by_token[(k, rarest)], counts)
    for (k, name), arts in forms.items():
        full = fuller[(k, name)]
        while (nxt := fuller.get((k, full), full)) != full:  # "Trump" -> "Donald Trump" -> ...
            full = nxt  # strictly longer each step, so this ends
        grouped[(k, full)][name] |= arts
    out = []
    for (kind, name), aliases in grouped.items():
        articles = sorted(set().union(*aliases.values()))
        written = set(aliases).union(*(variants[(kind, a)] for a in aliases))
        out.append(
            Entity(
                id=entity_id(kind, name),
                name=name,
                kind=kind,
                aliases=tuple(sorted(a for a in written if a != name)),
                articles=tuple(articles),
            )
        )
    out.sort(key=lambda e: (-len(e.articles), e.kind, e.name))
    return tuple(out)


#: Kinds the small model gives a lone surname it does not recognise ("Grazier said" as an
#: organisation); places and groups are left alone: "Washington" is not George Washington.
_SURNAME_MISREAD = frozenset({"org", "product", "work", "event"})


def _surnames_are_people(votes: dict[str, Counter[str]]) -> None:
    """A one-word name that is the surname of a person named in full in the story is
    that person, whatever label the model gave it: "Dan Grazier ... , Grazier said"."""
    surnames = set()
    for name, v in votes.items():
        toks = name.split()
        if len(toks) >= 2 and v.most_common(1)[0][0] == "person" and toks[-1] not in _SUFFIXES:
            surnames.add(toks[-1])
            surnames.add(_PARTICLE_JOINED_LOWER.sub("", toks[-1]))  # "baghdadi" of "al-baghdadi"
    for name, v in votes.items():
        if " " not in name and name in surnames and v.most_common(1)[0][0] in _SURNAME_MISREAD:
            v["person"] = sum(v.values()) + 1


def _fullest(kind: str, name: str, names: Sequence[str], counts: Counter[tuple[str, str]]) -> str:
    """The dominant longer name this one abbreviates, else itself.

    "Smith" joins "Adam Smith" only when no rival longer name containing
    "Smith" is nearly as frequent ("Jane Smith" keeps them apart; a one-off NER
    error such as "Little Musk" does not stop "Musk" joining "Elon Musk").
    """
    tokens = name.split()
    if kind != "person" and len(tokens) == 1:
        return name  # "Washington" must not become "Washington Post"
    own_suffix = {t.lower().rstrip(".") for t in tokens} & _SUFFIXES
    longer = [
        n
        for n in names
        if n != name
        and len(n.split()) > len(tokens)
        and (
            _abbreviates(tokens, n.split())
            if kind == "person"
            else _contains_tokens(n.split(), tokens)
        )
        and not ({t.lower().rstrip(".,") for t in n.split()} & _SUFFIXES) - own_suffix
    ]
    if not longer:
        return name
    ranked = sorted(longer, key=lambda n: (-counts[(kind, n)], -len(n.split()), n))
    best = ranked[0]
    # a shorter form of the best name is no rival: "Pickell" joins "Robert J. Pickell"
    # though "Robert Pickell" holds it too
    rivals = [
        n
        for n in ranked[1:]
        if not (
            _abbreviates(n.split(), best.split())
            if kind == "person"
            else _contains_tokens(best.split(), n.split())
        )
    ]
    if rivals and counts[(kind, best)] < DOMINANCE * counts[(kind, rivals[0])]:
        return name
    return best


def _abbreviates(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether ``short`` is a shorter form of the person's name ``long``.

    One word is any word of the longer name ("Smith" of "Adam Smith").  A name of two
    or more words keeps its first and last word and may only lack middle ones
    ("Donald Trump" of "Donald J. Trump", "Dena Grayson" of "Dena Minning Grayson"), or
    lack given names before it ("Wasserman Schultz" of "Debbie Wasserman Schultz"); a
    longer span that adds a word after it is another name or an NER error ("Ann Walsh
    Bridge"), not the same person named more fully.
    """
    # the Arabic article is part of a word or not: "Saja Dulaimi" of "Saja Abdul Hamid
    # al-Dulaimi", "Baghdadi" of "Abu Bakr al-Baghdadi"
    short = [_PARTICLE_JOINED.sub("", t) for t in short]
    long = [_PARTICLE_JOINED.sub("", t) for t in long]
    if len(short) == 1:
        return short[0] in long
    if list(long[-len(short) :]) == list(short):
        return True  # given names before a surname of two words: "Wasserman Schultz"
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(tok in it for tok in short)  # a subsequence


def _contains_tokens(big: Sequence[str], small: Sequence[str]) -> bool:
    k = len(small)
    return any(list(big[i : i + k]) == list(small) for i in range(len(big) - k + 1))
