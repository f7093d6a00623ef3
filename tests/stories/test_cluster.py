from __future__ import annotations

import dataclasses

from newsprism.model import Article, ArticleNLP, Mention
from newsprism.stories import ClusterConfig, StoryClusterer, group, score
from newsprism.stories._features import bags, fallback_entities


def gold_of(article_id: str) -> str:
    return article_id.rsplit("-", 1)[0]


def test_fixture_stories_are_found(fixture_articles: list[Article]) -> None:
    stories = group(fixture_articles)
    pred = {a: s.id for s in stories for a in s.articles}
    gold = {a.id: gold_of(a.id) for a in fixture_articles}
    result = score(pred, gold)
    assert result.bcubed_f1 >= 0.9, result


def test_same_kind_events_stay_apart(fixture_articles: list[Article]) -> None:
    stories = group(fixture_articles)
    assert len({gold_of(a.id) for a in fixture_articles}) >= 2
    assert sorted(a for s in stories for a in s.articles) == sorted(a.id for a in fixture_articles)
    for s in stories:
        assert len({gold_of(a) for a in s.articles}) == 1, s


def test_joining_and_new_story(fixture_articles: list[Article]) -> None:
    by_id = {a.id: a for a in fixture_articles}
    cl = StoryClusterer()
    first = cl.add(by_id["transfer-1"])
    assert first.created and first.score == 0.0
    second = cl.add(by_id["transfer-2"])
    assert not second.created and second.story == first.story
    assert 0.0 < second.score <= 1.0
    other = cl.add(by_id["budget-1"])
    assert other.created and other.story != first.story
    assert len(cl) == 2


def test_add_is_idempotent(fixture_articles: list[Article]) -> None:
    cl = StoryClusterer()
    first = [cl.add(a) for a in fixture_articles]
    again = [cl.add(a) for a in fixture_articles]
    assert [a.story for a in again] == [cl.story_of(a.article) for a in first]
    assert not any(a.created for a in again)
    assert cl.documents == len(fixture_articles)


def test_ids_are_stable_across_runs(fixture_articles: list[Article]) -> None:
    assert group(fixture_articles) == group(fixture_articles)
    # input order does not matter to group(): it replays the stream by date
    assert {s.id for s in group(fixture_articles[::-1])} == {s.id for s in group(fixture_articles)}


def test_time_decay_separates_distant_reports(fixture_articles: list[Article]) -> None:
    a = fixture_articles[6]  # transfer-1
    late = dataclasses.replace(a, id="late", published="2025-03-05")
    cl = StoryClusterer()
    cl.add(a)
    assert cl.add(late).created
    undated = dataclasses.replace(a, id="undated", published=None)
    assert not cl.add(undated).created  # no date: text alone decides


def test_entities_from_nlp_are_used(fixture_articles: list[Article]) -> None:
    art = fixture_articles[0]
    start = art.text.index("Carolina Toha")
    nlp = ArticleNLP(art.id, mentions=(Mention(start, start + 13, "Carolina Toha", "PERSON"),))
    assert set(bags(art, nlp).entities) == {"carolina toha", "toha"}
    assert "antofagasta" in bags(art).entities  # fallback: capitalised runs


def test_fallback_entities_stop_at_sentence_ends() -> None:
    found = fallback_entities(
        "Damage in Chile. Interior Minister Carolina Toha spoke. The Bank of England"
    )
    assert found == ["Damage", "Chile", "Interior Minister Carolina Toha", "Bank of England"]


def test_candidates_come_from_a_bounded_index() -> None:
    cfg = ClusterConfig(posting_cap=4, candidates=3)
    cl = StoryClusterer(cfg)
    for i in range(30):
        cl.add(Article(id=f"a{i}", text=f"common words shared everywhere unique{i} token{i}"))
    assert all(len(p) <= 4 for p in cl._postings.values())
    assert len(cl._postings.candidates({"common": 1.0, "shared": 1.0}, 3)) <= 3


def test_merge_is_logged_and_resolves() -> None:
    # two stories that one article matches equally well are folded together
    cfg = ClusterConfig().tuned(threshold=0.99, merge_threshold=0.99)
    cl = StoryClusterer(cfg)
    a = cl.add(Article(id="a", text="Alpha Beta Gamma river flood town"))
    b = cl.add(Article(id="b", text="Delta Epsilon Zeta mountain fire village"))
    assert a.created and b.created
    cl.config = cfg.tuned(threshold=0.0, merge_threshold=0.0)
    both = cl.add(
        Article(id="c", text="Alpha Beta Gamma river flood town Delta Epsilon Zeta mountain fire")
    )
    assert both.story == a.story  # the older story keeps its id
    assert both.merged == (b.story,)
    assert cl.resolve(b.story) == a.story and cl.story_of("b") == a.story
    kinds = [(e.kind, e.story, e.other) for e in cl.drain_events()]
    assert ("merged", a.story, b.story) in kinds
    assert len(cl) == 1


def test_stories_left_behind_in_time_are_evicted() -> None:
    cfg = ClusterConfig(sweep_every=1)
    cl = StoryClusterer(cfg)
    old = cl.add(
        Article(id="old", text="Harbour bridge closed Zorbania ferry", published="2024-01-01")
    )
    for day in range(10, 40):
        cl.add(
            Article(
                id=f"n{day}", text=f"item{day} filler{day}", published=f"2024-02-{day % 28 + 1:02d}"
            )
        )
    idx = cl._by_id[old.story]
    assert cl._stories[idx].evicted and idx not in cl._live
    # and out of the index: lists that only pointed to it are gone
    assert all(idx not in plist for plist in cl._postings.values())
    assert "\x01zorbania" not in cl._postings
    # the story and its members are still known, it just takes no new articles
    assert cl.story_of("old") == old.story
    again = cl.add(
        Article(id="late", text="Harbour bridge closed Zorbania ferry", published="2024-03-01")
    )
    assert again.created


def test_group_on_a_small_corpus_counts_frequencies_first(fixture_articles: list[Article]) -> None:
    # priming the whole corpus is what lets four articles be clustered sensibly
    cl = StoryClusterer()
    cl.prime(fixture_articles)
    assert cl.documents == len(fixture_articles)
    cl.add_all(fixture_articles)
    assert cl.documents == len(fixture_articles)  # primed articles are not counted twice


def test_split_moves_articles_and_is_logged(fixture_articles: list[Article]) -> None:
    by_id = {a.id: a for a in fixture_articles}
    cl = StoryClusterer()
    only = cl.add(fixture_articles[0]).story
    for a in fixture_articles[1:]:  # a wrong decision to correct: everything in one story
        cl.place(a, choose=lambda article, candidates: only)
    assert [sid for sid, _, _ in cl.members()] == [only]
    cl.drain_events()
    japan = [by_id[f"quake-japan-{n}"] for n in (1, 2, 3)]
    new = cl.split(only, japan)
    assert new != only
    assert {cl.story_of(a.id) for a in japan} == {new}
    assert cl.story_of("quake-chile-1") == only
    members = dict((sid, set(m)) for sid, m, _ in cl.members())
    assert members[new] == {a.id for a in japan}
    assert len(members[only]) == len(fixture_articles) - 3
    (event,) = cl.drain_events()
    assert (event.kind, event.story, event.other) == ("split", only, new)
    assert set(event.articles) == {a.id for a in japan}
    # the new story now attracts its own kind
    later = dataclasses.replace(by_id["quake-japan-2"], id="quake-japan-4")
    assert cl.add(later).story == new


def _quake(aid: str, place_day: str, toll: str) -> Article:
    return Article(
        id=aid,
        text=(
            "A strong earthquake struck the coastal region, collapsing houses and cutting "
            f"power. Rescue teams searched the rubble on {place_day}; officials said {toll} "
            "people were killed and hundreds injured in the earthquake."
        ),
    )


def test_figures_and_dates_get_a_cosine_of_their_own() -> None:
    from newsprism.stories._vectors import _marks

    marks = _marks({"quake": 0.8, "2013": 0.4, "march": 0.4, "14": 0.2})
    assert set(marks) == {"2013", "march", "14"}
    assert abs(sum(v * v for v in marks.values()) - 1.0) < 1e-9


def test_disjoint_figures_lower_the_join_probability() -> None:
    # same words, different death toll and date: the second event of a kind
    cl = StoryClusterer()
    cl.add(_quake("first", "March 14 2013", "112"))
    same = cl.place(_quake("same", "March 14 2013", "112"), choose=lambda a, c: None)
    cl2 = StoryClusterer()
    cl2.add(_quake("first", "March 14 2013", "112"))
    other: list[float] = []
    cl2.place(
        _quake("other", "June 2 2009", "37"),
        choose=lambda a, c: other.extend(x.probability for x in c) or None,
    )
    kept: list[float] = []
    cl.place(
        _quake("again", "March 14 2013", "112"),
        choose=lambda a, c: kept.extend(x.probability for x in c) or None,
    )
    assert same.created  # the chooser said "new story"
    assert max(other) < max(kept)


def test_weights_must_match_the_features() -> None:
    import pytest

    from newsprism.stories.cluster import features, probability

    x = features(0.5, 0.5, 3, 0.2, True, 0.5)
    assert 0.0 < probability(x, ClusterConfig().calibration.weights) < 1.0
    with pytest.raises(ValueError):
        probability(x, ClusterConfig().calibration.weights[:-1])


def test_weights_past_the_tables_are_the_formula() -> None:
    # _weigh reads 1 + ln(tf) and ln(df + 1) from tables without testing their
    # ends; a tf or a df past them (a word 300 times in an article, a word in more
    # than 65,536 documents of a long stream) must give the formula's weights
    import math

    from newsprism.stories import _vectors
    from newsprism.stories._features import Bags

    clusterer = StoryClusterer()
    clusterer._docs = 200_000
    clusterer._df.update({"common": 150_000, "rare": 2, _vectors._ENT + "Aceh": 70_000})
    raw = Bags({"common": 300, "rare": 2}, {"Aceh": 1})
    wvec, evec = clusterer._weigh(raw, count=False)
    base = math.log(200_001.0) + 1.0
    want = {
        "common": (1.0 + math.log(300)) * (base - math.log(150_001.0)),
        "rare": (1.0 + math.log(2)) * (base - math.log(3.0)),
    }
    ranked = sorted(want.items(), key=lambda kv: -kv[1])
    norm = math.hypot(*(v for _, v in ranked))
    assert wvec == {k: v / norm for k, v in ranked}
    assert evec == {"Aceh": 1.0}
    assert len(_vectors._LOG1) > 150_000  # grown: the next such article takes the tables
    assert clusterer._weigh(raw, count=False) == (wvec, evec)
