"""Verdict rules on claims written by hand (no parser): what conflicts, what does not."""

from __future__ import annotations

from newsprism.claims import group_claims
from newsprism.claims.values import Amount, find_values
from newsprism.model import Article, Claim, ClaimGroup, Value


def _claim(article: str, n: int, text: str, published: str | None = None) -> Claim:
    values = tuple(f.value for f in find_values(text, published))
    return Claim(
        id=f"{article}:c{n}", article=article, text=text, start=0, end=len(text), values=values
    )


def _run(
    texts: dict[str, list[str]],
    families: list[tuple[str, ...]] | None = None,
    published: dict[str, str] | None = None,
) -> tuple[dict[str, Claim], tuple[ClaimGroup, ...]]:
    published = published or {}
    arts = [Article(id=a, text=" ".join(t), published=published.get(a)) for a, t in texts.items()]
    claims = [
        _claim(a, n, t, published.get(a)) for a, ts in texts.items() for n, t in enumerate(ts)
    ]
    out, groups = group_claims(claims, arts, families or [])
    return {c.id: c for c in out}, groups


def _group_of(claims: dict[str, Claim], groups: tuple[ClaimGroup, ...], cid: str) -> ClaimGroup:
    gid = claims[cid].group
    return next(g for g in groups if g.id == gid)


def test_different_days_of_one_report_conflict() -> None:
    claims, groups = _run(
        {
            "a": ["A Daily Planet article published on Thursday"],
            "b": ["the Daily Planet reported Friday"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "conflicting"
    assert {c for s in g.sides for c in s.claims} == {"a:c0", "b:c0"}
    assert len(g.sides) == 2 and all(s.text for s in g.sides)


def test_same_day_is_corroborated_and_family_counts_once() -> None:
    texts = {
        "a": ["the Daily Planet reported the Acme merger on Friday"],
        "b": ["the Daily Planet reported the Acme merger Friday"],
        "c": ["the Daily Planet reported on Friday the Acme merger"],
    }
    claims, groups = _run(texts)
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "corroborated" and g.independent_sources == 3
    claims, groups = _run(texts, families=[("a", "b", "c")])
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "single-source" and g.independent_sources == 1


def test_vague_beside_precise_is_imprecise_not_conflicting() -> None:
    claims, groups = _run(
        {
            "a": ["Jones has donated nearly $120 million to the Horizon super PAC"],
            "b": ["Jones donated tens of millions of dollars to Horizon super PACs"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "imprecise"
    texts = [s.text for s in g.sides]
    assert any("nearly $120 million" in t for t in texts)
    assert any("tens of millions" in t for t in texts)


def test_disjoint_precise_figures_conflict() -> None:
    claims, groups = _run(
        {
            "a": ["Jones has donated $120 million to the Horizon super PAC"],
            "b": ["Jones donated $95 million to the Horizon super PAC"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "conflicting"


def test_every_shared_figure_differing_is_another_occasion_not_a_conflict() -> None:
    # two seasons' statistics: one account wrong on one figure would keep the others
    _, groups = _run(
        {
            "a": ["Ortega caught 29 passes for 201 yards and scored two touchdowns"],
            "b": ["Ortega caught 39 passes for 302 yards and scored six touchdowns"],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_one_figure_differing_among_agreeing_ones_conflicts() -> None:
    claims, groups = _run(
        {
            "a": ["Ortega caught 29 passes for 201 yards and scored two touchdowns"],
            "b": ["Ortega caught 29 passes for 231 yards and scored two touchdowns"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "conflicting"


def test_counts_fused_to_their_unit_conflict() -> None:
    claims, groups = _run(
        {
            "a": ["Prosecutors unsealed a 47-page indictment against the port director"],
            "b": ["Prosecutors unsealed a 48-page indictment against the port director"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "conflicting"


def test_figures_far_apart_are_two_quantities_not_a_conflict() -> None:
    _, groups = _run(
        {
            "a": ["Thomas finished the season with 269 rushing yards"],
            "b": ["Thomas finished with 793 rushing yards"],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_rounded_figure_beside_exact_one_is_imprecise() -> None:
    # both hold, one outlet says less: the "vaguer in one outlet"
    claims, groups = _run(
        {
            "a": ["Jones has donated nearly $120 million to the Horizon super PAC"],
            "b": ["Jones donated $118.5 million to the Horizon super PAC"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "imprecise"


def test_same_rounding_in_both_outlets_is_corroborated() -> None:
    claims, groups = _run(
        {
            "a": ["Jones has donated about $120 million to the Horizon super PAC"],
            "b": ["Jones donated about $120 million to the Horizon super PAC"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "corroborated"


def test_one_span_in_two_units_is_imprecise_never_conflicting() -> None:
    claims, groups = _run(
        {
            "a": ["The mayor was detained 12 days after the flooding of the harbour"],
            "b": ["The mayor was detained less than two weeks after the harbour flooding"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "imprecise"


def test_counts_from_different_days_are_updates_not_conflicts() -> None:
    claims, groups = _run(
        {
            "a": ["The earthquake in Valdoria killed 12 people"],
            "b": ["The earthquake in Valdoria killed 31 people"],
        },
        published={"a": "2024-03-01", "b": "2024-03-03"},
    )
    assert _group_of(claims, groups, "a:c0").verdict == "imprecise"


def test_two_figures_in_one_article_are_not_a_conflict() -> None:
    _, groups = _run(
        {
            "a": ["The Valdoria quake killed 12 people", "The Valdoria quake killed 31 people"],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_denial_against_assertion_conflicts() -> None:
    claims, groups = _run(
        {
            "a": ["Smith has been in regular contact with Jones since 2021"],
            "b": ["Smith and Jones have had frequent conversations, the Ledger reported"],
            "c": ["A spokesman for Jones denied the report, saying they only had one phone call"],
        }
    )
    g = _group_of(claims, groups, "c:c0")
    assert g.verdict == "conflicting"
    deny_side = [s for s in g.sides if "c:c0" in s.claims]
    assert deny_side and "a:c0" not in deny_side[0].claims


def test_a_sentence_reporting_the_denial_is_not_the_side_that_asserts() -> None:
    _, groups = _run(
        {
            "a": [
                "Harbor Freight described the report as an unsubstantiated claim "
                "from unnamed sources"
            ],
            "b": [
                "Harbor Freight pointed to its statement, which called the report "
                "an unsubstantiated claim from unnamed sources"
            ],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_unrelated_denial_stays_apart() -> None:
    claims, groups = _run(
        {
            "a": ["Smith has been in regular contact with Jones since 2021"],
            "b": ["The ministry denied that the Harbor bridge was unsafe"],
        }
    )
    assert claims["a:c0"].group != claims["b:c0"].group
    assert all(g.verdict != "conflicting" for g in groups)


def test_unrelated_dates_do_not_conflict() -> None:
    _, groups = _run(
        {
            "a": ["Acme announced the merger on Monday"],
            "b": ["The Valdoria earthquake struck on Tuesday"],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_every_claim_is_grouped_and_ids_are_stable() -> None:
    texts = {"a": ["Acme hired 40 engineers in 2023"], "b": ["Acme hired 40 engineers in 2023"]}
    claims1, groups1 = _run(texts)
    _, groups2 = _run(texts)
    assert all(c.group for c in claims1.values())
    assert groups1 == groups2
    assert {cid for g in groups1 for cid in g.claims} == set(claims1)


def test_differing_values_are_never_corroborated() -> None:
    # too far apart to be called a conflict with confidence: kept apart instead; either
    # way neither claim may end in a corroborated group
    claims, groups = _run(
        {
            "a": ["Gray pointed a .38 caliber revolver at the officers"],
            "b": ["Gray pointed a .357 caliber revolver at the officers"],
        }
    )
    assert set(claims) == {"a:c0", "b:c0"}
    for cid in claims:
        assert _group_of(claims, groups, cid).verdict != "corroborated", cid


def test_few_beside_a_count_is_imprecise() -> None:
    claims, groups = _run(
        {
            "a": ["Deputies stopped the van two miles away on Route 9, the sheriff said"],
            "b": ["Deputies stopped the van a few miles away on Route 9, the sheriff said"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "imprecise"
    assert any("a few miles" in s.text for s in g.sides)


def test_a_few_of_is_not_a_figure() -> None:
    assert find_values("A few of the trustees left early") == []


def test_open_bound_vague_figure_is_finite() -> None:
    from newsprism.claims.values import parse_amount

    amt = parse_amount("over millions of dollars")
    assert amt is not None and amt.value < float("inf") and amt.high == float("inf")


def test_durations_of_one_stay_conflict_but_years_do_not() -> None:
    claims, groups = _run(
        {
            "a": ["The singer had been treated at Mercy Hospital for three weeks for pneumonia"],
            "b": ["The singer had been treated at Mercy Hospital for four weeks for pneumonia"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "conflicting"
    claims, groups = _run(
        {
            "a": ["The mayor has served Springfield for 21 years in office"],
            "b": ["The mayor has served Springfield for 22 years in office"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict != "conflicting"


def test_debunk_in_other_words_joins_what_it_debunks() -> None:
    claims, groups = _run(
        {
            "a": ["Patrol robots from Quillbot now guard the Harwick campus of Vantor Systems"],
            "b": ["Quillbot robots are guarding the Harwick campus of Vantor Systems, staff say"],
            "c": [
                "A Quillbot founder said rumours that its robots guard the Vantor campus "
                "at Harwick are not true"
            ],
        }
    )
    g = _group_of(claims, groups, "c:c0")
    assert g.verdict == "conflicting" and g.conflict == "disputed"
    deny = next(s for s in g.sides if "c:c0" in s.claims)
    other = {c for s in g.sides if s is not deny for c in s.claims}
    assert other & {"a:c0", "b:c0"}


def test_an_article_that_reports_and_debunks_is_not_the_asserting_side() -> None:
    claims, groups = _run(
        {
            "a": ["The singer Dana Reyes was found dead in her Malibu home, the site claimed"],
            "b": [
                "The singer Dana Reyes was found dead in her Malibu home, a website said",
                "The Dana Reyes death story from the Malibu website is a hoax",
            ],
        }
    )
    g = _group_of(claims, groups, "b:c1")
    assert g.verdict == "conflicting"
    deny = next(s for s in g.sides if "b:c1" in s.claims)
    asserting = {c for s in g.sides if s is not deny for c in s.claims}
    assert "a:c0" in asserting and not any(c.startswith("b:") for c in asserting)


def test_relative_clause_denial_is_not_the_sentence_polarity() -> None:
    from newsprism.claims.lexicon import disputing

    assert not disputing("Kell, who has denied the reports, did not respond to requests")
    assert disputing("Kell denied the Harbor Times report on Tuesday")
    assert not disputing("The ministry would neither confirm nor deny that talks took place")
    assert not disputing("Any attempt to deny the settlers their land will fail")


def test_ages_are_figures_of_one_person() -> None:
    from newsprism.claims.values import amount_of

    found = {
        f.value.text: f.value
        for f in find_values("Rosa Kell, 41, of Dunmore met the 9-year-old boy")
    }
    assert set(found) == {"41", "9-year-old"} and all(v.kind == "age" for v in found.values())
    assert all(f.value.kind != "age" for f in find_values("The company, 25, was sold"))
    decade = find_values("The driver, who was in his early 40s, fled")[0].value
    amt = amount_of(decade)
    assert amt is not None and amt.vague and (amt.low, amt.high) == (40.0, 43.0)


def test_an_age_and_a_decade_are_imprecise_two_ages_conflict() -> None:
    claims, groups = _run(
        {
            "a": ["Police said the 41-year-old Rosa Kell was struck outside the Dunmore library"],
            "b": [
                "Police said Rosa Kell, who was in her 40s, was struck outside the Dunmore library"
            ],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "imprecise"
    claims, groups = _run(
        {
            "a": ["Police said the 41-year-old Kell was struck outside the Dunmore library"],
            "b": ["Police said the 44-year-old Kell was struck outside the Dunmore library"],
        }
    )
    assert _group_of(claims, groups, "a:c0").verdict == "conflicting"


def test_ages_of_two_people_do_not_conflict() -> None:
    _, groups = _run(
        {
            "a": ["The 15-year-old Timmons was at the scene of the Dunmore shooting"],
            "b": ["Timmons and his 16-year-old friend were at the scene of the Dunmore shooting"],
        }
    )
    assert all(g.verdict != "conflicting" for g in groups)


def _run_with_people(texts: dict[str, list[str]], people: list[str]) -> tuple[ClaimGroup, ...]:
    from newsprism.entities import merge_entities
    from newsprism.model import ArticleNLP, Mention

    arts = [Article(id=a, text=" ".join(t)) for a, t in texts.items()]
    claims = [_claim(a, n, t) for a, ts in texts.items() for n, t in enumerate(ts)]
    recs = [ArticleNLP(a.id, (), tuple(Mention(0, 1, p, "PERSON") for p in people)) for a in arts]
    _, groups = group_claims(claims, arts, [], merge_entities(recs))
    return groups


def test_a_person_named_differently_in_one_role_conflicts() -> None:
    groups = _run_with_people(
        {
            "a": ["Rhea Sandoval and Kristen Stewart will star in the sequel, Harbor Films said"],
            "b": ["Rhea Sandoval and Kristen Bell will star in the sequel, Harbor Films said"],
        },
        ["Rhea Sandoval", "Kristen Stewart", "Kristen Bell"],
    )
    conflicting = [g for g in groups if g.verdict == "conflicting"]
    assert conflicting and any("Kristen Bell" in s.text for s in conflicting[0].sides)


def test_a_person_named_by_initials_is_found_however_they_are_written() -> None:
    # "J.R." loses its last dot in a claim's words; the entity list spells it "J. R."
    groups = _run_with_people(
        {
            "a": ["Harbor Films chief J.R. Okafor said the sequel will start shooting in May"],
            "b": ["Harbor Films chief J.R. Whitlow said the sequel will start shooting in May"],
        },
        ["J. R. Okafor", "J.R. Whitlow"],
    )
    conflicting = [g for g in groups if g.verdict == "conflicting"]
    assert conflicting and any("Whitlow" in s.text for s in conflicting[0].sides)


def test_two_people_of_one_first_name_in_both_articles_do_not_conflict() -> None:
    groups = _run_with_people(
        {
            "a": ["Kristen Stewart will star in the sequel with Kristen Bell, Harbor Films said"],
            "b": ["Kristen Bell will star in the sequel beside Kristen Stewart, Harbor Films said"],
        },
        ["Kristen Stewart", "Kristen Bell"],
    )
    assert all(g.verdict != "conflicting" for g in groups)


def test_a_claim_held_at_arms_length_is_not_the_asserting_side() -> None:
    _, groups = _run(
        {
            "a": ["Claims about the alleged death of singer Dana Reyes in Malibu spread on Friday"],
            "b": ["A fake news report claimed the singer Dana Reyes was found dead in Malibu"],
        }
    )
    assert all(g.conflict != "disputed" for g in groups)


def test_a_figure_the_other_article_also_gives_elsewhere_is_another_quantity() -> None:
    claims, groups = _run(
        {
            "a": ["Harlan finished the season with 269 rushing yards for the Gulls"],
            "b": [
                "Harlan finished the season with 302 rushing yards for the Gulls",
                "The year before, Harlan had only 269 rushing yards in nine games",
            ],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict != "conflicting"
    # nor corroborated together: the group is parted by the same rule that judged it
    assert not (g.verdict == "corroborated" and "b:c0" in g.claims)


def test_a_bounded_count_of_the_same_noun_is_imprecise_with_no_word_in_common() -> None:
    # nothing near the two numbers is shared but the counted noun itself
    claims, groups = _run(
        {
            "a": ["The three hikers, one of whom had a broken leg, reached the Alder Creek hut"],
            "b": ["Up to three hikers were flown out from the Alder Creek hut by helicopter"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert claims["b:c0"].group == g.id
    assert g.verdict == "imprecise"


def test_a_measure_unit_alone_does_not_make_two_figures_one() -> None:
    # "days" says nothing of what is counted: a stay and a search are two quantities,
    # while "hikers" is what both numbers count
    from newsprism.claims.values import amount_of
    from newsprism.claims.verdicts import _same_quantity

    def one(text: str) -> tuple[Claim, Value, Amount]:
        c = _claim("x", 0, text)
        v = c.values[0]
        a = amount_of(v)
        assert a is not None
        return c, v, a

    stay = one("The hikers spent nine days in the hut")
    search = one("Rescuers searched for seven days")
    assert not _same_quantity(*stay, *search)
    three = one("The three hikers, one of whom was hurt, reached the hut")
    up_to = one("Up to three hikers were flown out by helicopter")
    assert _same_quantity(*three, *up_to)


def test_a_year_beside_a_month_of_it_is_imprecise() -> None:
    # both hold; one outlet says less: "in 2019" / "from April 2019 to June 2019"
    claims, groups = _run(
        {
            "a": ["Ortiz previously coached the Harbor City Sharks from April 2019 to June 2019"],
            "b": ["Ortiz, who coached three clubs, previously led the Harbor City Sharks in 2019"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert claims["b:c0"].group == g.id
    assert g.verdict == "imprecise"


def test_a_day_beside_another_month_is_not_vaguer() -> None:
    from newsprism.claims.dates import date_range
    from newsprism.claims.verdicts import _finer

    def rng(text: str) -> object:
        r = date_range(find_values(text, "2021-06-10")[0].value)
        assert r is not None
        return r

    assert _finer(rng("in 2019"), rng("in March 2019"))
    assert not _finer(rng("in 2018"), rng("in March 2019"))  # both cannot hold
    assert not _finer(rng("on March 3, 2019"), rng("on March 4, 2019"))


def test_from_one_date_to_another_is_one_period() -> None:
    (span,) = find_values("She ran the clinic from March 2019 to May 2020.", "2021-06-10")
    assert (span.value.kind, span.value.value) == ("period", "2019-03/2020-05")
    since = find_values("She has run it since 2019 and will leave on Friday.", "2021-06-10")
    assert [v.value.kind for v in since] == ["period", "date"]


def test_a_side_reads_without_its_section_cue() -> None:
    claims, groups = _run(
        {
            "a": ["Why it matters: The new ferry terminal will cost $42 million, the council said"],
            "b": ["The council said the new ferry terminal will cost $45 million"],
        }
    )
    g = _group_of(claims, groups, "a:c0")
    assert g.verdict == "conflicting" and g.sides
    assert not any("Why it matters" in s.text for s in g.sides)
    assert any("the council said" in s.text for s in g.sides)  # who said it stays


def test_a_clause_with_two_figures_agrees_with_one_that_states_one_of_them() -> None:
    # "$412 million ($350M in cash)": the price and its cash part; another outlet's
    # "$412 million" is the same price, not a figure the cash part contradicts
    from newsprism.claims.verdicts import values_agree

    both = _claim("a", 0, "The deal cost Borealis $412 million ($350M in cash), analysts said")
    price = _claim("b", 0, "Borealis said it will pay $412 million for Tidewater Labs")
    other = _claim("c", 0, "Borealis said it will pay $450 million for Tidewater Labs")
    assert len(both.values) == 2
    assert values_agree(both, price) and values_agree(price, both)
    assert not values_agree(both, other) and not values_agree(other, both)
