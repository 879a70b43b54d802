"""Notes: free text on the case or on any record."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId, parse_id
from casefile.domain.records import Note, NoteDraft
from casefile.domain.validation import clean_text, parse_enum
from casefile.services import _crud
from casefile.storage.records import NoteRecord


def clean(session: Session, draft: NoteDraft) -> NoteDraft:
    kind = parse_enum("note target", RecordKind, draft.target_kind)
    if kind is RecordKind.NOTE:
        raise InvalidValue("note target", "a note cannot be attached to another note")
    target_id: RecordId | None = None
    if kind is not RecordKind.CASE:
        if draft.target_id is None:
            raise InvalidValue("note target", "names a kind of record but no record")
        target_id = parse_id(draft.target_id, field="note target")
        from casefile.services.deletion import exists

        if not exists(session, kind, target_id):
            raise InvalidValue("note target", f"no {kind.value} with id {target_id}")
    return NoteDraft(
        text=clean_text("note", draft.text, required=True), target_kind=kind, target_id=target_id
    )


SPEC = _crud.KindSpec(RecordKind.NOTE, NoteRecord, Note, NoteDraft, clean)


def add(session: Session, draft: NoteDraft, *, record_id: RecordId | None = None) -> Note:
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, note_id: str) -> Note:
    return _crud.get(session, SPEC, note_id)


def update(session: Session, note_id: str, draft: NoteDraft) -> Note:
    record, _, _ = _crud.update(session, SPEC, note_id, draft)
    return SPEC.value_of(session, record)


def notes_on(session: Session, kind: RecordKind, record_id: str | None) -> list[Note]:
    query = select(NoteRecord).where(NoteRecord.target_kind == kind)
    query = query.where(
        NoteRecord.target_id.is_(None) if record_id is None else NoteRecord.target_id == record_id
    )
    return [
        SPEC.value_of(session, r)
        for r in session.scalars(query.order_by(NoteRecord.created_at, NoteRecord.pk))
    ]


def list_all(session: Session) -> list[Note]:
    query = select(NoteRecord).order_by(NoteRecord.created_at, NoteRecord.pk)
    return [SPEC.value_of(session, r) for r in session.scalars(query)]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(NoteRecord)) or 0
