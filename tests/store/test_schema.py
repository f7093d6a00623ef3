"""One schema for both stores: the dialects differ only where ``_schema.Dialect`` says."""

from __future__ import annotations

import re

from newsprism.store import postgres, sqlite
from newsprism.store._schema import POSTGRES, SQLITE, migrations

_TABLE = re.compile(r"CREATE TABLE (\w+) \((.*?)\n    \);", re.S)


def _tables(scripts: tuple[str, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for script in scripts:
        for name, body in _TABLE.findall(script):
            out[name] = [line.strip().split()[0] for line in body.strip().splitlines()]
    return out


def test_both_stores_use_the_one_schema() -> None:
    assert migrations(SQLITE) == sqlite.MIGRATIONS
    assert migrations(POSTGRES) == postgres.MIGRATIONS
    assert len(sqlite.MIGRATIONS) == len(postgres.MIGRATIONS)


def test_the_dialects_create_the_same_tables_and_columns() -> None:
    lite, pg = _tables(migrations(SQLITE)), _tables(migrations(POSTGRES))
    assert set(lite) == set(pg) >= {"articles", "story_state", "story_events", "jobs"}
    # PostgreSQL has no rowid: articles keep their insertion order in a column
    assert pg.pop("articles") == ["seq", *lite.pop("articles")]
    assert lite == pg


def test_rendered_scripts_have_no_placeholders_left() -> None:
    for script in (*migrations(SQLITE), *migrations(POSTGRES)):
        assert "{" not in script and "}" not in script
