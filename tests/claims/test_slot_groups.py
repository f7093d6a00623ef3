"""A slot stated more loosely by one outlet is judged apart from the group whose
sentences carry it (:mod:`newsprism.claims.slots`).  Sentences written for these tests;
the group is given, so only the parting and the verdicts are under test."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.claims import group_claims
from newsprism.claims.features import EntityIndex, features
from newsprism.claims.slots import part_slots, slot_phrase
from newsprism.claims.values import find_values
from newsprism.claims.verdicts import Judgement, judge
from newsprism.model import Article, Claim, ClaimKind, Value


def _claims(rows: Sequence[tuple[str, str, ClaimKind]]) -> list[Claim]:
    out = []
    for n, (art, text, kind) in enumerate(rows):
        values = tuple(f.value for f in find_values(text, None))
        out.append(Claim(f"{art}:c{n}", art, text, 0, len(text), values, kind=kind))
    return out


def _parted(claims: list[Claim]) -> tuple[list[list[int]], list[Judgement], list[Claim]]:
    """The story's claims as one aligned group, judged and parted by its slots."""
    index = EntityIndex(())

    def judged(sub: Sequence[Claim], skip: frozenset[str]) -> Judgement:
        return judge(sub, [features(c, index) for c in sub], {}, {}, skip=skip)

    members = list(range(len(claims)))
    return part_slots([members], [judged(claims, frozenset())], claims, judged)


#: Three reports of one raid: two give the number of raiders, one of them loosely.
RAID = [
    (
        "a",
        "The three raiders, two of whom wore balaclavas, emptied the vault of the Kessler "
        "savings bank in Ghent",
        "statement",
    ),
    (
        "b",
        "The Kessler savings bank in Ghent was raided by as many as three raiders on Monday",
        "statement",
    ),
    ("c", "Armed raiders emptied the vault of the Kessler savings bank in Ghent", "statement"),
]


def test_a_loose_count_is_judged_apart_from_the_raid_it_is_stated_in() -> None:
    claims = _claims(RAID)
    # the whole group is imprecise on the number of raiders alone
    index = EntityIndex(())
    whole = judge(claims, [features(c, index) for c in claims], {}, {})
    assert whole.verdict == "imprecise"
    groups, judgements, new = _parted(claims)
    assert [j.verdict for j in judgements] == ["imprecise", "corroborated"]
    # the slot's group holds the two accounts of the number, as phrases of their own,
    # listed first; the raid keeps all its sentences
    assert sorted(c.text for c in new) == [
        "The three raiders",
        "was raided by as many as three raiders on Monday",
    ]
    assert groups[1] == [0, 1, 2]
    assert {c.article for c in new} == {"a", "b"}
    assert {s.text.split(":")[0] for s in judgements[0].sides} == {
        "three raiders",
        "as many as three raiders",
    }
    # each side names the new claims, which sit where their text is in the article
    assert {cid for s in judgements[0].sides for cid in s.claims} == {c.id for c in new}
    for c in new:
        source = next(x for x in claims if x.article == c.article)
        assert source.text[c.start : c.end] == c.text


def test_a_group_of_clauses_around_the_figure_keeps_its_verdict() -> None:
    # every claim is the clause of the loose slot: the group is the slot, nothing to part
    claims = _claims(
        [
            ("a", "the three raiders emptied the vault", "value"),
            ("b", "raided by as many as three raiders", "value"),
        ]
    )
    _, judgements, new = _parted(claims)
    assert [j.verdict for j in judgements] == ["imprecise"]
    assert new == []


def test_a_conflict_stays_the_whole_group_verdict() -> None:
    # two accounts that cannot both hold are news about the whole report, not a detail
    claims = _claims(
        [
            (
                "a",
                "Officials said the ferry had 41 passengers when it ran aground",
                "statement",
            ),
            (
                "b",
                "Officials said the ferry had 44 passengers when it ran aground",
                "statement",
            ),
            ("c", "The ferry ran aground off the coast near the harbour", "statement"),
        ]
    )
    _, judgements, new = _parted(claims)
    assert [j.verdict for j in judgements] == ["conflicting"]
    assert new == []


def test_judging_without_a_slot_leaves_the_others() -> None:
    claims = _claims(RAID)
    index = EntityIndex(())
    feats = [features(c, index) for c in claims]
    j = judge(claims, feats, {}, {})
    assert j.slot is not None and j.slot.key.startswith("count:")
    assert judge(claims, feats, {}, {}, skip=frozenset([j.slot.key])).verdict == "corroborated"
    assert judge(claims, feats, {}, {}, skip=frozenset(["date"])).verdict == "imprecise"


def test_a_value_set_off_alone_takes_whose_it_is() -> None:
    text = "Maria Delgado, 71, of Tempe was crossing the street"
    c = Claim("a:c0", "a", text, 0, len(text))
    span = slot_phrase(c, Value("age", "71", 71.0))
    assert span is not None and text[span[0] : span[1]] == "Maria Delgado, 71"
    text = "Police said the two gunmen, both in their twenties, fled on foot"
    c = Claim("a:c1", "a", text, 0, len(text))
    span = slot_phrase(c, Value("count", "two gunmen", 2.0))
    assert span is not None and text[span[0] : span[1]] == "Police said the two gunmen"


def test_a_story_shows_the_loose_count_apart_and_the_raid_corroborated() -> None:
    # through group_claims, as analyze runs it: before, one imprecise group called the
    # raid, the bank and the city imprecise for the number of raiders
    arts = [Article(id=a, text=t) for a, t, _ in RAID]
    claims, groups = group_claims(_claims(RAID), arts, [])
    by_id = {c.id: c for c in claims}
    slot, raid = groups
    assert (slot.verdict, raid.verdict) == ("imprecise", "corroborated")
    assert raid.claims == ("a:c0", "b:c1", "c:c2")
    assert {by_id[c].text for c in slot.claims} == {
        "The three raiders",
        "was raided by as many as three raiders on Monday",
    }
    assert all(by_id[c].group == slot.id for c in slot.claims)
    assert raid.independent_sources == 3 and slot.independent_sources == 2
    assert slot.sides and all(set(s.claims) <= set(slot.claims) for s in slot.sides)


def test_a_misnamed_person_is_a_conflict_of_its_own_beside_the_agreed_news() -> None:
    # one outlet names the studio chief wrongly; the shooting plan all three report agrees
    from newsprism.entities import merge_entities
    from newsprism.model import ArticleNLP, Mention

    rows: list[tuple[str, str, ClaimKind]] = [
        (
            "a",
            "Studio chief R.T. Okafor said the sequel starts shooting in Lisbon",
            "statement",
        ),
        (
            "b",
            "Studio chief R.T. Whitlow said the sequel starts shooting in Lisbon",
            "statement",
        ),
        ("c", "The sequel starts shooting in Lisbon, the studio said", "statement"),
    ]
    arts = [Article(id=a, text=t) for a, t, _ in rows]
    people = ("R.T. Okafor", "R.T. Whitlow")
    recs = [ArticleNLP(a.id, (), tuple(Mention(0, 1, p, "PERSON") for p in people)) for a in arts]
    claims, groups = group_claims(_claims(rows), arts, [], merge_entities(recs))
    by_id = {c.id: c for c in claims}
    assert [g.verdict for g in groups] == ["conflicting", "corroborated"]
    named, plan = groups
    assert plan.claims == ("a:c0", "b:c1", "c:c2")
    assert sorted(by_id[c].text for c in named.claims) == [
        "Studio chief R.T. Okafor said the sequel",
        "Studio chief R.T. Whitlow said the sequel",
    ]
    assert {s.text.split(":")[0] for s in named.sides} == {"R T Okafor", "R T Whitlow"}


def test_a_time_two_of_five_reports_give_is_shown_apart_from_the_fire() -> None:
    # the hour is not the group's verdict (three reports say less, not something vaguer)
    # but the two that give it, one more loosely, are a finding of their own
    claims = _claims(
        [
            ("a", "Firefighters were called to the Marlow depot at 4 a.m. on Monday", "statement"),
            (
                "b",
                "The Marlow depot fire began shortly after 4 a.m. on Monday, police said",
                "statement",
            ),
            ("c", "Firefighters fought the blaze at the Marlow depot on Monday", "statement"),
            ("d", "A fire gutted the Marlow depot on Monday", "statement"),
            ("e", "The Marlow depot was destroyed by fire on Monday", "statement"),
        ]
    )
    groups, judgements, new = _parted(claims)
    assert [j.verdict for j in judgements] == ["imprecise", "corroborated"]
    assert groups[1] == [0, 1, 2, 3, 4]
    assert sorted(c.text for c in new) == [
        "Marlow depot at 4 a.m. on Monday",
        "depot fire began shortly after 4 a.m. on Monday",
    ]


def test_another_date_of_the_story_is_not_an_account_of_the_slot() -> None:
    # the stay's dates are the slot; the day she checked in again is another date
    claims = _claims(
        [
            (
                "a",
                "Varga was treated at the Kellner clinic from March 2019 to April 2019",
                "statement",
            ),
            ("b", "Varga, who was treated at the Kellner clinic in 2019, is back", "statement"),
            (
                "c",
                "Varga checked into the Kellner clinic late Thursday, her lawyer said",
                "statement",
            ),
        ]
    )
    _, judgements, new = _parted(claims)
    assert [j.verdict for j in judgements] == ["imprecise", "corroborated"]
    assert {c.article for c in new} == {"a", "b"}


def test_one_slot_in_two_groups_is_one_group_of_its_accounts() -> None:
    # a sentence in one group, its figure clause in another with a third outlet's account:
    # the number of raiders is one group of the three accounts, both groups judged without it
    rows: list[tuple[str, str, ClaimKind]] = [
        *RAID,
        ("a", RAID[0][1], "value"),
        ("e", "As many as three raiders emptied the vault of the savings bank", "statement"),
        (
            "d",
            "Police in Ghent said the raiders emptied the vault of the savings bank",
            "statement",
        ),
    ]
    claims = _claims(rows)
    index = EntityIndex(())

    def judged(sub: Sequence[Claim], skip: frozenset[str]) -> Judgement:
        return judge(sub, [features(c, index) for c in sub], {}, {}, skip=skip)

    first, second = [0, 1, 2], [3, 4, 5]
    groups, judgements, new = part_slots(
        [first, second],
        [judged([claims[m] for m in g], frozenset()) for g in (first, second)],
        claims,
        judged,
    )
    assert [j.verdict for j in judgements] == ["imprecise", "corroborated", "corroborated"]
    assert groups[1:] == [first, second]
    assert sorted(c.article for c in new) == ["a", "b", "e"]
    assert sorted(groups[0]) == [6, 7, 8]
