"""Corpus stage over one story: one speaker name per person, one statement per utterance.

Outlets trim, split and re-punctuate the quotations they carry, so the same
statement appears as "incredibly misleading story" in one article and as a
longer sentence holding those words in another.  Quotes are linked when one's
normalised words are contained in the other's (rapidfuzz's ``partial_ratio``
tolerates a changed mark or a bracketed insertion), and only when they come
from the same speaker, or when one has no speaker and the shared text is long
enough that a coincidence is implausible.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz

from ..model import Quote, Speaker, Statement, entity_id

__all__ = ["group_statements", "normalise_names", "normalise_text"]

log = logging.getLogger(__name__)

#: partial_ratio (0-100) above which two quotations hold the same words.
_SAME_WORDS = 90.0
#: Fewest words a quote needs before a fuzzy (not exact) containment counts.
_MIN_FUZZY_WORDS = 4
#: Fewest words shared before quotes with and without a speaker are linked.
_MIN_UNATTRIBUTED_WORDS = 8
#: Characters in the n-grams of :class:`_GramFilter` (3 kept the fewest pairs of 195k
#: at 3,000 articles: 2 kept 95k, 3 kept 16k, 4 kept 25k).
_GRAM = 3

_MARKS = str.maketrans(
    {c: '"' for c in "“”„«»"} | {c: "'" for c in "‘’‚"} | {c: "-" for c in "—–‒−"}
)


#: Role words that say a speaker is an organisation, whatever NER said.
_ORG_ROLE = re.compile(
    r"\b(company|firm|corporation|agency|organi[sz]ation|newspaper|network|group|ministry|"
    r"department|institute|university|party|committee|startup|subsidiary|manufacturer)$",
    re.IGNORECASE,
)


def normalise_text(text: str) -> str:
    """Lower-cased words without marks, dashes or brackets: what outlets keep of a quote."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS).lower()
    text = re.sub(r"\[[^\]]*\]", " ", text)  # editorial insertions: "[SpaceX]"
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def _kind(speaker: Speaker) -> str | None:
    if speaker.entity and ":" in speaker.entity:
        return speaker.entity.split(":", 1)[0]
    return None


def normalise_names(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """Speaker names in their fullest form used in the story, with entity ids.

    "Smith" becomes "Adam Smith" when the story names him so; a surname shared
    by several full names is resolved within the quote's own article first and
    left as written when still ambiguous.
    """
    names: dict[tuple[str, str], set[str]] = {}  # (kind, last word) -> full names
    by_article: dict[tuple[str, str, str], set[str]] = {}
    roles: dict[str, Counter[str]] = {}
    for q in quotes:
        sp = q.speaker
        kind = _kind(sp) if sp else None
        if sp is None or kind is None:
            continue
        key = (_family(kind), sp.name.split()[-1].lower())
        if " and " in sp.name:
            continue  # "Locke and Salazar" is two people: "Salazar" is not both
        names.setdefault(key, set()).add(sp.name)
        by_article.setdefault((q.article, *key), set()).add(sp.name)

    def maximal(pool: set[str], words: list[str]) -> set[str]:
        longer = {n for n in pool if _extends(n.lower().split(), words)}
        return {
            n
            for n in longer
            if not any(m != n and _extends(m.lower().split(), n.lower().split()) for m in longer)
        }

    def fullest(q: Quote, sp: Speaker, kind: str) -> str:
        key = (_family(kind), sp.name.split()[-1].lower())
        words = sp.name.lower().split()
        story = maximal(names.get(key, set()), words)
        if len(story) == 1:
            return story.pop()
        local = maximal(by_article.get((q.article, *key), set()), words)
        if len(local) == 1 and len(story) > 1:
            return local.pop()  # ambiguous in the story, not in this article
        return sp.name

    full: dict[int, str] = {}
    kinds: dict[str, Counter[str]] = {}
    for n, q in enumerate(quotes):
        sp = q.speaker
        kind = _kind(sp) if sp else None
        if sp is None or kind is None:
            continue
        full[n] = fullest(q, sp, kind)
        # NER labels one name differently from article to article ("SpaceX"
        # PERSON here, ORG there): the story's majority decides.
        kinds.setdefault(full[n], Counter())[kind] += 1
        if sp.role:
            roles.setdefault(full[n], Counter())[sp.role] += 1
            if _ORG_ROLE.search(sp.role):
                kinds[full[n]]["org"] += 10  # "SpaceX, Musk's company": an apposition settles it
    out: list[Quote] = []
    for n, q in enumerate(quotes):
        sp = q.speaker
        if sp is None or n not in full:
            out.append(q)
            continue
        name = full[n]
        kind = max(sorted(kinds[name]), key=lambda k: kinds[name][k])
        out.append(dataclasses.replace(q, speaker=Speaker(name, sp.role, entity_id(kind, name))))
    final: list[Quote] = []
    for q in out:
        sp = q.speaker
        if sp is not None and sp.role is None and sp.name in roles:
            sp = dataclasses.replace(sp, role=roles[sp.name].most_common(1)[0][0])
            q = dataclasses.replace(q, speaker=sp)
        final.append(q)
    return tuple(final)


def _family(kind: str) -> str:
    """Kinds whose names may be one another's: NER calls "Trump" an organisation now
    and then, so people and organisations share surnames; documents stand apart."""
    return "document" if kind == "document" else "named"


def _extends(long: list[str], short: list[str]) -> bool:
    """Whether ``long`` is ``short`` with more given names: ["adam", "smith"] / ["smith"]."""
    return len(long) >= len(short) and long[len(long) - len(short) :] == short


class _Groups:
    """Union-find over quote indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _speaker_key(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return q.speaker.entity or q.speaker.name.lower()


def _same_words(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if f" {short} " in f" {long} ":
        return True
    # with the cut-off, rapidfuzz stops early on pairs below it (it returns 0 for them)
    return (
        len(short.split()) >= _MIN_FUZZY_WORDS
        and fuzz.partial_ratio(short, long, score_cutoff=_SAME_WORDS) >= _SAME_WORDS
    )


def _halves_of(quotes: Sequence[Quote]) -> set[frozenset[str]]:
    """Pairs of quote ids that are two halves of one quotation split around its cue.

    '"X," he said, "Y."': the last quotation before a cue and the first after
    it, both attributed by it.  A cue that also took the next paragraphs'
    quotations does not make them one statement with these.
    """
    by_cue: dict[tuple[str, tuple[int, int]], list[Quote]] = {}
    for q in quotes:
        if q.cue_span is not None:
            by_cue.setdefault((q.article, q.cue_span), []).append(q)
    out: set[frozenset[str]] = set()
    for (_, (cue_start, cue_end)), qs in by_cue.items():
        before = [q for q in qs if q.end <= cue_start]
        after = [q for q in qs if q.start >= cue_end]
        if before and after:
            a = max(before, key=lambda q: q.end)
            b = min(after, key=lambda q: q.start)
            if b.start - a.end < 80:
                out.add(frozenset((a.id, b.id)))
    return out


def _linked(a: Quote, b: Quote, ta: str, tb: str, halves: set[frozenset[str]]) -> bool:
    ka, kb = _speaker_key(a), _speaker_key(b)
    if ka == kb and frozenset((a.id, b.id)) in halves:
        return True
    if ka is not None and kb is not None and ka != kb:
        return False
    if ka is None or kb is None:
        if min(len(ta.split()), len(tb.split())) < _MIN_UNATTRIBUTED_WORDS:
            return False
        if ka is None and kb is None and a.article == b.article:
            return False
    if a.article == b.article:
        # One article quoting one speaker twice: a repeat only when the words
        # are the same; a near match is a second thing said.
        short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        return (
            bool(short) and f" {short} " in f" {long} " and len(short.split()) >= _MIN_FUZZY_WORDS
        )
    return _same_words(ta, tb)


def _slack(length: int) -> float:
    """Most distinct :data:`_GRAM`-grams of a quote of ``length`` characters that the
    other quote can lack while the two still hold the same words (:func:`_same_words`).

    partial_ratio compares the shorter quote s (m characters) with windows t of the
    longer one, each at most m long, and is at least :data:`_SAME_WORDS` only when
    their longest common subsequence L >= c(m + |t|), c = _SAME_WORDS / 200.  The m - L
    characters of s left out each break at most q of its q-grams, and the |t| - L
    inserted into it at most q - 1 each, so at most q(m - L) + (q - 1)(|t| - L) of its
    q-grams are missing from t; that is linear in |t|, which lies between cm / (1 - c)
    (L <= |t|) and m, so the worst case is at one of the two ends.  Every distinct
    gram of s but that many is then in the longer text, whichever window matched.
    """
    q, c, m = _GRAM, _SAME_WORDS / 200, float(length)

    def missing(t: float) -> float:
        low = c * (m + t)
        return q * (m - low) + (q - 1) * (t - low)

    return max(missing(c * m / (1 - c)), missing(m))


class _GramFilter:
    """Which quote pairs could hold the same words, from shared character n-grams.

    A necessary condition, never a sufficient one: a pair whose shared distinct
    n-grams fall short of what :func:`_slack` allows cannot pass :func:`_same_words`
    (nor the exact containment of :func:`_linked`, which shares every gram), so only
    the others are compared.  One set intersection (a microsecond or two) spares a
    fuzzy comparison for nine pairs in ten (195k -> 19k comparisons at 3,000
    articles).  (A matrix product per speaker was tried: it cost more CPU than it
    saved, in BLAS threads on a busy machine.)
    """

    def __init__(self, texts: Sequence[str]) -> None:
        # every text's grams at once, each coded as one integer (three code points
        # < 2**21 each: the coding is written for _GRAM == 3); a lone surrogate from a
        # broken page is a code point like any other
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        joined = "".join(texts).encode("utf-32-le", "surrogatepass")
        points = np.frombuffer(joined, dtype=np.uint32)
        cp = points.astype(np.int64)
        codes = cp[: len(cp) - 2] << 42 | cp[1 : len(cp) - 1] << 21 | cp[2:]
        owner = np.repeat(np.arange(len(texts)), lengths)[: len(codes)]
        inside = np.arange(len(codes)) + _GRAM <= np.cumsum(lengths)[owner]  # in one text
        codes, owner = codes[inside], owner[inside]
        bounds = np.searchsorted(owner, np.arange(len(texts) + 1)).tolist()
        flat = codes.tolist()
        #: each text's distinct grams
        self.grams = [set(flat[bounds[k] : bounds[k + 1]]) for k in range(len(texts))]
        # one gram of margin for rounding; a text under _GRAM characters needs none
        self.need = [
            len(g) - _slack(n) - 1 for g, n in zip(self.grams, lengths.tolist(), strict=True)
        ]

    def may_link(self, i: int, j: int) -> bool:
        """Whether quotes ``i`` and ``j`` may hold the same words."""
        return len(self.grams[i] & self.grams[j]) >= min(self.need[i], self.need[j])


def _candidate_pairs(
    quotes: Sequence[Quote], texts: Sequence[str], halves: set[frozenset[str]]
) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) that :func:`_linked` can link, each once, without the rest.

    Comparing every pair of a story's quotes is quadratic in its quotes, which
    grow with the story (a large one quotes its main speaker dozens of times in
    each article).  :func:`_linked` never links two different speakers, nor an
    unattributed quote of fewer than ``_MIN_UNATTRIBUTED_WORDS`` words, except
    the two halves of one quotation; so only pairs within one speaker, pairs of
    a long unattributed quote with any long quote, and the halves are tried, and
    of those only the ones :class:`_GramFilter` lets through.  The statements are
    the connected components of the links, the same whatever pairs that cannot
    link are left out.
    """
    ids = {q.id: i for i, q in enumerate(quotes)}
    tried: set[tuple[int, int]] = set()
    for pair in halves:
        found = sorted(ids[q] for q in pair if q in ids)
        if len(found) == 2:
            tried.add((found[0], found[1]))
            yield found[0], found[1]
    by_speaker: dict[str, list[int]] = {}
    loose: list[int] = []  # unattributed quotes long enough to be linked
    long: list[int] = []  # every quote long enough to meet an unattributed one
    for i, (q, text) in enumerate(zip(quotes, texts, strict=True)):
        key = _speaker_key(q)
        if key is not None:
            by_speaker.setdefault(key, []).append(i)
        enough = len(text.split()) >= _MIN_UNATTRIBUTED_WORDS
        if enough:
            long.append(i)
            if key is None:
                loose.append(i)
    grams = _GramFilter(texts)
    may_link = grams.may_link
    for same in by_speaker.values():
        for n, i in enumerate(same):
            for j in same[n + 1 :]:
                if (i, j) not in tried and may_link(i, j):
                    yield i, j
    is_loose = set(loose)
    for i in loose:
        for j in long:
            # a pair of two loose quotes once (from the smaller index)
            if j != i and not (j in is_loose and j < i):
                ends = (i, j) if i < j else (j, i)
                if ends not in tried and may_link(i, j):
                    yield ends


def group_statements(
    quotes: Sequence[Quote], families: Sequence[Sequence[str]]
) -> tuple[tuple[Quote, ...], tuple[Statement, ...]]:
    """Normalise speakers and group the quotes of one story into statements.

    ``families`` are the story's derivation families (article ids deriving
    from one origin): a family counts as one independent source, an article in
    no family as one of its own.  Every quote gets a statement, so a statement
    carried by one article is a statement too.  Statement ids derive from the
    first quote's id, unique across stories.
    """
    named = normalise_names(quotes)
    texts = [normalise_text(q.text) for q in named]
    groups = _Groups(len(named))
    halves = _halves_of(named)
    for i, j in _candidate_pairs(named, texts, halves):
        if groups.find(i) != groups.find(j) and _linked(
            named[i], named[j], texts[i], texts[j], halves
        ):
            groups.union(i, j)
    family_of: dict[str, int] = {}
    for n, fam in enumerate(families):
        for art in fam:
            family_of.setdefault(art, n)
    members: dict[int, list[int]] = {}
    for i in range(len(named)):
        members.setdefault(groups.find(i), []).append(i)
    statement_of: dict[int, str] = {}
    statements: list[Statement] = []
    for root in sorted(members):
        idx = members[root]
        sid = f"{named[idx[0]].id}:s"
        articles = tuple(dict.fromkeys(named[i].article for i in idx))
        sources = {("family", family_of[a]) if a in family_of else ("article", a) for a in articles}
        speakers = Counter(sp.name for i in idx if (sp := named[i].speaker) is not None)
        longest = max(idx, key=lambda i: len(named[i].text))
        statements.append(
            Statement(
                id=sid,
                speaker=speakers.most_common(1)[0][0] if speakers else None,
                text=" ".join(named[longest].text.split()),
                quotes=tuple(named[i].id for i in idx),
                articles=articles,
                independent_sources=len(sources),
            )
        )
        for i in idx:
            statement_of[i] = sid
    out = tuple(dataclasses.replace(q, statement=statement_of[i]) for i, q in enumerate(named))
    log.debug("%d quotes -> %d statements", len(out), len(statements))
    return out, tuple(statements)
