"""Plain-text / Markdown reader: headline detection, decoding, malformed files."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.ingest import IngestFailure, TextReader, looks_like_headline, split_title
from newsprism.ingest._io import decode_text, os_reason
from newsprism.model import Article


def read_one(path: Path | str) -> Article | IngestFailure:
    items = list(TextReader().read(str(path)))
    assert len(items) == 1
    return items[0]


def article(path: Path | str) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


# --- the seed articles ------------------------------------------------------------


def test_seed_with_a_headline_line(seeds_dir: Path) -> None:
    path = seeds_dir / "001_0cc158f5c070f046.txt"
    art = article(path)
    assert art.id == "001_0cc158f5c070f046"
    assert art.title == "Reports of Musk's Communications with Putin Spark Concern in Washington"
    raw = path.read_text(encoding="utf-8")
    assert art.text.startswith("Democratic lawmakers are joining NASA chief Bill Nelson")
    assert raw.endswith(art.text)  # the rest is kept byte for byte
    # the repeated headline further down is the cleaner's business, not the reader's
    assert "Reports of Musk's Communications with Putin Spark Concern in Washington\nThe top" in (
        art.text
    )
    assert art.provenance is not None
    assert art.provenance.reader == "text"
    assert art.provenance.source == str(path)


@pytest.mark.parametrize(
    "name", ["000_d82b719c91dbffc4", "002_5f9e32d0296bbd23", "003_b37cc764ab2d9a6a"]
)
def test_seeds_whose_first_line_is_not_a_headline(seeds_dir: Path, name: str) -> None:
    """000 and 002 open with a paragraph, 003 with a photo caption: all stay text."""
    path = seeds_dir / f"{name}.txt"
    art = article(path)
    assert art.id == name
    assert art.title is None
    assert art.text == path.read_text(encoding="utf-8")


# --- the headline detector --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Reports of Musk's Communications with Putin Spark Concern in Washington",
        "Musk contacts with Putin raise national security concerns in Washington",
        "Is Elon Musk a national security risk?",
        "Smith: ‘We should investigate what Musk is up to’",
        "U.S. lawmakers seek probe of Musk’s Putin ties",
        "Sen. Shaheen calls for review of SpaceX contracts",
        "2024 election: Musk's role grows",
        "EPA and AFP: two agencies, one headline",
        "From Starlink to the Kremlin: Musk's ties",
        "Watchdog questions Musk clearance",
    ],
)
def test_headlines(line: str) -> None:
    assert looks_like_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Elon Musk speaks during an America PAC town hall on Oct. 26 in Lancaster, "
        "Pennsylvania. Photo: Samuel Corum/Getty Images",
        "Elon Musk at a rally (Photo by Samuel Corum/Getty Images)",
        "Image: Reuters",
        "By Jessica Piper",
        "October 26, 2024",
        "Oct. 26, 2024 10:00 a.m. ET",
        "2024-10-26",
        "WASHINGTON —",
        "Why it matters:",
        "- Dan Meyer, a national security attorney",
        "1. The first point",
        "Advertisement",
        "Share this article",
        "The Kremlin denied the report. Musk did not comment",
        "https://example.com/story",
        "the lower-case start of a line",
        "Generally speaking, the national security state frowns on its denizens.",
        "“We should investigate,” Smith said.",
        "Headline",
        "One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty twentyone",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not looks_like_headline(line)


def test_split_title_cases() -> None:
    assert split_title("Headline Here\n\nBody text.") == ("Headline Here", "Body text.")
    assert split_title("\n\nHeadline After Blanks\n\n\nBody.\n") == (
        "Headline After Blanks",
        "Body.\n",
    )
    # directly followed by a body paragraph
    assert split_title("Kremlin denies talks\nThe Kremlin on Friday denied it.") == (
        "Kremlin denies talks",
        "The Kremlin on Friday denied it.",
    )
    # directly followed by a byline
    assert split_title("Musk under fire\nBy Jessica Piper\n\nBody text.") == (
        "Musk under fire",
        "By Jessica Piper\n\nBody text.",
    )
    # a hard-wrapped paragraph: the next line continues the sentence
    wrapped = "Elon Musk, the tech mogul, is at the center of yet\nanother political storm."
    assert split_title(wrapped) == (None, wrapped)
    # a headline with nothing after it is the text, not a title
    assert split_title("Only a headline-looking line") == (None, "Only a headline-looking line")
    assert split_title("") == (None, "")


def test_markdown_headings(tmp_path: Path) -> None:
    assert split_title("# A Markdown Title #\n\nBody.") == ("A Markdown Title", "Body.")
    assert split_title("## Not quite a headline.\n\nBody.")[0] == "Not quite a headline."
    assert split_title("Setext Title\n============\n\nBody.", markdown=True) == (
        "Setext Title",
        "Body.",
    )
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Front matter title\nauthor: Dana Whitfield\ndate: 2024-10-26\n"
        "outlet: The Capital Ledger\nsection: politics\n---\n"
        "# Front matter title\n\nBody of the *story*.\n",
        encoding="utf-8",
    )
    art = article(path)
    assert art.id == "story"
    assert art.title == "Front matter title"
    assert art.author == "Dana Whitfield"
    assert art.published == "2024-10-26"
    assert art.outlet == "The Capital Ledger"
    assert art.metadata == {"section": "politics"}
    assert art.text == "Body of the *story*.\n"  # Markdown is kept: cleaning is not ours


# --- decoding and malformed files -------------------------------------------------


def test_cp1252_and_latin1_files_are_decoded(tmp_path: Path) -> None:
    text = (
        "Caf\u00e9 owners in M\u00fcnchen said \u201cprices are up\u201d \u2014 again.\n\n"
        "Se\u00f1or P\u00e9rez paid \u20ac5 for a cr\u00e8me br\u00fbl\u00e9e.\n"
    )
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes(text.encode("cp1252"))
    assert article(cp1252).text == text
    latin = "Na\u00efve r\u00e9sum\u00e9s from Z\u00fcrich and S\u00e3o Paulo.\n"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(latin.encode("latin-1"))
    assert article(latin1).text == latin


def test_boms_and_newlines(tmp_path: Path) -> None:
    body = "Kremlin denies talks\r\n\r\nThe Kremlin on Friday denied it.\r\n"
    for name, data in [
        ("utf8.txt", codecs.BOM_UTF8 + body.encode("utf-8")),
        ("utf16.txt", codecs.BOM_UTF16_LE + body.encode("utf-16-le")),
        ("mac.txt", body.replace("\r\n", "\r").encode("utf-8")),
    ]:
        (tmp_path / name).write_bytes(data)
        art = article(tmp_path / name)
        assert art.title == "Kremlin denies talks", name
        assert art.text == "The Kremlin on Friday denied it.\n", name


def test_non_western_legacy_encoding_goes_to_detection(tmp_path: Path) -> None:
    text = (
        "Кремль опроверг сообщения о регулярных переговорах Путина и Маска. "
        "Песков заявил, что они говорили лишь однажды.\n"
    ) * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert article(path).text == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
        (b"   \n\n\t\n", "no text"),
    ],
)
def test_bad_files_are_one_failure(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    item = read_one(path)
    assert isinstance(item, IngestFailure)
    assert item.reason == reason
    assert str(item) == f"{path}: {reason}"


def test_missing_folder_and_oversized(tmp_path: Path) -> None:
    missing = read_one(tmp_path / "nope.txt")
    assert isinstance(missing, IngestFailure) and missing.reason == "file not found"
    folder = read_one(tmp_path)
    assert isinstance(folder, IngestFailure) and folder.reason == "is a folder, not a file"
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 20 MiB + 1 byte without writing them
        fh.truncate(20 * 1024 * 1024 + 1)
    item = read_one(big)
    assert isinstance(item, IngestFailure) and item.reason == "larger than the 20 MiB cap"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden text.", encoding="utf-8")
    path.chmod(0)
    item = read_one(path)
    assert isinstance(item, IngestFailure) and item.reason == "cannot read: permission denied"


# --- properties -------------------------------------------------------------------

_ASCII_WORD = st.from_regex(r"[A-Za-z]{6,10}", fullmatch=True)
_SPICE = st.sampled_from([*"éèàüöñçœšžÉ’“”—–…€"])


@st.composite
def western_text(draw: st.DrawFn) -> str:
    """Mostly-ASCII text with the odd accent, curly quote or dash, as Western news is."""
    words = []
    for _ in range(draw(st.integers(1, 40))):
        word = draw(_ASCII_WORD)
        if draw(st.booleans()):
            word += draw(_SPICE)
        words.append(word)
    return " ".join(words) + draw(st.sampled_from(["", ".", ".\n", "\n\nMore text.\n"]))


@given(western_text())
def test_cp1252_round_trip(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == text


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t"),
    min_size=1,
)


@given(_TEXT)
def test_utf8_and_bom_round_trip(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text


@given(st.binary(min_size=1).map(lambda b: b + b"\x00"))
def test_nul_bytes_are_binary(data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text is full of NUL bytes
    with pytest.raises(InputError, match=r"binary file|not valid UTF-8"):
        decode_text(data)


_VOCAB_WORDS = (
    "Musk Putin talks raise concern lawmakers Senate probe SpaceX report Kremlin denies "
    "security clearance Pentagon Washington Democrats urge review contacts Russia Starlink"
)
_VOCAB = _VOCAB_WORDS.split()
_HEADLINE = st.lists(st.sampled_from(_VOCAB), min_size=2, max_size=15).map(
    lambda ws: " ".join(ws)[0].upper() + " ".join(ws)[1:]
)
_SENTENCE = st.lists(st.sampled_from(_VOCAB), min_size=8, max_size=30).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_BODY = st.lists(_SENTENCE, min_size=1, max_size=5).map(" ".join)


@given(_HEADLINE, st.sampled_from(["\n\n", "\n", "\n\n\n"]), _BODY)
def test_generated_headline_is_taken_and_body_kept(headline: str, gap: str, body: str) -> None:
    assume(gap != "\n" or len(body) > len(headline) * 1.5 or body.endswith("."))
    title, rest = split_title(headline + gap + body)
    assert title == headline
    assert rest == body


@given(st.text(min_size=0, max_size=300), st.booleans())
def test_split_title_only_ever_cuts_the_first_line(text: str, markdown: bool) -> None:
    title, rest = split_title(text, markdown=markdown)
    if title is None:
        assert rest == text
    else:
        assert "\n" not in title and title == title.strip() and title
        assert text.endswith(rest) and rest.strip()
        first = next(line for line in text.split("\n") if line.strip())
        assert title in first


@given(_HEADLINE, _BODY)
def test_sentences_and_long_lines_are_never_titles(headline: str, body: str) -> None:
    assert split_title(headline + ".\n\n" + body)[0] is None
    long_line = " ".join([headline] * 3 + ["and", "more", "words"] * 5)
    assume(len(long_line.split()) > 20)
    assert split_title(long_line + "\n\n" + body)[0] is None


def test_os_error_reasons() -> None:
    assert os_reason(FileNotFoundError(2, "No such file")) == "file not found"
    assert os_reason(IsADirectoryError(21, "Is a directory")) == "is a folder, not a file"
    assert os_reason(PermissionError(13, "Permission denied")) == "cannot read: permission denied"
    assert os_reason(OSError(5, "Input/output error")) == "cannot read: Input/output error"
