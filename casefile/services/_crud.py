"""The common life of a record kind: add, get, update, remove and re-insert, with change log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import NotFound
from casefile.domain.ids import RecordId, new_id
from casefile.services import changelog
from casefile.services._convert import apply, draft_values, meta_values, to_value
from casefile.services._session import actor_of, note_created, note_deleted, note_updated


@dataclass(frozen=True)
class KindSpec[V, D]:
    kind: RecordKind
    record: type[Any]
    value: type[V]
    draft: type[D]
    clean: Callable[[Session, D], D]
    # Fields of the draft stored elsewhere than the record's own columns (contradiction members).
    extra_fields: frozenset[str] = frozenset()
    to_value: Callable[[Session, Any], V] | None = None

    def value_of(self, session: Session, record: Any) -> V:
        if self.to_value is not None:
            return self.to_value(session, record)
        return to_value(record, self.value)


def find(session: Session, spec: KindSpec[Any, Any], record_id: str) -> Any:
    record = session.scalars(select(spec.record).where(spec.record.id == record_id)).first()
    if record is None:
        raise NotFound(spec.kind.value, record_id)
    return record


def get[V](session: Session, spec: KindSpec[V, Any], record_id: str) -> V:
    return spec.value_of(session, find(session, spec, record_id))


def add[V, D](
    session: Session, spec: KindSpec[V, D], draft: D, *, record_id: RecordId | None = None
) -> tuple[Any, D]:
    """Inserts the record (without extra fields); returns the ORM record and the clean draft."""
    clean = spec.clean(session, draft)
    values = draft_values(clean, skip=spec.extra_fields)
    record = spec.record(id=record_id or new_id(), created_by=actor_of(session), **values)
    session.add(record)
    session.flush()
    changelog.record(session, spec.kind, record.id, ChangeAction.CREATE, draft_values(clean))
    note_created(session, spec.kind, record.id)
    return record, clean


def update[V, D](
    session: Session, spec: KindSpec[V, D], record_id: str, draft: D
) -> tuple[Any, D, D]:
    """Replaces the editable fields; returns the record, the old and the new (clean) draft."""
    record = find(session, spec, record_id)
    before = spec.value_of(session, record).draft()  # type: ignore[attr-defined]
    clean = spec.clean(session, draft)
    apply(record, draft_values(clean, skip=spec.extra_fields))
    session.flush()
    changelog.record(
        session,
        spec.kind,
        record.id,
        ChangeAction.UPDATE,
        draft_values(clean),
        before=draft_values(before),
    )
    note_updated(session, spec.kind, record.id)
    return record, before, clean


def remove(session: Session, spec: KindSpec[Any, Any], record: Any) -> None:
    session.delete(record)
    session.flush()
    changelog.record(session, spec.kind, record.id, ChangeAction.DELETE)
    note_deleted(session, spec.kind, record.id)


def reinsert(session: Session, spec: KindSpec[Any, Any], value: Any) -> Any:
    """Puts a deleted record back with its identity and timestamps (undo of a delete)."""
    values = draft_values(value.draft(), skip=spec.extra_fields)
    record = spec.record(**meta_values(value), **values)
    session.add(record)
    session.flush()
    changelog.record(
        session, spec.kind, record.id, ChangeAction.CREATE, {"restored": True, **values}
    )
    note_created(session, spec.kind, record.id)
    return record
