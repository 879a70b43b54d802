"""Creating, opening and closing a case, and the unit of work every user action runs in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from casefile.domain.changes import Changes
from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import CaseFileDamaged, CasefileError, StorageFull
from casefile.domain.ids import new_id
from casefile.domain.records import Case, CaseDraft
from casefile.domain.validation import MAX_LONG_TEXT, clean_line, clean_text
from casefile.services import changelog
from casefile.services._convert import to_value
from casefile.services._session import ACTOR, CHANGES, collector_of, note_updated
from casefile.storage import files
from casefile.storage.case_store import CaseStore
from casefile.storage.kdf import DEFAULT_PARAMS, FAST_TEST_PARAMS, KdfParams
from casefile.storage.records import CaseRecord
from casefile.storage.whole_file import stale_temp_files

__all__ = [
    "DEFAULT_PARAMS",
    "FAST_TEST_PARAMS",
    "KdfParams",
    "OpenCase",
    "create_case",
    "open_case",
]


def translate_database_error(error: Exception) -> CasefileError:
    """Our own message for a driver error; the driver's text (which may quote values) is dropped."""
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text:
        return StorageFull(
            "not enough disk space to save this change", hint="free some space; nothing was lost"
        )
    if "locked" in text or "busy" in text:
        return CasefileError(
            "the case is busy in another window or program", hint="try again in a moment"
        )
    if isinstance(error, IntegrityError):
        return CasefileError("this change would break the links between records; nothing was saved")
    if "readonly" in text or "read-only" in text:
        return CasefileError(
            "the case file cannot be written (read-only)", hint="check its permissions"
        )
    return CaseFileDamaged(
        "the case file could not be read or written",
        hint="restore it from a backup if this persists",
    )


class Transaction:
    """One user action: commits on success, rolls back on any error; `changes` after exit."""

    def __init__(self, store: CaseStore, actor: str) -> None:
        self._session = store.session(write=True)
        self._session.info[ACTOR] = actor
        self.changes = Changes()

    def __enter__(self) -> Session:
        return self._session

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._session
        try:
            if exc is None:
                try:
                    session.commit()
                except (OperationalError, SADatabaseError) as error:
                    session.rollback()
                    raise translate_database_error(error) from None
                self.changes = collector_of(session).freeze()
            else:
                session.rollback()
                if isinstance(exc, SADatabaseError):
                    raise translate_database_error(exc) from None
        finally:
            session.info.pop(CHANGES, None)
            session.close()


class OpenCase:
    """A case open for work. Holds the store; hands out units of work and read sessions."""

    def __init__(self, store: CaseStore) -> None:
        self._store: CaseStore | None = store
        self.path = store.path
        self.encrypted = store.encrypted

    @property
    def store(self) -> CaseStore:
        if self._store is None:
            raise CasefileError("this case is closed")
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def replace_store(self, store: CaseStore) -> None:
        """After the file was rewritten (new passphrase, encrypted or decrypted)."""
        self._store = store
        self.path = store.path
        self.encrypted = store.encrypted

    def transaction(self, actor: str = "") -> Transaction:
        return Transaction(self.store, actor)

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.store.session(write=False)
        try:
            yield session
        except SADatabaseError as error:
            raise translate_database_error(error) from None
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        """Checkpoints, disposes the engine and wipes the key. Safe to call twice."""
        if self._store is not None:
            store, self._store = self._store, None
            # a checkpoint is housekeeping; the WAL is replayed on the next open anyway
            with suppress(OperationalError, SADatabaseError):
                store.checkpoint()
            store.close()

    def __enter__(self) -> OpenCase:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def create_case(
    path: Path,
    *,
    title: str,
    passphrase: str | None,
    actor: str = "",
    summary: str = "",
    kdf: KdfParams = DEFAULT_PARAMS,
) -> OpenCase:
    draft = _clean(CaseDraft(title=title, summary=summary))

    def initialise(session: Session) -> None:
        session.info[ACTOR] = actor
        record = CaseRecord(id=new_id(), created_by=actor, **_values(draft))
        session.add(record)
        session.flush()
        changelog.record(session, RecordKind.CASE, record.id, ChangeAction.CREATE, _values(draft))

    return OpenCase(CaseStore.create(path, passphrase=passphrase, initialise=initialise, kdf=kdf))


def _backup_before_migration(store: CaseStore) -> None:
    from casefile import settings
    from casefile.services.backups import backup_store

    backup_store(store, keep=settings.load().backup_keep)


def open_case(
    path: Path,
    *,
    passphrase: str | None = None,
    before_migration: Callable[[CaseStore], None] | None = _backup_before_migration,
) -> OpenCase:
    store = CaseStore.open(path, passphrase=passphrase, before_migration=before_migration)
    # Leftovers of an interrupted rewrite or backup of this case: only once it opened, so a
    # wrong passphrase or a stranger's file never causes a write.
    files.remove_quietly(*stale_temp_files(store.path))
    return OpenCase(store)


def _values(draft: CaseDraft) -> dict[str, str]:
    return {"title": draft.title, "summary": draft.summary, "languages": draft.languages}


def _clean(draft: CaseDraft) -> CaseDraft:
    return CaseDraft(
        title=clean_line("title", draft.title, required=True),
        summary=clean_text("summary", draft.summary, max_len=MAX_LONG_TEXT),
        languages=clean_line("languages", draft.languages),
    )


def _case_record(session: Session) -> CaseRecord:
    record = session.scalars(select(CaseRecord).limit(1)).first()
    if record is None:
        raise CaseFileDamaged("the case file has no case record", hint="restore it from a backup")
    return record


def get_case(session: Session) -> Case:
    return to_value(_case_record(session), Case)


def update_case(session: Session, draft: CaseDraft) -> Case:
    draft = _clean(draft)
    record = _case_record(session)
    before = _values(to_value(record, CaseDraft))
    for name, value in _values(draft).items():
        setattr(record, name, value)
    session.flush()
    changelog.record(
        session, RecordKind.CASE, record.id, ChangeAction.UPDATE, _values(draft), before=before
    )
    note_updated(session, RecordKind.CASE, record.id)
    return to_value(record, Case)


def is_encrypted(path: Path) -> bool:
    """Whether the case at `path` needs a passphrase (raises the file errors of `open_case`)."""
    from casefile.storage.case_store import inspect_file

    return inspect_file(path.absolute()).encrypted
