"""Small word lists the claim rules use, kept in one place so they can be reviewed.

Why a hand-made concept list: the small English model has no word vectors, so
"contact", "conversation" and "phone call" share nothing a similarity measure
could see.  These classes are general news frames (communication, reporting,
money given, casualties, ...), not words of any one story; a claim's concepts
are the classes its words fall into.
"""

from __future__ import annotations

import functools
import re

from .._words import CALENDAR

__all__ = [
    "CASE_ODD",
    "CONCEPTS",
    "DEBUNK",
    "DENIAL",
    "DISTANCED",
    "HEDGE_WORDS",
    "STOP",
    "TIME_UNITS",
    "concepts_of",
    "disputing",
]

#: concept -> word prefixes (a word belongs if it starts with one of them).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "communicate": (
        "communicat",
        "contact",
        "conversation",
        "convers",
        "discussion",
        "discuss",
        "talk",
        "spoke",
        "speak",
        "phone",
        "telephon",
        "dialog",
        "meeting",
        "chat",
    ),
    "report": ("report", "publish", "reveal", "disclos", "article", "revelation"),
    "deny": ("deni", "deny", "refut", "reject", "dismiss", "untrue", "false"),
    "give-money": ("donat", "donor", "contribut", "invest", "fund", "spend", "spent", "gave"),
    "contract": ("contract", "deal", "award", "agreement"),
    "launch": ("launch", "rocket", "liftoff"),
    "death": ("kill", "dead", "death", "died", "dying", "fatal", "casualt", "toll", "bodies"),
    "injury": ("injur", "wound", "hurt", "hospitali"),
    "arrest": ("arrest", "detain", "custody", "charged", "indict"),
    "investigate": ("investigat", "probe", "inquiry", "inquir"),
    "election": ("elect", "vote", "voter", "ballot", "poll"),
    "attack": ("attack", "strike", "bomb", "shell", "raid", "assault"),
    "quake": ("quake", "earthquake", "tremor", "magnitude", "seismic"),
    "sale": ("sale", "sell", "sold", "revenue", "price", "bought", "buy", "acqui"),
    "employment": ("job", "employ", "hire", "hiring", "layoff", "fired", "staff", "worker"),
    "rehab": ("rehab", "treatment", "clinic"),
}
_PREFIXES = sorted(((p, c) for c, ps in CONCEPTS.items() for p in ps), key=lambda x: -len(x[0]))

#: What may stand between a copula and its predicate: up to three adverbs ("almost
#: certainly", "most likely", "clearly", "completely") or parentheticals between commas
#: (", of course,", ", he said,").  A negating or near-negating adverb ("not", "hardly")
#: never does: "is hardly fake" asserts.  Bounded, so the patterns cannot backtrack long.
_BETWEEN = (
    r"(?:\s*,\s+[\w'’ -]{1,30}?,|\s+(?!(?:hardly|scarcely|barely)\b)(?:\w+ly|most|almost|quite"
    r"|very|so|all|just|simply|in\s+fact|of\s+course|without\s+(?:a\s+)?doubt)\b){0,3}\s+"
)
#: Head nouns of what is reported, the subjects a doubt is about ("the photo is suspect").
_REPORTED = (
    r"(?:reports?|claims?|stor(?:y|ies)|photos?|photographs?|pictures?|images?|videos?|footage"
    r"|accounts?|rumou?rs?|articles?|posts?|allegations?|tweets?|headlines?)"
)

#: A denial or rejection *of a reported fact*: "denied the report", "was denied by";
#: a bare passive "her tenure was denied" is no denial of anything reported.
DENIAL = re.compile(
    r"(?<!confirm or )(?<!confirm nor )"
    r"\b(?:den(?:y|ies|ied|ying)\s+(?:that|(?:the|these|those|any|all|such)\s+(?:[\w-]+\s+){0,3}"
    r"(?:reports?|claims?|allegations?|accusations?|rumou?rs?|charges?|stor(?:y|ies)|suggestions?"
    r"|assertions?|accounts?)|reports?|claims?|allegations?"
    # "deny it the protection" withholds; "deny it" alone disputes
    r"|accusations?|rumou?rs?|having|(?:it|this)(?!\s+(?:the|a|an|any|its|their)\s)"
    r"|wrongdoing|involvement|knowledge|responsibility)\b"
    r"|(?:been|was|were|is|are)\s+denied\s+by|denials?\s+(?:of|that|from)"
    r"|(?:reject|dismiss|refut|rebut)(?:ed|es|s)?\s+(?:the\s+|these\s+|those\s+|[\w-]+['’]s\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|accounts?|story|stories|assertions?|suggestions?)"
    r"|(?:is|was|were|are)" + _BETWEEN + r"(?:not true|false|untrue|baseless)|no evidence that)",
    re.IGNORECASE,
)
#: A debunk: the claim is called fake, a hoax, false or withdrawn, or someone "did
#: not" say or do what was reported.  Generic wording of fact-checks and corrections,
#: not of one story.
DEBUNK = re.compile(
    r"\b(?:(?:hoax|fake|false|bogus|fabricated|satirical|made[- ]up|phony)\s+"
    r"(?:news|stor(?:y|ies)|reports?|claims?|rumou?rs?|articles?|posts?|videos?|photos?"
    r"|images?|accounts?|headlines?|quotes?)"
    r"|(?:is|was|were|are|be|been)" + _BETWEEN + r"(?:a\s+|an?\s+elaborate\s+)?"
    r"(?:hoax|fake|fabricated|bogus|satire|untrue|false|a\s+myth|a\s+prank)\b"
    # doubt of the report itself: its head noun, or "it/this/that" standing for it, is
    # called impossible or suspect, and the adjective ends its clause; "it is unlikely
    # (that) talks resume", "not possible to reach" (an empty "it" before the clause it
    # stands for) doubt no report
    r"|(?:\b(?:it|this|that)|" + _REPORTED + r")\s+(?:is|was|were|are|seems?|seemed|appears?"
    r"|looks?)" + _BETWEEN + r"(?:not\s+(?:possible|plausible|credible)|impossible|implausible"
    r"|unlikely|doubtful|dubious|suspect|questionable)(?=[.,;:!?)\"”’]|\s*$|\s+(?:and|but|or)\b)"
    r"|debunk\w*|(?:turn(?:s|ed)?\s+out|proved?|appears?)\s+(?:not\s+to|to\s+be\s+(?:false|fake|a\s+hoax))"
    r"|(?:did|does|has|had|have)\s*(?:not|n['’]t)\s+(?:say|said)\s+(?:that|it|this|so|any)\b"
    r"|never\s+(?:said|made|happened|confirmed|signed)"
    r"|(?:story|report|article|alert)\b(?:\W+\w+){0,15}?\W+(?:is|was|has\s+been)\s+(?:withdrawn|retracted)"
    r"|(?:duped|fooled|tricked)\s+by|no\s+(?:truth|basis)\s+(?:to|in|for)"
    r"|(?:does|did|do)\s*(?:not|n['’]t)\s+(?:stand|hold)\s+up\s+to\s+(?:close\s+)?"
    r"(?:scrutiny|examination|inspection|fact[- ]?check\w*)"
    r"|(?:is|was|were|are)\s+(?:highly\s+|deeply\s+)?(?:misleading|inaccurate)\b"
    r"|(?:unfounded|unsubstantiated|baseless|fabricated|false)\s+(?:rumou?rs?|reports?|claims?"
    r"|allegations?|stor(?:y|ies))"
    r"|(?:doctored|photoshopped|staged|faked)\b|(?:probably|completely|totally|entirely)\s+false"
    r"|(?:part\s+of|included\s+in|nothing\s+more\s+than)\s+an?\s+(?:[\w-]+\s+){0,2}(?:hoax|prank)"
    r"|no\s+(?:record|evidence|indication|proof)\s+(?:of|that)\b|\bhoax(?:es)?\b|\bfalsely\b)",
    re.IGNORECASE,
)
#: Wording that keeps a claim at arm's length or negates it: such a sentence does not
#: assert what a denial denies ("Claims about his alleged death began circulating",
#: "Woods is not serving a suspension"), so it is never the asserting side of a dispute.
DISTANCED = re.compile(
    r"\b(?:not|never|no longer|n['’]t|alleged(?:ly)?|purport\w*|unverified|unconfirmed"
    r"|rumou?r(?:s|ed)?|hoax\w*|fake|supposed(?:ly)?)\b",
    re.IGNORECASE,
)


#: A relative clause open before a cue: "Musk, who has previously denied rumours of ties
#: to Russia, has yet to respond" describes Musk; the sentence asserts the no-comment.
_RELATIVE_OPEN = re.compile(r",\s+(?:who|which)\b[^,;]*$", re.IGNORECASE)


#: Characters that Python's case-insensitive matching takes for ASCII letters (dotted
#: and dotless i, the long s, the Kelvin sign); no other character lower-cases to one.
CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")
#: Every match of :data:`DENIAL` holds one of these, in lower case.  A branch added to
#: :data:`DENIAL` or :data:`DEBUNK` needs its word here and a phrase in
#: ``tests/claims/test_dispute_words.py`` (whose test of the patterns' text says so).
_DENIAL_WORDS = (
    "deny", "denie", "denying", "denial", "reject", "dismiss", "refut", "rebut", "true",
    "false", "baseless", "evidence",
)  # fmt: skip
#: Every match of :data:`DEBUNK` holds one of these, or "did not say" (:func:`may_debunk`).
_DEBUNK_WORDS = (
    "hoax", "fake", "false", "bogus", "fabricated", "satirical", "made-up", "made up",
    "phony", "satire", "true", "myth", "prank", "debunk", "turn", "prove", "appear",
    "never", "withdrawn", "retracted", "duped", "fooled", "tricked", "truth", "basis",
    "unfounded", "unsubstantiated", "baseless", "doctored", "photoshopped", "staged",
    "record", "evidence", "indication", "proof", "scrutiny", "examination", "inspection",
    "fact", "misleading", "inaccurate", "possible", "plausible", "credible", "unlikely",
    "doubtful", "dubious", "suspect", "questionable",
)  # fmt: skip


def may_deny(text: str) -> bool:
    """False only when :data:`DENIAL` cannot match ``text`` (none of its words is there):
    a few substring tests instead of the pattern's try at every position."""
    if not CASE_ODD.isdisjoint(text):
        return True
    low = text.lower()
    return any(w in low for w in _DENIAL_WORDS)


def may_debunk(text: str) -> bool:
    """False only when :data:`DEBUNK` cannot match ``text`` (as :func:`may_deny`); the
    one branch without a word of its own, "did not say", needs a negation and a "say"."""
    if not CASE_ODD.isdisjoint(text):
        return True
    low = text.lower()
    if any(w in low for w in _DEBUNK_WORDS):
        return True
    return ("say" in low or "said" in low) and ("not" in low or "n't" in low or "n’t" in low)


@functools.lru_cache(maxsize=1 << 14)
def disputing(text: str) -> bool:
    """Whether a sentence denies or debunks what it is about: a :data:`DENIAL` or
    :data:`DEBUNK` cue outside a relative clause.

    Kept for the texts met last: a claim's text is asked about when it is extracted
    (its polarity) and again when it is grouped (its kind), in one process."""
    for pattern, may in ((DENIAL, may_deny), (DEBUNK, may_debunk)):
        if not may(text):
            continue
        for m in pattern.finditer(text):
            if not _RELATIVE_OPEN.search(text, 0, m.start()):
                return True
    return False


#: Counted nouns that measure time or repetition: "21 years in power", "two years
#: after", "four times", "six games" are usually different spans, not one figure
#: two outlets disagree on, so they never make a conflict.
TIME_UNITS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "season",
        "time",
        "game",
        "term",
        "round",
        "inning",
        "quarter",
        "lap",
    ]
)
HEDGE_WORDS = frozenset(
    {"nearly", "almost", "about", "around", "approximately", "roughly", "some", "only", "just"}
)
#: Function words plus the commonest news verbs: they say nothing about *what* a claim is about.
STOP = (
    frozenset(
        [
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "few",
            "for",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "me",
            "more",
            "most",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "out",
            "over",
            "own",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "yours",
            "said",
            "says",
            "say",
            "told",
            "tell",
            "according",
            "added",
            "adding",
            "also",
            "reportedly",
            "since",
            "ago",
            "year",
            "years",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "last",
            "earlier",
            "later",
            "recent",
            "recently",
            "new",
            "first",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "mr",
            "ms",
            "mrs",
            "might",
            "must",
            "shall",
            "per",
            "percent",
            "million",
            "billion",
            "thousand",
            "hundred",
            "dollars",
            "nearly",
            "almost",
            "around",
            "approximately",
            "roughly",
            "least",
            "tens",
            "saying",
            "stating",
            "claiming",
            "adding",
            "noting",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "dozens",
            "several",
            "many",
            "few",
            "much",
            "more",
            "less",
            "fewer",
            "pro",
        ]
    )
    | CALENDAR
)


def concepts_of(words: list[str]) -> frozenset[str]:
    """The concept classes of lower-cased words (prefix match, longest first)."""
    return frozenset(c for c in map(_concept, words) if c is not None)


#: :data:`_PREFIXES` by prefix (reversed: a prefix listed twice keeps its first concept),
#: and their lengths, longest first: a word is looked up once per length, not tried
#: against each prefix.
_CONCEPT_OF_PREFIX: dict[str, str] = dict(reversed(_PREFIXES))
_PREFIX_LENGTHS = sorted({len(p) for p, _ in _PREFIXES}, reverse=True)


@functools.lru_cache(maxsize=1 << 16)
def _concept(word: str) -> str | None:
    """The concept of the longest prefix of ``word`` in :data:`CONCEPTS`."""
    if len(word) < 3:
        return None
    for n in _PREFIX_LENGTHS:
        if n <= len(word) and (concept := _CONCEPT_OF_PREFIX.get(word[:n])) is not None:
            return concept
    return None
