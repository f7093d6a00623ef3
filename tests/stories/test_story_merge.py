"""The online story-to-story merge: an event split early is folded back together."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.stories import ClusterConfig, StoryClusterer
from newsprism.stories.cluster import pair_features

FLOOD_A = "Alpha Beta Gamma river flood town bridge"
FLOOD_B = "Alpha Beta Gamma river flood town levee"
FLOOD_C = "Alpha Beta Gamma river flood town bridge levee"


def _two_fragments(**merge: float) -> tuple[StoryClusterer, str, str]:
    """Two stories of one event (joins forbidden), then the merge knobs given."""
    cfg = ClusterConfig().tuned(threshold=1.01, merge_threshold=1.01, story_merge_threshold=1.01)
    cl = StoryClusterer(cfg)
    a = cl.add(Article(id="a", text=FLOOD_A))
    b = cl.add(Article(id="b", text=FLOOD_B))
    assert a.created and b.created and a.story != b.story
    cl.config = cfg.tuned(threshold=0.0, **merge)
    return cl, a.story, b.story


def test_runner_up_story_is_merged_and_logged() -> None:
    cl, first, second = _two_fragments(story_merge_threshold=0.0, story_merge_gate=0.0)
    placed = cl.add(Article(id="c", text=FLOOD_C))
    assert placed.story == first  # the older story keeps its id
    assert placed.merged == (second,)
    assert len(cl) == 1
    assert cl.resolve(second) == first and cl.story_of("b") == first
    members = dict((sid, m) for sid, m, _ in cl.members())
    assert sorted(members[first]) == ["a", "b", "c"]
    merges = [(e.story, e.other) for e in cl.drain_events() if e.kind == "merged"]
    assert merges == [(first, second)]


def test_a_merged_story_keeps_its_articles_not_its_centroids() -> None:
    # a merged story is never a candidate again and the survivor holds the sum of
    # both centroids: its own are dropped (memory that grew with every merge)
    cl, first, second = _two_fragments(story_merge_threshold=0.0, story_merge_gate=0.0)
    cl.add(Article(id="c", text=FLOOD_C))
    states = {st.id: st for st in cl.states()}
    gone, kept = states[second], states[first]
    assert gone.merged_into == first and gone.articles == ("b",)
    assert gone.words == gone.entities == gone.marks == ()
    assert "levee" in dict(kept.words) and "bridge" in dict(kept.words)
    assert cl.add(Article(id="d", text=FLOOD_B)).story == first


def test_no_merge_above_the_threshold() -> None:
    cl, _, second = _two_fragments(story_merge_threshold=1.01, story_merge_gate=0.0)
    placed = cl.add(Article(id="c", text=FLOOD_C))
    assert placed.merged == ()
    assert len(cl) == 2 and cl.resolve(second) == second


def test_gate_skips_runner_ups_the_article_barely_fits() -> None:
    # a gate (2 × the join threshold) no article fit can reach: the runner-up is never compared
    cl, _, second = _two_fragments(story_merge_threshold=0.0, story_merge_gate=2e9)
    cl.config = cl.config.tuned(threshold=1e-9)
    placed = cl.add(Article(id="c", text=FLOOD_C))
    assert placed.merged == () and len(cl) == 2 and cl.resolve(second) == second


def test_merges_replay_to_the_same_stories() -> None:
    def run() -> list[tuple[str, tuple[str, ...]]]:
        cl, _, _ = _two_fragments(story_merge_threshold=0.0, story_merge_gate=0.0)
        cl.add(Article(id="c", text=FLOOD_C))
        cl.add(Article(id="d", text="Delta Epsilon mountain fire village"))
        return [(sid, tuple(sorted(m))) for sid, m, _ in cl.members()]

    assert run() == run()


def test_shipped_story_weights_fit_the_pair_inputs() -> None:
    x = pair_features(0.5, 0.5, 1, 10, 0.5, 0.5)
    assert len(x) == len(ClusterConfig().calibration.story_weights)
    assert x[0] == 1.0 and x[4] < x[5]  # smaller story's log size before the larger's
