"""SECURITY.md tests 17, 18 and 20: what is on disk says nothing without the passphrase; wrong
passphrase, damaged file and damaged key material are told apart without a write; deleted
protected sources leave no trace in free pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from casefile.domain.enums import RecordKind
from casefile.domain.errors import (
    CaseFileDamaged,
    KeyMaterialDamaged,
    NotACaseFile,
    WrongPassphrase,
)
from casefile.services import deletion, quotes, sources
from casefile.services.case import FAST_TEST_PARAMS, OpenCase, create_case, open_case
from casefile.storage.engine import read_settings
from tests import factories
from tests.security.pages import contains, file_pages, wal_pages

PASS = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def make(folder: Path, canary: str) -> Path:
    path = folder / "e.casefile"
    made = create_case(path, title="Title Quorvendale", passphrase=PASS, kdf=FAST_TEST_PARAMS)
    with made as case, case.transaction() as s:
        src = sources.add(s, factories.protected_source(name=canary))
        quotes.add(s, factories.quote(text="Unpublished words Vexmorran said", source_id=src.id))
    return path


def test_encrypted_file_wal_and_temp_hold_no_plaintext(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    canary = factories.canary_name()
    folder = tmp_path / "case"
    folder.mkdir()
    path = make(folder, canary)
    # while open and with uncheckpointed writes in the WAL
    with open_case(path, passphrase=PASS) as case:
        with case.transaction() as s:
            sources.add(s, factories.source(name=f"{canary} second"))
        assert (folder / "e.casefile-wal").exists()
        for conn in [case.store.engine.connect() for _ in range(2)]:
            settings = read_settings(conn.connection.dbapi_connection)
            assert settings["journal_mode"] == "wal" and settings["temp_store"] == 2
            assert settings["secure_delete"] == 1 and settings["synchronous"] == 2
            conn.close()
        files = [p for p in [*folder.iterdir(), *temp.rglob("*")] if p.is_file()]
        assert path.read_bytes()[:16] != b"SQLite format 3\x00"
        for f in files:
            data = f.read_bytes()
            # tokens of six letters or more: a shorter one turns up by chance in ciphertext
            for token in (*canary.split(), "Vexmorran", "Quorvendale"):
                assert token.encode() not in data, f"{token} in {f.name}"
                assert token.encode("utf-16-le") not in data


def test_three_failures_have_three_messages_and_write_nothing(tmp_path: Path) -> None:
    path = make(tmp_path, factories.canary_name())
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        open_case(path, passphrase="not the passphrase")
    assert snapshot(tmp_path) == before

    damaged = tmp_path / "damaged.casefile"
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF  # inside page 1's encrypted body: the key is right, the page is not
    damaged.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(CaseFileDamaged, match="damaged"):
        open_case(damaged, passphrase=PASS)
    assert snapshot(tmp_path) == before

    bad_key = tmp_path / "badkey.casefile"
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01  # the salt of the key header
    bad_key.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(KeyMaterialDamaged, match="key settings"):
        open_case(bad_key, passphrase=PASS)
    assert snapshot(tmp_path) == before


def test_tampered_key_parameters_cannot_demand_unbounded_work(tmp_path: Path) -> None:
    from casefile.storage.kdf import _crc8

    path = make(tmp_path, factories.canary_name())
    data = bytearray(path.read_bytes())
    data[12] = 30  # 2^30 KiB of memory
    data[15] = _crc8(bytes(data[:15]))  # with a valid checksum: only the bound refuses it
    path.write_bytes(bytes(data))
    with pytest.raises(KeyMaterialDamaged, match="out of range"):
        open_case(path, passphrase=PASS)


def test_a_stranger_file_with_random_bytes_is_not_a_case(tmp_path: Path) -> None:
    path = tmp_path / "noise.casefile"
    path.write_bytes(os.urandom(8192))
    with pytest.raises((NotACaseFile, KeyMaterialDamaged)):
        open_case(path, passphrase=PASS)


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_deleting_a_protected_source_leaves_no_trace_in_free_pages(
    tmp_path: Path, encrypted: bool
) -> None:
    canary = factories.canary_name()
    path = tmp_path / "c.casefile"
    case: OpenCase = create_case(
        path, title="T", passphrase=PASS if encrypted else None, kdf=FAST_TEST_PARAMS
    )
    with case.transaction() as s:
        for i in range(30):  # enough rows that the source's pages are shared and then freed
            sources.add(s, factories.source(name=f"Filler source {i}", notes="x" * 300))
        src = sources.add(
            s, factories.protected_source(name=canary, notes=f"{canary} lives by the port")
        )
    key = case.store.key.key if case.store.key else None
    pages = list(file_pages(path, key)) + list(wal_pages(Path(f"{path}-wal"), key))
    assert contains(iter(pages), canary)  # positive control: it is there before the delete
    with case.transaction() as s:
        deletion.delete(s, RecordKind.SOURCE, src.id)
    case.store.checkpoint()
    pages = list(file_pages(path, key)) + list(wal_pages(Path(f"{path}-wal"), key))
    for token in canary.split():
        assert not contains(iter(pages), token)
    case.close()
