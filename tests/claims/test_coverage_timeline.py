"""Coverage and timeline on claims written by hand: what a reader is shown first,
and that a sentence appears once however many clauses it holds."""

from __future__ import annotations

import dataclasses

from newsprism.claims import build_coverage, build_timeline
from newsprism.claims.values import find_values
from newsprism.model import Article, Claim, ClaimGroup, Statement


def _claim(cid: str, article: str, text: str, start: int, kind: str = "statement") -> Claim:
    values = tuple(f.value for f in find_values(text, "2024-05-10"))
    return Claim(
        id=cid,
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        values=values,
        kind=kind,  # type: ignore[arg-type]
        group=f"g-{cid}",
    )


def test_adds_leave_out_fragments_and_put_checkable_facts_first() -> None:
    claims = [
        _claim("a1", "a", "Residents said the mood in town was tense", 0),
        _claim("a2", "a", "raise many serious questions,", 50),
        _claim("a3", "a", "The Harlow council approved $2 million for repairs on Monday", 90),
        _claim("a4", "a", "Mayor Ines Okafor and Judge Paul Brandt met the Harlow council", 160),
    ]
    arts = [Article(id="a", text="x"), Article(id="b", text="y")]
    groups = [
        ClaimGroup(
            id=c.group or "",
            topic=c.text,
            verdict="single-source",
            claims=(c.id,),
            independent_sources=1,
        )
        for c in claims
    ]
    (cov_a, _) = build_coverage(claims, groups, (), arts, [])
    assert "a2" not in cov_a.adds
    assert cov_a.adds[0] == "a3"  # a figure and a date
    assert cov_a.adds.index("a4") < cov_a.adds.index("a1")  # names before vague talk


def test_one_source_has_no_coverage_and_a_quote_added_as_a_claim_is_listed_once() -> None:
    claims = [
        _claim("a1", "a", "The Harlow council approved $2 million for repairs on Monday", 0),
        _claim("b1", "b", "The Harlow council approved $2 million for repairs on Monday", 0),
    ]
    groups = [ClaimGroup(c.group or "", c.text, "single-source", (c.id,), 1) for c in claims]
    arts = [Article(id="a", text="x"), Article(id="b", text="y")]
    # b copies a: one source, nothing to compare it with
    copies = build_coverage(claims, groups, (), arts, [("a", "b")])
    assert all(c.adds == () and c.omits == () for c in copies)
    said = Statement(
        id="s1",
        speaker="Ines Okafor",
        text="The Harlow council approved $2 million for repairs on Monday.",
        quotes=("q1",),
        articles=("a",),
        independent_sources=1,
    )
    (cov_a, _) = build_coverage(claims[:1], groups[:1], (said,), arts, [])
    assert cov_a.adds == ("a1",)


def test_omits_list_the_most_carried_facts_first() -> None:
    arts = [Article(id=x, text=x) for x in "abcd"]
    claims = [
        Claim(id="b1", article="b", text="t", start=0, end=1, group="wide"),
        Claim(id="c1", article="c", text="t", start=0, end=1, group="wide"),
        Claim(id="d1", article="d", text="t", start=0, end=1, group="wide"),
        Claim(id="b2", article="b", text="t", start=2, end=3, group="narrow"),
        Claim(id="c2", article="c", text="t", start=2, end=3, group="narrow"),
    ]
    groups = [
        ClaimGroup(
            id="narrow",
            topic="The ferry service resumes on the northern route",
            verdict="corroborated",
            claims=("b2", "c2"),
            independent_sources=2,
        ),
        ClaimGroup(
            id="wide",
            topic="The Harlow bridge closed after inspectors found a crack",
            verdict="corroborated",
            claims=("b1", "c1", "d1"),
            independent_sources=3,
        ),
    ]
    cov = {c.article: c for c in build_coverage(claims, groups, (), arts, [])}
    assert cov["a"].omits == ("wide", "narrow")


def test_timeline_shows_a_sentence_once_not_its_clauses() -> None:
    sentence = "The Harlow bridge reopened on May 3, 2024 after two weeks of repairs"
    claims = [
        _claim("s", "a", sentence, 0),
        _claim("v", "a", "reopened on May 3, 2024", 18, kind="value"),
    ]
    events = build_timeline(claims, [Article(id="a", text=sentence)])
    assert [(e.date, e.evidence) for e in events] == [("2024-05-03", ("s",))]
    assert events[0].text == sentence


def test_group_labels_are_sentences_not_clauses() -> None:
    from newsprism.claims import group_claims

    sentence = "The mission was to pick up two astronauts stranded on the Orbital Station"
    clause = "to pick up two astronauts"
    at = sentence.index(clause)
    claims = []
    for art in ("a", "b"):
        claims.append(_claim(f"{art}s", art, sentence, 0))
        claims.append(_claim(f"{art}v", art, clause, at, kind="value"))
    _, groups = group_claims(
        claims, [Article(id="a", text=sentence), Article(id="b", text=sentence)], []
    )
    assert groups and all(g.topic != clause for g in groups)
    assert any(g.topic == sentence for g in groups if len(g.claims) >= 2)


def test_a_sentence_dating_two_things_shows_each_dates_clause() -> None:
    from newsprism import nlp
    from newsprism.claims import CAPABILITIES, extract_claims

    text = (
        "On Tuesday the council approved the harbour budget, "
        "which the mayor had first proposed in March 2019."
    )
    art = Article(id="a", text=text, published="2025-06-13")
    claims = extract_claims(art, next(iter(nlp.parse([text], CAPABILITIES))))
    lines = {e.date: e.text for e in build_timeline(claims)}
    assert (
        lines["2019-03"] == "the harbour budget, which the mayor had first proposed in March 2019"
    )
    assert lines["2025-06-10"] == "On Tuesday the council approved the harbour budget"


def test_a_dates_clause_cut_before_the_rest_of_its_words_shows_the_sentence() -> None:
    from newsprism import nlp
    from newsprism.claims import CAPABILITIES, extract_claims

    text = (
        "The Kelso ferry stopped running in 1998 and was restored in 2006 when the county "
        "bought the slipway. The club will sign Ana Ruiz, who announced in April that she "
        "would leave Dundee later this year."
    )
    art = Article(id="a", text=text, published="2025-06-13")
    claims = extract_claims(art, next(iter(nlp.parse([text], CAPABILITIES))))
    lines = {e.date: e.text for e in build_timeline(claims)}
    for line in lines.values():  # each line ends where its sentence pauses
        rest = text[text.index(line) + len(line) :].lstrip(" ")
        assert not rest or rest[0] in ",;:.!?", line
    assert lines["1998"].startswith("The Kelso ferry stopped running in 1998")
    assert "Ana Ruiz" in lines["2025-04"]


def test_a_sentence_whose_clause_another_source_carries_is_not_added() -> None:
    sentence = "At 61, the skipper is the oldest to win the Fastnet race since 1985"
    clause = "the oldest to win the Fastnet race since 1985"
    at = sentence.index(clause)
    other = "Aged 61, she became the oldest Fastnet winner since 1985"
    whole = "Ruth Alvarez took her first Fastnet title at the helm of the yacht Brisa"
    claims = [
        _claim("as", "a", sentence, 0),  # its own single-source group
        _claim("av", "a", clause, at, kind="value"),
        _claim("ak", "a", "The Fastnet fleet of 430 yachts left Cowes on Sunday", 80),
        _claim("bs", "b", other, 0),
        _claim("bw", "b", whole, 70),  # b's sentence, its clause lined up with a's below
        _claim("bc", "b", "at the helm of the yacht Brisa", 70 + whole.index("at the"), "value"),
        _claim("aw", "a", "She sailed the yacht Brisa", 200),
    ]
    by_id = {c.id: c for c in claims}
    members = {"fast": ("av", "bs"), "brisa": ("bc", "aw")}
    grouped = []
    for c in claims:
        gid = next((g for g, m in members.items() if c.id in m), c.group)
        grouped.append(dataclasses.replace(c, group=gid))
    groups = [ClaimGroup(g, by_id[m[0]].text, "corroborated", m, 2) for g, m in members.items()]
    groups += [
        ClaimGroup(c.group or "", c.text, "single-source", (c.id,), 1)
        for c in grouped
        if c.group not in members
    ]
    arts = [Article(id="a", text="x"), Article(id="b", text="y")]
    cov = {c.article: c for c in build_coverage(grouped, groups, (), arts, [])}
    assert "as" not in cov["a"].adds  # its clause is carried by b
    assert "bw" not in cov["b"].adds  # its clause is carried by a
    assert cov["a"].adds == ("ak",)


def test_a_quoted_statement_whose_claim_another_source_carries_is_not_added() -> None:
    words = "Winning this race at my age is the best day of my sailing life"
    claims = [_claim("aq", "a", words, 0), _claim("bq", "b", words, 0)]
    grouped = [dataclasses.replace(c, group="g") for c in claims]
    groups = [ClaimGroup("g", words, "corroborated", ("aq", "bq"), 2)]
    said = Statement(
        id="s1",
        speaker="Ruth Alvarez",
        text=f"{words}.",
        quotes=("q1",),
        articles=("a",),  # the quotes stage found the quotation in one outlet only
        independent_sources=1,
    )
    other = Statement(
        "s2", "Ruth Alvarez", "The crew never once doubted the boat.", ("q2",), ("a",), 1
    )
    arts = [Article(id="a", text="x"), Article(id="b", text="y")]
    (cov_a, _) = build_coverage(grouped, groups, (said, other), arts, [])
    assert cov_a.adds == ("s2",)


def test_groups_labelled_alike_are_one_omission_and_none_where_one_is_carried() -> None:
    fact = "The Fastnet fleet of 430 yachts left Cowes on Sunday"
    claims = [
        _claim("a1", "a", fact, 0),
        _claim("b1", "b", fact, 0),
        _claim("b2", "b", fact, 100),  # the same sentence again, lined up apart
        _claim("c2", "c", fact, 0),
        _claim("d0", "d", "Ruth Alvarez won the Fastnet race on Thursday", 0),
    ]
    place = {"a1": "g1", "b1": "g1", "b2": "g2", "c2": "g2"}
    grouped = [dataclasses.replace(c, group=place.get(c.id, c.group)) for c in claims]
    groups = [
        ClaimGroup("g1", fact, "corroborated", ("a1", "b1"), 2),
        ClaimGroup("g2", fact, "imprecise", ("b2", "c2"), 2),
        ClaimGroup("g-d0", claims[4].text, "single-source", ("d0",), 1),
    ]
    arts = [Article(id=x, text="x") for x in "abcd"]
    cov = {c.article: c for c in build_coverage(grouped, groups, (), arts, [])}
    assert cov["d"].omits == ("g1",)  # listed once
    assert cov["a"].omits == () and cov["c"].omits == ()  # each carries one of the two


def test_the_same_sentence_in_two_articles_is_one_timeline_line() -> None:
    caption = "Ruth Alvarez crosses the Fastnet finish line off Plymouth on Aug. 9, 2023"
    claims = [_claim("a1", "a", caption, 0), _claim("b1", "b", caption, 40)]  # not grouped
    events = build_timeline(claims)
    assert [(e.date, e.text, e.evidence) for e in events] == [("2023-08-09", caption, ("a1", "b1"))]


def test_a_model_year_is_no_event_of_that_year() -> None:
    car = "Witnesses saw the suspect drive off in a 2011 blue Honda Civic on Monday"
    talk = "She said so in a 2019 Harlow Ledger interview"
    events = build_timeline([_claim("a1", "a", car, 0), _claim("a2", "a", talk, 90)])
    assert [(e.date, e.evidence) for e in events] == [("2019", ("a2",)), ("2024-05-06", ("a1",))]


def test_a_quote_of_a_sentence_added_with_its_attribution_is_listed_once() -> None:
    words = "We sail again in a fortnight, whatever the weather does"
    claim = _claim("a9", "a", f"{words}, Ruth Alvarez told reporters on the quay", 0)
    groups = [ClaimGroup("g-a9", claim.text, "single-source", ("a9",), 1)]
    again = Statement("s3", "Ruth Alvarez", f"{words}.", ("q3",), ("a",), 1)
    arts = [Article(id="a", text="x"), Article(id="b", text="y")]
    (cov_a, _) = build_coverage([claim], groups, (again,), arts, [])
    assert cov_a.adds == ("a9",)


def test_a_dates_clause_that_opens_on_a_pronoun_shows_the_sentence() -> None:
    from newsprism import nlp
    from newsprism.claims import CAPABILITIES, extract_claims

    text = (
        "The club will sign Ana Ruiz, who said in April that she would leave Dundee "
        "later this year."
    )
    art = Article(id="a", text=text, published="2025-06-13")
    claims = extract_claims(art, next(iter(nlp.parse([text], CAPABILITIES))))
    lines = {e.date: e.text for e in build_timeline(claims)}
    assert lines["2025"].startswith("The club will sign Ana Ruiz")


def test_coverage_key_is_the_words_lower_cased_and_kept() -> None:
    from newsprism.claims import coverage

    text = "Smith’s plan: cut 12% of U.S. jobs, ‘now’."
    assert coverage._key(text) == "smith s plan cut 12 of u s jobs now"
    assert coverage._key(coverage._key(text)) == coverage._key(text)
    assert coverage._key(text) is coverage._key(text)  # kept, not rebuilt
