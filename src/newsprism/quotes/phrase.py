"""The name and role a source phrase gives, read from the parse.

"NASA Administrator Bill Nelson", "Comedian Ellen Hart", "the U.S. Attorney's Office",
"Sen. Jeanne Shaheen (D-N.H.)", "a national security attorney, Grant Smith": where the
name starts and ends in the phrase and which words around it are a role.  Kept apart
from :mod:`.speakers`, which decides the kind of the name and whom a pronoun or a
description stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import doc_ents
from .lexicon import GENERIC_PERSON_NOUNS, OCCUPATION_NOUNS, TITLE_WORDS
from .mentions import hyphen_joins, span_text, trim
from .names import PARTICLES, clean_name, untagged_people
from .syntax import parenthesis_after, title_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ORG_LABELS", "ents", "ents_at", "name_and_role", "twin_subject"]

ORG_LABELS = ("ORG", "GPE", "NORP", "FAC")
#: Head nouns of organisations named after an office holder ("Attorney's Office").
_ORG_HEADS = frozenset(
    {"office", "department", "ministry", "bureau", "agency", "commission", "committee", "service"}
)


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc.

    spaCy rebuilds the entity spans on every access of ``Doc.ents``; reading it
    per candidate speaker made extraction several times slower than it needs
    to be, so the tuple is kept in ``Doc.user_data``, spaCy's place for it.
    """
    cached = doc.user_data.get("newsprism.ents")
    if cached is None:
        found = doc_ents(doc)
        extra = untagged_people(doc)
        if extra:
            found = tuple(sorted((*found, *extra), key=lambda e: e.start))
        cached = doc.user_data["newsprism.ents"] = tuple(found)
    out: tuple[Span, ...] = cached
    return out


def ents_at(doc: Doc, i: int) -> tuple[Span, ...]:
    """The spans of :func:`ents` holding token ``i``, in their order (a table built
    once per doc: a scan of every entity per candidate speaker was 4 % of extraction)."""
    table = doc.user_data.get("newsprism.ents_at")
    if table is None:
        at: dict[int, list[Span]] = {}
        for ent in ents(doc):
            for k in range(ent.start, ent.end):
                at.setdefault(k, []).append(ent)
        table = doc.user_data["newsprism.ents_at"] = {k: tuple(v) for k, v in at.items()}
    found: tuple[Span, ...] = table.get(i, ())
    return found


def twin_subject(tok: Token) -> Token | None:
    """A proper-noun subject of the same verb right after the common-noun subject
    ``tok`` (a comma between allowed): the name the description introduces."""
    if tok.dep_ != "nsubj":
        return None
    nxt = tok.right_edge.i + 1
    doc = tok.doc
    if nxt < len(doc) and doc[nxt].text == ",":
        nxt += 1
    verb = tok.head
    for sib in verb.children:
        if sib.dep_ != "nsubj" or sib.i == tok.i or sib.pos_ != "PROPN":
            continue
        if any(c.dep_ in ("conj", "cc") for c in sib.children):
            continue  # "Alabama, Georgia and Virginia": a list, not a name
        if sib.left_edge.i != nxt:
            continue
        after = sib.right_edge.i + 1
        # The verb (or its auxiliary) follows the name.
        if (
            after < len(doc)
            and (after == verb.i or doc[after].head.i == verb.i)
            and (doc[after].pos_ in ("AUX", "VERB"))
        ):
            return sib
    return None


def name_and_role(
    doc: Doc, tok: Token, line_start_of: list[int]
) -> tuple[str, str | None, str] | None:
    """(name, role, NER label) of the name headed by ``tok``; ``line_start_of`` gives
    each token's line start (a name never runs over a line break)."""
    chain = [tok.i]
    line_start = line_start_of[tok.i]
    j = tok.i - 1
    while j >= line_start:
        if j >= 1 and hyphen_joins(doc, j):
            # "Holtz-Eakin", "Campa-Najjar": one name the tokenizer split.
            chain[:0] = [j - 1, j]
            j -= 2
        elif (
            doc[j].head.i in chain
            and doc[j].dep_ in ("compound", "flat")
            and (doc[j].pos_ == "PROPN" or doc[j].text[:1].isupper())
            and not (doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_sent_start)
        ) or (doc[j].head.i in chain and doc[j].lower_ in PARTICLES and j > line_start):
            # "Eileen de Villa", "Ludwig van Beethoven": a particle the parser
            # hung on the surname as a modifier is part of the name.
            chain.insert(0, j)
            j -= 1
        else:
            break
    owner = [c for c in tok.children if c.dep_ == "poss" and c.i < tok.i]
    office = tok.lower_ in _ORG_HEADS and bool(owner) and owner[0].text[:1].isupper()
    if office:
        # "the U.S. Attorney's Office": the possessor is part of the name.
        chain[:0] = [k for k in range(owner[0].left_edge.i, chain[0]) if doc[k].lower_ != "the"]
    first, last = chain[0], tok.i + 1
    while last + 1 < len(doc) and last - tok.i < 5 and hyphen_joins(doc, last):
        last += 2  # "al-Hassan said" with the parser's head on the article "al"
    # The name starts after the last title in the chain ("NASA Administrator
    # Bill Nelson"); a PERSON entity inside the chain marks it too.
    name_start = first
    for n, k in enumerate(chain[:-1]):
        word = doc[k].lower_.rstrip(".")
        # "General" ends a title after another ("Attorney General Jeff
        # Sessions", "Governor General"), not a name ("General Motors").
        general = word == "general" and n > 0 and doc[chain[n - 1]].lower_ in TITLE_WORDS
        # An occupation opening the phrase is a role ("Comedian Ellen Hart",
        # "Pensioner Ada Roe"): capitalised only because it opens the sentence.
        job = n == 0 and word in OCCUPATION_NOUNS and line_start_of[k] <= k
        if (word in TITLE_WORDS or general or job) and not office:
            name_start = k + 1
    person = [e for e in ents_at(doc, tok.i) if e.label_ == "PERSON"]
    if person and person[0].start > name_start:
        between = doc[name_start : person[0].start]
        # "Chief Executive Robert Sznewajs": a title word NER left out of the
        # person ends the role there, as does an organisation's name.
        if any(t.ent_type_ in ORG_LABELS or t.lower_ in GENERIC_PERSON_NOUNS for t in between):
            name_start = person[0].start
    name_end = last
    label = "PERSON" if person else tok.ent_type_
    if not person and tok.ent_type_ in ORG_LABELS:
        # An organisation's name runs on past its head: "Ministry [of Health]".
        org = list(ents_at(doc, tok.i))
        if org:
            name_end = max(name_end, org[0].end)
            # ... and starts before a possessive inside it: "U.S. Attorney's Office".
            if any(doc[k].tag_ == "POS" for k in range(org[0].start, name_start)):
                name_start = org[0].start
            while name_start < tok.i and doc[name_start].lower_ == "the":
                name_start += 1
    name = clean_name(doc[name_start:name_end].text)
    if not name:
        return None
    # Role: words before the name in its phrase ("NASA Administrator", "Sen.")
    # and appositions ("a national security attorney", "(D-N.H.)").
    parts: list[str] = []
    left = max(tok.left_edge.i, line_start)
    for k in range(left, name_start):
        # A dateline is no role: "ROME - Bernie Sanders met ...".
        if doc[k].text in ("-", "—", "–") and all(
            t.is_punct or t.text.isupper() for t in doc[left:k]
        ):
            left = k + 1
    if left < name_start:
        s, e = trim(doc, left, name_start)
        if e > s and doc[s].lower_ in ("the", "a", "an"):
            s += 1
        if e > s:
            parts.append(span_text(doc, s, e))
    for child in tok.children:
        if (child.i > tok.i and child.dep_ in ("appos", "npadvmod", "prn")) or (
            child.i > tok.i and child.dep_ == "punct" and child.text == "("
        ):
            s, e = trim(doc, child.left_edge.i, child.right_edge.i + 1)
            for sub in child.subtree:  # "..., who first reported ..." is not a title
                # nor is "attorney for the man who ..., claimed on CNN that ...",
                # the rest of a sentence the parser hung on the apposition.
                finite = sub.tag_ in ("VBD", "VBZ", "VBP") or sub.dep_ == "relcl"
                clause = sub.dep_ in ("relcl", "acl") and sub.head.i == child.i
                if (clause or finite) and sub.i > child.i:
                    e = min(e, trim(doc, s, sub.left_edge.i)[1])
            if e > s:
                parts.append(span_text(doc, s, e))
    if not parts and doc[name_start].is_sent_start:
        split = title_before(doc, name_start)  # "Const. | Mark Brown said"
        if split:
            parts.append(split)
    paren = parenthesis_after(doc, tok)
    if paren and all(paren.strip("()") not in p for p in parts):
        parts.append(paren)
    role = ", ".join(p for p in parts if p) or None
    return name, role, label
