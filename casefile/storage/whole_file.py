"""Operations on a whole case file: re-encrypting it under a new key (passphrase change,
encrypt, decrypt) and backing it up. Each is crash-safe: the new file is built beside the old
one, checked, then renamed over it, so at every instant exactly one complete file opens."""

from __future__ import annotations

import re
from pathlib import Path

from casefile.domain.errors import CaseFileDamaged
from casefile.storage import files
from casefile.storage.engine import APPLICATION_ID, connect_raw
from casefile.storage.kdf import CaseKey
from casefile.storage.page_check import KeyVerdict, check_key

_TEMP = re.compile(
    r"^\.(?P<case>.+)\.(creating|rekey|backup|restore|writing)-[0-9a-f]{12}\.tmp(-wal|-shm|-journal)?$"
)


def _attach_literal(key: CaseKey | None) -> str:
    return key.pragma_value() if key is not None else "''"


def export_copy(
    source: Path, source_key: CaseKey | None, target: Path, target_key: CaseKey | None
) -> None:
    """Writes a complete copy of `source` to the new file `target` under `target_key`
    (None: plain). Uses sqlcipher_export, which re-encrypts every page."""
    conn = connect_raw(source, source_key)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(
            f"ATTACH DATABASE ? AS target KEY {_attach_literal(target_key)}", (str(target),)
        )
        # The copy is a scratch file until it is fsynced, verified and renamed into place, so it
        # needs no journal of its own: one fsync at the end instead of several per table.
        conn.execute("PRAGMA target.journal_mode = OFF")
        conn.execute("PRAGMA target.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('target')")
        # sqlcipher_export copies schema and rows, not the header fields that mark a case file.
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute(f"PRAGMA target.application_id = {APPLICATION_ID}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def verify(path: Path, key: CaseKey | None) -> None:
    """Raises CaseFileDamaged unless `path` opens with `key` and passes a quick check."""
    if key is not None and check_key(path, key.key, key.header.raw) is not KeyVerdict.KEY_OK:
        raise CaseFileDamaged(
            "the new copy of the case did not check out; the original is unchanged"
        )
    conn = connect_raw(path, key)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise CaseFileDamaged(
            "the new copy of the case did not check out; the original is unchanged"
        )


def rewrite(path: Path, old_key: CaseKey | None, new_key: CaseKey | None) -> None:
    """Replaces the case at `path` (closed by the caller) with a copy under `new_key`.

    Before the rename only the old file exists under the real name; after it only the new one:
    a crash at any point leaves exactly one of them openable."""
    temp = files.temp_sibling(path, "rekey")
    try:
        with files.translated_os_errors("rewrite the case file"):
            export_copy(path, old_key, temp, new_key)
            temp.chmod(0o600)
            files.fsync_file(temp)
            verify(temp, new_key)
            _drop_side_files(temp)
            temp.replace(path)
            files.fsync_dir(path.parent)
    finally:
        files.remove_quietly(temp, *_side_files(temp))


def backup(path: Path, key: CaseKey | None, target: Path) -> None:
    """An online copy with SQLite's backup API, under the same key and header (so the same
    passphrase opens it), written to a temp name and renamed into place."""
    temp = files.temp_sibling(target, "backup")
    try:
        with files.translated_os_errors("write the backup"):
            source = connect_raw(path, key)
            destination = connect_raw(temp, key)
            try:
                source.backup(destination)
                destination.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                destination.close()
                source.close()
            temp.chmod(0o600)
            files.fsync_file(temp)
            verify(temp, key)
            _drop_side_files(temp)
            temp.replace(target)
            files.fsync_dir(target.parent)
    finally:
        files.remove_quietly(temp, *_side_files(temp))


def copy_into_place(source: Path, target: Path) -> None:
    """Replaces `target` with a byte copy of `source` (restore from backup), crash-safe."""

    def write(temp: Path) -> None:
        with source.open("rb") as src, temp.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)

    _drop_side_files(target)
    files.atomic_write(target, write, what="restore the case")


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def _drop_side_files(path: Path) -> None:
    files.remove_quietly(*_side_files(path))


def stale_temp_files(path: Path) -> list[Path]:
    """Leftovers of an interrupted create, rewrite, backup or restore of this case."""
    out = []
    for candidate in path.parent.glob(f".{path.name}.*"):
        match = _TEMP.match(candidate.name)
        if match and match.group("case") == path.name:
            out.append(candidate)
    return out
