"""A case is one file: created atomically, recognised before it is touched, opened with the
at-rest settings on every connection."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from casefile.domain.errors import (
    CaseFileExists,
    CaseFileMissing,
    NewerCaseFile,
    NotACaseFile,
)
from casefile.services import sources
from casefile.services.case import OpenCase, create_case, get_case, open_case
from casefile.storage.engine import read_settings
from casefile.storage.migrate import SCHEMA_VERSION
from tests import factories


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_new_case_is_one_file_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "story.casefile"
    with create_case(path, title="Harbour recruits", passphrase=None) as case, case.read() as s:
        assert get_case(s).title == "Harbour recruits"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.casefile"]


def test_every_connection_has_the_at_rest_settings(case: OpenCase) -> None:
    engine = case.store.engine
    connections = [engine.connect() for _ in range(3)]  # three distinct pooled connections
    try:
        for conn in connections:
            settings = read_settings(conn.connection.dbapi_connection)
            assert settings == {
                "journal_mode": "wal",
                "synchronous": 2,  # FULL
                "foreign_keys": 1,
                "secure_delete": 1,
                "temp_store": 2,  # MEMORY
            }
    finally:
        for conn in connections:
            conn.close()


def test_creating_over_an_existing_file_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "taken.casefile"
    path.write_bytes(b"precious")
    with pytest.raises(CaseFileExists):
        create_case(path, title="T", passphrase=None)
    assert path.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.casefile"]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CaseFileMissing, match="no case file"):
        open_case(tmp_path / "nope.casefile")


@pytest.mark.parametrize(
    "content",
    [b"not a case\n", b"x" * 10_000, b"SQLite format 3\x00" + b"\x00" * 5000],
    ids=["text", "junk", "sqlite-header-only"],
)
def test_files_that_are_not_cases_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bogus.casefile"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    with pytest.raises(NotACaseFile):
        open_case(path)
    assert folder_state(tmp_path) == before


def test_another_app_s_sqlite_database_is_not_a_case(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(NotACaseFile, match="not a Casefile case file"):
        open_case(path)
    assert folder_state(tmp_path) == before


def test_a_directory_is_not_a_case(tmp_path: Path) -> None:
    with pytest.raises(NotACaseFile):
        open_case(tmp_path)


def test_a_case_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.casefile"
    create_case(path, title="T", passphrase=None).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    with pytest.raises(NewerCaseFile, match="newer version"):
        open_case(path)
    assert folder_state(tmp_path) == before


def test_records_survive_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "c.casefile"
    with create_case(path, title="T", passphrase=None) as case, case.transaction() as s:
        added = sources.add(s, factories.source(name="سمير الحلبي"))
    with open_case(path) as case, case.read() as s:
        assert sources.get(s, added.id).name == "سمير الحلبي"


def test_a_closed_case_leaves_no_side_files(tmp_path: Path) -> None:
    path = tmp_path / "c.casefile"
    with create_case(path, title="T", passphrase=None) as case, case.transaction() as s:
        sources.add(s, factories.source())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.casefile"]
