"""Properties of ``clean`` over generated articles mixing real paragraphs and boilerplate."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsprism.clean import clean
from newsprism.clean._text import squash
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))
FILES += sorted((ROOT / "examples" / "seeds").glob("*.txt"))
#: Real-looking paragraphs and boilerplate lines from the fixtures and the seeds.
SAMPLE = sorted(
    {line for f in FILES for line in f.read_text(encoding="utf-8").splitlines() if line}
)
LINES = st.one_of(
    st.sampled_from(SAMPLE),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", " \n\t\n", "\n \u00a0\n"])


@st.composite
def articles(draw: st.DrawFn) -> Article:
    lines = draw(st.lists(LINES, max_size=12))
    text = ""
    for line in lines:
        text += draw(st.sampled_from(["", " ", "\t"])) + line + draw(SEPARATORS)
    title = draw(st.one_of(st.none(), st.sampled_from(lines) if lines else st.none()))
    return Article(id="gen", text=text, title=title)


@settings(max_examples=300, deadline=None)
@given(articles())
@example(  # found by Hypothesis: a footer naming the title, removed by the first pass
    Article(
        id="gen",
        text='"We can," Ruiz said. "But we\n"We know," he said.\n"We know," he said.\n'
        '"We can," Ruiz said. "But we\n\n"We know," he said.\n'
        "The post City council approves $40 million budget appeared first on Elk Courier.\n",
        title="",
    )
)
def test_clean_is_idempotent(article: Article) -> None:
    once = clean(article)
    twice = clean(once)
    assert twice.text == once.text
    assert twice.removed == once.removed
    assert (twice.title, twice.outlet, twice.author) == (once.title, once.outlet, once.author)


@settings(max_examples=300, deadline=None)
@given(articles())
def test_every_input_line_is_kept_or_removed(article: Article) -> None:
    out = clean(article)
    removed = [line.text for line in out.removed]
    for raw in article.text.splitlines():
        line = squash(raw)
        if line:
            assert line in out.text or any(line in r for r in removed), line


@settings(max_examples=300, deadline=None)
@given(articles())
def test_paragraphs_are_separated_by_exactly_one_blank_line(article: Article) -> None:
    text = clean(article).text
    assert "\n\n\n" not in text
    if text:
        for paragraph in text.split("\n\n"):
            assert paragraph and paragraph == paragraph.strip()
            assert "\n" not in paragraph and "  " not in paragraph


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=40)))
def test_clean_accepts_any_text(text: str, title: str | None) -> None:
    out = clean(Article(id="any", text=text, title=title))
    assert "\n\n\n" not in out.text
    assert out.title == title or title is None
