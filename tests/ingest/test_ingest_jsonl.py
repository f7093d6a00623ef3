"""JSONL reader (docs/contract.md input) and manifests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest import IngestFailure, JsonlReader, Manifest, read_sources, stable_id
from newsprism.model import Article, Provenance


def read(path: Path) -> list[Article | IngestFailure]:
    return list(JsonlReader().read(str(path)))


def test_good_and_bad_lines(data_dir: Path) -> None:
    path = data_dir / "articles.jsonl"
    items = read(path)
    articles = {a.id: a for a in items if isinstance(a, Article)}
    failures = [f for f in items if isinstance(f, IngestFailure)]
    assert list(articles) == ["axios-1", "troib-1", "page-1"]
    assert [f.source for f in failures] == [str(path)] * 4
    reasons = [f.reason for f in failures]
    assert reasons[0] == "invalid JSON on line 3: Unterminated string starting at column 49"
    assert reasons[1:] == [
        "line 4: no text or html field",
        "line 6: expected a JSON object, got list",
        "line 8: field 'title' must be a string, not int",
    ]

    axios = articles["axios-1"]
    assert axios.outlet == "Axios"
    assert axios.published == "2024-10-26"
    assert axios.author == "Rebecca Falconer"
    assert axios.url == "https://axios.example/2024/10/26/musk-putin-security-clearance"
    assert axios.text.split("\n\n")[1].startswith("Why it matters:")
    assert axios.metadata == {"paywall": False, "section": "politics"}
    assert axios.provenance == Provenance(source=f"{path}:1", reader="jsonl")

    assert articles["troib-1"].text == (
        "Democratic lawmakers are joining NASA chief Bill Nelson in urging for a confirmation "
        "of a shocking report.\n\nThe top Democrat on the House Armed Services Committee "
        "requested an investigation on Friday."
    )


def test_html_records_go_through_the_extractor(data_dir: Path) -> None:
    page = next(
        a for a in read(data_dir / "articles.jsonl") if isinstance(a, Article) and a.id == "page-1"
    )
    assert page.outlet == "Capital Ledger (from JSONL)"  # the record's own field wins
    assert page.author == "Dana Whitfield"  # the page fills what the record lacks
    assert page.published == "2024-10-26"
    assert page.title == "Lawmakers seek inquiry"
    assert page.text.startswith("The top Democrat")
    assert "\n\nRep. Adam Smith said" in page.text
    assert page.provenance is not None and page.provenance.reader == "jsonl"


def test_ids_default_to_a_stable_hash_and_numbers_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.ndjson"
    path.write_text(
        '{"url": "https://x.example/1", "text": "One."}\n'
        '{"text": "Two."}\n'
        '{"id": 7, "author": ["A. One", "B. Two"], "text": "Three."}\n',
        encoding="utf-8",
    )
    one, two, three = read(path)
    assert isinstance(one, Article) and one.id == stable_id("https://x.example/1")
    assert isinstance(two, Article) and two.id == stable_id("Two.")
    assert isinstance(three, Article) and three.id == "7" and three.author == "A. One; B. Two"


def test_json_documents(tmp_path: Path) -> None:
    array = tmp_path / "list.json"
    array.write_text(
        json.dumps([{"id": "a", "text": "A."}, {"id": "b"}], indent=2), encoding="utf-8"
    )
    items = read(array)
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert items[1] == IngestFailure(str(array), "record 2: no text or html field")
    dossier = tmp_path / "dossier.json"
    dossier.write_text(
        json.dumps({"schema": "x", "articles": [{"id": "d", "text": "D."}]}), encoding="utf-8"
    )
    [d] = read(dossier)
    assert isinstance(d, Article) and d.id == "d"
    lines = tmp_path / "lines.json"
    lines.write_text('{"id": "l1", "text": "L."}\n{"id": "l2", "text": "M."}\n', encoding="utf-8")
    assert [a.id for a in read(lines) if isinstance(a, Article)] == ["l1", "l2"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\n\n  \n", "empty file"),
        (b"\x00\x01\x02binary", "binary file, not text"),
    ],
)
def test_malformed_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    assert read(path) == [IngestFailure(str(path), reason)]


def test_missing_file_and_non_utf8_line(tmp_path: Path) -> None:
    assert read(tmp_path / "nope.jsonl") == [
        IngestFailure(str(tmp_path / "nope.jsonl"), "file not found")
    ]
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "ok", "text": "Fine."}\n{"id": "x", "text": "caf\xe9"}\n')
    ok, bad = read(path)
    assert isinstance(ok, Article)
    assert bad == IngestFailure(str(path), "line 2: not UTF-8 text (JSON must be UTF-8)")


# --- manifests --------------------------------------------------------------------


def test_manifest_csv_adds_metadata_to_files(data_dir: Path, seeds_dir: Path) -> None:
    paths = [str(seeds_dir / f"{n}.txt") for n in ("000_d82b719c91dbffc4", "001_0cc158f5c070f046")]
    a0, a1 = read_sources(paths, manifest=str(data_dir / "manifest.csv"))
    assert isinstance(a0, Article) and isinstance(a1, Article)
    assert a0.outlet == "BLiTZ"
    assert a0.title == "Musk contacts with Putin raise national security concerns in Washington"
    assert a0.published == "2024-10-27"
    assert a0.url == "https://blitz.example/2024/10/27/musk-contacts-putin/"
    assert a0.author is None  # an empty cell adds nothing
    assert a0.metadata == {"language": "en"}
    assert a1.outlet == "TROIB News"
    # an empty title cell keeps the title the reader found
    assert a1.title == "Reports of Musk's Communications with Putin Spark Concern in Washington"


def test_manifest_jsonl_keyed_by_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    story = tmp_path / "sub" / "story.txt"
    story.write_text("Some text.", encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        '{"path": "sub/story.txt", "outlet": "Vox", "date": "2024-10-26", "desk": "world"}\n',
        encoding="utf-8",
    )
    m = Manifest.load(str(manifest))
    assert len(m) == 1
    [art] = read_sources([str(story)], manifest=str(manifest))
    assert isinstance(art, Article)
    assert (art.outlet, art.published, art.metadata) == ("Vox", "2024-10-26", {"desk": "world"})


def test_bad_manifest_is_one_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Some text.", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("outlet,title\nVox,T\n", encoding="utf-8")
    failure, art = read_sources([str(story)], manifest=str(manifest))
    assert failure == IngestFailure(str(manifest), "manifest has no id, file or path column")
    assert isinstance(art, Article) and art.outlet is None
    with pytest.raises(InputError, match="file not found"):
        Manifest.load(str(tmp_path / "missing.csv"))
