"""Writes full_dossier.json: a small dossier with every section filled.

Run from the repository root: ``.venv/bin/python tests/data/web/build_fixture.py``.
The texts are invented; one article carries script and image tags in its text
and title, so every rendering test also checks escaping.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.model import (
    Article,
    Claim,
    ClaimGroup,
    Coverage,
    Dossier,
    Entity,
    EntityRelation,
    Passage,
    Quote,
    RemovedLine,
    Reuse,
    ReuseLink,
    Side,
    Speaker,
    Statement,
    Story,
    TimelineEvent,
    Value,
)

WIRE = (
    "The Harbour Bridge in Portvale was closed on Monday after a crack was found in a main "
    "support, city officials said.\n\n"
    '"We will not reopen the bridge until engineers are certain it is safe," Mayor Lena Ortiz '
    "said at a press conference.\n\n"
    "Repairs are expected to cost $4 million, according to the transport department. "
    "About 12 people were hurt when traffic was stopped suddenly."
)
COPY = (
    "The Harbour Bridge in Portvale was closed on Monday after a crack was found in a main "
    "support, city officials said.\n\n"
    '"We will not reopen the bridge until engineers are certain it is safe," Mayor Lena Ortiz '
    "said.\n\n"
    "Repairs are expected to cost $4 million. Commuters face long detours this week."
)
OWN = (
    "Portvale's Harbour Bridge will stay shut for at least two weeks, engineers told the "
    "Courier on Tuesday.\n\n"
    '"The crack is serious but it can be fixed," said chief engineer Tomas Berg of Portvale '
    "Works.\n\n"
    "Fifteen people were injured in the confusion after the closure, the fire service said."
)
EVIL = (
    "<script>alert('pwned')</script> The bridge closure angered drivers.\n\n"
    '<img src=x onerror="alert(1)"> "We will not reopen the bridge until engineers are '
    'certain it is safe," Mayor Lena Ortiz said.'
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def build() -> Dossier:
    arts = (
        Article(
            "wire",
            WIRE,
            "Daily Wire Service",
            "Harbour Bridge closed after crack found",
            "2024-03-04",
            "https://wire.example/bridge",
            removed=(RemovedLine("Copyright Daily Wire Service", "footer"),),
        ),
        Article("copy", COPY, "Portvale Post", "Bridge shut: crack in support", "2024-03-04"),
        Article("own", OWN, "Portvale Courier", "Bridge to stay shut two weeks", "2024-03-05"),
        Article(
            "evil",
            EVIL,
            "Troll Times",
            "<script>alert('title')</script>Bridge",
            "2024-03-06",
            "javascript:alert('url')",
        ),
    )
    text = {a.id: a.text for a in arts}
    reuse = Reuse(
        pairs=(
            ReuseLink(
                "wire", "copy", "edited", 0.86, "a->b", (Passage(0, 120, 0, 120, "verbatim"),)
            ),
            ReuseLink("wire", "own", "independent", 0.12),
            ReuseLink("copy", "own", "independent", 0.1),
            ReuseLink("wire", "evil", "partial", 0.35, "a->b"),
        ),
        families=(("wire", "copy", "evil"),),
        independent_sources={"s-bridge": 2},
    )
    mayor = '"We will not reopen the bridge until engineers are certain it is safe,"'
    q = []
    for aid in ("wire", "copy", "evil"):
        s, e = span(text[aid], mayor)
        q.append(
            Quote(
                f"q-{aid}",
                aid,
                mayor.strip('"'),
                s,
                e,
                "direct",
                Speaker("Lena Ortiz", "Mayor", "person:lena-ortiz"),
                None,
                "said",
                None,
                "st-mayor",
            )
        )
    berg = '"The crack is serious but it can be fixed,"'
    s, e = span(OWN, berg)
    q.append(
        Quote(
            "q-berg",
            "own",
            berg.strip('"'),
            s,
            e,
            "direct",
            Speaker("Tomas Berg", "chief engineer", "person:tomas-berg"),
            None,
            "said",
            None,
            "st-berg",
        )
    )
    statements = (
        Statement(
            "st-mayor",
            "Lena Ortiz",
            mayor.strip('",'),
            ("q-wire", "q-copy", "q-evil"),
            ("wire", "copy", "evil"),
            1,
        ),
        Statement("st-berg", "Tomas Berg", berg.strip('",'), ("q-berg",), ("own",), 1),
    )
    claims = []
    for cid, aid, part, values in (
        (
            "c1",
            "wire",
            "Repairs are expected to cost $4 million, according to the transport department.",
            (Value("money", "$4 million", 4e6),),
        ),
        (
            "c2",
            "copy",
            "Repairs are expected to cost $4 million.",
            (Value("money", "$4 million", 4e6),),
        ),
        (
            "c3",
            "wire",
            "About 12 people were hurt when traffic was stopped suddenly.",
            (Value("count", "About 12", 12.0),),
        ),
        (
            "c4",
            "own",
            "Fifteen people were injured in the confusion after the closure, the fire "
            "service said.",
            (Value("count", "Fifteen", 15.0),),
        ),
        (
            "c5",
            "own",
            "Portvale's Harbour Bridge will stay shut for at least two weeks",
            (Value("duration", "at least two weeks", None),),
        ),
    ):
        s, e = span(text[aid], part)
        group = {"c1": "g-cost", "c2": "g-cost", "c3": "g-hurt", "c4": "g-hurt", "c5": "g-weeks"}[
            cid
        ]
        claims.append(Claim(cid, aid, part, s, e, values, group))
    groups = (
        ClaimGroup("g-cost", "Repair cost: $4 million", "corroborated", ("c1", "c2"), 1),
        ClaimGroup(
            "g-hurt",
            "People hurt",
            "conflicting",
            ("c3", "c4"),
            2,
            (Side("about 12 hurt", ("c3",)), Side("15 injured", ("c4",))),
        ),
        ClaimGroup("g-weeks", "Closure for at least two weeks", "single-source", ("c5",), 1),
    )
    entities = (
        Entity(
            "person:lena-ortiz",
            "Lena Ortiz",
            "person",
            ("Ortiz",),
            ("Mayor",),
            ("wire", "copy", "evil"),
        ),
        Entity(
            "person:tomas-berg", "Tomas Berg", "person", ("Berg",), ("chief engineer",), ("own",)
        ),
        Entity("gpe:portvale", "Portvale", "gpe", (), (), ("wire", "copy", "own")),
        Entity("fac:harbour-bridge", "Harbour Bridge", "fac", (), (), ("wire", "copy", "own")),
        Entity("org:portvale-works", "Portvale Works", "org", (), (), ("own",)),
    )
    relations = (
        EntityRelation("person:lena-ortiz", "gpe:portvale", "mayor of", ("wire",)),
        EntityRelation("person:tomas-berg", "org:portvale-works", "works for", ("own", "wire")),
        EntityRelation("fac:harbour-bridge", "gpe:portvale", "located in", ("wire", "own")),
    )
    timeline = (
        TimelineEvent("2024-03-04", "Harbour Bridge closed after a crack is found", ("c3", "wire")),
        TimelineEvent("2024-03-05", "Engineers say the closure will last two weeks", ("c5",)),
    )
    coverage = (
        Coverage("wire", ("c3",), ()),
        Coverage("copy", (), ("c3",)),
        Coverage("own", ("c4", "c5"), ("c1",)),
        Coverage("evil", (), ("c1",)),
    )
    return Dossier(
        articles=arts,
        stories=(
            Story("s-bridge", "Harbour Bridge closed after crack found", tuple(a.id for a in arts)),
        ),
        reuse=reuse,
        quotes=tuple(q),
        statements=statements,
        claims=tuple(claims),
        claim_groups=groups,
        entities=entities,
        relations=relations,
        timeline=timeline,
        coverage=coverage,
        filled=(
            "articles",
            "stories",
            "reuse",
            "quotes",
            "statements",
            "claims",
            "claim_groups",
            "entities",
            "relations",
            "timeline",
            "coverage",
        ),
    )


if __name__ == "__main__":
    out = Path(__file__).with_name("full_dossier.json")
    out.write_text(build().to_json() + "\n", encoding="utf-8")
