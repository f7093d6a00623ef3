"""Turning an article into the sparse bags the clusterer compares.

Two bags per article, as in Miranda et al. (2018): the words of title and body,
and the named entities.  Entities come from :class:`~newsprism.model.ArticleNLP`
when the pipeline has run spaCy; otherwise from capitalised word runs, a cheap
stand-in that keeps the assignment step free of any model so it can run at
stream speed.  Tokenising is a single regular expression on purpose: a real
tokenizer would cost more than everything else in the assignment step, and the
bags only need word identity, not linguistic tokens.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections import Counter
from collections.abc import Container, Iterable
from functools import cache, lru_cache
from itertools import filterfalse
from pathlib import Path

from .._words import CALENDAR
from ..model import Article, ArticleNLP

__all__ = [
    "ENTITY_LABELS",
    "Bags",
    "LowerWords",
    "bags",
    "entity_keys",
    "fallback_entities",
    "sublinear",
    "words",
]

#: spaCy labels that name who or what a story is about (dates and numbers are
#: left to the word bag, where a year or a death toll still counts).
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

#: the words of a text: runs of letters and digits ("_" is none), apostrophes inside.
#: This is the definition; :func:`_tokens` finds the same words faster
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _runs(char: str, joiner: str) -> str:
    """``{char}+(?:{joiner}{char}+)*`` as sre runs it faster, with the same matches.

    sre allocates a repeat context each time a match reaches a ``(...)*`` group,
    that is for every word; written as an alternation with an empty branch the
    group is entered only at a joiner (greedy either way, and nothing follows the
    group, so the longest run is taken in both)."""
    return rf"{char}+(?:{joiner}{char}+(?:{joiner}{char}+)*|)"


# ASCII text is split in C instead: its letters and digits are [0-9A-Za-z]
# (str.isalnum), so with every other character but the apostrophe made a space
# (one translate) and the apostrophes that are not between two of them too (the
# pattern below, which only looks at apostrophes), str.split gives _WORD's words
_ASCII_SPACES = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not c.isalnum() and c != "'"}
)
_EDGE_APOSTROPHE = re.compile("'(?:(?![0-9A-Za-z])|(?<![0-9A-Za-z]'))")
# Other text: letters and digits as a bitmap where sre can (a class of category
# escapes calls the Unicode database for every character, ``[^\W_]`` up to four
# calls; a bitmap is one test): Latin-1's letters and digits, then \w for the
# rest, which is [^\W_] on a text without "_"


def _ranges(chars: str) -> str:
    """A character class's body for ``chars`` (sorted), runs written as ranges
    (shorter to compile than one escape per character)."""
    out: list[str] = []
    for c in chars:
        if out and out[-1][-1] == chr(ord(c) - 1):
            out[-1] = out[-1][0] + c  # a run: first and last kept
        else:
            out.append(c)
    return "".join(re.escape(r[0]) + ("-" + re.escape(r[-1]) if len(r) > 1 else "") for r in out)


_LATIN1_ALNUM = _ranges("".join(c for c in map(chr, range(256)) if c.isalnum()))
_WIDE_WORD = re.compile(_runs(rf"[{_LATIN1_ALNUM}\w]", "['’]"))


def _tokens(text: str) -> list[str]:
    """``_WORD.findall(text)``, in a third fewer instructions (see :func:`_runs`;
    ``tests/stories/test_features.py`` checks that the three ways agree)."""
    if text.isascii():  # a flag of the string: no pass
        if "'" in text:
            text = _EDGE_APOSTROPHE.sub(" ", text)
        return text.translate(_ASCII_SPACES).split()
    if "_" in text:
        return _WORD.findall(text)
    return _WIDE_WORD.findall(text)


# A run of capitalised words, allowing "of"/"de"-style joiners inside it.
# A dot belongs to a word only inside it ("U.S."), so runs stop at sentence ends.
_CAPWORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_JOINERS = "of|de|la|van|von|der|du|al|bin|the"
_JOINED = rf"(?:[ \t]+(?:(?:{_JOINERS})[ \t]+)?{_CAPWORD})*"
# _CAPWORD's tail and _JOINED as sre runs them faster (see :func:`_runs`): a word's
# letters as one class (the dots, rare, apart), each group an alternation with an
# empty branch
_CAPTAIL = r"[\w'’-]*(?:\.(?=\w)[\w'’-]*(?:\.(?=\w)[\w'’-]*)*|)"
_JOIN = rf"[ \t]+(?:(?:{_JOINERS})[ \t]+|)[A-Z]{_CAPTAIL}"
# "\b" before the first capital, written as a look-behind after it: a pattern that
# opens with a character class lets the engine skip ahead to the next capital
# (a quarter faster than opening with "\b"; tests/stories/test_features.py checks
# that this finds what "\b{_CAPWORD}{_JOINED}" finds)
_CAPRUN = re.compile(rf"[A-Z](?<!\w[A-Z]){_CAPTAIL}(?:{_JOIN}(?:{_JOIN})*|)")
# what "written in lower case" means (:class:`LowerWords` answers it without a pass)
_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_POSSESSIVE = re.compile(r"['’]s$")


def _spacy_stop_words() -> set[str]:
    """spaCy's English stop list, without importing spaCy.

    ``import spacy.lang.en.stop_words`` runs ``spacy/__init__`` first (thinc,
    confection, the CLI: importing the clusterer and placing one article took
    0.77 CPU s with it, 0.11 without), which placing articles without a model
    (``watch``, ``stories``, the batch engines) never needs;
    the list is a plain module with no imports, so it is loaded from its file
    alone.  Where spaCy is already imported, its module is used as is."""
    name = "spacy.lang.en.stop_words"
    loaded = sys.modules.get(name)
    if loaded is None and "spacy" not in sys.modules:
        root = importlib.util.find_spec("spacy")  # finds, does not run, the package
        where = root.submodule_search_locations if root else None
        if where:
            path = Path(next(iter(where))) / "lang" / "en" / "stop_words.py"
            spec = importlib.util.spec_from_file_location("_newsprism_spacy_stop_words", path)
            if spec is not None and spec.loader is not None and path.is_file():
                loaded = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(loaded)
    if loaded is None:
        loaded = importlib.import_module(name)
    return set(loaded.STOP_WORDS)


@cache
def _stopwords() -> frozenset[str]:
    # spaCy's English list: a maintained list beats a hand-written one, and spaCy
    # is a core dependency anyway; only this tiny module of it is read.
    STOP_WORDS = _spacy_stop_words()

    # one-letter tokens carry nothing; listing them is cheaper than a length test per token
    letters = set("abcdefghijklmnopqrstuvwxyz0123456789")
    return frozenset(STOP_WORDS) | letters | {"http", "https", "www", "com"}


class Bags:
    """The word and entity counts of one article (raw term frequencies: the
    clusterer weighs them, sublinear times IDF, in one pass, :func:`sublinear`)."""

    __slots__ = ("entities", "words")

    def __init__(self, words: dict[str, int], entities: dict[str, int]) -> None:
        self.words = words
        self.entities = entities


def words(text: str) -> Counter[str]:
    """Lower-cased content words: stop words and one-letter tokens dropped."""
    return _content(text)


#: words (stop words included) of a body's opening that count as its lead (see :func:`bags`)
LEAD_WORDS = 60
#: extra counts of each word of the title and of the lead
LEAD_BOOST = 2


def _words(text: str, title: str = "") -> tuple[Counter[str], LowerWords]:
    """Content words with the lead's and the title's counted three times, and the
    words the text also writes in lower case (common nouns).

    The words are one whole-text regular-expression pass, so the per-token work
    runs in C; the lower-case words are only asked about (:class:`LowerWords`).
    """
    return _content(text, LEAD_WORDS, title), LowerWords(text)


# besides letters and digits (``str.isalnum``, which is what ``\w`` means in ``re``
# with "_"), the characters a lower-case word of ``_LOWER`` may not touch
_WORD_EDGE = "_'’-"


class LowerWords:
    """The words ``text`` writes in lower case (the matches of ``_LOWER``), as a
    set that is only asked about, never built.

    Building it was a second regular-expression pass over every article (a quarter
    of featurising one: ~30 µs for 700 characters), for a set that
    :func:`entity_keys` asks about a dozen names, nearly all of which the text
    only writes capitalised.  A name is a lower-case word of the text if one of its
    occurrences (``str.find``, in C) stands alone: ``_LOWER`` matches ``[a-z]+``
    with neither side touching a letter, digit, "_", apostrophe or hyphen, and such
    an occurrence is always one of its matches (no match can overlap it).
    ``tests/stories/test_features.py`` checks the two agree.
    """

    __slots__ = ("_seen", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: dict[str, bool] = {}  # a name recurs in an article

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        seen = self._seen.get(word)
        if seen is None:
            seen = self._seen[word] = self._standalone(word)
        return seen

    def _standalone(self, word: str) -> bool:
        if not (word.isascii() and word.isalpha() and word.islower()):
            return False  # not [a-z]+
        text, n, edge = self._text, len(word), _WORD_EDGE
        end = len(text)
        i = text.find(word)
        while i >= 0:
            j = i + n
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in edge)) and (
                j == end or not (text[j].isalnum() or text[j] in edge)
            ):
                return True
            i = text.find(word, i + 1)
        return False


def _content(text: str, lead: int = 0, title: str = "") -> Counter[str]:
    tokens = _tokens(text.lower())
    # one Counter over the text and the extra copies of its lead and its title: the
    # counting runs in C; the lead, a prefix, adds no new keys, and the title's new
    # words come after the text's, in the title's order
    if lead:
        tokens += tokens[:lead] * LEAD_BOOST
    if title:
        tokens += _tokens(title.lower()) * LEAD_BOOST
    # stop words are dropped before counting (a set look-up in C per token is
    # cheaper than counting them and deleting them again); the order of first
    # occurrences, which breaks ties between equal weights later, is the same
    return Counter(filterfalse(_stopset().__contains__, tokens))


@cache
def _stopset() -> set[str]:
    return set(_stopwords())  # never mutated


def _norm_entity(text: str) -> str:
    return _POSSESSIVE.sub("", " ".join(text.lower().split())).strip(" .'’-")


def _entity_key_of(name: str) -> tuple[str, str]:
    """A name's key and, for a multi-word name, its last word (else "")."""
    norm = _norm_entity(name)
    parts = norm.split()
    return norm, parts[-1] if len(parts) > 1 and len(parts[-1]) > 1 else ""


# Names recur across a stream (the same people and places all day), so their
# normal forms are cached: a hit is one C-level lookup instead of a regex pass.
_entity_key = lru_cache(maxsize=1 << 16)(_entity_key_of)


@cache
def _skip() -> frozenset[str]:
    return _stopwords() | CALENDAR  # calendar words head sentences and datelines


def _strip_leading_of(run: str) -> str:
    """A capitalised run without its leading stop words ("The", "He", "But")."""
    stop = _stopwords()
    parts = run.split()
    while parts and parts[0].lower() in stop:
        parts.pop(0)
    return " ".join(parts)


_strip_leading = lru_cache(maxsize=1 << 16)(_strip_leading_of)


def entity_keys(names: list[str], common: Container[str] = frozenset()) -> Counter[str]:
    """Keys for entity names: the whole name, plus its last word for multi-word names.

    The last word lets "Lohan" in one article meet "Lindsay Lohan" in another,
    which is how news refers to people and firms after the first mention.  Words
    in ``common`` (ones the article also writes in lower case, such as "city"
    in "Kansas City") are not keys on their own: they name nothing in particular.
    """
    return Counter(_entity_counts(map(_entity_key, names), common))


def _entity_counts(named: Iterable[tuple[str, str]], common: Container[str]) -> dict[str, int]:
    """The counts of :func:`entity_keys` from its names' keys (:func:`_entity_key`),
    as a plain dict (no copy into a Counter)."""
    keys: dict[str, int] = {}
    get = keys.get
    skip = _skip()
    for norm, last in named:
        if not norm or norm in skip or norm in common:
            continue
        keys[norm] = get(norm, 0) + 1
        if last and last not in skip and last not in common:
            keys[last] = get(last, 0) + 1
    return keys


def fallback_entities(text: str) -> list[str]:
    """Capitalised word runs, without leading stop words ("The", "He", "But")."""
    return [name for name in map(_strip_leading, _CAPRUN.findall(text)) if name]


#: how many runs :func:`_run_key` remembers before it forgets them all
RUN_KEYS_MAX = 1 << 16


@cache
def _run_key(run: str) -> tuple[str, str]:
    """:func:`_entity_key` of a capitalised run without its leading stop words: one
    cached look-up per run instead of two and a list of names (a run left empty
    gets an empty key, which :func:`_entity_counts` skips as it skips empty names).

    The memo is a plain dict, emptied when it reaches :data:`RUN_KEYS_MAX` runs, not
    an LRU list: a stream hits it ~17 times an article (98 % hits), and a bounded
    ``lru_cache`` moves the hit's link to the front of its list on every hit,
    writing to the link and both of its neighbours (three cache lines that are cold
    in a memo of 65,536 runs), and the cyclic collector walks every link of it on
    each full collection.  A run's key does not depend on what else is memoised, so
    forgetting costs a recomputation, never a different key.  The keys are computed
    uncached (``_entity_key_of``, ``_strip_leading_of``): a run missing here is new
    to the stream, so its name is too (4 % hits in those memos over 300k articles)."""
    if _run_key.cache_info().currsize >= RUN_KEYS_MAX:
        _run_key.cache_clear()
    return _entity_key_of(_strip_leading_of(run))


#: 1 + ln(tf) for the term frequencies met in practice (:func:`sublinear` past it)
SUBLINEAR = [0.0] + [1.0 + math.log(n) for n in range(1, 256)]


def sublinear(tf: int) -> float:
    """1 + ln(tf): a term's weight in its article before IDF."""
    return SUBLINEAR[tf] if tf < len(SUBLINEAR) else 1.0 + math.log(tf)


def bags(article: Article, nlp: ArticleNLP | None = None) -> Bags:
    """The article's bags.  The words of the title and of the lead count three times.

    News is written as an inverted pyramid: the title and the opening sentence
    state who did what, where and when; the body adds background that two events
    of one kind share (the history of earthquakes in the region, a star's earlier
    stays in rehab).  On ECB+ article pairs of one topic, counting the opening
    :data:`LEAD_WORDS` words three times lifts the held-out AUC of same-event
    against other-event pairs from 0.922 to 0.946 (``benchmarks/results/stories.md``,
    round 5; 50-80 words and two extra counts all do about as well, one extra
    count about half as well).  The opening is taken in words, not lines or
    sentences, so a text's layout (one paragraph, or a line a sentence) does not
    matter, and it costs no second pass over the text.
    """
    title = article.title or ""
    counts, common = _words(article.text, title)
    if nlp is not None and nlp.mentions:
        named = map(_entity_key, [m.text for m in nlp.mentions if m.label in ENTITY_LABELS])
    else:  # the keys of fallback_entities(title + text)
        named = map(
            _run_key, _CAPRUN.findall(f"{title}\n{article.text}" if title else article.text)
        )
    return Bags(counts, _entity_counts(named, common))
