"""Odd articles through every analysis stage: odd numbers, dates, quotes, huge or empty
texts.  The analysis completes and no stage reports a failure (a failure is the
safety net, not the plan: the value parsers validate what they read).

Bounded: each example parses a few short articles with spaCy, so a dozen examples
take seconds.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism import analyze_articles
from newsprism.model import Article

NUMBERS = [
    "9" * 40,
    "1" + "0" * 400,
    "0." + "0" * 80 + "1",
    "1,000,000,000,000,000,000,000",
    "-5",
    "3.14159",
    "1e999",
    "NaN",
    "0",
    "over millions of",
    "tens of billions of trillions of",
    "nearly 120 million",
    "between 5 and 3",
    "a dozen",
    "half",
    "99.999%",
    "$1" + "0" * 30,
    "€ 12bn",
    "twenty-seventy",
]
DATES = [
    "February 30, 2016",
    "on 31/02/2016",
    "in the year 99999",
    "on Friday",
    "last week",
    "in late 0000",
    "on 2016-13-45",
    "in 1066",
    "Sept. 31",
    "next Thursday",
]
QUOTES = [
    '"',
    "“Unclosed quote begins here",
    "he said “nested ‘inner “deep” inner’ outer”",
    "«guillemets» said Officer Smith",
    '"" said nobody',
    "'",
    "“" * 20,
    '"We will not," said the mayor, "back down."',
]
NAMES = ["Clinton", "Mayor Ann Lee", "the council", "Dr. X", "O'Neil", "Ümit", ""]


def make_text(rnd: random.Random) -> str:
    size = rnd.choice([0, 1, 3, 8, 20, 200])
    sentences = []
    for _ in range(size):
        parts = [
            rnd.choice(NAMES),
            rnd.choice(["said", "paid", "reported", "denied that", "estimated"]),
            rnd.choice(NUMBERS),
            rnd.choice(["dollars", "people", "percent", "votes", "", "days"]),
            rnd.choice(DATES),
            rnd.choice(QUOTES) if rnd.random() < 0.4 else "",
        ]
        sentences.append(" ".join(p for p in parts if p) + rnd.choice([".", "", "!", "…", ";"]))
    return rnd.choice([" ", "\n\n", "\n"]).join(sentences) or rnd.choice(["", " ", "\n", "."])


def make_articles(rnd: random.Random) -> list[Article]:
    return [
        Article(
            f"a{n}",
            make_text(rnd),
            title=rnd.choice(["Clinton raises money", "", "“", None]),
            outlet=rnd.choice(["Wire", "Post", None]),
            published=rnd.choice(["2016-10-01", "2016-10-02T09:00:00+00:00", None]),
        )
        for n in range(rnd.randint(1, 3))
    ]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles=st.randoms(use_true_random=False).map(make_articles))
def test_odd_articles_are_analysed_without_a_failure(articles: list[Article]) -> None:
    heard: list[object] = []
    dossier = analyze_articles(articles, on_failure=heard.append)
    assert heard == []
    assert [a.id for a in dossier.articles] == [a.id for a in articles]
    assert {a for s in dossier.stories for a in s.articles} <= {a.id for a in articles}
