"""Both batch engines, both stores: the same input gives the same tables.

The corpus is small but real: four reports of one event (committed fixtures),
planted reuse (a verbatim copy under another outlet, an edited copy), a duplicate
text from the same outlet, a clashing id, and a second, unrelated event from the
ingest fixtures; it is split over a JSONL file and a Parquet file.  Its dates span
three days and one article is undated: with one-day blocks, clustering runs in three blocks and is
stitched, which the Spark run uses.  Spark runs in ``local[2]`` with one session
for the whole test session.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprism import Options, analyze_articles
from newsprism.engines import LocalEngine, _core, compare_outputs, load_into_store, read_rows
from newsprism.model import to_dict
from newsprism.store import MemoryStore, SQLiteStore, Store

DATA = Path(__file__).resolve().parents[1] / "data"


def _corpus(folder: Path) -> list[str]:
    seeds = sorted((DATA / "reuse").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rows = [
        {
            "id": p.stem,
            "outlet": f"outlet{k}",
            "title": t.split(". ")[0][:80],
            "text": t,
            "published": "2024-10-26",
        }
        for k, (p, t) in enumerate(zip(seeds, texts, strict=True))
    ]
    paras = texts[0].split("\n")
    rows.append(
        {
            "id": "copy",
            "outlet": "Copier",
            "published": "2024-10-27",
            "title": rows[0]["title"],
            "text": texts[0],
        }
    )  # same text from another outlet: syndication, kept as an article
    rows.append(
        {
            "id": "dup",
            "outlet": rows[0]["outlet"],
            "published": "2024-10-27",
            "title": rows[0]["title"],
            "text": texts[0],
        }
    )  # same text from the same outlet: deduplicated
    rows.append(
        {
            "id": "edited",
            "outlet": "Editor",
            "published": "2024-10-27",
            "title": rows[0]["title"] + " (update)",
            "text": "\n".join(paras[:-1]) + "\nThe agency did not answer questions on Friday.",
        }
    )
    rows.append(
        {
            "id": seeds[1].stem,
            "outlet": "Clash",
            "published": "2024-10-28",
            "title": "Lakers win in overtime",
            "text": "The Lakers won 101-99 in overtime "
            'on Sunday. "We never stopped believing," coach Darvin Ham said.',
        }
    )
    jsonl = folder / "part1.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for row in rows[:4]:
            fh.write(json.dumps(row) + "\n")
        for line in (DATA / "ingest" / "articles.jsonl").read_text().splitlines()[:4]:
            fh.write(line + "\n")
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = folder / "part2.parquet"
    pq.write_table(pa.Table.from_pylist(rows[4:]), parquet)
    return [str(jsonl), str(parquet)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local_out(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    LocalEngine(workers=1).run(corpus, out)
    return out


def test_identity_rules_are_order_free() -> None:
    from newsprism.model import Article

    arts = [Article("b", "same text"), Article("a", "same  text"), Article("a", "other text")]
    out = _core.dedupe(arts)
    assert out == _core.dedupe(list(reversed(arts)))
    assert out[0].id == "a" and len(out) == 2
    assert out[1].id.startswith("a~")


def test_local_engine_matches_the_pipeline(corpus: list[str], local_out: Path) -> None:
    """The batch tables hold what ``analyze`` finds over the same clean articles."""
    articles = _core.dedupe(a for path in corpus for a in _core.read_input(path))
    dossier = analyze_articles(articles)
    stories = {(r["id"], tuple(r["articles"])) for r in read_rows(local_out, "stories")}
    assert stories == {(s.id, s.articles) for s in dossier.stories}
    pairs = [
        (r["a"], r["b"], r["relation"], r["score"]) for r in read_rows(local_out, "reuse_pairs")
    ]
    assert pairs == sorted((p.a, p.b, p.relation, p.score) for p in dossier.reuse.pairs)
    quotes = [(r["id"], r["statement"]) for r in read_rows(local_out, "quotes")]
    assert quotes == sorted((q.id, q.statement) for q in dossier.quotes)
    assert len(quotes) > 5
    # entities are merged per story in batch, over the corpus in ``analyze``: the
    # stories here share no names, so the claim groups agree
    groups = [
        (r["id"], r["story"], tuple(r["claims"]), r["verdict"])
        for r in read_rows(local_out, "claim_groups")
    ]
    assert groups == sorted((g.id, g.story, g.claims, g.verdict) for g in dossier.claim_groups)
    assert len(groups) > 5
    claims = [(r["id"], r["claim_group"]) for r in read_rows(local_out, "claims")]
    assert claims == sorted((c.id, c.group) for c in dossier.claims)
    entities = {(r["story"], r["id"]) for r in read_rows(local_out, "entities")}
    assert {e.id for e in dossier.entities} == {e for _, e in entities}
    timeline = [(r["story"], r["date"], r["text"]) for r in read_rows(local_out, "timeline")]
    assert sorted(timeline) == sorted((t.story, t.date, t.text) for t in dossier.timeline)
    coverage = [json.loads(r["record"]) for r in read_rows(local_out, "coverage")]
    expected = sorted((to_dict(c) for c in dossier.coverage), key=lambda c: str(c["article"]))
    assert coverage == expected
    assert coverage and timeline
    rels = {(r["a"], r["b"]): r["relation"] for r in read_rows(local_out, "reuse_pairs")}
    seed0 = Path(sorted((DATA / "reuse").glob("*.txt"))[0]).stem
    assert rels[tuple(sorted((seed0, "edited")))] in {"copy", "edited"}  # type: ignore[index]
    ids = [r["id"] for r in read_rows(local_out, "articles")]
    assert "dup" not in ids  # same text and outlet as the first seed, larger id: dropped
    assert "copy" in ids  # same text from another outlet: a syndicated copy
    assert rels[tuple(sorted((seed0, "copy")))] == "copy"  # type: ignore[index]
    assert any("~" in i for i in ids)  # the clashing id kept, suffixed


def test_local_pool_equals_in_process(corpus: list[str], local_out: Path, tmp_path: Path) -> None:
    LocalEngine(workers=2, chunk=3).run(corpus, tmp_path)
    assert compare_outputs(local_out, tmp_path) == {}


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_spark_equals_local_with_blocks(
    corpus: list[str], local_out: Path, spark: object, tmp_path: Path
) -> None:
    """One-day blocks: clustering in three blocks, stitched; the tables still agree."""
    from newsprism.engines.spark import SparkEngine

    one_day = Options(block_days=1)
    LocalEngine(one_day, workers=1).run(corpus, tmp_path / "local")
    result = SparkEngine(one_day, spark=spark, partitions=3).run(corpus, tmp_path / "spark")
    assert result.rows["stories"] == len(read_rows(tmp_path / "local", "stories"))
    assert result.rows["claim_groups"] == len(read_rows(tmp_path / "local", "claim_groups")) > 0
    assert result.rows["reuse_candidates"] == len(read_rows(local_out, "reuse_candidates")) > 0
    assert compare_outputs(tmp_path / "local", tmp_path / "spark") == {}


def test_compare_outputs_sees_a_difference(local_out: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    shutil.copytree(local_out, tmp_path / "copy")
    rows = read_rows(local_out, "reuse_pairs")[1:]
    from newsprism.engines.tables import arrow_schema

    target = tmp_path / "copy" / "reuse_pairs" / "part-00000.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema("reuse_pairs")), target)
    assert set(compare_outputs(local_out, tmp_path / "copy")) == {"reuse_pairs"}


def _loaded(store: Store, out: Path) -> tuple[object, ...]:
    load_into_store(out, store)
    stories = sorted((s.id, s.articles) for s in store.stories())
    dossiers = [store.get_dossier(sid) for sid, _ in stories]
    return stories, dossiers, store.count_articles()


def test_both_stores_hold_the_same(local_out: Path, postgres_url: str, tmp_path: Path) -> None:
    from newsprism.store.postgres import PostgresStore

    results = []
    for store in (MemoryStore(), SQLiteStore(tmp_path / "b.db"), PostgresStore(postgres_url)):
        results.append(_loaded(store, local_out))
        store.close()
    assert results[0] == results[1] == results[2]
    _, dossiers, count = results[0]  # type: ignore[misc]
    assert count == len(read_rows(local_out, "articles")) and all(dossiers)


def test_engines_take_analyze_options() -> None:
    """Broad quotes in the engines' per-article and per-story stages, as in ``analyze``."""
    from newsprism.model import Article, Story

    art = Article(
        "a1",
        "Governor Jane Ruiz wants the legislature to pass the budget by Friday.\n\n"
        '"We will not raise taxes," Governor Jane Ruiz said on Tuesday.',
    )
    broad = Options(broad_quotes=True)
    for options in (Options(), broad):
        annotated = list(_core.annotate([art], options))
        out = _core.story_stage(Story("s1", "t", ("a1",)), annotated, options)
        expected = analyze_articles([art], options=options).quotes
        assert [q.text for q in out.quotes] == [q.text for q in expected]
    assert len(analyze_articles([art], options=broad).quotes) == 2
