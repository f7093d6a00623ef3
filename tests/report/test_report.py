from __future__ import annotations

from newsprism.model import Article, Dossier, Entity, RemovedLine, Story
from newsprism.report import render_html, render_markdown


def dossier(text: str = "Body.", title: str = "A title") -> Dossier:
    return Dossier(
        articles=(
            Article(
                "a", text, outlet="Vox", title=title, removed=(RemovedLine("Go deeper: x", "link"),)
            ),
        ),
        stories=(Story("s1", title, ("a",)),),
        entities=(Entity("person:adam-smith", "Adam Smith", "person", ("Smith",), (), ("a",)),),
        filled=("articles", "stories", "entities"),
    )


def test_html_is_self_contained_and_says_what_is_not_analysed() -> None:
    html = render_html(dossier())
    assert "<style>" in html
    assert "http://" not in html.replace('href="http', "")  # no external resources
    assert "<link " not in html and "<script src" not in html
    assert "Adam Smith" in html and "Vox" in html
    assert "Not analysed yet" in html  # reuse, quotes, claims, ... are pending
    assert "Go deeper: x" in html


def test_article_text_is_escaped() -> None:
    html = render_html(dossier(title="<script>alert(1)</script>"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_has_the_same_sections() -> None:
    md = render_markdown(dossier())
    assert md.startswith("\n# A title") or md.lstrip().startswith("# A title")
    assert "| Vox |" in md
    assert "## People and organisations" in md and "Adam Smith" in md
    assert "_Not analysed yet" in md


def test_empty_dossier_renders() -> None:
    assert "No articles could be read" in render_html(Dossier())
