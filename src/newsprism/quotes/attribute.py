"""Find attributions in a parsed article: a cue, its source and its content.

Two passes meet in the middle.  The *cue-first* pass walks spaCy's dependency
parse from every reporting verb (``said``, ``told``, ``according to``, ``as X
put it``) to its subject and its clausal complement; that finds reported speech
and the quotations the parser hangs under the verb.  The *quote-first* pass
starts from quotation marks that are still unattributed and looks for the
nearest cue outside any quotation beside them, which catches the parses that
go wrong around quote marks ("No other company," he told the paper, "been able
..."). A last pass lets a full-sentence quotation that follows an attributed
one in the same paragraph inherit its cue, as readers do.

Everything here works on token indices of one ``Doc``; speakers are resolved
afterwards (:mod:`.speakers`) because that needs the article's order.  The
parser's sentences may run over a paragraph break (news text often separates
paragraphs with one newline), so every rule also stays inside one paragraph.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..nlp import doc_text
from .broad import add_candidates, drop_nested, select
from .cues import (
    MARKS,
    content_of,
    cue_probability,
    for_clause,
    is_cue,
    lemma,
    reports_as,
    source_of,
    speaker_beside,
    title_break,
    unsaid,
)
from .layout import Layout
from .lexicon import CUE_VERBS, OBJECT_CUE_VERBS, SPEECH_NOUNS, STATEMENT_VERBS
from .marks import Quoted
from .models import QuoteModels, shipped
from .nominal import speech_noun_content
from .outer import outer_owns_quotes
from .records import Attribution, Piece
from .tails import trim_tails

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "Piece", "find_attributions"]

#: Share of a content's words that must lie inside quotation marks for the
#: content to be read as a direct quotation rather than reported speech.
_DIRECT_SHARE = 0.75
#: Classifier probability above which a verb outside the lexicon that
#: governs a clause is read as reported speech or thought in the default mode.
SPEECH_THRESHOLD = 0.5
#: How far (tokens) after a quotation the quote-first pass looks for a cue.
_WINDOW_AFTER = 15
#: How far (tokens) from a cue a speaker beside it (between it and a quotation,
#: or after an inverted cue) may reach.
_GAP = 15


def _is_full(text: str, q: Quoted, unit_start: int) -> bool:
    """Whether the quotation stands as a sentence or clause of its own.

    A quotation opening its sentence or following a comma, colon, dash or a
    finished sentence ("Now, 'X,' Meyer said") is a direct quote; one that
    follows any other word ("called him a 'leader'") is the writer's sentence
    carrying quoted words.
    """
    before = text[unit_start : q.start].rstrip().rstrip(MARKS + "‘'").rstrip()
    return not before or before[-1] in ",:;—–-(.?!" or before.endswith("...")


def _ends_sentence(text: str, q: Quoted) -> bool:
    """A quotation closed after a full stop ends the writer's sentence too."""
    inner = text[q.start : q.end].rstrip()
    return inner.endswith(".") and not inner.endswith("...")


def find_attributions(
    doc: Doc,
    *,
    broad: bool = False,
    models: QuoteModels | None = None,
    layout: Layout | None = None,
) -> list[Attribution]:
    """All attributions of a parsed article, in text order.

    By default only speech, writing and stated thought are attributions (a
    reporting verb of the lexicon, or a verb the learned classifier reads as
    reporting, with a finite clause: "officials have assessed that ...");
    ``broad`` follows PolNeAR's wider notion (stances and intentions: "Clinton
    praised the deal"), with the object of the verb as content.  ``models`` are
    the learned classifiers (the shipped ones by default; training passes its own).
    ``layout``: the article's :class:`.layout.Layout` when the caller has built it
    (read-only, so one serves both passes).
    """
    models = models or shipped()
    lay = layout or Layout(doc)
    quoted = lay.quoted
    text = doc_text(doc)
    full: list[bool] = []
    for q in quoted:
        first = doc.char_span(q.start, q.end, alignment_mode="expand")
        start = lay.unit_bounds(first[0].i)[0] if first is not None and len(first) else 0
        full.append(_is_full(text, q, doc[start].idx if len(doc) else 0))
    by_cue: dict[int, Attribution] = {}
    owner: dict[int, Attribution] = {}  # quotation index -> attribution
    # Names in quotation marks ("what he calls 'X'") report no one: no cue takes them.
    named = set() if broad else {k for k in range(len(quoted)) if _a_name(doc, lay, k)}

    # Pass 1: from cues through the parse.
    for tok in doc:
        if lay.in_quote(tok.i) or (not broad and unsaid(tok)):
            continue
        thinks = not broad and _reports_clause(tok, lay, models)
        states = not broad and not thinks and _states(tok, lay, models)
        if (
            not thinks
            and not states
            and not is_cue(tok, with_quote=True, layout=lay if broad else None, models=models)
        ):
            continue
        made = states and lemma(tok) == "make"
        ranges = _made_content(tok, lay) if made else content_of(tok, lay)
        if ranges is None:
            continue
        touched = sorted(
            k
            for k in lay.touched(ranges)
            if k not in owner
            and k not in named
            and not (quoted[k].end <= tok.idx and _ends_sentence(text, quoted[k]))
        )
        has_clause = any(c.dep_ == "ccomp" for c in tok.children) or tok.lower_ == "according"
        has_clause = has_clause or reports_as(tok) or tok.dep_ == "parataxis"
        has_clause = has_clause or (
            lemma(tok) in OBJECT_CUE_VERBS
            and any(c.dep_ in ("dobj", "xcomp") for c in tok.children)
        )
        reports = lemma(tok) in CUE_VERBS or tok.lower_ == "according" or lemma(tok) == "put"
        reports = reports or thinks or states
        has_clause = has_clause or states
        if not touched and not (has_clause and reports) and not broad:
            continue
        source = source_of(tok)
        if not touched and source is None:
            continue
        att = Attribution(cue=tok, source=source, content=ranges)
        if broad and tok.pos_ == "VERB":
            att.p = cue_probability(tok, lay, models)
        if touched and lay.share_inside(ranges) >= _DIRECT_SHARE:
            att.direct = True
        for k in touched:
            att.pieces.append(Piece(quoted[k].start, quoted[k].end, full[k]))
            owner[k] = att
        by_cue[tok.i] = att

    if not broad:
        _speech_nouns(doc, lay, by_cue, owner, full)

    # Pass 2: from unattributed quotations to the nearest cue beside them.
    for k, q in enumerate(quoted):
        if k in owner or k in named:
            continue
        cue = _nearby_cue(doc, lay, k, full[k], text)
        if cue is None:
            continue
        found = by_cue.get(cue.i)
        if found is None:
            found = Attribution(cue=cue, source=source_of(cue), content=[], direct=True)
            by_cue[cue.i] = found
        elif not found.pieces:
            # The cue's object was a guess at its content ("told Vox"); the
            # quotation beside it is what it reports.
            found.direct = True
            found.content = []
        found.pieces.append(Piece(q.start, q.end, full[k]))
        owner[k] = found

    # Pass 3: a full quotation following an attributed one in its paragraph,
    # with no other cue between them ('"X," Smith said. "Y."').
    starts = [t.idx for t in doc]
    for k, q in enumerate(quoted):
        if k in owner or k in named or k == 0 or not full[k]:
            continue
        prev = owner.get(k - 1)
        if prev is None or prev.cue is None or not prev.direct:
            continue
        lo, hi = bisect_left(starts, quoted[k - 1].end), bisect_left(starts, q.start)
        between = list(doc[lo:hi])
        if any("\n" in t.text or "\n" in t.whitespace_ for t in between[:-1]):
            continue
        if any(is_cue(t) and t.i != prev.cue.i for t in between):
            continue
        if len(between) > 25:
            continue
        prev.pieces.append(Piece(q.start, q.end, True))
        owner[k] = prev

    for att in by_cue.values():
        _speaker_outside_quotes(att, lay)
    atts = list(by_cue.values())
    outer_owns_quotes(atts, lay)
    if broad:
        atts = atts + add_candidates(doc, lay, by_cue, models)
        # The writer's relative clauses go first, so that the reranker's "inside
        # another content" sees what is left of each content.
        trim_tails(doc, atts, lay, statements=False)
        atts = select(atts, lay, models)
    for att in atts:
        att.pieces.sort(key=lambda p: p.start)
    _cut_at_inner_cues(doc, atts)
    trim_tails(doc, atts, lay)
    if broad:
        # Nested attributions go only now that the contents are cut: "met with Hale,
        # who has said he opposes the plan" keeps "has said" once the relative clause
        # is no longer the outer content's.
        atts = drop_nested(atts)
        held = {p.start for att in atts for p in att.pieces}
        owner = {k: att for k, att in owner.items() if quoted[k].start in held}
    atts += [
        Attribution(
            cue=None, source=None, content=[], pieces=[Piece(q.start, q.end, full[k])], direct=True
        )
        for k, q in enumerate(quoted)
        if k not in owner
    ]
    return sorted(atts, key=lambda a: a.position)


def _speaker_outside_quotes(att: Attribution, lay: Layout) -> None:
    """A cue takes its speaker from its own paragraph and outside quotation marks.

    The small parser often makes a noun of the quotation the subject of the
    verb after it ('"The fact that he ... tried," Huckabee said' -> "fact";
    '"... [Clinton] can be very polarizing," Kilfoyle said' -> "Clinton"),
    runs a sentence over a paragraph break, or takes a date for a subject.
    The speaker is then the phrase or name beside the cue, or nobody.
    """
    if att.cue is None or att.source is None:
        return
    dated = att.source.ent_type_ in ("DATE", "TIME") and not _aged(att.source)
    if lay.para[att.source.i] != lay.para[att.cue.i] or dated:
        # The parser ran a sentence over a paragraph break ('... said Jon
        # Doggett, ...\n\nShaw said that'): the speaker is in the cue's
        # paragraph; or it took a date for the speaker ("at one point calling").
        att.source = speaker_beside(att.cue)
    elif lay.in_quote(att.source.i) and not lay.in_quote(att.cue.i):
        att.source = (
            _phrase_beside(att.cue, lay)
            or speaker_beside(att.cue)
            or _participle_subject(att.cue, lay)
        )


def _participle_subject(cue: Token, lay: Layout) -> Token | None:
    """The subject of the sentence a subjectless participle cue continues.

    "Mr. Trump hardly clarified the matter, treating her remark as a compliment --
    "That makes me smart" -- and, when questioned, asserting, "Of course, I pay
    taxes."": the parser hangs "asserting" on the verb of the quotation before it, so
    the climb finds the quotation's own subject ("That").  The one asserting is the
    first subject of the sentence outside quotation marks.
    """
    if cue.tag_ != "VBG" or cue.lower_ == "according":
        return None  # "according to" names its source itself
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    lo = cue.sent.start
    for t in cue.doc[lo : cue.i]:
        if lay.in_quote(t.i) or lay.para[t.i] != lay.para[cue.i]:
            continue
        if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and not lay.in_quote(t.head.i):
            # The first subject: "She is noting the problems Sanders had ..., and
            # saying" is hers, not that of the clause about Sanders.
            return t if t.pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


def _aged(tok: Token) -> bool:
    """ "the 66-year-old": a person described by age, which NER tags as a date."""
    return tok.lower_ == "old" and any(c.lower_ in ("year", "years") for c in tok.subtree)


def _phrase_beside(cue: Token, lay: Layout) -> Token | None:
    """Head of the noun phrase between a quotation and its cue, or right after the cue.

    '"...," Mr. Conant, the Republican consultant, said' -> "Conant";
    '"...," said a person close to the Clintons' -> "person".
    """
    doc = cue.doc
    start = cue.i
    while start > 0 and not lay.in_quote(start - 1) and cue.i - start < _GAP:
        start -= 1
    gap = [t for t in doc[start : cue.i] if not lay.in_quote(t.i)]
    if not gap or not lay.in_quote(start - 1 if start else 0):
        return None
    if all(t.is_punct for t in gap):
        # Only punctuation between the quotation and a finite cue: the
        # speaker follows it ("..." said a person close to ...).
        return _phrase_after(cue, lay) if cue.tag_ in ("VBD", "VBZ", "VBP") else None
    return _phrase_head(gap)


def _phrase_after(cue: Token, lay: Layout) -> Token | None:
    """Root of the noun phrase that starts right after an inverted cue."""
    doc = cue.doc
    end = cue.i + 1
    while (
        end < len(doc)
        and end - cue.i <= _GAP
        and not lay.in_quote(end)
        and doc[end].text not in (",", ".", ";", ":")
    ):
        end += 1
    return _phrase_head(list(doc[cue.i + 1 : end]))


def _phrase_head(words: list[Token]) -> Token | None:
    """The first noun or pronoun among ``words`` whose head lies outside them: the
    root of the noun phrase they hold."""
    inside = {t.i for t in words}
    for t in words:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i not in inside or t.head.i == t.i):
            return t
    return None


def _speech_nouns(
    doc: Doc,
    lay: Layout,
    by_cue: dict[int, Attribution],
    owner: dict[int, Attribution],
    full: list[bool],
) -> None:
    """Speech nouns with a possessor and a clause ("Trump's claim that ...")."""
    for tok in doc:
        if tok.pos_ != "NOUN" or lay.in_quote(tok.i) or tok.i in by_cue:
            continue
        ranges = speech_noun_content(tok, lay)
        if ranges is None:
            continue
        source = next(c for c in tok.children if c.dep_ == "poss")
        att = Attribution(cue=tok, source=source, content=ranges)
        for k in sorted(lay.touched(ranges)):
            if k not in owner:
                att.pieces.append(Piece(lay.quoted[k].start, lay.quoted[k].end, full[k]))
                owner[k] = att
        by_cue[tok.i] = att


def _reports_clause(tok: Token, lay: Layout, models: QuoteModels) -> bool:
    """A verb outside the lexicon that reports a clause ("Clinton believes that ...").

    What people think, hope or fear, stated as a finite clause, is reported
    speech for a reader; the learned classifier decides which verbs annotators
    read that way.  Only the plain case counts: a finite verb with its own
    subject naming someone ("his platform has seen him draw criticism", "it
    seems unlikely that", "implying that" hanging from another clause are not
    someone's words).
    """
    if tok.pos_ != "VERB" or lemma(tok) in _RAISING:
        return False
    if tok.tag_ not in _FINITE and not any(c.dep_ == "aux" for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("it", "there", "this", "that", "which"):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and _finite(c)]
    return bool(clauses) and cue_probability(tok, lay, models) >= SPEECH_THRESHOLD


#: Verbs that give a thing its name: the quotation after them is the name.
_NAMING = frozenset({"call", "dub", "term", "name", "label", "christen", "nickname"})


def _a_name(doc: Doc, lay: Layout, k: int) -> bool:
    """Quotation ``k`` is a name the writer gives a thing, not a statement.

    "The soul chart, now called the 'R&B Songs' chart": the words in quotation marks
    are how the thing is called; the sentence's subject ("the song reached No. 4")
    said nothing.  Only a participle that names, with no subject of its own.  Not
    "what he calls 'X'": that is as often a verdict quoted ("what it called 'a clear
    threat to international peace'", PolNeAR annotates it) as a name ("what his
    church calls 'spiritual marriages'"), and the words do not tell which.
    """
    toks = lay.tokens(k)
    if not toks:
        return False
    j = toks[0] - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space or doc[j].dep_ == "det"):
        j -= 1
    if j < 0:
        return False
    return _names_a_thing(doc[j])


def _names_a_thing(verb: Token) -> bool:
    """ "now called the R&B Songs chart": a naming participle with no subject of its
    own (the parser may tag it past).  "which Tim Cook called 'X'" has a speaker,
    though the parser may miss him, and "so-called" is an adjective."""
    if lemma(verb) not in _NAMING or verb.pos_ != "VERB":
        return False
    if verb.dep_ not in ("acl", "amod", "appos", "dep", "advcl"):
        return False  # "and called for tariffs": a coordinated verb shares a subject
    if not any(c.dep_ == "oprd" for c in verb.children):
        return False  # what it is called is its predicate: "called the R&B chart"
    if verb.i > 0 and verb.doc[verb.i - 1].text == "-":
        return False
    subject = any(
        c.dep_ in ("nsubj", "nsubjpass") or c.lower_ in ("which", "what", "that")
        for c in verb.children
    )
    j = verb.i - 1
    while j >= 0 and verb.i - j <= 12 and not subject:
        # "which Apple's chief executive, Tim Cook, called 'X'": a relative clause
        # whose subject the parser lost; back to the clause before, not past it.
        subject = verb.doc[j].lower_ in ("which", "what", "whom")
        if verb.doc[j].text in ("--", "—", "(", ";", ".") or verb.doc[j].pos_ in ("VERB", "AUX"):
            break
        j -= 1
    return not subject and verb.tag_ in ("VBN", "VBD")


def _states(tok: Token, lay: Layout, models: QuoteModels) -> bool:
    """A verb that reports a public statement without being a verb of speech.

    "Clinton called for a no-fly zone", "a Fox News poll shows Sanders at 47
    percent", "Trump referred to him as 'Little Marco'", "Cruz blasted the
    deal": a fact-checker reads each as someone saying something, so the
    default mode takes them (:data:`.lexicon.STATEMENT_VERBS`), with the
    object or prepositional complement as content, when the learned classifier
    agrees that this use is an attribution (the same threshold as for verbs
    reporting a clause).  Stances and intentions ("supports", "wants",
    "refused to") stay in broad mode.  On PolNeAR train (articles 0-299) the
    classes added are right (content matched) for 0.61 (calling: "call",
    "refer", "describe") to 0.86 (agreeing) of what they add, 0.70 together.
    """
    if tok.pos_ != "VERB":
        return False
    if lemma(tok) == "make" and _makes_statement(tok) is not None:
        return not _passive(tok) and source_of(tok) is not None
    if lemma(tok) not in STATEMENT_VERBS:
        return False
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        return False  # "the plan described in the report": a thing, not a report
    if _names_a_thing(tok):
        return False  # "the soul chart, now called the R&B chart": a name
    if not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "oprd")
        or (c.dep_ in ("prep", "prt") and c.lower_ in _STATEMENT_PREPS)
        or for_clause(tok, c)
        for c in tok.children
    ):
        return False
    if any(
        lemma(t) in CUE_VERBS and any(g.dep_ == "ccomp" for g in t.children)
        for c in tok.children
        if c.dep_ in ("dobj", "prep") and c.i > tok.i
        for t in c.subtree
    ):
        return False  # "cited a report that says ...": the report is the one speaking
    if _passive(tok) and not any(c.dep_ == "agent" for c in tok.children):
        return False  # "Kyle, referred to as the deadliest sniper": Kyle is not the speaker
    if any(c.dep_ == "prep" and c.i == tok.i + 1 and not list(c.children) for c in tok.children):
        return False  # "X, often referred to as ...": a stranded preposition is a passive
    if source_of(tok) is None:
        return False
    return cue_probability(tok, lay, models) >= SPEECH_THRESHOLD


def _makes_statement(tok: Token) -> Token | None:
    """ "made the case that", "made no mention of", "made it clear that": a statement
    in a light verb and a noun of speech; the word whose complement is the content."""
    for c in tok.children:
        if c.dep_ == "dobj" and lemma(c) in SPEECH_NOUNS | _MADE_NOUNS:
            return c
        if c.dep_ in ("oprd", "ccomp", "acomp") and c.lower_ == "clear":
            return c
    return None


def _made_content(tok: Token, lay: Layout) -> list[tuple[int, int]] | None:
    """What a light-verb statement reports: the noun's or "clear"'s complement
    ("the case [that he is the one]", "no mention [of Jeb Bush]"), never the noun."""
    word = _makes_statement(tok)
    if word is None:
        return None
    a, b = lay.unit_bounds(tok.i)
    for c in (*word.children, *tok.children):
        if c.i > word.i and (
            c.dep_ in ("ccomp", "acl")
            or (c.dep_ == "prep" and c.lower_ in ("of", "for", "against", "on", "that"))
        ):
            sub = [t.i for t in c.subtree if a <= t.i < b]
            if c.dep_ == "prep":
                sub = [i for i in sub if i != c.i]
            if sub:
                return [(min(sub), max(sub) + 1)]
    return None


#: Nouns that make "make" a statement, besides :data:`.lexicon.SPEECH_NOUNS`.
_MADE_NOUNS = frozenset({"case", "mention", "observation", "reference", "point", "appeal", "plea"})


def _passive(tok: Token) -> bool:
    """A passive verb: its subject is what is talked about, not who talks."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)


#: Prepositions and particles that introduce what a statement verb reports
#: ("called for", "talked about", "referred to ... as", "weighed in on").
_STATEMENT_PREPS = frozenset({"for", "about", "to", "of", "on", "against", "as", "in", "out"})


_FINITE = ("VBD", "VBZ", "VBP", "MD")
#: Verbs whose subject is not a speaker ("it seems that", "he appears to").
_RAISING = frozenset({"seem", "appear", "look", "sound", "mean", "happen"})


def _finite(clause: Token) -> bool:
    """A clause with a tensed verb or a complementiser ("that", "whether", "if")."""
    if clause.tag_ in _FINITE:
        return True
    return any(
        (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
        or (c.dep_ == "aux" and c.tag_ in _FINITE)
        for c in clause.children
    )


def _nearby_cue(doc: Doc, lay: Layout, k: int, full: bool, text: str) -> Token | None:
    """The closest cue outside quotations next to quotation ``k``.

    After a full quotation first ("'...,' Meyer said"), up to the next
    quotation or the paragraph's end, crossing at most the sentence break a
    parser often puts right after a closing mark; then before it, in its
    sentence ("Nelson said, '...'"); ``text`` is the doc's text, built once by the
    caller.  A quotation that is part of the writer's
    sentence ("no definitive 'smoking gun,' Smith argues") only goes to a cue
    whose phrase contains it.
    """
    toks = lay.tokens(k)
    if not toks:
        return None
    first, last = toks[0], toks[-1]
    q = lay.quoted[k]
    if full and not _ends_sentence(text, q):
        comma = text[q.start : q.end].rstrip().rstrip(MARKS + "’'").rstrip().endswith(",")
        i = last + 1
        steps = 0
        while i < len(doc) and steps < _WINDOW_AFTER:
            tok = doc[i]
            if lay.in_quote(i) or lay.para[i] != lay.para[last]:
                break
            # A sentence break ends the search, unless only a title's full
            # stop made it ('"...," Const. | Mark Brown said').
            if tok.is_sent_start and i > last + 2 and not tok.is_punct and not title_break(doc, i):
                break
            if is_cue(tok, with_quote=True) and (
                source_of(tok) is not None or tok.lower_ == "according"
            ):
                return tok
            if comma and _verb_after_comma(doc, last, tok):
                return tok
            steps += 1
            i += 1
    lo, _ = lay.unit_bounds(first)
    for j in range(first - 1, lo - 1, -1):
        tok = doc[j]
        if lay.in_quote(j) or not is_cue(tok, with_quote=True) or source_of(tok) is None:
            continue
        if full or tok.left_edge.i <= first <= tok.right_edge.i:
            return tok
    return _cue_before_colon(doc, lay, first) if full else None


def _verb_after_comma(doc: Doc, last: int, tok: Token) -> bool:
    """The verb of '"...," an angry Hollande retaliated.' (the quotation ending at
    ``last`` is closed by a comma, which the caller checks): a quotation closed by a comma
    hands its sentence to the attribution that follows, whatever the verb.

    Only a finite verb that ends the sentence (or is followed by a time or place)
    after a noun phrase naming a person or body, with no other verb between,
    counts; "said" and the lexicon are found before this.
    """
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ"):
        return False
    if any(doc[k].pos_ in ("VERB", "AUX") for k in range(last + 1, tok.i)):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children):
        return False  # '"...," Ortega told the crowd' is the lexicon's; this verb has a content
    source = source_of(tok)
    return (
        source is not None
        and last < source.i < tok.i
        and (source.ent_type_ in ("PERSON", "ORG", "NORP") or source.pos_ == "PRON")
        and source.lower_ not in ("it", "this", "that", "which")
    )


def _cue_before_colon(doc: Doc, lay: Layout, first: int) -> Token | None:
    """The cue of a paragraph ending in a colon that introduces a quoted paragraph.

    'The New York Times reports:' then a paragraph in quotation marks: the
    quotation opens its paragraph, so the cue is in the sentence before it.
    """
    j = first - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_quote):
        j -= 1
    if j < 0 or doc[j].text != ":" or lay.para[j] == lay.para[first] or lay.in_quote(j):
        return None
    lo, _ = lay.unit_bounds(j)
    for k in range(j - 1, lo - 1, -1):
        tok = doc[k]
        if lay.in_quote(k):
            return None
        if (is_cue(tok, with_quote=True) or lemma(tok) == "continue") and source_of(
            tok
        ) is not None:
            return tok
    return None


#: How an attribution hangs inside another's content when it is a second
#: thing said rather than part of the first: an adverbial or coordinated verb.
_NEXT_STATEMENT = ("advcl", "conj")
#: Marks after which a participle opens a clause of its own ("..., saying").
_CLAUSE_BREAKS = (",", "--", "—", "–")


def _second_statement(tok: Token, clause: bool) -> bool:
    """Whether cue ``tok``, inside another attribution's content, says a second thing.

    After an object content ("endorsed Cruz last week, saying he ...",
    "referred to Rubio as 'a leader' but described ...") any adverbial or
    coordinated cue does; inside a reported clause ("said he didn't know ...,
    but now Benford plans to ...") only a participle after a comma
    ("argued that ..., saying it's 'all about management'"): annotators keep a
    clause's own coordinated reports in it.
    """
    if tok.dep_ not in _NEXT_STATEMENT:
        return False
    if not clause:
        return True
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text in _CLAUSE_BREAKS


def _cut_at_inner_cues(doc: Doc, atts: list[Attribution]) -> None:
    """End a reported content where a second attribution of its own begins.

    "Clinton criticized the president's foreign policy and said allies
    wanted ...": the parser often hangs the second verb inside the first
    one's object, so the first content ran over the second statement, and
    neither matched what was said.  PolNeAR train 0-299: +12 matched
    contents, -2; held out 300-839: +11 with the clause rule of
    :func:`.cues.content_of`.
    """
    cues = sorted(att.cue.i for att in atts if att.cue is not None and (att.content or att.pieces))
    for att in atts:
        if att.cue is None or not att.content or att.direct:
            continue
        lo, hi = att.content[0][0], att.content[-1][1]
        clause = any(c.dep_ == "ccomp" for c in att.cue.children)
        inner = [
            i
            for i in cues[bisect_left(cues, max(lo + 1, att.cue.i + 1)) :]
            if i < hi and _second_statement(doc[i], clause)
        ]
        if not inner:
            continue
        cut = max(lo + 1, min(doc[inner[0]].left_edge.i, inner[0]))
        while (
            cut > lo
            and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_space)
            and doc[cut - 1].text not in MARKS
        ):
            cut -= 1
        if cut > lo:
            att.content = [(a, min(b, cut)) for a, b in att.content if a < cut]
