"""Migrations: the schema they build is the ORM's, and files of the first schema upgrade."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from casefile.domain.records import SourceDraft
from casefile.services import search, sources
from casefile.services.case import OpenCase, open_case
from casefile.storage.migrate import SCHEMA_VERSION, known_revisions
from casefile.storage.records import Base

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_migrated_schema_matches_the_orm_records(case: OpenCase) -> None:
    with case.store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [d for d in compare_metadata(context, Base.metadata) if "search_index" not in str(d)]
    assert diff == []


def test_user_version_is_the_schema_version(case: OpenCase) -> None:
    with case.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
    assert len(known_revisions()) == SCHEMA_VERSION


def test_a_file_of_the_first_schema_opens_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.casefile"
    shutil.copy(FIXTURES / "schema-0001.casefile", path)
    with open_case(path) as case:
        with case.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar_one() == SCHEMA_VERSION
        with case.read() as s:
            names = sorted(x.name for x in sources.list_all(s))
            assert names == ["Old Named Source", "سمير الحلبي"]
            # the search index (and its triggers) survive the upgrade
            assert [h.title for h in search.search(s, "Old Named")] == ["Old Named Source"]
        with case.transaction() as s:
            added = sources.add(s, SourceDraft(name="Zebrafinch Added Later"))
        with case.read() as s:
            assert [h.id for h in search.search(s, "zebrafinch")] == [added.id]


def test_the_upgrade_to_0002_adds_the_exchange_table_and_keeps_names(tmp_path: Path) -> None:
    path = tmp_path / "old.casefile"
    shutil.copy(FIXTURES / "schema-0001.casefile", path)
    with open_case(path) as case:
        with case.read() as s:
            assert all(not x.name_withheld for x in sources.list_all(s))
        with case.store.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
            assert "exchange_ids" in tables
            triggers = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                )
            }
            # plain add_column: the search triggers of 0001 on sources are still there
            assert {"sources_search_insert", "sources_search_update"} <= triggers
        with case.transaction() as s:
            withheld = sources.add(s, SourceDraft(name="a cousin", name_withheld=True))
        with case.read() as s:
            assert sources.get(s, withheld.id).name_withheld
