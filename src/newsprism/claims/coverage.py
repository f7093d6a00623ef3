"""What each article adds to the story and what it leaves out.

*Adds*: its facts that no other independent source carries (another article
of its own derivation family does not count: a rewrite adds nothing its origin
did not have; a sentence whose clause another source carries, or the reverse, is
shared, not added), one per sentence, checkable figures and dates first, then the
sentences naming most people and bodies, in the article's order among equals;
then its quoted statements no other source carries.  Fragments under
:data:`MIN_WORDS` words are left out.
*Omits*: claim groups that two or more independent sources carry and this
article does not, each statement once (groups labelled alike are one omission).
A story of one source (one article, or copies of one) has neither: there is
nothing to compare it with.  Ids: claim and statement ids in
``adds``, claim group ids in ``omits``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, ClaimGroup, Coverage, Statement
from .group import family_map

__all__ = ["build_coverage"]


#: A sentence or quote shorter than this is a fragment ("raise many serious
#: questions,"), not a fact a reader can weigh.
MIN_WORDS = 6
_NAME = re.compile(r"(?<=\s)[A-Z][\w’'-]+")
_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(text.split())


def _names(text: str) -> int:
    """Capitalised words after the first: names make a fact checkable ("Smith told
    the Senate committee" says more than "officials said it was a concern")."""
    return len(_NAME.findall(text))


@functools.lru_cache(maxsize=1 << 14)
def _key(text: str) -> str:
    """The text's words, lower-cased.  Kept for the texts met last: each statement of an
    article is compared with every claim text that article says or shares, and the
    same texts came back to be keyed tens of thousands of times per 300 articles."""
    return " ".join(_WORD.findall(text.lower()))


def _same_words(key: str, text: str) -> bool:
    """Whether a quoted statement (``key``) and a claim's text hold one another whole,
    the shorter at least :data:`MIN_WORDS` words ("Being asked to play the Doctor is
    an amazing privilege" quoted and, as a claim, lined up with another outlet's)."""
    other = _key(text)
    short, long = sorted((key, other), key=len)
    return len(short.split()) >= MIN_WORDS and f" {short} " in f" {long} "


def _overlap(a: Claim, b: Claim) -> bool:
    """One of the two spans holds the other (a sentence and its clause)."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def build_coverage(
    claims: Sequence[Claim],
    groups: Sequence[ClaimGroup],
    statements: Sequence[Statement],
    articles: Sequence[Article],
    families: Sequence[Sequence[str]],
) -> tuple[Coverage, ...]:
    family = family_map(articles, families)
    if len(set(family.values())) <= 1:
        # one source (one article, or copies of one): nothing to compare it with
        return tuple(Coverage(article=a.id, adds=(), omits=()) for a in articles)
    # a group's members from its list, not from the claims' ``group``: a sentence
    # stating two facts is cited by the second fact's group too (:mod:`.cite`)
    by_id = {c.id: c for c in claims}
    groups_of: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.group is not None:
            groups_of[c.id].add(c.group)
    for g in groups:
        for m in g.claims:
            if m in by_id:
                groups_of[m].add(g.id)
    by_group: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        for gid in sorted(groups_of.get(c.id, ())):
            by_group[gid].append(c)
    own: dict[str, list[Claim]] = defaultdict(list)
    shared: dict[str, list[Claim]] = defaultdict(list)  # carried by another source too
    for c in claims:
        fams = {
            family.get(m.article, m.article)
            for gid in groups_of.get(c.id, ())
            for m in by_group[gid]
        }
        home = {family.get(c.article, c.article)}
        (own if fams <= home else shared)[c.article].append(c)
    for aid, mine_claims in own.items():
        # a sentence whose clause another source carries, or a clause of a sentence
        # another source carries, is not the article's own: the fact is shared ("At 55,
        # he is the same age as ..." whose clause lines up with another outlet's)
        own[aid] = [c for c in mine_claims if not any(_overlap(c, o) for o in shared[aid])]
    adds: dict[str, list[str]] = defaultdict(list)
    said: dict[str, set[str]] = defaultdict(set)
    for aid, mine in own.items():
        sentences = [c for c in mine if c.kind == "statement"]
        # a figure's clause inside a sentence that is itself added: the sentence says it
        kept = [
            c
            for c in mine
            if c.kind == "statement"
            or not any(s.start <= c.start and c.end <= s.end for s in sentences)
        ]
        kept = [c for c in kept if c.values or _words(c.text) >= MIN_WORDS]
        kept.sort(key=lambda c: (not c.values, -_names(c.text), c.start))
        adds[aid] = [c.id for c in kept]
        said[aid] = {_key(c.text) for c in kept}
    for st in statements:
        fams = {family.get(a, a) for a in st.articles}
        if len(fams) == 1 and _words(st.text) >= MIN_WORDS:
            for a in st.articles:
                key = _key(st.text)
                # added already as a claim, or the claim of its words is carried elsewhere
                if key not in said[a] and not any(
                    _same_words(key, t) for t in (*said[a], *(c.text for c in shared[a]))
                ):
                    adds[a].append(st.id)
                    said[a].add(_key(st.text))
    carried: dict[str, set[str]] = {}
    # most widely carried first: what most outlets report is the likeliest omission to matter
    for g in sorted(groups, key=lambda g: -g.independent_sources):
        if g.independent_sources >= 2 and _words(g.topic) >= MIN_WORDS:
            carried[g.id] = {c.article for c in by_group.get(g.id, ())}
    # two groups labelled alike (a sentence's group and an imprecise one beside it) are
    # one omission, and none where the article carries either
    topic = {g.id: _key(g.topic) for g in groups}
    held: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for gid in groups_of.get(c.id, ()):
            if gid in topic:
                held[c.article].add(topic[gid])
    out = []
    for art in articles:
        listed: set[str] = set()
        omits = []
        for gid, arts in carried.items():
            if art.id in arts or topic[gid] in held[art.id] or topic[gid] in listed:
                continue
            listed.add(topic[gid])
            omits.append(gid)
        out.append(Coverage(article=art.id, adds=tuple(adds.get(art.id, ())), omits=tuple(omits)))
    return tuple(out)
