"""Reporting cues in a dependency parse: which words report, who speaks, what is reported.

Written over spaCy's dependency labels (ClearNLP style, as in the English
pipelines): a cue's source is its nominal subject, climbing out of adverbial and
conjoined clauses ("..., adding that"); its content is its clausal complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import subtree
from .layout import Layout, line_clip
from .lexicon import CUE_VERBS, GENERIC_PERSON_NOUNS, QUOTE_ONLY_CUE_VERBS, TITLE_WORDS
from .models import QuoteModels, logistic, shipped
from .nominal import NominalKind, nominal_features, nominal_source
from .spans import own_verb
from .syntax import quoted_as
from .tails import more_objects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "BROAD_THRESHOLD",
    "FRAMES",
    "MARKS",
    "content_of",
    "cue_features",
    "cue_probability",
    "cue_share",
    "cue_span",
    "for_clause",
    "frame",
    "is_cue",
    "lemma",
    "nominal_cue_features",
    "nominal_probability",
    "reports_as",
    "source_of",
    "source_span",
    "speaker_beside",
    "subject_kind",
    "title_break",
]

_SUBJECTS = ("nsubj", "csubj")
_STOP_CLIMB = ("ROOT", "ccomp", "relcl", "parataxis")
_NOMINAL = ("NOUN", "PROPN", "PRON")
#: Entity types that say when, never who.
_WHEN = ("DATE", "TIME")
#: Verbs whose object is a means, not an agent ("used the debate to attack").
_INSTRUMENT_VERBS = frozenset({"use", "employ"})
#: Objects that cannot control an infinitive ("had *this* to say").
_NOT_AGENTS = frozenset({"this", "that", "it", "what", "something", "nothing", "much", "little"})
#: Double quotation marks as spaCy tokens; kept at the edges of a content.
MARKS = '"“”„«»'
#: Classifier probability above which a verb is a cue in broad mode.
BROAD_THRESHOLD = 0.5
#: In broad mode, a reporting verb of the lexicon the classifier finds this
#: unlikely is not an attribution either ("said" of a thing in a headline).
LEXICON_FLOOR = 0.1


def lemma(tok: Token) -> str:
    return str(tok.lemma_ or tok.lower_).lower()


#: What a verb governs, the context the learned cue table is keyed on.
FRAMES = ("ccomp", "xcomp", "dobj", "prep", "none")


def frame(tok: Token) -> str:
    """The verb's frame: a clause, an infinitive, an object, a preposition or nothing."""
    deps = {c.dep_ for c in tok.children}
    for f in FRAMES[:-1]:
        if f in deps:
            return f
    return "none"


def cue_share(tok: Token, models: QuoteModels | None = None) -> float:
    """How often annotators mark this verb in this frame as a cue (PolNeAR train)."""
    return (models or shipped()).shares.share(lemma(tok), frame(tok))


def reports_as(tok: Token) -> bool:
    """ "As X said, ..." / "as X put it": the cue hangs from the clause it reports."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def is_cue(
    tok: Token,
    *,
    with_quote: bool = False,
    layout: Layout | None = None,
    models: QuoteModels | None = None,
) -> bool:
    """A reporting word.

    ``with_quote`` admits verbs that report only beside a quotation; a
    ``layout`` switches on broad mode, which admits every verb the learned
    classifier (``models``, the shipped ones by default) expects PolNeAR's
    annotators to mark as an attribution cue (stances such as "praised",
    "supports", "wants" as well as speech).
    """
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.pos_ not in ("VERB", "AUX") or (tok.pos_ == "AUX" and tok.dep_ == "aux"):
        return False
    lem = lemma(tok)
    if lem == "put" and reports_as(tok) and any(c.lower_ == "it" for c in tok.children):
        return True
    if layout is not None and tok.pos_ == "VERB":
        p = cue_probability(tok, layout, models)
        if p >= BROAD_THRESHOLD:
            # A participle naming a thing ("a move called the boneless") reports nothing.
            return not (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))
        if p < LEXICON_FLOOR:
            return False
    return lem in CUE_VERBS or (with_quote and lem in QUOTE_ONLY_CUE_VERBS)


#: Verbs whose complement was not done: "refused to confirm that ...", "declined to say".
_NOT_DONE = frozenset({"refuse", "decline", "fail", "avoid", "hesitate"})


def unsaid(tok: Token) -> bool:
    """A reporting verb negated or refused: its content is what was *not* said.

    "The ministry refused to confirm that the contract had been cancelled" and "he
    did not say the deal was off" put no words in anyone's mouth; taken as quotes they
    would credit the speaker with the very thing left unsaid.  Still a cue where cues
    part quotations ("'X,' she said. He did not say why. 'Y.'": Y is not hers by
    continuation), and broad mode follows its classifier (PolNeAR's annotators mark
    some of these as attributions).
    """
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and lemma(tok.head) in _NOT_DONE


def source_of(cue: Token) -> Token | None:
    """The head of the phrase that names who speaks (see :func:`_source_of`).

    The small model splits "Sgt." and "Const." and ends a sentence there
    ('"...," said Staff Sgt. | Jim Lee.'): a bare title before such a break
    stands for the name that opens the next sentence.
    """
    src = _source_of(cue)
    if src is not None and src.i < cue.i:
        src = _on_cue_line(cue, src)
    if src is None or src.lower_ not in TITLE_WORDS:
        return src
    doc = src.doc
    k = src.i + 2
    while k + 2 < len(doc) and doc[k - 1].text == "." and doc[k].lower_ in TITLE_WORDS:
        k += 2  # "Det. Sgt. Ann Wong"
    if k < len(doc) and doc[k - 1].text == "." and doc[k].ent_type_ == "PERSON":
        while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
            k += 1
        return doc[k]
    return src


def _on_cue_line(cue: Token, src: Token) -> Token:
    """The subject as written on the cue's own line.

    A byline or a heading with no full stop is glued to the first sentence
    ("By Lauren Pelley, CBC News\n\nThe province's chief medical officer
    says"): the parser makes the line above the subject and hangs the real one
    on it.  The first noun phrase of the cue's line attached above it is the
    subject.
    """
    doc = cue.doc
    start = _line_starts(doc)[cue.i]
    if src.i >= start or start == 0:
        return src
    first = start
    while first < cue.i and doc[first].pos_ == "PROPN" and doc[first].text.isupper():
        first += 1  # "NEW YORK (AP) —": the words after a dateline's dash
    dash = _dateline(doc[first - 1]) if first > start else None
    for t in doc[start if dash is None else dash + 1 : cue.i]:
        if t.head.i < start and t.pos_ in ("PROPN", "NOUN", "PRON"):
            # Not before an inverted cue: in "The paradox of Nancy, says Carl
            # Anthony, is ..." the phrase is the content.
            inverted = doc[cue.i - 1].text == "," and cue.tag_ in ("VBD", "VBZ", "VBP")
            clause = any(w.tag_ in ("VBZ", "VBD", "VBP", "MD") for w in t.subtree if w.i < cue.i)
            return src if inverted or clause else t
    return src


def _line_starts(doc: Doc) -> list[int]:
    """The first token of each token's line, computed once per doc (``Doc.user_data``)."""
    cached = doc.user_data.get("newsprism.line_starts")
    if cached is None:
        cached = []
        start, new_line = 0, False
        for tok in doc:
            if new_line:
                start = tok.i
            cached.append(start)
            new_line = "\n" in tok.text or "\n" in tok.whitespace_
        doc.user_data["newsprism.line_starts"] = cached
    starts: list[int] = cached
    return starts


def title_break(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence only because a title's full stop came before
    ("Const. | Mark Brown said")."""
    return (
        i >= 2
        and doc[i - 1].text == "."
        and doc[i - 2].lower_ in TITLE_WORDS
        and not doc[i - 2].whitespace_
        and (doc[i].ent_type_ == "PERSON" or doc[i].lower_ in TITLE_WORDS)
    )


def _source_of(cue: Token) -> Token | None:
    """The head of the phrase that names who speaks.

    "adding, '...'" and "stating that ..." have no subject of their own: the
    speaker is the subject of the verb they hang from, so the search climbs
    through adverbial, conjoined and participial attachments, but not out of a
    reported clause (the subject of "said" is not the speaker of "that X warned").
    """
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    quoted = quoted_as(cue)
    if quoted is not None:
        return quoted
    for child in cue.children:
        if child.dep_ == "agent" and cue.tag_ == "VBN":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if (controller := _controller(cue)) is not None:
        return controller
    tok = cue
    for _ in range(6):
        for child in tok.children:
            # A dash the parser took for a noun is no subject ('made public ―
            # Trump boasted' has "―" and "Trump" as subjects).
            # Nor is a day ("said Tuesday" the parser misread as a subject).
            if (
                child.dep_ in _SUBJECTS
                and any(ch.isalnum() for ch in child.text)
                and not _a_day(child)
            ):
                dash = _dateline(child)
                if dash is None:
                    return child
                after = _after_dateline(child, dash)
                if after is not None:
                    return after
        if tok.dep_ in _STOP_CLIMB or tok.head.i == tok.i:
            break
        tok = tok.head
    return (
        _inverted_subject(cue)
        or _adjacent_subject(cue)
        or _line_subject(cue)
        or _apposed_subject(cue)
        or _root_subject(cue, tok)
    )


def _controller(cue: Token) -> Token | None:
    """The noun that does what a subjectless participle or infinitive cue says.

    A participle right after a noun reports what that noun does ("a group
    *backing* Rubio", "a sign *saying* ...", "legislation *restricting* ...";
    after a comma or further away it is usually the sentence subject's:
    "Carson rejected the notion ..., *saying*"),
    and an infinitive after a verb's object has that object as its subject
    (object control: "led some allies *to worry*", "prompted Rubio *to
    call*"), not the subject of the sentence the climb would find.  An
    instrument ("used his platform to discuss") controls nothing, and a
    document someone issued does not speak for itself ("issued a statement
    *saying*" is the issuer's).  On PolNeAR train (540 articles) these two
    readings give the gold source for 51 verb cues the climb got wrong and
    lose it for 7 it got right.
    """
    if any(c.dep_ in _SUBJECTS for c in cue.children):
        return None
    head = cue.head
    reporter = _reporter(cue)
    if reporter is not None:
        return reporter
    if (
        cue.dep_ == "acl"
        and cue.tag_ == "VBG"
        and head.pos_ in _NOMINAL
        and head.i == cue.i - 1
        and cue.left_edge.i == cue.i
        and head.dep_ != "dobj"
    ):
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in _NOMINAL:
            head = head.head.head  # "40 percent of parents criticizing ..."
        return head
    if cue.dep_ == "xcomp" and lemma(head) not in _INSTRUMENT_VERBS:
        for child in head.children:
            if (
                child.dep_ == "dobj"
                and child.i < cue.i
                and child.pos_ in _NOMINAL
                and child.lower_ not in _NOT_AGENTS
            ):
                return child
    return None


def _reporter(cue: Token) -> Token | None:
    """The speaker of a reported clause a trailing participle was hung inside of.

    "Isham said the area will remain closed, *adding* that ..." and "he addressed
    the reports that Apple Pay could launch soon *by saying* that ...": the parser
    attaches the participle to the verb of the reported clause, whose subject ("the
    area", "Apple Pay") the climb would take; the one adding or saying is the
    subject of the sentence's reporting verb.
    """
    if cue.tag_ != "VBG":
        return None
    if cue.dep_ == "advcl" and cue.i > 0 and cue.doc[cue.i - 1].text == ",":
        clause = cue.head
        verb = clause.head
        if clause.dep_ != "ccomp" or lemma(verb) not in CUE_VERBS or verb.i > clause.i:
            return None
        between = cue.doc[verb.i : cue.i].text
        if "\n" in between or any(m in between for m in '"“”'):
            return None  # a clause the parser hung on a verb of another sentence
        return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if cue.dep_ == "pcomp" and cue.head.lower_ == "by":
        top = cue
        while top.head.i != top.i:
            top = top.head
        # Only out of a noun's clause ("the reports that X could ..."): in "expects
        # Holt to insert himself ... by calling out" Holt does the calling.
        if cue.head.head.dep_ == "acl" and cue.head.head.head.pos_ == "NOUN":
            return next((c for c in top.children if c.dep_ in _SUBJECTS), None)
    return None


def speaker_beside(cue: Token) -> Token | None:
    """The speaker right after or before a cue, when its parsed subject cannot be it."""
    return _inverted_subject(cue) or _adjacent_subject(cue)


def _inverted_subject(cue: Token) -> Token | None:
    """The speaker after the verb when the report comes first ('"...," added a Democrat').

    The small parser often reads the inverted subject as the verb's object; a
    noun right after a reporting verb whose reported clause or quotation lies
    before it is the subject in news prose.
    """
    if lemma(cue) not in CUE_VERBS or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.text not in (",", *MARKS, "’", "'") and not any(
        c.dep_ == "ccomp" and c.i < cue.i for c in cue.children
    ):
        return None
    for child in cue.rights:
        if child.ent_type_ in _WHEN:
            continue  # '"...," he tweeted Sunday'
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd") and child.pos_ in ("NOUN", "PROPN"):
            return child if child.left_edge.i == cue.i + 1 else None
    return None


def _before_finite(cue: Token) -> int | None:
    """The index of the word before a finite cue, adverbs skipped (-1 at the start of
    the text); None when the cue is not a finite verb."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    j = cue.i - 1
    while j >= 0 and cue.doc[j].pos_ == "ADV":
        j -= 1
    return j


def _adjacent_subject(cue: Token) -> Token | None:
    """A name right beside a cue the parser left without a subject.

    The small parser sometimes attaches "..., Smith asserted that" to the
    previous phrase (Smith as a conjunct of an earlier name); a proper name or
    pronoun directly before a finite cue, or directly after it ("said Smith"),
    is its subject in news prose.
    """
    j = _before_finite(cue)
    if j is None:
        return None
    doc = cue.doc
    cands = [j, cue.i + 1]
    for k in cands:
        if (
            0 <= k < len(doc)
            and doc[k].pos_ in ("PROPN", "PRON")
            and doc[k].lower_ != "it"
            and not _a_day(doc[k])  # "said Tuesday that"
        ):
            tok = doc[k]
            while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
                tok = tok.head
            if tok.pos_ in ("PROPN", "PRON") and not tok.is_punct:
                return tok
    return None


#: Links inside a noun phrase, climbed from its last word to its head.
_IN_PHRASE = ("pobj", "prep", "compound", "flat", "amod", "nummod", "conj", "cc", "poss")


def _apposed_subject(cue: Token) -> Token | None:
    """The noun phrase right before a finite cue the parser hung elsewhere.

    After a fronted phrase the small parser often makes the speaker an
    apposition of the phrase's last noun ("In a conference call on Dec. 2,
    Col. Steven H. Warren, a military spokesman in Baghdad, said" has Warren
    in apposition to "Dec."; "In an interview with hosts Joe Scarborough and
    Mika Brzezinski, the Democratic presidential candidate stated" has the
    candidate in apposition to Brzezinski), and the cue is left without a
    subject.  The phrase that ends right before the cue, with no verb in it
    and opening after a comma or at its sentence's start, is the subject; a
    comma before the cue closes an apposition ("Warren, a ... spokesman,"),
    whose head is the name it describes.
    """
    j = _before_finite(cue)
    if j is None:
        return None
    doc = cue.doc
    comma = j >= 0 and doc[j].text == ","
    if comma:
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    tok = doc[j]
    while tok.dep_ in _IN_PHRASE and tok.head.i < tok.i:
        tok = tok.head
    while comma and tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.pos_ == "PROPN":
        if _a_day(tok.head):
            break
        tok = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or _a_day(tok):
        return None
    first = tok.left_edge.i
    while first < tok.i and doc[first].is_punct:
        first += 1
    between = doc[first : cue.i]
    if any(t.pos_ in ("VERB", "AUX") or "\n" in t.whitespace_ for t in between):
        return None
    if first > 0 and not doc[first].is_sent_start and doc[first - 1].text not in (",", ":"):
        return None
    return tok


def _root_subject(cue: Token, top: Token) -> Token | None:
    """The name the parser made its sentence's root, for a cue hanging from it.

    "Trump defended eminent domain, calling it ...": the small parser read
    "Trump defended eminent domain" as a noun phrase headed by "Trump", so the
    climb from "calling" ends on that noun, which is who speaks.
    """
    if top.i == cue.i or top.i > cue.i or top.dep_ != "ROOT" or _a_day(top):
        return None
    if top.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None  # a common noun's subtree is the whole sentence: no name to give
    return top if top.pos_ in ("NOUN", "PROPN") else None


def _a_day(tok: Token) -> bool:
    """A day or time the parser read as a subject ("said Tuesday", "11:00 am").

    Ages are dates to NER too, and "the 46-year-old" does speak: only clock
    times and the names of days and months are left out.
    """
    if tok.ent_type_ == "TIME":
        return True
    return tok.ent_type_ == "DATE" and (tok.pos_ == "PROPN" or tok.tag_ == "CD")


#: Dashes that close a dateline.
_DASHES = frozenset({"-", "--", "—", "–", "―"})


def _dateline(tok: Token) -> int | None:
    """The closing dash of a dateline the parser read as a subject, else None.

    "LONDON (Reuters) - Donald Trump said", "CLEVELAND, July 19 (UPI) — Former
    Attorney General Michael Mukasey told", "Washington (AFP) –": a place
    opening its line, then only a date, a province or an agency in brackets
    before a dash.  The speaker is the phrase after the dash.
    """
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        return None
    if tok.ent_type_ not in ("GPE", "LOC", "") or not tok.text[:1].isupper():
        return None
    depth = 0
    for k in range(tok.i + 1, min(len(doc), tok.i + 12)):
        t = doc[k]
        if "\n" in t.text:
            return None
        if t.text in _DASHES and depth == 0:
            return k
        depth += t.text == "("
        depth -= t.text == ")"
        if depth or t.text in (",", ".", "(", ")") or t.ent_type_ in ("DATE", "GPE"):
            continue
        if t.text[:1].isupper() and t.pos_ == "PROPN":
            continue  # "VANCOUVER, B.C.", "NEW YORK"
        return None
    return None


def _after_dateline(tok: Token, dash: int) -> Token | None:
    """The head of the first noun phrase after the dateline's dash, if the parser hung it there."""
    for t in tok.subtree:
        if t.i > dash and t.head.i <= dash and t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
    return None


def _line_subject(cue: Token) -> Token | None:
    """The name opening the cue's line when the parser hung it on the line above.

    A headline or dateline without a full stop is glued to the first sentence
    ("... before the Iowa vote\n\nSanders, in Des Moines, said Tuesday that"),
    and the name becomes an object of the headline; a name that opens the line,
    with no verb between it and the cue, is the cue's subject.
    """
    doc = cue.doc
    start = cue.i
    while start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        start -= 1
    if start == 0 or start == cue.i or cue.is_sent_start:
        return None
    if doc[start].sent.start >= start:
        return None  # the parser's sentence starts on this line: nothing glued
    if any(doc[k].pos_ in ("VERB", "AUX") for k in range(start, cue.i)):
        return None
    first = doc[start]
    if first.pos_ != "PROPN" or first.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    k = start
    while k + 1 < cue.i and doc[k + 1].ent_iob_ == "I":
        k += 1  # the last word of the name
    return doc[k]


def source_span(tok: Token, *, antecedent: bool = True) -> tuple[int, int]:
    """Token range of the words naming the source whose head is ``tok``.

    Relative clauses are left out ("Mr. Franklin, whose organization does not
    endorse candidates,"): they describe the source, they do not name it.  With
    ``antecedent`` a relative pronoun ("Sanders, who said ...") stands for the
    phrase it modifies.
    """
    doc = tok.doc
    if antecedent and tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    for child in tok.children:
        if child.dep_ == "relcl" and child.i > tok.i:
            end = min(end, child.left_edge.i)
    verb = own_verb(tok, {t.i for t in tok.subtree if t.i < end})
    if verb is not None:
        end = min(end, verb)  # "Trump defended ...": the parser's root noun
    start, end = line_clip(doc, tok.i, start, end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _ranges(indices: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _subtree(tok: Token) -> set[int]:
    return subtree(tok.doc, tok.i)


def content_of(cue: Token, layout: Layout) -> list[tuple[int, int]] | None:
    """Token ranges of what the cue reports, or None when it reports no clause.

    Verbs with no clausal complement ("called him a 'leader'") get the words
    after them in their phrase; the caller keeps that only when it holds a
    quotation.
    """
    doc = cue.doc
    a, b = layout.unit_bounds(cue.i)
    sent = cue.sent
    inside = set(range(max(a, sent.start), min(b, sent.end)))
    if cue.lower_ == "according" or (cue.dep_ in ("advcl", "parataxis") and reports_as(cue)):
        if cue.head.i == cue.i:
            return None
        toks = (_subtree(cue.head) - _subtree(cue)) & inside
    elif cue.dep_ == "parataxis" and cue.head.i != cue.i:
        toks = (_subtree(cue.head) - _subtree(cue)) & inside
    else:
        comps = [c for c in cue.children if c.dep_ == "ccomp"]
        if comps:
            toks = set().union(*(_subtree(c) for c in comps)) & inside
            toks |= _more_of_the_clause(cue, comps[-1]) & inside
        else:
            drop = {cue.i}
            for c in cue.children:
                if for_clause(cue, c):
                    # "called for the United States to take a stronger role"
                    drop.add(c.left_edge.i)
                    continue
                if more_objects(cue, c):
                    continue  # "promising health care, free college and other programs"
                if c.dep_ in _SUBJECTS or c.i < cue.i or c.dep_ in ("advcl", "conj", "cc"):
                    drop |= _subtree(c)
                elif c.dep_ == "prt" or (c.dep_ == "prep" and c.i == cue.i + 1):
                    drop.add(c.i)  # "called [for] X", "pointed [out] X": part of the cue
            toks = {i for i in _subtree(cue) - drop if i > cue.i} & inside
    if cue.lower_ != "according":
        # "..., according to X" inside a clause is X's attribution, not content.
        for tok in list(toks):
            if doc[tok].lower_ == "according" and doc[tok].i != cue.i:
                toks -= _subtree(doc[tok])
    toks = {i for i in toks if not doc[i].is_space}
    ranges = _strip(doc, _ranges(toks))
    return ranges or None


def _more_of_the_clause(cue: Token, comp: Token) -> set[int]:
    """A second "that"-clause coordinated with the reported one: more of what was said.

    "said that he hasn't had much time to think about it and that he'll try
    to do something as a lawyer": the parser hangs the second clause on
    "said", so the content stopped at "it".  Only a clause marked "that" or
    "whether" with its own subject counts (one without the mark is as often
    the writer's narration going on; tried on PolNeAR train 0-299: +10, -9),
    and never one that is an attribution of its own ("and that X told ...").
    """
    out: set[int] = set()
    for c in cue.children:
        if c.dep_ != "conj" or c.i < comp.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if not any(g.dep_ in _SUBJECTS for g in c.children):
            continue
        if not any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children):
            continue
        if lemma(c) in CUE_VERBS or any(g.dep_ == "ccomp" for g in c.children):
            continue
        out |= _subtree(c)
        out |= {g.i for g in cue.children if g.dep_ == "cc" and comp.i < g.i < c.i}
    return out


def for_clause(cue: Token, child: Token) -> bool:
    """ "called for X to do Y", which the parser reads as a clause marked by "for"."""
    return (
        child.dep_ == "advcl"
        and child.left_edge.i == cue.i + 1
        and child.left_edge.lower_ == "for"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
    )


def _strip(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop punctuation at the edges of each range (quote marks are kept)."""
    out = []
    for a, b in ranges:
        while a < b and ((doc[a].is_punct and doc[a].text not in MARKS) or doc[a].is_space):
            a += 1
        while b > a and (
            (doc[b - 1].is_punct and doc[b - 1].text not in MARKS) or doc[b - 1].is_space
        ):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def cue_probability(tok: Token, layout: Layout, models: QuoteModels | None = None) -> float:
    """Probability that PolNeAR's annotators would mark this verb as an attribution cue."""
    models = models or shipped()
    return logistic(models.cues.score(cue_features(tok, layout, models)))


#: Prepositions that belong to a phrasal cue ("called for", "referred to",
#: "talked about"), unlike those of a time or place ("said on Tuesday").
_CUE_PREPOSITIONS = frozenset({"for", "to", "about", "of", "against", "with", "into", "over"})


def cue_span(cue: Token) -> tuple[int, int]:
    """Token range of the cue's words: "according to", "pointed out", "called for".

    A preposition joins the cue only when the verb has no clause or object of
    its own and the preposition is one phrasal verbs take, so "said in a
    statement" and "said on Tuesday" stay "said".
    """
    doc = cue.doc
    end = cue.i + 1
    if cue.lower_ == "according":
        return cue.i, min(end + 1, len(doc)) if end < len(doc) and doc[end].lower_ == "to" else end
    deps = {c.dep_ for c in cue.children}
    for c in cue.children:
        if c.i != end:
            continue
        if c.dep_ == "prt" or (
            c.dep_ == "prep"
            and c.lower_ in _CUE_PREPOSITIONS
            and not deps & {"ccomp", "dobj", "xcomp"}
        ):
            end += 1
    return cue.i, end


def cue_features(tok: Token, layout: Layout, models: QuoteModels | None = None) -> list[str]:
    """Sparse features of a verb for the broad-mode cue classifier.

    What annotators call an attribution depends on the verb and on what it
    governs: "Clinton wants to raise taxes" is one, "Clinton wants a drink"
    hardly; a named or human subject makes an attribution likelier than an
    abstract one.
    """
    lem = lemma(tok)
    fr = frame(tok)
    feats = [f"lem={lem}", f"frame={fr}", f"lf={lem}|{fr}", f"dep={tok.dep_}", f"tag={tok.tag_}"]
    feats.append(f"share={round(cue_share(tok, models), 1)}")
    src = source_of(tok)
    if src is None:
        feats.append("subj=none")
    else:
        feats += [f"subj={src.pos_}", f"subjent={src.ent_type_ or '-'}", f"subjlem={src.lower_}"]
    content = content_of(tok, layout)
    if content is not None and layout.touched(content):
        feats.append("quote")
    for child in tok.children:
        if child.dep_ in ("neg", "aux", "prt", "mark"):
            feats.append(f"{child.dep_}={child.lower_}")
        if child.dep_ == "ccomp":
            first = child.left_edge
            word = first.lower_ if first.lower_ in ("that", "whether", "if") else first.pos_
            feats.append(f"ccomp_first={word}")
        if child.dep_ in ("dobj", "prep", "xcomp", "acomp", "prt", "agent"):
            # Light verbs and phrasal cues: "take issue with", "make the case", "call for".
            feats += [f"{child.dep_}:{lemma(child)}", f"{lem}|{child.dep_}:{lemma(child)}"]
    feats += [f"lem|dep={lem}|{tok.dep_}", f"head={lemma(tok.head)}|{tok.dep_}"]
    if src is not None:
        feats.append(f"subjkind={subject_kind(src)}")
    return feats


def nominal_cue_features(tok: Token, kind: NominalKind) -> list[str]:
    """Classifier features of an adjective or noun cue candidate (see :mod:`.nominal`)."""
    src = nominal_source(tok, kind)
    return nominal_features(tok, kind, "none" if src is None else subject_kind(src))


def nominal_probability(tok: Token, kind: NominalKind, models: QuoteModels | None = None) -> float:
    """Probability that annotators mark this adjective or noun as an attribution cue.

    The verbs' bias is left out: each kind has its own (the ``"a:kind"`` and
    ``"n:kind"`` features), trained apart from the verbs.
    """
    cues = (models or shipped()).cues
    return logistic(cues.score(nominal_cue_features(tok, kind), bias=False))


def subject_kind(src: Token) -> str:
    """Whether a subject can hold a view: people and groups attribute, things rarely do."""
    if src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "named"
    if src.pos_ == "PRON":
        return "it" if src.lower_ in ("it", "this", "that", "which") else "person"
    if src.lower_ in GENERIC_PERSON_NOUNS or src.lemma_.lower() in GENERIC_PERSON_NOUNS:
        return "person"
    return "thing"
