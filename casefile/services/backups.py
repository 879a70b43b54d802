"""Encrypted backups of a case: a ring of the last N copies in the user's data folder, taken
before migrations and on a schedule, and restore from one of them.

Backups of an encrypted case are encrypted with the same key (the passphrase at backup time
opens them). Folder and file names carry no case title: the folder is named by a hash of the
case's path, files by the time they were taken.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casefile.domain.errors import CasefileError, WrongPassphrase
from casefile.services.case import OpenCase
from casefile.settings import data_dir
from casefile.storage.case_store import CaseStore, inspect_file
from casefile.storage.files import remove_quietly
from casefile.storage.kdf import CaseKey
from casefile.storage.page_check import KeyVerdict, check_key
from casefile.storage.whole_file import backup, copy_into_place, verify

log = logging.getLogger(__name__)
SUFFIX = ".casefile"
STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size_bytes: int


def folder_for(case_path: Path, root: Path | None = None) -> Path:
    digest = hashlib.sha256(str(case_path.absolute()).encode("utf-8")).hexdigest()[:20]
    return (root or data_dir() / "backups") / digest


def _prepare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)


def backup_store(store: CaseStore, *, keep: int, root: Path | None = None) -> Path:
    """Takes a backup of an open store and prunes the ring to `keep` copies."""
    folder = folder_for(store.path, root)
    _prepare(folder)
    # a backup interrupted by a crash left its scratch file: it goes before the next one starts
    remove_quietly(
        *(p for p in folder.iterdir() if p.name.startswith(".") and ".backup-" in p.name)
    )
    target = folder / (datetime.now(UTC).strftime(STAMP) + SUFFIX)
    backup(store.path, store.key, target)
    prune(store.path, keep=keep, root=root)
    log.info("backup taken (%d kept)", keep)
    return target


def make_backup(case: OpenCase, *, keep: int, root: Path | None = None) -> Path:
    return backup_store(case.store, keep=keep, root=root)


def list_backups(case_path: Path, *, root: Path | None = None) -> list[BackupInfo]:
    """Backups of this case, newest first."""
    folder = folder_for(case_path, root)
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            taken = datetime.strptime(path.name[: -len(SUFFIX)], STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        out.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(out, key=lambda b: b.taken_at, reverse=True)


def prune(case_path: Path, *, keep: int, root: Path | None = None) -> None:
    for old in list_backups(case_path, root=root)[max(1, keep) :]:
        old.path.unlink(missing_ok=True)


def restore(
    case: OpenCase, chosen: Path, *, passphrase: str | None, keep: int, root: Path | None = None
) -> None:
    """Replaces the open case with a backup (after backing up its current state too)."""
    info = inspect_file(chosen)
    key: CaseKey | None = None
    if info.encrypted:
        assert info.header is not None
        if passphrase is None:
            raise CasefileError(
                "this backup is encrypted", hint="enter the passphrase it was made with"
            )
        key = CaseKey.derive(passphrase, info.header)
        if check_key(chosen, key.key, info.header.raw) is not KeyVerdict.KEY_OK:
            key.wipe()
            raise WrongPassphrase(
                "wrong passphrase for this backup",
                hint="a backup opens with the passphrase the case had when it was taken",
            )
    verify(chosen, key)
    make_backup(case, keep=keep + 1, root=root)
    store = case.store
    store.checkpoint()
    store.close()
    copy_into_place(chosen, store.path)
    case.replace_store(CaseStore.open(store.path, passphrase=None, key=key))
