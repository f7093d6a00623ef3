"""The report over a dossier with every section filled, and its building blocks."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Article, Dossier, ReuseLink, Story
from newsprism.report import (
    Mark,
    highlight,
    render_html,
    render_json,
    render_markdown,
    story_dossier,
)
from newsprism.report._svg import derivation_svg

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "web" / "full_dossier.json"


@pytest.fixture(scope="module")
def full() -> Dossier:
    return Dossier.from_json(FIXTURE.read_text(encoding="utf-8"))


def two_stories(full: Dossier) -> Dossier:
    other = Article("far", "Rain fell in Farland on Tuesday.", "Farland Daily", "Rain in Farland")
    return dataclasses.replace(
        full,
        articles=(*full.articles, other),
        stories=(*full.stories, Story("s-rain", "Rain in Farland", ("far",))),
    )


def test_every_filled_section_is_shown(full: Dossier) -> None:
    page = render_html(full)
    assert "Not analysed yet" not in page
    for text in (
        "Who copied whom",
        "Who said what",
        "Lena Ortiz",
        "Tomas Berg",
        "Timeline",
        "Engineers say the closure will last two weeks",
        "Portvale Works",
    ):
        assert text in page, text
    assert page.count("<svg") == 2
    assert ">corroborated by 1<" in page and ">conflicting<" in page and ">single-source<" in page
    # adds/omits are shown as their sentences, not as ids
    assert "+ Fifteen people were injured" in page


def test_badges_carry_their_evidence_sentences(full: Dossier) -> None:
    page = render_html(full)
    block = page[page.index('data-verdict="conflicting"') :]
    block = block[: block.index("</details>")]
    marks = re.findall(r"<mark>(.*?)</mark>", block)
    assert marks == [
        "About 12 people were hurt when traffic was stopped suddenly.",
        "Fifteen people were injured in the confusion after the closure, the fire service said.",
    ]
    assert 'href="#c-c3"' in block and 'id="c-c3"' in page  # links to the sentence in its article


def test_hostile_text_is_escaped_everywhere(full: Dossier) -> None:
    page = render_html(full)
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ["<script>"]  # the report's own, and nothing from the articles
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#39;title&#39;)" in page  # the title, in table and graph


def test_only_http_links_and_only_our_script_may_run(full: Dossier) -> None:
    page = render_html(full)
    assert "javascript:" not in page.replace("javascript:alert(&#39;url&#39;)", "")
    assert not re.search(r"href=[\"']?javascript:", page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "'unsafe-inline'" not in csp.group(1).split("script-src")[1].split(";")[0]
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp.group(1)  # the hash allows exactly it


def test_report_loads_nothing_from_the_network(full: Dossier) -> None:
    page = render_html(full)
    assert not re.search(
        r"""(src|href)\s*=\s*["']?(https?:)?//""",
        page.replace('href="https://wire.example/bridge"', ""),
    )
    assert "@import" not in page and "url(http" not in page


def test_many_stories_get_a_table_of_contents_and_their_own_findings(full: Dossier) -> None:
    page = render_html(two_stories(full))
    assert '<nav class="toc">' in page and "2 stories" in page
    rain = page[page.index('id="story-s-rain"') :]
    assert "Rain fell in Farland" in rain
    assert "People hurt" not in rain  # the bridge's claims stay in the bridge's section


def test_story_dossier_keeps_only_the_story(full: Dossier) -> None:
    both = two_stories(full)
    rain = story_dossier(both, "s-rain")
    assert [a.id for a in rain.articles] == ["far"]
    assert rain.claims == () and rain.quotes == () and rain.reuse.pairs == ()
    bridge = story_dossier(both, "s-bridge")
    assert len(bridge.articles) == 4 and len(bridge.claim_groups) == 3
    assert len(bridge.timeline) == 2 and bridge.reuse.independent_sources == {"s-bridge": 2}
    assert Dossier.from_json(bridge.to_json()) == bridge
    with pytest.raises(KeyError):
        story_dossier(both, "nope")


def test_markdown_has_the_same_findings_and_no_live_markup(full: Dossier) -> None:
    md = render_markdown(full)
    assert "**conflicting values**: People hurt" in md
    assert "Fifteen people were injured" in md
    assert "Version 2 (Portvale Courier): 15 injured" in md
    assert "Daily Wire Service → Portvale Post: **edited**" in md
    assert "- Tomas Berg — works for — Portvale Works" in md  # two articles state it
    assert "mayor of" not in md  # one article, and a place: left to the dossier
    assert "<script>" not in md and "<img" not in md
    assert "\\<script\\>alert('title')\\</script\\>Bridge" in md


def test_json_is_the_contract_dossier(full: Dossier) -> None:
    assert Dossier.from_json(render_json(full)) == full


def test_overlapping_marks_and_paragraphs() -> None:
    text = 'First <b>para</b>.\n\nHe said "yes" today.'
    q0 = text.index('"yes"')
    out = str(
        highlight(
            text,
            [
                Mark(q0, q0 + 5, "quote", "q-1"),
                Mark(text.index("He"), len(text), "claim", "c-1", "corroborated"),
                Mark(500, 600, "claim"),  # outside the text: dropped
            ],
        )
    )
    assert out.startswith("<p>First &lt;b&gt;para&lt;/b&gt;.</p><p>")
    assert '<mark class="hl-claim hl-quote" title="corroborated">&#34;yes&#34;</mark>' in out
    assert out.count('id="q-1"') == 1 and out.count('id="c-1"') == 1


@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210)), max_size=6),
)
def test_highlight_never_loses_or_injects_text(text: str, spans: list[tuple[int, int]]) -> None:
    out = str(highlight(text, [Mark(a, b, "claim") for a, b in spans]))
    plain = re.sub(r"<[^>]+>", "", out.replace("</p><p>", "\n\n").replace("<br>", "\n"))
    assert html.unescape(plain) == text


def test_derivation_arrows_point_from_source_to_copy() -> None:
    arts = [Article("a", "x", "Origin"), Article("b", "x", "Copier")]
    drawing = derivation_svg(arts, [ReuseLink("a", "b", "copy", 0.9, "b->a")], {})
    svg = str(drawing.svg)
    x_origin = float(re.search(r'<rect x="([\d.]+)"[^>]*/><text[^>]*>Copier', svg).group(1))
    x_copier = float(re.search(r'<rect x="([\d.]+)"[^>]*/><text[^>]*>Origin', svg).group(1))
    assert x_origin < x_copier  # b is the source here: drawn left of a
    assert drawing.nodes == 2 and "marker-end" in svg
    none = derivation_svg(arts, [ReuseLink("a", "b", "independent", 0.1)], {})
    assert none.nodes == 2 and 'fill="none"' not in str(none.svg)  # every source, no edge


def test_common_source_siblings_hang_off_one_origin_node() -> None:
    arts = [Article("a", "x", "One"), Article("b", "x", "Two"), Article("c", "x", "Three")]
    link = ReuseLink("a", "b", "rewrite", 0.4, "common-source")
    svg = str(derivation_svg(arts, [link], {"a": 1, "b": 1}).svg)
    assert "earlier source, not in the set" in svg
    assert svg.count('fill="none"') == 2 and svg.count('marker-end="url') == 2
    assert ">Three<" in svg  # the independent article is drawn, unconnected


def test_single_source_figures_need_a_second_source_and_repeats_show_once(full: Dossier) -> None:
    assert ">single-source<" in render_html(full)
    # one source behind the whole story (all articles copies of one): every figure is
    # single-source, so the list would say nothing coverage does not
    one = dataclasses.replace(
        full,
        reuse=dataclasses.replace(full.reuse, families=(tuple(a.id for a in full.articles),)),
    )
    assert ">single-source<" not in render_html(one)
    shown = next(g for g in full.claim_groups if g.verdict == "corroborated")
    twice = dataclasses.replace(
        full, claim_groups=(*full.claim_groups, dataclasses.replace(shown, id="again"))
    )
    assert render_html(twice).count(html.escape(shown.topic)) == render_html(full).count(
        html.escape(shown.topic)
    )
