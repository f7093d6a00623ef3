"""People, organisations and places: entity mentions merged across a story.

Mentions come from spaCy's NER per article; this corpus stage merges aliases
("Smith" -> "Adam Smith", "Musk's" -> "Musk" -> "Elon Musk") and keeps the
fullest form as the name, because readers and later stages (quotes' speakers,
claims) refer to people by whichever form the article used.
"""

from __future__ import annotations

import re
from collections import defaultdict
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
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def normalise(text: str) -> str:
    """Surface form without possessive, leading article or stray spacing."""
    name = " ".join(text.split())
    name = _LEADING.sub("", name)
    return _POSSESSIVE.sub("", name).strip(" .,;:-")


def merge_entities(records: Sequence[ArticleNLP]) -> tuple[Entity, ...]:
    # name -> kind -> articles, counted per surface form
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in records:
        for m in rec.mentions:
            kind = _KINDS.get(m.label)
            if kind is None:
                continue
            name = normalise(m.text)
            if len(name) < 2 or not any(c.isalpha() for c in name):
                continue
            forms[(kind, name)].add(rec.article)

    canonical: dict[tuple[str, str], str] = {}
    for kind, name in forms:
        canonical[(kind, name)] = _fullest(kind, name, [n for k, n in forms if k == kind])

    grouped: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (kind, name), arts in forms.items():
        grouped[(kind, canonical[(kind, name)])][name] |= arts

    out = []
    for (kind, name), aliases in grouped.items():
        articles = sorted(set().union(*aliases.values()))
        out.append(
            Entity(
                id=entity_id(kind, name),
                name=name,
                kind=kind,
                aliases=tuple(sorted(a for a in aliases if a != name)),
                articles=tuple(articles),
            )
        )
    out.sort(key=lambda e: (-len(e.articles), e.kind, e.name))
    return tuple(out)


def _fullest(kind: str, name: str, names: Sequence[str]) -> str:
    """The unique longer name this one abbreviates, else itself.

    Only unambiguous merges: "Smith" joins "Adam Smith" when no other longer
    person name contains the token "Smith"; otherwise it stays on its own.
    """
    tokens = name.split()
    longer = [
        n
        for n in names
        if n != name and len(n.split()) > len(tokens) and _contains_tokens(n.split(), tokens)
    ]
    if kind != "person" and len(tokens) == 1:
        longer = []  # "Washington" must not become "Washington Post"
    if not longer:
        return name
    longest = max(longer, key=lambda n: len(n.split()))
    if all(_contains_tokens(longest.split(), n.split()) for n in longer):
        return longest
    return name


def _contains_tokens(big: Sequence[str], small: Sequence[str]) -> bool:
    k = len(small)
    return any(list(big[i : i + k]) == list(small) for i in range(len(big) - k + 1))
