from __future__ import annotations

import itertools
import random
from pathlib import Path

from reuse_helpers import article, sentence

from newsprism.model import Article, RemovedLine, Story
from newsprism.reuse import ALL_PAIRS_LIMIT, analyze_reuse, compare, compare_prepared, prepare
from newsprism.reuse.align import Features
from newsprism.reuse.direction import direction


def _seed_articles(seeds: dict[str, str]) -> list[Article]:
    return [Article(id=k, text=v) for k, v in sorted(seeds.items())]


def test_seeds_are_three_independent_sources(seeds: dict[str, str]) -> None:
    arts = _seed_articles(seeds)
    reuse = analyze_reuse(arts, [Story("s", "Musk and Putin", tuple(a.id for a in arts))])
    derived = {(p.a, p.b) for p in reuse.pairs if p.relation in ("copy", "edited", "rewrite")}
    assert derived == {("000", "001")}
    assert reuse.families == (("000", "001"),)
    assert reuse.independent_sources == {"s": 3}


def test_listed_pairs_are_the_full_verdicts_and_unlisted_ones_are_independent(
    seeds: dict[str, str],
) -> None:
    # a listed pair carries exactly the verdict of the full comparison; a pair left out
    # shares too little text to be anything but independent or unrelated
    arts = _seed_articles(seeds)
    reuse = analyze_reuse(arts, [Story("s", "Musk and Putin", tuple(a.id for a in arts))])
    listed = {(p.a, p.b): p for p in reuse.pairs}
    assert 0 < len(listed) < 6
    for x, y in itertools.combinations(arts, 2):
        full = compare_prepared(prepare(x.text), prepare(y.text), x, y)
        if (x.id, y.id) in listed:
            p = listed[(x.id, y.id)]
            assert (p.relation, p.score, p.direction, p.passages) == (
                full.relation,
                full.score,
                full.direction,
                full.passages,
            )
        else:
            assert full.relation in ("independent", "unrelated")


def test_earlier_article_is_the_source() -> None:
    rng = random.Random(2)
    text = article(rng, 10)
    a = Article(id="late", text=text, published="2024-10-26T09:00:00")
    b = Article(id="early", text=text, published="2024-10-25")
    reuse = analyze_reuse([a, b], [Story("s", "t", ("late", "early"))])
    (pair,) = reuse.pairs
    assert pair.relation == "copy"
    assert pair.direction == "b->a"


def test_publication_times_compare_across_time_zones() -> None:
    rng = random.Random(3)
    text = article(rng, 10)
    # 10:00 at +05:00 is 05:00 UTC: an hour before the other, though its clock reads later
    east = Article(id="east", text=text, published="2024-10-25T10:00:00+05:00")
    west = Article(id="west", text=text, published="2024-10-25T06:00:00Z")
    (pair,) = analyze_reuse([east, west], [Story("s", "t", ("east", "west"))]).pairs
    assert (pair.a, pair.b, pair.direction) == ("east", "west", "a->b")


def test_credit_naming_the_other_outlet_gives_direction() -> None:
    rng = random.Random(4)
    text = article(rng, 10)
    wire = Article(id="w", text=text, outlet="Associated Press")
    local = Article(
        id="l",
        text=text,
        outlet="Daily Bugle",
        removed=(
            RemovedLine("The Associated Press contributed.", "credit", ("Associated Press",)),
        ),
    )
    reuse = analyze_reuse([local, wire], [Story("s", "t", ("l", "w"))])
    assert reuse.pairs[0].direction == "b->a"


def test_both_crediting_a_third_newsroom_are_siblings() -> None:
    rng = random.Random(6)
    text = article(rng, 10)
    cue = (RemovedLine("Reuters contributed to this report.", "credit", ("Reuters",)),)
    a = Article(id="a", text=text, outlet="One", removed=cue)
    b = Article(id="b", text=text, outlet="Two", removed=cue)
    reuse = analyze_reuse([a, b], [Story("s", "t", ("a", "b"))])
    assert reuse.pairs[0].direction == "common-source"


def test_independent_pairs_have_no_direction() -> None:
    rng = random.Random(8)
    result = compare(article(rng), article(rng))
    assert result.relation in ("independent", "unrelated")
    assert result.direction is None
    unrelated = Features(100, 100, 0, 0, 0, 0, 0, 0, 0, 0.1)
    assert direction("independent", unrelated) is None


def test_families_span_stories_and_counts_are_per_story() -> None:
    rng = random.Random(9)
    base = article(rng, 10)
    arts = [
        Article(id="x1", text=base),
        Article(id="x2", text=base),
        Article(id="y", text=article(rng, 10)),
    ]
    reuse = analyze_reuse(arts, [Story("s1", "t", ("x1", "x2", "y")), Story("s2", "t", ("y",))])
    assert reuse.families == (("x1", "x2"),)
    assert reuse.independent_sources == {"s1": 2, "s2": 1}


def test_a_large_story_finds_the_seed_rewrite_through_candidates(seeds: dict[str, str]) -> None:
    # more articles than ALL_PAIRS_LIMIT: only candidate pairs are aligned and listed
    rng = random.Random(5)
    arts = _seed_articles(seeds) + [
        Article(id=f"x{k:03d}", text=article(rng, 8)) for k in range(70)
    ]
    assert len(arts) > ALL_PAIRS_LIMIT
    reuse = analyze_reuse(arts, [Story("s", "big", tuple(a.id for a in arts))])
    assert len(reuse.pairs) < len(arts) * (len(arts) - 1) // 2
    derived = {
        (p.a, p.b): p.relation for p in reuse.pairs if p.relation in ("copy", "edited", "rewrite")
    }
    assert derived.get(("000", "001")) == "rewrite"
    assert not any(
        {"000", "001", "002", "003"} & {a, b} for a, b in derived if (a, b) != ("000", "001")
    )


def _story(rng: random.Random, n: int) -> list[str]:
    return [sentence(rng, 14) for _ in range(n)]


def test_a_story_cut_to_under_half_is_read_as_cut_from_the_full_one() -> None:
    # a wire story trimmed to fit: wholly inside the other, which it covers less than half
    sents = _story(random.Random(11), 12)
    result = compare(" ".join(sents[:5]), " ".join(sents))
    assert result.relation == "copy"
    assert result.direction == "b->a"


def test_text_alone_gives_no_side_when_trimming_and_padding_look_alike() -> None:
    # two lines added to a story, or two lines cut from it, leave the same two texts:
    # without times or credits no side is claimed (bench_reuse_direction.py: 0.99 none)
    sents = _story(random.Random(12), 10)
    result = compare(" ".join(sents), " ".join(sents + _story(random.Random(13), 2)))
    assert result.relation == "copy"
    assert result.direction is None


def test_a_date_without_time_ties_on_the_same_day_and_the_text_decides() -> None:
    sents = _story(random.Random(14), 12)
    full = Article(id="full", text=" ".join(sents), published="2024-10-25")
    cut = Article(id="cut", text=" ".join(sents[:5]), published="2024-10-25")
    (pair,) = analyze_reuse([cut, full], [Story("s", "t", ("cut", "full"))]).pairs
    assert (pair.a, pair.b, pair.direction) == ("cut", "full", "b->a")
    later = Article(id="cut", text=cut.text, published="2024-10-24")  # the cut came first
    (pair,) = analyze_reuse([later, full], [Story("s", "t", ("cut", "full"))]).pairs
    assert pair.direction == "a->b"


UNLISTED = Path(__file__).resolve().parents[1] / "data" / "reuse" / "unlisted"


def test_unrelated_articles_of_a_story_get_no_link_while_copies_do() -> None:
    # a wire story, an edited copy of it with a new lede, and two articles on other
    # matters that the stories stage put beside them: only the copy pair is listed, and
    # the families and source count are those of comparing every pair
    arts = [
        Article(id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted(UNLISTED.glob("*.txt"))
    ]
    ids = tuple(a.id for a in arts)
    assert ids == ("bakery", "copy", "match", "wire")
    reuse = analyze_reuse(arts, [Story("s", "bridge", ids)])
    assert [(p.a, p.b) for p in reuse.pairs] == [("copy", "wire")]
    assert reuse.pairs[0].relation in ("copy", "edited")
    full = {
        (x.id, y.id): compare_prepared(prepare(x.text), prepare(y.text), x, y).relation
        for x, y in itertools.combinations(arts, 2)
    }
    assert {k for k, rel in full.items() if rel in ("copy", "edited", "rewrite")} == {
        ("copy", "wire")
    }
    assert all(
        rel in ("independent", "unrelated") for k, rel in full.items() if k != ("copy", "wire")
    )
    assert reuse.families == (("copy", "wire"),)
    assert reuse.independent_sources == {"s": 3}
