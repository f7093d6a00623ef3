from __future__ import annotations

from newsprism.entities import merge_entities, normalise
from newsprism.model import ArticleNLP, Mention


def rec(article: str, *mentions: tuple[str, str]) -> ArticleNLP:
    return ArticleNLP(article, (), tuple(Mention(0, len(t), t, label) for t, label in mentions))


def test_normalise_strips_possessives_and_articles() -> None:
    assert normalise("Musk’s") == "Musk"
    assert normalise("the Kremlin") == "Kremlin"
    assert normalise("  Adam   Smith ") == "Adam Smith"


def test_surname_joins_the_unique_full_name_across_articles() -> None:
    ents = merge_entities(
        [
            rec("a", ("Adam Smith", "PERSON"), ("Smith", "PERSON")),
            rec("b", ("Smith's", "PERSON"), ("Elon Musk", "PERSON"), ("Musk", "PERSON")),
        ]
    )
    smith = next(e for e in ents if e.name == "Adam Smith")
    assert smith.aliases == ("Smith",)
    assert smith.articles == ("a", "b")
    assert {e.name for e in ents if e.kind == "person"} == {"Adam Smith", "Elon Musk"}


def test_ambiguous_surname_is_not_merged() -> None:
    ents = merge_entities(
        [rec("a", ("Adam Smith", "PERSON"), ("Jane Smith", "PERSON"), ("Smith", "PERSON"))]
    )
    assert {e.name for e in ents} == {"Adam Smith", "Jane Smith", "Smith"}


def test_place_is_not_swallowed_by_an_organisation() -> None:
    ents = merge_entities([rec("a", ("Washington", "GPE"), ("Washington Post", "ORG"))])
    assert {(e.name, e.kind) for e in ents} == {("Washington", "place"), ("Washington Post", "org")}


def test_non_entity_labels_are_ignored() -> None:
    assert merge_entities([rec("a", ("Friday", "DATE"), ("$120 million", "MONEY"))]) == ()


def test_possessive_inside_a_person_span_is_cut() -> None:
    assert normalise("Musk’s Kremlin", "person") == "Musk"
    assert normalise("Musk’s Kremlin", "org") == "Musk’s Kremlin"


def test_one_off_ner_error_does_not_block_a_dominant_full_name() -> None:
    ents = merge_entities(
        [
            rec("a", ("Elon Musk", "PERSON"), ("Musk", "PERSON"), ("Elon Musk", "PERSON")),
            rec("b", ("Elon Musk", "PERSON"), ("Little Musk", "PERSON"), ("Musk", "PERSON")),
        ]
    )
    musk = next(e for e in ents if e.name == "Elon Musk")
    assert "Musk" in musk.aliases


def test_majority_label_decides_the_kind() -> None:
    ents = merge_entities(
        [rec("a", ("SpaceX", "ORG"), ("SpaceX", "ORG")), rec("b", ("SpaceX", "PERSON"))]
    )
    assert [(e.name, e.kind, e.articles) for e in ents] == [("SpaceX", "org", ("a", "b"))]


def _people(*names: str) -> list[ArticleNLP]:
    recs = []
    for n, name in enumerate(names):
        recs.append(ArticleNLP(article=f"a{n}", mentions=(Mention(0, len(name), name, "PERSON"),)))
    return recs


def test_a_generational_suffix_is_another_person() -> None:
    ents = merge_entities(_people("Donald Trump", "Donald Trump", "Donald Trump Jr.", "Trump"))
    names = {e.name for e in ents}
    assert {"Donald Trump", "Donald Trump Jr"} <= names
    trump = next(e for e in ents if e.name == "Donald Trump")
    assert "Trump" in trump.aliases


def test_a_title_is_not_part_of_the_name() -> None:
    ents = merge_entities(_people("Rep. Duncan Hunter", "Duncan Hunter", "Hunter"))
    assert [e.name for e in ents if e.kind == "person"] == ["Duncan Hunter"]


def test_a_title_strip_needs_a_capitalised_name_after_it() -> None:
    assert normalise("Secretary of State Antony Blinken", "person").startswith("Secretary")
    assert normalise("Mayor Linda Carter", "person") == "Linda Carter"


def test_a_surname_misread_as_an_organisation_is_the_person() -> None:
    ents = merge_entities(
        [
            rec("a", ("Dana Kowalczyk", "PERSON"), ("Kowalczyk", "ORG")),
            rec("b", ("Kowalczyk", "ORG"), ("George Washington", "PERSON"), ("Washington", "GPE")),
        ]
    )
    names = {(e.name, e.kind): e for e in ents}
    assert names[("Dana Kowalczyk", "person")].aliases == ("Kowalczyk",)
    assert ("Kowalczyk", "org") not in names
    assert ("Washington", "place") in names  # a place keeps its kind


def test_a_headline_verb_or_leading_gerund_is_not_part_of_a_name() -> None:
    assert normalise("Governor Ann Walsh Says She Will Run", "person") == "Ann Walsh"
    assert normalise("MARTA VOGEL RESIGNS", "person") == "MARTA VOGEL"
    assert normalise("Trusting Ann Walsh", "person") == "Ann Walsh"
    assert normalise("Laughs", "person") == ""
    # only people: an organisation's name may hold such words
    assert normalise("Citizens Says Foundation", "org") == "Citizens Says Foundation"


def test_a_longer_span_around_a_full_name_does_not_take_it_over() -> None:
    ents = merge_entities(
        [
            rec("a", ("Ann Walsh", "PERSON"), ("Walsh", "PERSON")),
            rec("b", ("Ann Walsh", "PERSON"), ("Ann Walsh Bridge", "PERSON")),
        ]
    )
    walsh = next(e for e in ents if e.name == "Ann Walsh")
    assert walsh.articles == ("a", "b") and walsh.aliases == ("Walsh",)
    bridge = next(e for e in ents if e.name == "Ann Walsh Bridge")
    assert bridge.aliases == ()


def test_a_middle_name_or_initial_is_the_same_person_and_chains_resolve() -> None:
    ents = merge_entities(
        [
            rec("a", ("Walsh", "PERSON"), ("Ann Walsh", "PERSON")),
            rec("b", ("Ann B. Walsh", "PERSON")),
            rec("c", ("Ann Walsh", "PERSON")),
        ]
    )
    people = [e for e in ents if e.kind == "person"]
    assert [(e.name, e.aliases, e.articles) for e in people] == [
        ("Ann B. Walsh", ("Ann Walsh", "Walsh"), ("a", "b", "c"))
    ]


def test_a_two_word_surname_joins_the_name_with_given_names() -> None:
    ents = merge_entities([rec("a", ("Maria Lopez Garza", "PERSON"), ("Lopez Garza", "PERSON"))])
    assert [(e.name, e.aliases) for e in ents] == [("Maria Lopez Garza", ("Lopez Garza",))]


def test_an_initial_with_or_without_its_full_stop_is_one_person() -> None:
    ents = merge_entities(
        [
            rec("a", ("Marta K Dunne", "PERSON"), ("Dunne", "PERSON")),
            rec("b", ("Marta K. Dunne", "PERSON"), ("Dunne", "PERSON")),
            rec("c", ("Marta Dunne", "PERSON"), ("Dunne", "PERSON")),
        ]
    )
    people = [(e.name, e.aliases, e.articles) for e in ents if e.kind == "person"]
    assert people == [("Marta K. Dunne", ("Dunne", "Marta Dunne"), ("a", "b", "c"))]


def test_the_arabic_article_joined_or_apart_is_one_person() -> None:
    ents = merge_entities(
        [
            rec("a", ("Khalid Omar al-Rawi", "PERSON"), ("al-Rawi", "PERSON")),
            rec("b", ("Khalid Omar al Rawi", "PERSON"), ("al Rawi", "PERSON")),
            rec("c", ("Rawi", "ORG"), ("Khalid Omar al-Rawi", "PERSON")),
            rec("d", ("Khalid Rawi", "PERSON")),
        ]
    )
    people = [(e.name, e.articles) for e in ents if e.kind == "person"]
    assert people == [("Khalid Omar al-Rawi", ("a", "b", "c", "d"))]


def test_police_and_church_titles_are_not_names_and_a_bare_title_is_no_one() -> None:
    ents = merge_entities(
        [
            rec("a", ("Undersheriff Lena Marsh", "WORK_OF_ART"), ("Lena Marsh", "PERSON")),
            rec("b", ("Detective Chief Inspector Tom Hale", "PERSON"), ("Sheriff", "PERSON")),
            rec("c", ("Father Luis Ortega", "PERSON"), ("Sgt", "PERSON"), ("Hale", "PERSON")),
        ]
    )
    assert {(e.name, e.kind) for e in ents} == {
        ("Lena Marsh", "person"),
        ("Tom Hale", "person"),
        ("Luis Ortega", "person"),
    }
    marsh = next(e for e in ents if e.name == "Lena Marsh")
    assert marsh.articles == ("a",)


def test_a_name_in_capitals_is_the_same_name_and_a_role_word_is_a_title() -> None:
    ents = merge_entities(
        [
            rec("a", ("NINA Brandt", "PERSON"), ("Showrunner", "PERSON"), ("Pope", "PERSON")),
            rec("b", ("Nina Brandt", "PERSON"), ("Producer Brandt", "PERSON")),
            rec("c", ("Nina Brandt", "PERSON"), ("Al-Harbi", "PERSON"), ("al-Harbi", "PERSON")),
            rec("d", ("al-Harbi", "PERSON")),
        ]
    )
    people = {e.name: (e.aliases, e.articles) for e in ents if e.kind == "person"}
    assert people == {
        "Nina Brandt": (("Brandt", "NINA Brandt"), ("a", "b", "c")),
        "al-Harbi": (("Al-Harbi",), ("c", "d")),
    }
