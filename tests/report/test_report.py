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


def test_a_sentence_and_its_figure_clause_are_one_piece_of_evidence() -> None:
    from newsprism.model import Claim, ClaimGroup, Value

    a_text = "The council approved a 47-page plan for the harbour on Tuesday."
    b_text = "On Tuesday the council backed a 47-page plan for the harbour."
    at = a_text.index("47-page")
    value = (Value("count", "47-page", 47.0),)
    claims = (
        Claim("a:c0", "a", a_text, 0, len(a_text), value, "g", "statement"),
        Claim("a:c1", "a", "47-page plan", at, at + 12, value, "g", "value"),
        Claim("b:c0", "b", b_text, 0, len(b_text), value, "g", "statement"),
    )
    d = Dossier(
        articles=(
            Article("a", a_text, outlet="Ledger", title="Plan"),
            Article("b", b_text, outlet="Courier", title="Plan"),
        ),
        stories=(Story("s1", "Plan", ("a", "b")),),
        claims=claims,
        claim_groups=(
            ClaimGroup("g", a_text, "corroborated", ("a:c0", "a:c1", "b:c0"), 2, story="s1"),
        ),
        filled=("articles", "stories", "claims", "claim_groups"),
    )
    md = render_markdown(d)
    assert md.count("- Ledger: …") == 1 and md.count("- Courier: …") == 1
