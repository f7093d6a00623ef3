"""``clean`` on whole articles: fixtures in many house styles, the seeds, and its contract."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.clean import clean, cues, infer_outlet
from newsprism.model import Article, Provenance, RemovedLine

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "clean"
SEEDS = ROOT / "examples" / "seeds"
CASES: dict[str, Any] = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))["cases"]


def _article(path: Path, **fields: Any) -> Article:
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"), **fields)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_articles(name: str) -> None:
    case = CASES[name]
    out = clean(_article(DATA / f"{name}.txt"))
    assert [[r.kind, r.text] for r in out.removed] == case["removed"]
    for fragment in case["kept"]:
        assert fragment in out.text, fragment
    for _, line in case["removed"]:
        assert line not in out.text.split("\n\n")
    assert out.outlet == case["outlet"]
    assert out.title == case["title"]
    assert out.author == case["author"]
    if "paragraphs" in case:
        assert len(out.text.split("\n\n")) == case["paragraphs"]


# --- the seeds --------------------------------------------------------------------

GOLD: dict[str, Any] = json.loads((SEEDS.parent / "gold.json").read_text(encoding="utf-8"))[
    "articles"
]


@pytest.mark.parametrize("article_id", sorted(GOLD))
def test_seed_outlet_and_boilerplate(article_id: str) -> None:
    gold = GOLD[article_id]
    out = clean(_article(SEEDS / f"{article_id}.txt"))
    assert out.outlet == gold["outlet"]
    removed = [r.text for r in out.removed]
    for line in gold.get("boilerplate", []):
        assert line in removed
        assert line not in out.text
    if gold["title"] is not None:
        assert out.title == gold["title"]
        assert gold["title"] not in out.text


def test_seed_with_headline_taken_by_the_reader() -> None:
    """001 as the text reader hands it over: first line as title, the repeat still in the body."""
    path = SEEDS / "001_0cc158f5c070f046.txt"
    headline, _, body = path.read_text(encoding="utf-8").partition("\n")
    out = clean(Article(id=path.stem, text=body, title=headline))
    assert out.title == headline
    assert headline not in out.text
    assert out.removed[0].kind == "title-repeat"
    assert out.text.startswith("Democratic lawmakers are joining NASA chief Bill Nelson")
    assert out.outlet == "TROIB News"


def test_seed_cues_name_people_and_newsrooms() -> None:
    out = clean(_article(SEEDS / "001_0cc158f5c070f046.txt"))
    credits = [c for c in cues(out) if c.kind == "credit"]
    assert [c.people for c in credits] == [("Jessica Piper",), ("Jessica Kline",)]
    assert credits[1].outlets == ("TROIB News",)
    caption = next(r for r in clean(_article(SEEDS / "003_b37cc764ab2d9a6a.txt")).removed)
    assert caption.kind == "caption"
    assert set(caption.names) == {"Samuel Corum", "Getty Images"}


# --- the contract -------------------------------------------------------------------


def test_present_metadata_is_never_overwritten() -> None:
    text = (SEEDS / "000_d82b719c91dbffc4.txt").read_text(encoding="utf-8")
    art = Article(id="x", text=text, outlet="Some Site", title="Our own title", author="A. Writer")
    out = clean(art)
    assert (out.outlet, out.title, out.author) == ("Some Site", "Our own title", "A. Writer")
    assert "outlet_inferred" not in out.metadata
    assert "appeared first on" not in out.text


def test_inferred_outlet_records_confidence_and_evidence() -> None:
    out = clean(_article(SEEDS / "000_d82b719c91dbffc4.txt"))
    inferred = out.metadata["outlet_inferred"]
    assert inferred["name"] == "BLiTZ"  # the footer's spelling over the promo's "Blitz"
    assert 0.9 < inferred["confidence"] <= 1.0
    assert any("appeared first on" in line for line in inferred["evidence"])


def test_content_hash_is_set_only_when_there_is_provenance() -> None:
    prov = Provenance(source="a.txt", reader="text")
    out = clean(Article(id="a", text="One.\n\n\nTwo.\n\nFollow us on Facebook", provenance=prov))
    assert out.text == "One.\n\nTwo."
    assert out.provenance is not None
    assert out.provenance.content_hash == hashlib.sha1(b"One.\n\nTwo.").hexdigest()
    assert out.provenance.source == "a.txt"
    assert clean(Article(id="b", text="One.")).provenance is None


def test_paragraphs_and_whitespace_are_normalised() -> None:
    text = (
        "  First\tparagraph  with\u00a0spaces. \r\n\r\n\r\n\r\nSecond\u200b one.\rThird one.\n \n"
    )
    assert clean(Article(id="a", text=text)).text == (
        "First paragraph with spaces.\n\nSecond one.\n\nThird one."
    )


def test_wrapped_continuation_lines_are_joined() -> None:
    text = "The minister said the plan would\nbe announced next week.\nA second paragraph."
    assert clean(Article(id="a", text=text)).text == (
        "The minister said the plan would be announced next week.\n\nA second paragraph."
    )


def test_existing_removed_lines_are_kept_and_used_as_evidence() -> None:
    earlier = (RemovedLine("The post X appeared first on Example Daily.", "footer"),)
    out = clean(Article(id="a", text="Body text here.", removed=earlier))
    assert out.removed == earlier
    assert out.outlet == "Example Daily"


def test_title_repeat_ignores_case_and_punctuation() -> None:
    art = Article(
        id="a",
        title="Musk’s talks with Putin: what we know",
        text="MUSK'S TALKS WITH PUTIN — WHAT WE KNOW\n\nThe body starts here.",
    )
    out = clean(art)
    assert out.text == "The body starts here."
    assert out.removed[0].kind == "title-repeat"


def test_title_repeat_with_outlet_suffix_names_the_outlet() -> None:
    art = Article(
        id="a",
        title="Stocks fall as rate fears return",
        text="Stocks fall as rate fears return | Example Markets\n\nStocks fell on Monday.",
    )
    out = clean(art)
    assert out.text == "Stocks fell on Monday."
    assert out.removed[0].names == ("Example Markets",)
    assert out.outlet == "Example Markets"


def test_a_headline_line_is_not_a_title_repeat_of_a_longer_title() -> None:
    art = Article(
        id="a", title="Fire in Paris", text="Fire in Paris kills two\n\nA fire broke out."
    )
    assert clean(art).text == "Fire in Paris kills two\n\nA fire broke out."


def test_wire_dateline_stays_in_text_and_is_a_byline_cue() -> None:
    out = clean(Article(id="a", text="WASHINGTON (Reuters) - The U.S. Senate voted on Friday."))
    assert out.text == "WASHINGTON (Reuters) - The U.S. Senate voted on Friday."
    (cue,) = cues(out)
    assert cue.kind == "byline" and cue.outlets == ("Reuters",)
    assert out.outlet == "Reuters"


def test_infer_outlet_on_a_cleaned_article_matches_clean() -> None:
    raw = _article(SEEDS / "003_b37cc764ab2d9a6a.txt")
    guess = infer_outlet(clean(raw))
    assert guess is not None and guess.name == "Axios"
    assert 0.5 <= guess.confidence <= 0.8


def test_empty_and_blank_text() -> None:
    assert clean(Article(id="a", text="")).text == ""
    assert clean(Article(id="a", text=" \n\n \t\n")).text == ""
    assert clean(Article(id="a", text="Advertisement")).text == ""


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*.txt")) + sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem
)
def test_infer_outlet_of_a_cleaned_article_agrees_with_clean(path: Path) -> None:
    out = clean(_article(path))
    guess = infer_outlet(out)
    assert (guess.name if guess else None) == out.outlet
    if guess is not None:
        assert guess.confidence == out.metadata["outlet_inferred"]["confidence"]
