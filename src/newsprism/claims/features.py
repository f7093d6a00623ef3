"""What a claim is about, from its text alone, so grouping needs no parse.

The corpus stage sees claims, not parses (a batch engine may have run
extraction elsewhere), so the features are re-derived from the claim text:
entities by looking up capitalised word runs in the story's entity aliases,
concept classes from :mod:`.lexicon`, and truncated word stems.  Truncation to
six letters is the classic cheap stemmer of information retrieval; it joins
"reported"/"report" and "donated"/"donation" without a lemmatiser.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..entities import normalise
from ..model import Claim, Entity
from .lexicon import STOP, concepts_of, disputing
from .values import amount_of

__all__ = ["EntityIndex", "Features", "claim_kind", "features"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_STEM_LEN = 6
_MAX_NGRAM = 5


@dataclass(frozen=True, slots=True)
class Features:
    """``kind``: dated (a dated event), figure, finding or denial."""

    kind: str
    entities: frozenset[str]
    concepts: frozenset[str]
    stems: frozenset[str]
    units: frozenset[str]
    values: frozenset[str]  # coarse value keys: the same figure hints at the same fact
    plain: frozenset[str]  # stems of lower-case content words: what happens, not who
    keys: frozenset[str] = frozenset()  # all of the above, prefixed, for indexing
    first: str | None = None  # the leftmost named actor or place, usually the subject
    event: str | None = None  # the verb nearest the first date: what happened then
    quoted: bool = False  # mostly a direct quotation: a speaker's words, not the outlet's
    quote_share: float = 0.0  # the share of the text inside quotation marks


@functools.lru_cache(maxsize=65536)
def _form(text: str) -> str:
    """A name's lookup form: initials written any way are one ("A.J.", "A. J.", "A.J"
    and "AJ"), since claim words lose their final dot and outlets space initials."""
    out: list[str] = []
    for tok in normalise(text).replace(".", " ").split():
        if len(tok) == 1 and out and len(out[-1]) <= 3 and out[-1].isupper() and tok.isupper():
            out[-1] += tok  # "A J" -> "AJ"
        else:
            out.append(tok)
    return " ".join(out)


#: What :func:`_form` may drop of a name's words besides these characters: a leading
#: article and the "s" of a possessive; it keeps every other letter, in order.
_NOT_LETTERS = str.maketrans("", "", " '’.-")
_ARTICLES = frozenset(["the", "a", "an"])
_POSSESSIVE_ENDS = ("'s", "’s")


class EntityIndex:
    """Surface form -> entity id, from the story's merged entities and their aliases."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_form: dict[str, str] = {}
        for ent in entities:
            for form in (ent.name, *ent.aliases):
                self.by_form.setdefault(_form(form), ent.id)
        # The letters of each form, and their prefixes: most capitalised words of a
        # claim begin no known name, and these tell so without forming each n-gram.
        self._letters = {f.translate(_NOT_LETTERS) for f in self.by_form}
        self._prefixes = {s[:j] for s in self._letters for j in range(len(s) + 1)}

    def _sizes(self, words: list[str], i: int) -> list[int]:
        """The n-gram sizes at ``i``, longest first, whose form may be a known one.

        The form of an n-gram not opening with an article has the n-gram's letters,
        less a possessive "s" at its end; sizes whose letters no form has are left out.
        """
        top = min(_MAX_NGRAM, len(words) - i)
        if words[i].lower() in _ARTICLES:
            return list(range(top, 0, -1))  # "The White House" -> "White House"
        head = words[i].translate(_NOT_LETTERS)
        if head[:-1] not in self._prefixes:  # [:-1]: "Putin's" -> "Putin"
            return []
        sizes: list[int] = []
        letters = ""
        for n in range(1, top + 1):
            last = words[i + n - 1]
            letters += last.translate(_NOT_LETTERS)
            if letters in self._letters or (
                last.endswith(_POSSESSIVE_ENDS) and letters[:-1] in self._letters
            ):
                sizes.append(n)
        return sizes[::-1]

    def find(self, words: list[str]) -> dict[str, None]:
        """Entity keys in a word list, in order: the longest known n-gram wins, else the word."""
        out: dict[str, None] = {}
        i = 0
        while i < len(words):
            at_start = i == 0
            if not words[i][:1].isupper():
                i += 1
                continue
            for n in self._sizes(words, i):
                form = _form(" ".join(words[i : i + n]))
                ent = self.by_form.get(form)
                if ent is not None:
                    if ent.startswith("person:"):
                        # "Putin" and "Vladimir Putin" may stay apart in the entity list
                        out[f"w:{ent.rsplit('-', 1)[-1].split(':')[-1]}"] = None
                    out[ent] = None
                    i += n
                    break
            else:
                w = normalise(words[i]).lower()
                if w and w not in STOP and len(w) > 1 and not at_start:
                    out[f"w:{w}"] = None
                i += 1
        return out


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_IRREGULAR = frozenset(
    """began begun broke built came come died fell flew forced found gave given got held hit
    kept killed left lost made met paid put quit ran rose said saw sent set shot shut sold spent
    spoke stood struck swore took told threw won wrote""".split()  # noqa: SIM905
)
_AUX = frozenset(
    ["was", "were", "been", "is", "are", "be", "has", "have", "had", "did", "does", "do", "being"]
)
_EVENT_WINDOW = 6


def _event_word(claim: Claim) -> str | None:
    """The verb nearest the claim's first date, as a 6-letter stem or its concept.

    A text-only stand-in for the parse's governing verb: "published on
    Thursday" and "reported Friday" share the concept *report*; "built in the
    1930s" and "burned down in 2003" name two events.
    """
    date = next((v for v in claim.values if v.kind in ("date", "day", "period")), None)
    if date is None:
        return None
    at = claim.text.find(date.text)
    if at < 0:
        return None
    before = [w.lower() for w in _WORD.findall(claim.text[:at])][-_EVENT_WINDOW:]
    after = [w.lower() for w in _WORD.findall(claim.text[at + len(date.text) :])][:_EVENT_WINDOW]
    order = [w for pair in itertools.zip_longest(reversed(before), after) for w in pair if w]
    for w in order:
        if w in _AUX or w in STOP:
            continue
        if (len(w) > 4 and w.endswith("ed")) or w in _IRREGULAR:
            concept = concepts_of([w])
            return f"c:{min(concept)}" if concept else w[:_STEM_LEN]
    return None


_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.]\s?(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b"
    r"|\b(?P<h24>[01]?\d|2[0-3]):\s?(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)


def _clock_keys(text: str) -> list[str]:
    """Times of day ("about 7 p.m.", "06:00 BST") as keys: four outlets that put an
    event "around 7 p.m." state one fact in four different sentences."""
    out = []
    for m in _CLOCK.finditer(text):
        if m.group("h24") is not None:
            h, mi = int(m.group("h24")), int(m.group("m24"))
        else:
            h, mi = int(m.group("h")) % 12, int(m.group("m") or 0)
            h += 12 if m.group("ap").lower() == "p" else 0
        out.append(f"time:{h:02d}:{mi:02d}")
    return out


def _value_keys(claim: Claim) -> list[str]:
    """Keys of the claim's values: coarse ones (year of a date, unit and order of
    magnitude of a figure) that join accounts of one fact whose figures differ, and
    exact ones (the day, the figure, the time of day) that are rare in a story and
    so pick out the few claims stating the same fact."""
    out = []
    for v in claim.values:
        amt = amount_of(v)
        if amt is not None and amt.value > 0 and math.isfinite(amt.value):
            out.append(f"{amt.unit}:{round(math.log10(amt.value))}")
            if not amt.vague:
                out.append(f"{amt.unit}={amt.value:g}")
        elif v.kind in ("date", "period") and isinstance(v.value, str) and v.value[:4].isdigit():
            out.append(f"{v.kind}:{v.value[:4]}")
            if len(v.value) >= 10:
                out.append(f"{v.kind}={v.value[:10]}")
    return out + _clock_keys(claim.text)


def claim_kind(claim: Claim) -> str:
    """Which claims may share a group: a dated event, a figure, a finding, a denial."""
    amounts = [a for a in (amount_of(v) for v in claim.values) if a is not None]
    if disputing(claim.text):
        return "denial"
    if amounts:
        return "figure"
    if any(v.kind in ("date", "day") for v in claim.values):
        return "dated"
    return "finding"


#: Share of a claim inside quotation marks that makes it a speaker's words.
QUOTED_SHARE = 0.5


def _quote_share(text: str) -> float:
    from ..quotes.marks import find_quoted  # the quote scanner is shared, not duplicated

    closes, opens = text.find("”"), text.find("“")
    if text.count('"') % 2 or (closes >= 0 and not 0 <= opens < closes):
        text = "“" + text  # a claim starting inside a quotation lost its opening mark
    inside = sum(q.end - q.start for q in find_quoted(text))
    return inside / max(1, len(text))


def _unpossessed(word: str) -> str:
    """``word`` without a final "'s" or apostrophe: ``re.sub(r"['’]s?$", "", word)`` for a
    word of :data:`_WORD` (no line break in it), without a pattern call per word."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


#: Endings :func:`_unpossessed` keeps when a word is read before lower-casing it.
_CAPITAL_POSSESSIVE = ("'S", "’S")


def _words(words: list[str], units: frozenset[str]) -> tuple[list[str], list[str]]:
    """The content words of a claim (singular, lower case) and the stems of those written
    in lower case and naming no unit of its figures (what happens, not who), in order.

    One pass over the words: a lower-case word is read as the content words read it
    unless it ends in a capital "'S", which the possessive pattern kept in it.
    """
    units_words = {u.lower() for u in units}
    content: list[str] = []
    plain: list[str] = []
    for x in words:
        lowered = x[:1].islower()
        capital = lowered and x.endswith(_CAPITAL_POSSESSIVE)
        for w in _unpossessed(x.lower()).strip(".'’").split("-"):
            if w not in STOP and len(w) > 2 and w.isalpha():
                one = _singular(w)
                content.append(one)
                if lowered and not capital and w not in units_words:
                    plain.append(one[:_STEM_LEN])
        if capital:
            plain.extend(
                _singular(w)[:_STEM_LEN]
                for w in x.strip(".'’").lower().split("-")
                if w not in STOP and len(w) > 2 and w.isalpha() and w not in units_words
            )
    return content, plain


def features(claim: Claim, index: EntityIndex) -> Features:
    words = _WORD.findall(claim.text)
    ents = index.find(words)
    units = frozenset(a.unit for a in (amount_of(v) for v in claim.values) if a and a.unit)
    content, plain = _words(words, units)
    share = _quote_share(claim.text)
    entities = frozenset(ents)
    concepts = concepts_of(content)
    stems = frozenset(w[:_STEM_LEN] for w in content)
    values = frozenset(_value_keys(claim))
    keys = (
        {f"e:{e}" for e in entities}
        | {f"c:{c}" for c in concepts}
        | {f"s:{s}" for s in stems}
        | {f"v:{v}" for v in values}
    )
    # one record, its keys included: ``dataclasses.replace`` would build it twice
    return Features(
        quoted=share >= QUOTED_SHARE,
        quote_share=share,
        first=next(iter(ents), None),
        event=_event_word(claim),
        kind=claim_kind(claim),
        values=values,
        entities=entities,
        concepts=concepts,
        stems=stems,
        units=units,
        plain=frozenset(plain),
        keys=frozenset(keys),
    )
