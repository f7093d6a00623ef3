"""Story clustering blocked by time window and stitched (``engines.blocks``).

The corpus is synthetic and needs no model: each event has its own made-up
names and words, and its reports run over many days, so with short blocks an
event crosses several block edges and only the stitch can keep it whole.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsprism import stories
from newsprism.engines import blocks
from newsprism.engines.local import _InProcess, cluster
from newsprism.model import Article, ArticleNLP, Story
from newsprism.stories import with_background

_SYL = ["ka", "lo", "mi", "ru", "te", "vo", "zan", "pel", "dor", "quin", "bar", "sen"]
_COMMON = [
    "the",
    "officials",
    "said",
    "on",
    "the",
    "day",
    "that",
    "talks",
    "would",
    "continue",
    "after",
    "the",
    "meeting",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(3))


def _corpus(events: int, per_event: int, days: float, undated: int = 0) -> list[Article]:
    """Reports of ``events`` events; event e runs over ``days`` days from day e."""
    rng = random.Random(7)
    out: list[Article] = []
    for e in range(events):
        name = f"{_word(rng).title()} {_word(rng).title()}"
        place = _word(rng).title()
        vocab = [_word(rng) for _ in range(12)]
        for k in range(per_event):
            day = 1 + e + days * k / max(1, per_event - 1)
            words = rng.sample(vocab, 8) + rng.sample(_COMMON, 5)
            text = f"{name} spoke in {place}. " + " ".join(words) + ". " + " ".join(vocab[:4]) + "."
            hour = int(day * 24) % 24
            published = f"2024-03-{int(day):02d}T{hour:02d}:00:00+00:00"
            undated_here = k >= per_event - undated
            out.append(
                Article(
                    id=f"e{e}-{k}",
                    text=text,
                    title=f"{name} in {place}",
                    published=None if undated_here else published,
                    outlet=f"outlet{k % 5}",
                )
            )
    return out


def _views(articles: list[Article]) -> list[tuple[Article, ArticleNLP]]:
    return [(a, ArticleNLP(a.id)) for a in articles]


def _group(articles: list[Article]) -> tuple[Story, ...]:
    return tuple(sorted(stories.group(articles), key=lambda s: s.id))


def test_one_block_is_exactly_stories_group() -> None:
    arts = _corpus(events=6, per_event=5, days=4, undated=1)
    plan = blocks.BlockPlan.of(arts, window=14)
    assert plan.blocks == 1
    assert cluster(_InProcess(), _views(arts), plan, chunk=4) == _group(arts)


def test_stitch_keeps_events_whole_across_block_edges() -> None:
    """Events of ~12 days, blocks of 2: each event crosses several edges."""
    arts = _corpus(events=8, per_event=7, days=12)
    plan = blocks.BlockPlan.of(arts, window=2)
    assert plan.blocks >= 9
    single = _group(arts)
    assert len(single) == 8  # the single stream finds the events...
    assert cluster(_InProcess(), _views(arts), plan, chunk=4) == single  # ...so do the blocks
    # with no overlap there is nothing to stitch by: events fall apart at the edges
    bare = blocks.BlockPlan.of(arts, window=2, overlap=0.0)
    assert len(cluster(_InProcess(), _views(arts), bare, chunk=4)) > len(single)


def test_blocked_stories_do_not_depend_on_order_or_partitioning() -> None:
    arts = _corpus(events=8, per_event=7, days=12, undated=1)
    plan = blocks.BlockPlan.of(arts, window=3)
    first = cluster(_InProcess(), _views(arts), plan, chunk=4)
    shuffled = list(arts)
    random.Random(1).shuffle(shuffled)
    with ThreadPoolExecutor(3) as pool:
        second = cluster(pool, _views(shuffled), plan, chunk=5)
    assert first == second
    ids = [a for s in first for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in arts)  # every article in exactly one story


def test_a_block_uses_the_corpus_counts_unchanged() -> None:
    """Primed with its own articles, then given the corpus counts, a block counts nothing
    twice: it ends with the corpus's documents and frequencies (the IDF of the single
    stream)."""
    arts = _corpus(events=4, per_event=5, days=8)
    views = _views(arts)
    df = blocks.add_df(blocks.corpus_df(views[:7]), blocks.corpus_df(views[7:]))
    assert df == blocks.corpus_df(views)
    block = arts[5:12]
    clusterer = blocks.run_clusterer(block, [ArticleNLP(a.id) for a in block], df)
    want, want_docs = with_background(*df)  # what stories.group counts for the corpus
    assert want_docs > len(arts)
    assert clusterer.documents == want_docs
    counts, docs = clusterer.df_changes()
    assert docs == want_docs
    assert all(counts[t] == want[t] for t in counts)
    assert all(want[t] >= df[0][t] for t in df[0])


def test_plan_owners_and_context() -> None:
    arts = _corpus(events=1, per_event=2, days=20)
    plan = blocks.BlockPlan.of(arts, window=7, overlap=10)
    days = [blocks.article_day(a) for a in arts]
    assert plan.origin == int(min(d for d in days if d is not None))
    assert plan.last == 2  # 20 days past the origin
    assert plan.owner(None) == plan.last  # undated articles go with the last block
    assert list(plan.blocks_of(None)) == [plan.last]
    assert list(plan.blocks_of(plan.origin + 1.0)) == [0, 1]  # context of block 1 only
    assert list(plan.blocks_of(plan.origin + 6.0)) == [0, 1, 2]
    assert list(plan.blocks_of(plan.origin + 15.0)) == [2]
    assert blocks.BlockPlan.of([Article("x", "text")]).blocks == 1
    with pytest.raises(ValueError):
        blocks.BlockPlan.span(0.0, 1.0, window=0)


def test_parents_and_roots() -> None:
    votes = [
        (((2, "c"), (1, "b")), 2),
        (((2, "c"), (0, "a")), 2),  # a tie: the smaller key wins
        (((1, "b"), (0, "z")), 1),
        (((1, "b"), (0, "y")), 3),
    ]
    parents = blocks.choose_parents(votes)
    assert parents == {(2, "c"): (0, "a"), (1, "b"): (0, "y")}
    assert blocks.find_roots({(2, "c"): (1, "b"), (1, "b"): (0, "a")}) == {
        (2, "c"): (0, "a"),
        (1, "b"): (0, "a"),
    }
