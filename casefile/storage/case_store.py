"""A case file on disk: recognised, created, opened (unlocked, checked, migrated) and closed.

A case is one file. Plain cases are SQLite; encrypted ones are SQLCipher whose first 16 bytes
are our key header (kdf.py). Everything here refuses bad files before SQLite touches them, so
a wrong passphrase, a damaged file or a stranger's file is never written to.
"""

from __future__ import annotations

import os
import stat
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session
from sqlcipher3.dbapi2 import DatabaseError as DriverDatabaseError

from casefile.domain.errors import (
    CaseFileDamaged,
    CaseFileExists,
    CaseFileMissing,
    CaseLocked,
    NewerCaseFile,
    NotACaseFile,
    WrongPassphrase,
)
from casefile.storage import files
from casefile.storage.engine import APPLICATION_ID, WRITE_OPTION, connect_raw, make_engine
from casefile.storage.kdf import DEFAULT_PARAMS, HEADER_SIZE, CaseKey, KdfParams, KeyHeader
from casefile.storage.migrate import SCHEMA_VERSION, upgrade_to_head
from casefile.storage.page_check import KeyVerdict, check_key

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_CASE_SIZE = 512


@dataclass(frozen=True)
class FileInfo:
    encrypted: bool
    header: KeyHeader | None
    schema_version: int | None  # known without a key for plain files only


def inspect_file(path: Path) -> FileInfo:
    """What kind of case file is at `path`, from its first bytes alone (nothing is written)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise CaseFileMissing(f"there is no case file at {path}", hint="check the path") from None
    except OSError as error:
        raise files.storage_error(error, "read the case file") from None
    if not stat.S_ISREG(st.st_mode):
        raise NotACaseFile(f"{path.name} is not a regular file")
    if st.st_size < MIN_CASE_SIZE:
        raise NotACaseFile(f"{path.name} is not a Casefile case file (it is too small)")
    with files.translated_os_errors("read the case file"), path.open("rb") as f:
        head = f.read(100)
    if head.startswith(SQLITE_MAGIC):
        user_version, application_id = struct.unpack(">I4xI", head[60:72])
        if application_id != APPLICATION_ID:
            raise NotACaseFile(f"{path.name} is an SQLite database, but not a Casefile case file")
        if user_version > SCHEMA_VERSION:
            raise _newer(path)
        return FileInfo(encrypted=False, header=None, schema_version=user_version)
    header = KeyHeader.parse(head[:HEADER_SIZE])
    return FileInfo(encrypted=True, header=header, schema_version=None)


def _newer(path: Path) -> NewerCaseFile:
    return NewerCaseFile(
        f"{path.name} was made by a newer version of Casefile",
        hint="update Casefile to open it; the file was not changed",
    )


class CaseStore:
    """An open case file: its engine and (for encrypted cases) its key."""

    def __init__(self, path: Path, engine: Engine, key: CaseKey | None) -> None:
        self.path = path
        self.engine = engine
        self.key = key
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    # -- creating ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        *,
        passphrase: str | None,
        initialise: Callable[[Session], None],
        kdf: KdfParams = DEFAULT_PARAMS,
    ) -> CaseStore:
        """Builds the case in a hidden temp file and links it into place only when complete,
        so a crash never leaves a half-made case under the real name."""
        path = path.absolute()
        if path.exists() or path.is_symlink():
            raise CaseFileExists(f"{path.name} already exists", hint="choose another name")
        if not path.parent.is_dir():
            raise CaseFileMissing(f"the folder {path.parent} does not exist")
        key = CaseKey.derive(passphrase, KeyHeader.new(kdf)) if passphrase is not None else None
        temp = files.temp_sibling(path, "creating")
        engine = make_engine(temp, key)
        try:
            with engine.connect() as conn:
                upgrade_to_head(conn.execution_options(**{WRITE_OPTION: True}))
                conn.commit()
            with Session(engine.execution_options(**{WRITE_OPTION: True})) as session:
                initialise(session)
                session.commit()
            engine.dispose()
            _checkpoint(temp, key)
            temp.chmod(0o600)  # a case is private to its reporter
            files.fsync_file(temp)
            os.link(temp, path)
            temp.unlink()
            files.fsync_dir(path.parent)
        except FileExistsError:
            raise CaseFileExists(
                f"{path.name} already exists", hint="choose another name"
            ) from None
        except OSError as error:
            raise files.storage_error(error, "create the case file") from None
        finally:
            engine.dispose()
            files.remove_quietly(temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
        return cls(path, make_engine(path, key), key)

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None,
        before_migration: Callable[[CaseStore], None] | None = None,
        key: CaseKey | None = None,
    ) -> CaseStore:
        """Opens with a passphrase, or with a key already derived (after a rewrite)."""
        path = path.absolute()
        info = inspect_file(path)
        if info.encrypted and key is not None:
            assert info.header is not None
            if (
                key.header.raw != info.header.raw
                or check_key(path, key.key, key.header.raw) is not KeyVerdict.KEY_OK
            ):
                raise CaseFileDamaged(f"{path.name} changed on disk while it was open")
        elif info.encrypted:
            assert info.header is not None
            if passphrase is None:
                raise CaseLocked(
                    f"{path.name} is encrypted", hint="enter its passphrase to open it"
                )
            key = CaseKey.derive(passphrase, info.header)
            verdict = check_key(path, key.key, info.header.raw)
            if verdict is KeyVerdict.WRONG_KEY:
                key.wipe()
                raise WrongPassphrase(
                    "wrong passphrase for this case",
                    hint="check the passphrase (and the keyboard layout) and try again",
                )
            if verdict is KeyVerdict.DAMAGED:
                key.wipe()
                raise CaseFileDamaged(
                    f"{path.name} is damaged: the passphrase is right but the file's first page "
                    "does not check out",
                    hint="restore it from a backup (File ▸ Restore from backup)",
                )
        if not info.encrypted:
            key = None
        store = cls(path, make_engine(path, key), key)
        try:
            store._prepare(before_migration)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, before_migration: Callable[[CaseStore], None] | None) -> None:
        version = self._read_identity()
        if version > SCHEMA_VERSION:
            raise _newer(self.path)
        if version < SCHEMA_VERSION:
            if before_migration is not None:
                before_migration(self)
            self.migrate()

    def _read_identity(self) -> int:
        try:
            with self.engine.connect() as conn:
                application_id = conn.exec_driver_sql("PRAGMA application_id").scalar_one()
                version = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
                if application_id != APPLICATION_ID:
                    raise NotACaseFile(f"{self.path.name} is not a Casefile case file")
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
                return version
        except (SADatabaseError, DriverDatabaseError):
            raise CaseFileDamaged(
                f"{self.path.name} is damaged and cannot be read",
                hint="restore it from a backup (File ▸ Restore from backup)",
            ) from None

    def migrate(self) -> None:
        with self.engine.connect() as conn:
            upgrade_to_head(conn.execution_options(**{WRITE_OPTION: True}))
            conn.commit()

    # -- sessions ---------------------------------------------------------------------------
    def session(self, *, write: bool) -> Session:
        return Session(
            self._write_engine if write else self.engine, expire_on_commit=False, autoflush=True
        )

    def raw_connection(self) -> Any:
        """A DB-API connection with key and settings, for whole-file operations."""
        return connect_raw(self.path, self.key)

    def checkpoint(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        self.engine.dispose()
        if self.key is not None:
            self.key.wipe()


def _checkpoint(path: Path, key: CaseKey | None) -> None:
    conn = connect_raw(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
