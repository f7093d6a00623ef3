"""The claim features: a possessive dropped as the pattern dropped it, and an entity
lookup that skips only n-grams that cannot name a known entity.

:meth:`newsprism.claims.features.EntityIndex.find` tries the n-grams from each
capitalised word, longest first, and leaves out those whose letters no known form
has.  Whatever it leaves out must be an n-gram the full search would not have
found: the keys must equal those of trying every n-gram, on names and claims made of
the pieces ``_form`` rewrites (articles, possessives, initials, dots, hyphens).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.claims import features as F
from newsprism.entities import normalise
from newsprism.model import Claim, Entity, Value, entity_id

PIECES = [
    "The",
    "the",
    "A",
    "An",
    "a",
    "Ana",
    "Ward",
    "Ward's",
    "Ward’s",
    "Wards",
    "Ward'",
    "J.",
    "J",
    "A.J.",
    "AJ",
    "U.S.",
    "U.S.'s",
    "US",
    "al-Rashid",
    "Rashid",
    "Bank",
    "of",
    "Marlow",
    "Marlows",
    "Co.",
    "Ltd",
    "said",
    "s",
    "S",
    "3",
    "&",
    ",",
    "-",
    "—",
]
KINDS = ["person", "org", "place"]
NAME = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4)


def _everything(index: F.EntityIndex, words: list[str]) -> dict[str, None]:
    """The search without the skip: every n-gram from every capitalised word."""
    out: dict[str, None] = {}
    i = 0
    while i < len(words):
        at_start = i == 0
        if not words[i][:1].isupper():
            i += 1
            continue
        for n in range(min(F._MAX_NGRAM, len(words) - i), 0, -1):
            ent = index.by_form.get(F._form(" ".join(words[i : i + n])))
            if ent is not None:
                if ent.startswith("person:"):
                    out[f"w:{ent.rsplit('-', 1)[-1].split(':')[-1]}"] = None
                out[ent] = None
                i += n
                break
        else:
            w = normalise(words[i]).lower()
            if w and w not in F.STOP and len(w) > 1 and not at_start:
                out[f"w:{w}"] = None
            i += 1
    return out


def _index(names: list[tuple[str, list[str]]]) -> F.EntityIndex:
    entities = []
    for kind, parts in names:
        name = " ".join(parts)
        entities.append(Entity(entity_id(kind, name), name, kind, aliases=(parts[-1],)))
    return F.EntityIndex(entities)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(KINDS), NAME), max_size=5),
    st.lists(st.sampled_from(PIECES), max_size=16),
)
def test_the_skip_finds_what_every_ngram_finds(
    names: list[tuple[str, list[str]]], text: list[str]
) -> None:
    index = _index(names)
    words = F._WORD.findall(" ".join(text))
    assert index.find(words) == _everything(index, words)


def test_names_found_through_articles_possessives_and_initials() -> None:
    index = _index([("person", ["A.", "J.", "Ward"]), ("org", ["the", "Bank", "of", "Marlow"])])
    words = F._WORD.findall("Officials said AJ Ward's bank, The Bank of Marlow, paid.")
    found = index.find(words)
    assert list(found) == ["w:ward", "person:a-j-ward", "org:the-bank-of-marlow"]
    assert found == _everything(index, words)


def test_a_word_that_begins_no_name_is_skipped() -> None:
    """The skip is taken: no n-gram is formed from a word no known name begins with."""
    index = _index([("person", ["Ana", "Ward"])])
    assert index._sizes(["Officials", "said", "Ana", "Ward"], 0) == []
    assert index._sizes(["Ana", "Ward's", "view"], 0) == [2]
    assert index._sizes(["The", "Ward", "view"], 0) == [3, 2, 1]  # an article: all of them


def test_the_words_of_a_form_are_letters_and_the_skipped_marks() -> None:
    """The skip reads letters only: ``_form`` keeps every other character it is given."""
    for piece in PIECES:
        for word in F._WORD.findall(piece):
            assert re.fullmatch(r"[A-Za-z'’.-]+", word), word


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "'", "’", "'s", "’s", "s'", "x"]), max_size=8))
def test_a_possessive_is_dropped_as_the_pattern_drops_it(pieces: list[str]) -> None:
    for word in F._WORD.findall("".join(pieces)):
        for form in (word, word.lower()):
            assert F._unpossessed(form) == re.sub(r"['’]s?$", "", form), form


def test_features_read_possessives_and_names() -> None:
    index = _index([("person", ["Ana", "Ward"])])
    claim = Claim(
        id="c1",
        article="a1",
        text="Ana Ward's campaign's donors gave the mayor’s office $3 million.",
        start=0,
        end=62,
        values=(Value("money", "$3 million", 3e6),),
    )
    feats = F.features(claim, index)
    assert feats.entities == {"w:ward", "person:ana-ward"}
    assert {"campai", "donor", "office", "mayor"} <= feats.stems
    assert feats.keys >= {"e:person:ana-ward", "s:campai", "v:USD:6"}
    assert feats.kind == "figure"


def _old_words(words: list[str], units: frozenset[str]) -> tuple[list[str], list[str]]:
    """The two word passes ``features`` made before they were one."""
    possessive = re.compile(r"['’]s?$")
    lower = [possessive.sub("", w.lower()).strip(".'’") for w in words]
    parts = [p for w in lower for p in w.split("-")]
    content = [F._singular(w) for w in parts if w not in F.STOP and len(w) > 2 and w.isalpha()]
    units_words = {u.lower() for u in units}
    plain = [
        F._singular(w)[: F._STEM_LEN]
        for w in (possessive.sub("", x).strip(".'’") for x in words if x[:1].islower())
        for w in w.lower().split("-")
        if w not in F.STOP and len(w) > 2 and w.isalpha() and w not in units_words
    ]
    return content, plain


WORDY = [*PIECES, "mayor's", "mayor'S", "well-known'S", "votes", "ballots’", "dollars", "the", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDY), max_size=12), st.sampled_from(["", "dollar", "vote"]))
def test_one_word_pass_reads_as_the_two_did(pieces: list[str], unit: str) -> None:
    words = F._WORD.findall(" ".join(pieces))
    units = frozenset([unit] if unit else [])
    assert F._words(words, units) == _old_words(words, units)


def test_a_concept_is_that_of_the_longest_prefix() -> None:
    """The lookup by prefix length gives what trying every prefix, longest first, gave."""
    from newsprism.claims import lexicon

    def scan(word: str) -> str | None:
        if len(word) < 3:
            return None
        return next((c for p, c in lexicon._PREFIXES if word.startswith(p)), None)

    words = {p + tail for p, _ in lexicon._PREFIXES for tail in ("", "s", "ed", "ing")}
    words |= {p[:k] for p, _ in lexicon._PREFIXES for k in range(len(p))} | {"zzz", "ab"}
    for word in sorted(words):
        assert lexicon._concept.__wrapped__(word) == scan(word), word
