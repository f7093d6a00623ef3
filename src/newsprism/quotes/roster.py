"""The named people and bodies of one article, for the speaker resolver to point back to.

What a reader keeps in mind while reading an article: who was named where and in what
grammatical role (for salience), which surname belongs to which full name, what gender
the article gives each ("Mr. Trump", "spokeswoman"), which name NER mostly calls an
organisation, and which acronym stands for which organisation.  Built once per article
before any attribution is resolved; :class:`~.speakers.SpeakerResolver` extends it with
the resolution itself, and adds the speakers it resolves as it goes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import doc_text
from .gender import Gender, agrees, first_name_gender, given_name_gender, word_gender
from .layout import Layout
from .lexicon import ORG_NOUNS
from .mentions import JOINED_PARTICLES, person_noun
from .names import (
    clean_name,
    clean_role,
    given_and_surname,
    initials,
    is_credit,
    not_a_name,
    org_prefixes,
    personal_role,
    role_head,
)
from .phrase import ORG_LABELS, ents, name_and_role
from .syntax import PLURAL_TAGS, lemma_of, main_clause, reports, title_before
from .writer import Kind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

__all__ = ["Known", "Roster", "topic_possessor"]


@dataclass(frozen=True, slots=True)
class Known:
    """A named speaker or mention the resolver can point back to."""

    pos: int
    name: str
    role: str | None
    kind: Kind
    subject: bool
    speaker: bool
    #: Subject of a clause of the sentence's own, not a subordinate one.
    main: bool = False
    #: Subject of the sentence's root verb: what the sentence is about.
    top: bool = False
    #: A plural or a nationality ("Republicans", "Democratic"): never "it".
    plural: bool = False
    #: A place ("Indiana", "Sandy Hook Elementary School"): "it" only once quoted.
    place: bool = False


class Roster:
    """The article's names, indexed in text order."""

    def __init__(self, doc: Doc, layout: Layout) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # spaCy rebuilds Doc.text from its tokens on every access
        self.ents = ents(doc)
        self.layout = layout
        in_quote = layout.quote
        # Token offsets as plain lists, read once (``Doc.to_array`` is one call): the
        # per-token loops here made a spaCy ``Token`` for every attribute they read.
        idx, length = doc.to_array(["IDX", "LENGTH"]).T.tolist()
        # Sentences that never run over a paragraph break: (start char, end char).
        self.sents, self._sent_of = _sentences(layout.unit, idx, length)
        self._starts = [a for a, _ in self.sents]
        #: First token of each token's line: a name never runs over a line break.
        self._line_start = _line_starts(self.text, idx)
        self.known: list[Known] = []
        self._surnames: dict[str, list[tuple[int, str]]] = {}
        self._roles: dict[str, str] = {}
        self._labels: dict[str, Counter[str]] = {}
        #: Gender the article itself gives a name or surname ("Mr. Trump", "spokeswoman").
        self._genders: dict[str, str] = {}
        # Each entity's text cut from the article's once: ``Span.text`` makes a spaCy
        # ``Token`` per word on every read, and the loops below read it three times.
        named = [(ent, ent.label_, self.text[ent.start_char : ent.end_char]) for ent in self.ents]
        for _, label, text in named:
            if label == "PERSON" or label in ORG_LABELS:
                votes = self._labels.setdefault(clean_name(text, label == "PERSON"), Counter())
                votes["person" if label == "PERSON" else "org"] += 1
        #: Names NER called a person that begin an organisation's name in the
        #: article ("Kinder Morgan" beside "Kinder Morgan Canada Ltd."): the company.
        self._org_names = org_prefixes(self._labels, self.ents)
        for name in self._org_names:
            self._labels[name]["org"] = self._labels[name]["person"] + 1
        #: Acronym -> the organisation's full name in this article ("IMF" ->
        #: "International Monetary Fund"): the speaker shown is the fullest form.
        self._acronyms: dict[str, str] = {}
        for ent, label, text in named:
            if label == "ORG" and len(ent) > 1:
                full = clean_name(text)
                full = full[4:] if full.startswith(("The ", "the ")) else full
                self._acronyms.setdefault(initials(full), full)
        credit_lines: dict[int, bool] = {}
        for ent, label, text in named:
            if label != "PERSON" and label not in ORG_LABELS:
                continue
            ent_span = (ent.start_char, ent.end_char)
            if any(in_quote[i] >= 0 for i in range(ent.start, ent.end)):
                continue
            name = clean_name(text, label == "PERSON")
            titled = name.lower() in self._surnames  # "Billy King ... King said"
            if (
                not name
                or (not_a_name(name) and not titled)
                or not any(w[:1].isupper() or w[:1].isdigit() for w in name.split())
                or is_credit(self.text, *ent_span, credit_lines)
            ):
                # A photo credit ("Lauren Pelley / CBC News"), a place abbreviation
                # ("Sudbury, Ont.") or words in lower case NER took for a name
                # ("pickup truck") is no antecedent for "she".
                continue
            kind: Kind = "person" if label == "PERSON" or given_and_surname(name) else "org"
            if name in self._org_names:
                kind = "org"
            if kind == "org" and " " not in name and self._person_surname(name, ent.start_char):
                # NER often labels a bare surname ORG ("Christie blasted"); as the
                # subject of a reporting verb it is counted once, as a speaker.
                if reports(ent.root):
                    continue
                kind = "person"
            root = ent.root  # spaCy finds a span's root on every read
            subject = root.dep_ in ("nsubj", "nsubjpass")
            role = title_before(doc, ent.start)
            if kind == "person":
                described = self._named(root)
                role = described[1] if described else role
            if kind == "person":
                self._note_gender(name, doc[ent.start - 1].text if ent.start else "")
                if not name.startswith(ent[0].text):
                    self._note_gender(name, ent[0].text)  # "Mrs Smith", not "King"
                for word in role_head(role or "").split():
                    self._note_gender(name, word)
            main = subject and main_clause(root.head)
            verb = root.head
            if kind == "person" and topic_possessor(root):
                # "Oz's dubious advice earned him the attention of Congress": the
                # sentence is about the possessor of its subject, not the advice.
                main, verb = True, root.head.head
            # The root of its own sentence: the parser's root, or a clause it
            # hung on a verb of another sentence (a bullet, a quote after it).
            top = main and (
                verb.dep_ == "ROOT" or self._sent_of[verb.head.i] != self._sent_of[verb.i]
            )
            plural = label == "NORP" or root.tag_ in PLURAL_TAGS
            place = label in ("GPE", "FAC")
            self.known.append(
                Known(ent.start_char, name, role, kind, subject, False, main, top, plural, place)
            )
            role = clean_role(role)
            if role and kind == "person":
                self._roles.setdefault(name, role)
            if kind == "person":
                self._add_surname(ent.start_char, name)
        self._missed_surnames(doc)

    def _missed_surnames(self, doc: Doc) -> None:
        """Subjects that repeat the surname of a person named earlier, where NER saw no name.

        The small model misses a bare surname now and then ("Christie, who has
        campaigned for Donald Trump, blasted Clinton"); the sentence is then
        about nobody, and a following "he said" goes to the name in the
        relative clause.  A capitalised subject equal to the surname of a full
        name the article gave before is that person.
        """
        # Only subjects can be one: their token numbers from the dependency labels as
        # one array, not a spaCy ``Token`` made for every token of the article.
        subject = {doc.vocab.strings[dep] for dep in ("nsubj", "nsubjpass")}
        deps = doc.to_array("DEP").tolist()
        for tok in (doc[i] for i, dep in enumerate(deps) if dep in subject):
            if tok.ent_type_ or tok.pos_ not in ("PROPN", "NOUN"):
                continue  # the tagger may call a sentence-initial surname a noun
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if self.layout.in_quote(tok.i) or not tok.text[:1].isupper() or reports(tok):
                continue  # a speaker is counted once, when its attribution is resolved
            earlier = [n for p, n in self._surnames.get(tok.lower_, ()) if p < tok.idx]
            if not earlier:
                continue
            main = main_clause(tok.head)
            top = main and tok.head.dep_ == "ROOT"
            self.known.append(Known(tok.idx, earlier[-1], None, "person", True, False, main, top))

    def _expand(self, word: str) -> str:
        """An acronym as the organisation's full name in this article, else the word."""
        short = word.replace(".", "")
        if len(short) < 2 or not short.isupper():
            return word
        return self._acronyms.get(short, word)

    def _org_like(self, name: str) -> bool:
        """A one-word name NER mostly calls an organisation and no full name ends with.

        The small model labels "SpaceX" PERSON now and then, but "Trump" ORG as
        often; a surname of a full name in the article stays a person.
        """
        votes = self._labels.get(name)
        if votes is None or " " in name or name.lower() in self._surnames:
            return False
        return votes["org"] > votes["person"]

    def _sent_at(self, pos: int) -> int:
        return bisect_right(self._starts, pos) - 1

    def _note_gender(self, name: str, word: str) -> None:
        g = word_gender(word)
        if g is None:
            return
        self._genders.setdefault(name.lower(), g)
        surname = "~" + name.split()[-1].lower()
        if self._genders.setdefault(surname, g) != g:
            self._genders[surname] = "?"  # Donald and Melania Trump: the surname says nothing

    def gender(self, name: str) -> Gender | None:
        """The article's evidence first (honorific, role noun), then the given name."""
        if not name:
            return None
        low = name.lower()
        found = self._genders.get(low)
        if found is None and " " in name:
            found = given_name_gender(name)
        elif found is None:
            # A bare surname: the full names the article gives it must agree
            # (Bill and Hillary Clinton leave "Clinton" open).
            full = self._surnames.get(low, ())
            genders = {given_name_gender(n) for _, n in full}
            found = genders.pop() if len(genders) == 1 else None
            if not full:
                # No full name ends with it: a given name used alone ("Peter and
                # Ruth ... she said" is not Peter), as in stories about families.
                found = first_name_gender(name)
        if found is None and not self._shared_surname(low):
            found = self._genders.get("~" + low.split()[-1])
        return "m" if found == "m" else "f" if found == "f" else None

    def _shared_surname(self, low: str) -> bool:
        """Whether a full name's surname is shared with someone else of the article
        ("Mr. Whitaker" says nothing of his wife Oluchi Whitaker's gender)."""
        words = low.split()
        full = {n.lower() for _, n in self._surnames.get(words[-1], ())}
        return len(words) > 1 and any(n != low for n in full)

    def _add_surname(self, pos: int, name: str) -> None:
        parts = name.split()
        if len(parts) > 1 and " and " not in name:
            # "Locke and Salazar" is two people: "Salazar said" is not both.
            self._surnames.setdefault(parts[-1].lower(), []).append((pos, name))
            particle, _, bare = parts[-1].lower().partition("-")
            if bare and particle in JOINED_PARTICLES:
                # "Bashar al-Assad ... Assad said": the surname without its article.
                self._surnames.setdefault(bare, []).append((pos, name))

    def fullest(self, name: str, pos: int, want: Gender | None = None) -> str:
        """The full form of a surname-only name, from the article's other mentions.

        ``want`` is the gender an honorific gives the mention: "Mr. Clinton" is
        not Hillary Clinton however often the article names her.
        """
        if " " in name:
            return name
        options = self._surnames.get(name.lower()) or self._misspelt(name, pos)
        if options and want is not None:
            options = [(p, n) for p, n in options if agrees(want, given_name_gender(n))]
        if not options:
            return name
        before = [n for p, n in options if p <= pos]
        if not before:
            return options[0][1]
        # Two people of one surname ("Carly Fiorina ... her husband, Frank
        # Fiorina"): the bare surname is the one of those named so far that the
        # whole article names most: a wife named twice before her husband's
        # first mention does not make every "Mr. Clinton" hers.
        counts = Counter(n for _, n in options)
        return max(reversed(before), key=lambda n: counts[n])

    def _person_surname(self, word: str, pos: int) -> bool:
        """Whether a word is, or misspells, the surname of a person named before."""
        return word.lower() in self._surnames or bool(self._misspelt(word, pos))

    def _misspelt(self, name: str, pos: int) -> list[tuple[int, str]]:
        """The full name a one-word name misspells: one letter off a surname named before.

        Copy is not always proofread: "Tyresha McClenney ... McLenney said", "Leslie
        Wimes ... Wines believes".  Left as written the speaker is a second person,
        and every "she" after it goes to that fragment.  Only one surname may be one
        edit away (a letter added, dropped, changed or two swapped), with the same
        first letter, five letters at least, named before this mention and never
        written before that full name; a plural ("Clintons"), a given name ("Allen")
        or a name used before the full name appears ("Banksy ... rumoured he was born
        Robin Banks") stays as it is.  NER often calls such a stray word a body; one
        that misspells a person's surname is that person.
        """
        low = name.lower()
        if len(low) < _MISSPELT_MIN or not name[:1].isupper() or first_name_gender(name):
            return []
        near = {
            s
            for s in self._surnames
            if s[:1] == low[:1] and s + "s" != low and s != low + "s" and _one_edit(s, low)
        }
        if len(near) != 1:
            return []
        options = self._surnames[near.pop()]
        if re.search(rf"\b{re.escape(name)}\b", self.text[: options[0][0]]):
            return []  # "Banksy ... rumoured he was born Robin Banks": a name of its own
        return [(p, n) for p, n in options if p < pos]

    def _named(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        found = name_and_role(self.doc, tok, self._line_start)
        if found is None:
            return None
        name, role, label = found
        kind: Kind
        votes = self._labels.get(name)
        if votes:
            # NER labels one name differently from mention to mention; the
            # article's majority decides ("SpaceX" is ORG more often than PERSON).
            label = "PERSON" if votes["person"] > votes["org"] else "ORG"
        if label == "PERSON" or given_and_surname(name):
            kind = "person"
        elif label in ORG_LABELS:
            kind = "person" if role and personal_role(role) else "org"
        else:
            kind = self._kind_by_name(name)
        last = name.split()[-1]
        surname = last.lower() in self._surnames
        surname = surname or (last == name and bool(self._misspelt(name, tok.idx)))
        if kind == "org" and not role and surname:
            kind = "person"  # NER often labels a bare surname ORG ("Grazier said")
        return name, role, kind

    def _kind_by_name(self, name: str) -> Kind:
        """Kind of a name NER left unlabelled, from its other mentions (person by default).

        An acronym of an organisation the article names in full is that organisation
        ("Christian News Service reported ... CNS reported"), whatever NER missed.
        """
        short = name.replace(".", "")
        if 2 <= len(short) <= 6 and short.isupper() and short in self._acronyms:
            return "org"
        for m in reversed(self.known):
            if m.name == name or m.name.endswith(" " + name):
                return m.kind
        words = name.lower().split()
        if len(words) > 1 and any(w in ORG_NOUNS for w in words):
            return "org"  # "Coastal Ferry Workers Union", which NER did not label
        return "person"


def _spread(firsts: list[int], values: Iterable[int], n: int) -> list[int]:
    """For each of ``n`` tokens, the value of its run; runs begin at ``firsts`` (0 first,
    never falling, none past ``n``; a run may be empty, as one beginning at ``n`` is)."""
    each: list[int] = []
    for a, b, value in zip(firsts, [*firsts[1:], n], values, strict=True):
        each += [value] * (b - a)
    return each


def _sentences(
    unit: list[int], idx: list[int], length: list[int]
) -> tuple[list[tuple[int, int]], list[int]]:
    """(start char, end char) of each run of tokens in one layout unit, and each token's run.

    From the units and the tokens' offsets and lengths as lists, not a ``Token`` per token.
    """
    n = len(unit)
    if not n:
        return [], []
    firsts = [0, *(i for i in range(1, n) if unit[i] != unit[i - 1])]
    ends = [*firsts[1:], n]
    sents = [(idx[a], idx[b - 1] + length[b - 1]) for a, b in zip(firsts, ends, strict=True)]
    return sents, _spread(firsts, range(len(firsts)), n)


def _line_starts(text: str, idx: list[int]) -> list[int]:
    """The first token of each token's line, from the tokens' offsets ``idx``.

    A token begins a line when the token before it, or the space after that token,
    holds a line break: ``text[idx[i - 1] : idx[i]]``.  Read from the line breaks of
    the text rather than a ``Token`` per token (spaCy builds one on every access).
    """
    # The token after the one whose text or space holds the break (``n`` after the last
    # token; two breaks in one token make an empty run, which spreads to no token).
    firsts = [0, *(bisect_right(idx, m.start()) for m in _LINE_BREAK.finditer(text))]
    return _spread(firsts, firsts, len(idx))


_LINE_BREAK = re.compile("\n")


#: Letters a one-word name needs before a one-letter slip is read as a misspelling.
_MISSPELT_MIN = 5


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed, or two
    neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def topic_possessor(tok: Token) -> bool:
    """Whether ``tok`` owns the subject of its sentence's main clause ("The
    president's Pacific roots came into play"): what that sentence is about.

    Not a person's ("Trump's attorney, Alan Garten, said": the attorney speaks),
    nor a passive's ("Clinton's position was supported by Sen. Feinstein, who
    said": the sentence brings in the senator)."""
    head = tok.head
    return (
        tok.dep_ == "poss"
        and head.dep_ == "nsubj"
        and head.tag_ in ("NN", "NNS")
        and not person_noun(lemma_of(head))
        and not any(
            c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "PROPN" and not _a_place(c))
            for c in head.children
        )
        and main_clause(head.head)
    )


def _a_place(tok: Token) -> bool:
    """A place or people modifying a noun ("The president's Pacific roots"): no name
    of the person the noun is, as "Trump's attorney Alan Garten" has."""
    return tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
