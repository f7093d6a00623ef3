"""Online splits: a small story that mixes two events gives its misfit member back."""

from __future__ import annotations

import dataclasses
from contextlib import closing
from pathlib import Path

from newsprism.model import Article
from newsprism.store import SQLiteStore
from newsprism.stories import ClusterConfig, StoryClusterer, load, save
from newsprism.stories._vectors import _cos, _share, _top
from newsprism.stories.cluster import Candidate, features, probability

QUAKE = "Gamma Delta earthquake magnitude quake tremor rubble coast"
QUAKE_2 = "Gamma Delta earthquake magnitude quake tremor rubble aftershock"
FLOOD = "Alpha Beta river flood town bridge levee rain"
FLOOD_2 = "Alpha Beta river flood town bridge levee water"
FLOOD_3 = "Alpha Beta river flood town levee rain water"

#: split any member whose fit to the rest is below this (no merges, no article-level
#: merges), checked after every join (no speed gate)
SPLITTING = ClusterConfig().tuned(
    threshold=0.0,
    merge_threshold=1.01,
    story_merge_threshold=1.01,
    split_threshold=0.5,
    split_gate=1.01,
)


def _forced(cl: StoryClusterer, article: Article, story: str | None) -> str:
    """Place ``article`` in ``story`` (None: a new one) whatever the model says."""

    def choose(_: Article, __: list[Candidate]) -> str | None:
        return story

    return cl.place(article, choose=choose).story


def _mixed(config: ClusterConfig = SPLITTING) -> tuple[StoryClusterer, str]:
    """A story holding a quake report and a flood report (a wrong early join)."""
    cl = StoryClusterer(config)
    mixed = _forced(cl, Article(id="q1", text=QUAKE), None)
    _forced(cl, Article(id="f1", text=FLOOD), mixed)
    return cl, mixed


def test_misfit_member_of_a_mixed_story_is_moved_out_and_logged() -> None:
    cl, mixed = _mixed()
    cl.drain_events()
    placed = cl.add(Article(id="f2", text=FLOOD_2))
    assert placed.story == mixed  # the story keeps its id and the new article
    members = {sid: sorted(m) for sid, m, _ in cl.members()}
    assert members[mixed] == ["f1", "f2"]
    moved = cl.story_of("q1")
    assert moved is not None and moved != mixed and members[moved] == ["q1"]
    events = cl.drain_events()
    splits = [e for e in events if e.kind == "split"]
    assert [(e.story, e.other, e.articles) for e in splits] == [(mixed, moved, ("q1",))]
    assert not [e for e in events if e.kind == "created"]  # a split, not a new story
    assert splits[0].score is not None and splits[0].score < SPLITTING.calibration.split_threshold
    # the moved report is a story of its own again: the next quake report finds it
    cl.config = SPLITTING.tuned(threshold=0.3)
    assert cl.add(Article(id="q2", text=QUAKE_2)).story == moved


def test_misfit_starts_a_new_story_even_beside_a_fitting_one() -> None:
    # the moved report starts a story of its own (ids of existing stories untouched);
    # folding it into the other quake story is left to the story-to-story merges
    cl = StoryClusterer(SPLITTING)
    quakes = _forced(cl, Article(id="q0", text=QUAKE_2), None)
    mixed = _forced(cl, Article(id="q1", text=QUAKE), None)
    _forced(cl, Article(id="f1", text=FLOOD), mixed)
    cl.config = SPLITTING.tuned(threshold=0.3)
    cl.add(Article(id="f2", text=FLOOD_2))
    moved = cl.story_of("q1")
    assert moved not in (quakes, mixed) and cl.story_of("f2") == mixed
    assert cl.story_of("q0") == quakes


def test_no_split_when_every_member_fits() -> None:
    cl = StoryClusterer(SPLITTING)
    story = _forced(cl, Article(id="f1", text=FLOOD), None)
    _forced(cl, Article(id="f2", text=FLOOD_2), story)
    cl.add(Article(id="f3", text=FLOOD_3))
    assert len(cl) == 1 and not [e for e in cl.drain_events() if e.kind == "split"]


def test_no_split_when_switched_off_or_story_grown() -> None:
    off = SPLITTING.tuned(split_threshold=0.0)
    cl, mixed = _mixed(off)
    cl.add(Article(id="f2", text=FLOOD_2))
    assert cl.story_of("q1") == mixed
    small = dataclasses.replace(SPLITTING, split_max=2)  # members are not kept past two
    cl, mixed = _mixed(small)
    cl.add(Article(id="f2", text=FLOOD_2))
    assert cl.story_of("q1") == mixed
    assert not [e for e in cl.drain_events() if e.kind == "split"]


def test_splits_replay_to_the_same_stories_and_ids() -> None:
    def run() -> list[tuple[str, tuple[str, ...]]]:
        cl, _ = _mixed()
        cl.add(Article(id="f2", text=FLOOD_2))
        cl.add(Article(id="f3", text=FLOOD_3))
        return [(sid, tuple(sorted(m))) for sid, m, _ in cl.members()]

    first = run()
    assert first == run()
    assert len(first) == 2  # the split happened (and nothing else)


def test_online_split_is_saved_and_reloads(tmp_path: Path) -> None:
    cl, mixed = _mixed()
    cl.add(Article(id="f2", text=FLOOD_2))
    moved = cl.story_of("q1")
    with closing(SQLiteStore(tmp_path / "s.db")) as store:
        save(cl, store)
        again = load(store)
        assert again.story_of("q1") == moved and again.story_of("f1") == mixed
        assert "split" in [e.kind for e in store.story_events(mixed)]


def test_no_check_after_a_confident_join() -> None:
    # the speed gate: a join at or above ``split_gate`` leaves the story as it is
    gated = dataclasses.replace(SPLITTING, split_gate=0.0)
    cl, mixed = _mixed(gated)
    cl.add(Article(id="f2", text=FLOOD_2))
    assert cl.story_of("q1") == mixed
    assert not [e for e in cl.drain_events() if e.kind == "split"]


def test_a_story_made_by_a_merge_can_still_be_split() -> None:
    # two one-article stories merged (their members' vectors copied out before
    # the centroids are added up), then a join: the misfit still moves out
    cl = StoryClusterer(SPLITTING)
    quake = _forced(cl, Article(id="q1", text=QUAKE), None)
    flood = _forced(cl, Article(id="f1", text=FLOOD), None)
    cl._merge(cl._by_id[quake], [(1.0, cl._by_id[flood])])
    cl.add(Article(id="f2", text=FLOOD_2))
    assert cl.story_of("f1") == cl.story_of("f2") == quake
    assert cl.story_of("q1") not in (quake, flood)


def _fit_built(cl: StoryClusterer, story_id: str, member: str) -> float:
    """The member's join probability for the rest of its story, the rest summed anew."""
    story = cl._stories[cl._by_id[story_id]]
    assert story.members is not None
    [m] = [o for o in story.members if o.id == member]
    words: dict[str, float] = {}
    ents: dict[str, float] = {}
    marks: dict[str, float] = {}
    for o in story.members:
        if o is not m:
            assert o.vecs is not None
            for total, vec in ((words, o.vecs.words), (ents, o.vecs.entities)):
                for k, w in vec.items():
                    total[k] = total.get(k, 0.0) + w
            for k, w in o.vecs.marks.items():
                marks[k] = marks.get(k, 0.0) + w
    v = m.vecs
    assert v is not None

    def norm(d: dict[str, float]) -> float:
        return float(sum(w * w for w in d.values()) ** 0.5)

    cw = _cos(v.words, words, norm(words))
    ce = _cos(v.entities, ents, norm(ents))
    cover = _share(list(v.entities)[:5], v.entities, ents) if v.entities else 1.0
    if ents:
        cover *= _share(list(_top(ents, 5)), ents, v.entities)
    both = bool(v.marks and marks)
    cm = _cos(v.marks, marks, norm(marks)) if both else 0.0
    x = features(cw, ce, len(story.members) - 1, cm, both, cover)
    return probability(x, cl.config.calibration.weights)


def test_leave_one_out_fit_equals_the_fit_to_the_rest_built_anew() -> None:
    keep = SPLITTING.tuned(split_threshold=1e-9)  # members kept, none moved
    cl = StoryClusterer(keep)
    story = _forced(cl, Article(id="f1", text=FLOOD + " Gamma"), None)
    for i, text in enumerate((FLOOD_2, FLOOD_3 + " 1994", QUAKE + " flood 1994"), 2):
        _forced(cl, Article(id=f"f{i}", text=text), story)
    s = cl._stories[cl._by_id[story]]
    ranked = sorted(s.entities.items(), key=lambda kv: kv[1], reverse=True)
    assert s.members is not None and len(s.members) == 4
    for m in s.members:
        got = cl._fit_rest(s, m, ranked)
        assert abs(got - _fit_built(cl, story, m.id)) < 1e-9


def test_a_resumed_stream_splits_a_restored_one_article_story(tmp_path: Path) -> None:
    # saved while the quake report was alone: its vectors are its stored centroid,
    # so after a reload the mixed story is split as in one uninterrupted run
    def finish(cl: StoryClusterer, mixed: str) -> list[tuple[str, tuple[str, ...]]]:
        _forced(cl, Article(id="f1", text=FLOOD), mixed)
        cl.add(Article(id="f2", text=FLOOD_2))
        return sorted((sid, tuple(sorted(m))) for sid, m, _ in cl.members())

    single = StoryClusterer(SPLITTING)
    whole = finish(single, _forced(single, Article(id="q1", text=QUAKE), None))
    assert len(whole) == 2  # split
    first = StoryClusterer(SPLITTING)
    mixed = _forced(first, Article(id="q1", text=QUAKE), None)
    with closing(SQLiteStore(tmp_path / "s.db")) as store:
        save(first, store)
        assert finish(load(store, SPLITTING), mixed) == whole


def test_a_restored_larger_story_is_not_split(tmp_path: Path) -> None:
    # its members' vectors are not stored: it is left as it is
    cl, mixed = _mixed()
    with closing(SQLiteStore(tmp_path / "s.db")) as store:
        save(cl, store)
        again = load(store, SPLITTING)
    again.add(Article(id="f2", text=FLOOD_2))
    assert again.story_of("q1") == again.story_of("f2") == mixed
