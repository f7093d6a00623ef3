"""Story clustering blocked by time window, then stitched: how an engine spreads it.

The clusterer (:mod:`newsprism.stories`) is online: an article joins the most
probable of the stories that exist when it arrives, in ``stream_order``.  It
only ever compares an article with stories whose last report lies within its
*horizon* (the gap at which the time decay falls below 1/1000), so the stream
can be cut into time blocks that each replay enough of their past:

1. **Plan** (:class:`BlockPlan`): from the earliest dated article (floored to
   midnight UTC), block ``k`` *owns* the articles dated in
   ``[origin + k*window, origin + (k+1)*window)``.  Its task also replays the
   ``overlap`` days before that (default: the clusterer's horizon) as *context*.
   Undated articles are owned by the last block, after its dated articles: the
   single stream puts them last too, where only the stories of the last horizon
   are still live (documented in docs/scaling.md).
2. **IDF**: ``stories.group`` primes the document frequencies with the whole
   corpus; a block does the same with the corpus counts (:func:`corpus_df`, a
   sum over partitions), so inside a block every article is weighed exactly as
   in the single stream.
3. **Cluster** each block in its own task (:func:`cluster_block`) with the public
   ``StoryClusterer``; every member is reported as a :class:`Placement`.
4. **Stitch**: a block's story that holds context articles is attached to the
   story those articles are in within the block that owns them (the majority;
   ties to the smaller ``(block, story)``: :func:`choose_parents`).  Parents lie
   in earlier blocks, so the links form a forest; a final story is one tree
   (:func:`find_roots`), made of the *owned* members of its nodes in
   ``(block, story, position)`` order, named after the root (:func:`assemble`).

Every step depends on the set of articles only, never on their order or on the
partitioning, so both engines give the same stories.  A corpus that fits in one
block gives exactly what ``stories.group`` gives.  Only the public
``newsprism.stories`` API is used.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, ArticleNLP, Story
from ..options import DEFAULT_BLOCK_DAYS
from ..stories import (
    ClusterConfig,
    StoryClusterer,
    horizon_days,
    published_day,
    stream_order,
    with_background,
)

__all__ = [
    "BlockPlan",
    "Placement",
    "add_df",
    "article_day",
    "assemble",
    "choose_parents",
    "cluster_block",
    "corpus_df",
    "find_roots",
    "horizon",
    "run_clusterer",
    "stitch",
]

View = tuple[Article, ArticleNLP]
Key = tuple[int, str]  # (block, story id within the block's run)
DocFreq = tuple[dict[str, int], int]

#: days owned by one block (a week, as docs/scaling.md plans it): ``Options.block_days``
DEFAULT_WINDOW = DEFAULT_BLOCK_DAYS


def article_day(article: Article) -> float | None:
    """The clusterer's reading of ``published``: "dated" means what it means in ``stream_order``."""
    return published_day(article.published)


def horizon(config: ClusterConfig | None = None) -> float:
    """Days past which the clusterer never joins an article to a story (decay < 1/1000)."""
    return horizon_days(config or ClusterConfig())


@dataclass(frozen=True, slots=True)
class BlockPlan:
    """Which blocks an article is clustered in, and which one owns it."""

    origin: float  # midnight UTC of the earliest dated article (0 when none is dated)
    window: float
    overlap: float
    last: int  # the last block: it owns the undated articles

    @classmethod
    def span(
        cls,
        first: float | None,
        newest: float | None,
        window: float = DEFAULT_WINDOW,
        overlap: float | None = None,
    ) -> BlockPlan:
        """The plan for a corpus whose dated articles run from ``first`` to ``newest``."""
        if window <= 0:
            raise ValueError("the block window must be positive")
        lap = horizon() if overlap is None else overlap
        if first is None or newest is None:
            return cls(0.0, window, lap, 0)
        origin = float(math.floor(first))
        return cls(origin, window, lap, int((newest - origin) // window))

    @classmethod
    def of(
        cls,
        articles: Iterable[Article],
        window: float = DEFAULT_WINDOW,
        overlap: float | None = None,
    ) -> BlockPlan:
        days = [d for d in map(article_day, articles) if d is not None]
        return cls.span(min(days, default=None), max(days, default=None), window, overlap)

    @property
    def blocks(self) -> int:
        return self.last + 1

    def owner(self, day: float | None) -> int:
        if day is None:
            return self.last
        return min(self.last, max(0, int((day - self.origin) // self.window)))

    def blocks_of(self, day: float | None) -> range:
        """The owner, then each later block whose context window holds ``day``."""
        own = self.owner(day)
        if day is None:
            return range(own, own + 1)
        reach = int((day - self.origin + self.overlap) // self.window)
        return range(own, min(self.last, reach) + 1)


@dataclass(frozen=True, slots=True)
class Placement:
    """One article as one block's run placed it."""

    article: str
    block: int
    story: str  # the story's id in this block's run
    seq: int  # the story's rank among the block's stories (oldest first)
    pos: int  # the article's position in the story
    owned: bool  # this block owns the article (else it is context)
    title: str  # the story's title in this block's run

    @property
    def key(self) -> Key:
        return self.block, self.story


def corpus_df(views: Iterable[View], config: ClusterConfig | None = None) -> DocFreq:
    """Document frequencies of some articles, as the clusterer counts them when primed.

    Summed over partitions with :func:`add_df`, they are the counts
    ``stories.group`` primes with; the keys are the clusterer's own (opaque).
    """
    arts, recs = _split(views)
    clusterer = StoryClusterer(config)
    clusterer.prime(arts, recs)
    return clusterer.df_changes()


def add_df(x: DocFreq, y: DocFreq) -> DocFreq:
    total = Counter(x[0])
    total.update(y[0])
    return dict(total), x[1] + y[1]


def _split(views: Iterable[View]) -> tuple[list[Article], list[ArticleNLP]]:
    arts: list[Article] = []
    recs: list[ArticleNLP] = []
    for art, rec in views:
        arts.append(art)
        recs.append(rec)
    return arts, recs


def run_clusterer(
    arts: Sequence[Article],
    recs: Sequence[ArticleNLP],
    df: DocFreq | None = None,
    config: ClusterConfig | None = None,
) -> StoryClusterer:
    """``stories.group``'s steps (prime, then add in stream order), with corpus counts.

    ``restore`` with no stories only sets the counts; the primed articles keep
    their bags and are not counted again, so the clusterer ends with exactly
    ``df`` and the background ``stories.group`` adds to it (checked by the tests,
    since it rests on that contract).
    """
    clusterer = StoryClusterer(config)
    clusterer.prime(arts, recs)
    counts = df if df is not None else clusterer.df_changes()
    clusterer.restore((), *with_background(*counts))  # as stories.group does
    clusterer.add_all(stream_order(arts), recs)
    return clusterer


def cluster_block(
    block: int,
    views: Iterable[View],
    plan: BlockPlan,
    df: DocFreq | None = None,
    config: ClusterConfig | None = None,
) -> list[Placement]:
    """Run the online clusterer over one block's articles (owned and context).

    With ``df`` (the corpus counts) the IDF is the corpus's, as in ``stories.group``;
    without it, the block's own (the same thing when the block is the corpus).
    """
    arts, recs = _split(views)
    owned = {a.id: plan.owner(article_day(a)) == block for a in arts}
    clusterer = run_clusterer(arts, recs, df, config)
    out: list[Placement] = []
    for seq, (sid, members, title) in enumerate(clusterer.members()):
        for pos, aid in enumerate(members):
            out.append(Placement(aid, block, sid, seq, pos, owned[aid], title))
    return out


def choose_parents(votes: Iterable[tuple[tuple[Key, Key], int]]) -> dict[Key, Key]:
    """``((child, parent), shared context articles)`` -> the parent of each child.

    The parent shares the most context articles; ties go to the smaller key.
    """
    best: dict[Key, tuple[int, Key]] = {}
    for (child, parent), n in votes:
        cur = best.get(child)
        if cur is None or n > cur[0] or (n == cur[0] and parent < cur[1]):
            best[child] = (n, parent)
    return {child: parent for child, (_, parent) in best.items()}


def find_roots(parents: Mapping[Key, Key]) -> dict[Key, Key]:
    """The root of every story that has a parent (parents lie in earlier blocks)."""
    roots: dict[Key, Key] = {}
    for start in parents:
        path = []
        node = start
        while node in parents and node not in roots:
            path.append(node)
            node = parents[node]
        root = roots.get(node, node)
        for n in path:
            roots[n] = root
    return roots


def assemble(root: Key, placements: Iterable[Placement]) -> Story:
    """One final story from the owned placements of its tree."""
    ordered = sorted(placements, key=lambda p: (p.block, p.seq, p.pos))
    title = next((p.title for p in ordered if p.key == root), ordered[0].title)
    return Story(id=root[1], title=title, articles=tuple(p.article for p in ordered))


def votes(placements: Sequence[Placement]) -> Iterator[tuple[tuple[Key, Key], int]]:
    """The stitching join in one process: context placements against their owners'."""
    owner = {p.article: p.key for p in placements if p.owned}
    counts = Counter((p.key, owner[p.article]) for p in placements if not p.owned)
    yield from counts.items()


def stitch(placements: Sequence[Placement]) -> tuple[Story, ...]:
    """Final stories from every block's placements, sorted by id (the local engine)."""
    roots = find_roots(choose_parents(votes(placements)))
    trees: dict[Key, list[Placement]] = {}
    for p in placements:
        if p.owned:
            trees.setdefault(roots.get(p.key, p.key), []).append(p)
    return tuple(sorted((assemble(k, ps) for k, ps in trees.items()), key=lambda s: s.id))
