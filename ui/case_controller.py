"""The open case as the window sees it: opens and closes it, runs units of work, and broadcasts
what changed. Holds no widgets; every view listens to its signals."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from casefile import settings as settings_store
from casefile.domain.changes import Changes
from casefile.domain.enums import RecordKind
from casefile.services import backups, listing, overview, security
from casefile.services.case import (
    DEFAULT_PARAMS,
    KdfParams,
    OpenCase,
    create_case,
    is_encrypted,
    open_case,
)
from casefile.services.listing import ListQuery, Row
from casefile.settings import Settings
from ui.tasks import TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)


class CaseController(QObject):
    """case_opened() after a case opens (or is restored from a backup); case_closed() after it
    closes; locked(path) after an encrypted case locked; encryption_changed() after its
    passphrase changed or it was encrypted or decrypted; records_changed(Changes) after every
    committed unit of work."""

    case_opened = Signal()
    case_closed = Signal()
    locked = Signal(object)
    encryption_changed = Signal()
    records_changed = Signal(object)
    settings_changed = Signal()

    def __init__(
        self, settings: Settings, *, kdf: KdfParams = DEFAULT_PARAMS, persist_settings: bool = True
    ) -> None:
        super().__init__()
        self.settings = settings
        self.kdf = kdf
        self._persist = persist_settings
        self.case: OpenCase | None = None
        self.locked_path: Path | None = None
        self.backup_root: Path | None = None  # None: the user's data folder
        self.runner = TaskRunner()
        # Bumped on every open and close, so background results for an older case are dropped.
        self.generation = 0

    # -- settings ---------------------------------------------------------------------------
    def update_settings(self, new: Settings) -> None:
        self.settings = new
        if self._persist:
            settings_store.save(new)
        self.settings_changed.emit()

    @property
    def actor(self) -> str:
        return self.settings.display_name

    # -- open / close -----------------------------------------------------------------------
    @staticmethod
    def needs_passphrase(path: Path) -> bool:
        return is_encrypted(path)

    def open(self, path: Path, passphrase: str | None = None) -> None:
        """Opens `path` (closing the current case first only once the new one opened)."""
        case = open_case(path, passphrase=passphrase)
        log.debug("case opened (encrypted: %s)", case.encrypted)  # never its path or title
        self._swap(case)

    def create(self, path: Path, *, title: str, passphrase: str | None, summary: str = "") -> None:
        case = create_case(
            path,
            title=title,
            summary=summary,
            passphrase=passphrase,
            actor=self.actor,
            kdf=self.kdf,
        )
        self._swap(case)

    def _swap(self, case: OpenCase) -> None:
        self.locked_path = None
        if self.case is not None:
            self.close()
        self.case = case
        self.generation += 1
        self.update_settings(self.settings.with_recent(case.path))
        self.case_opened.emit()

    def close(self) -> None:
        if self.case is not None:
            case, self.case = self.case, None
            log.debug("case closed")
            self.generation += 1
            self.runner.wait()
            case.close()
            self.case_closed.emit()

    @property
    def is_open(self) -> bool:
        return self.case is not None

    # -- locking and keys -------------------------------------------------------------------
    def lock(self) -> bool:
        """Closes an encrypted case (engine disposed, key wiped) and remembers its path so the
        window can offer to unlock it. Plain cases have no key to drop: nothing happens."""
        if self.case is None or not self.case.encrypted:
            return False
        path = self.case.path
        self.locked_path = path
        log.debug("case locked")
        self.close()
        self.locked.emit(path)
        return True

    def unlock(self, passphrase: str) -> None:
        if self.locked_path is None:
            raise RuntimeError("nothing is locked")
        self.open(self.locked_path, passphrase)
        self.locked_path = None

    def change_passphrase(self, current: str, new: str) -> None:
        security.change_passphrase(self.require(), current, new, kdf=self.kdf)
        self.encryption_changed.emit()

    def encrypt(self, passphrase: str) -> None:
        security.encrypt(self.require(), passphrase, kdf=self.kdf)
        self.encryption_changed.emit()

    def decrypt(self, current: str) -> None:
        security.decrypt(self.require(), current)
        self.encryption_changed.emit()

    def backup_now(self) -> Path:
        return backups.make_backup(
            self.require(), keep=self.settings.backup_keep, root=self.backup_root
        )

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.require().path, root=self.backup_root)

    def restore(self, backup: Path, passphrase: str | None) -> None:
        backups.restore(
            self.require(),
            backup,
            passphrase=passphrase,
            keep=self.settings.backup_keep,
            root=self.backup_root,
        )
        self.generation += 1
        self.case_opened.emit()

    def require(self) -> OpenCase:
        if self.case is None:
            raise RuntimeError("no case is open")
        return self.case

    # -- work -------------------------------------------------------------------------------
    def apply(self, action: Callable[[Any], T]) -> T:
        """Runs `action(session)` as one unit of work and broadcasts what it changed."""
        tx = self.require().transaction(self.actor)
        with tx as session:
            result = action(session)
        if tx.changes:
            self.records_changed.emit(tx.changes)
        return result

    def read(self, query: Callable[[Any], T]) -> T:
        with self.require().read() as session:
            return query(session)

    def broadcast(self, changes: Changes) -> None:
        if changes:
            self.records_changed.emit(changes)

    # -- lists ------------------------------------------------------------------------------
    def keys(self, query: ListQuery, *, limit: int | None = None) -> list[int]:
        return self.read(lambda s: listing.keys(s, query, limit=limit))

    def count(self, query: ListQuery) -> int:
        return self.read(lambda s: listing.count(s, query))

    def key_of(self, kind: RecordKind, record_id: str) -> int | None:
        return self.read(lambda s: listing.key_of(s, kind, record_id))

    def rows(self, kind: RecordKind, keys: Sequence[int]) -> dict[int, Row]:
        if self.case is None:
            return {}
        return self.read(lambda s: listing.rows(s, kind, keys))

    def counts(self) -> overview.CaseCounts | None:
        if self.case is None:
            return None
        return self.read(overview.counts)
