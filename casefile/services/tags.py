"""Tags: short labels a reporter puts on any record."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId, parse_id
from casefile.domain.records import Tag, TagDraft
from casefile.domain.validation import clean_line, parse_enum
from casefile.services import _crud
from casefile.services._session import note_updated
from casefile.storage.records import RecordTagRecord, TagRecord


def clean(_session: Session, draft: TagDraft) -> TagDraft:
    color = clean_line("color", draft.color, max_len=20)
    if color and not (color.startswith("#") and len(color) in (4, 7)):
        raise InvalidValue("color", "must look like #RRGGBB")
    return TagDraft(
        name=clean_line("tag name", draft.name, required=True, max_len=200), color=color
    )


SPEC = _crud.KindSpec(RecordKind.TAG, TagRecord, Tag, TagDraft, clean)


def _check_unique(session: Session, name: str, except_id: str | None = None) -> None:
    query = select(TagRecord.id).where(func.lower(TagRecord.name) == name.lower())
    if except_id is not None:
        query = query.where(TagRecord.id != except_id)
    if session.scalar(query) is not None:
        raise InvalidValue("tag name", "a tag with this name already exists")


def add(session: Session, draft: TagDraft, *, record_id: RecordId | None = None) -> Tag:
    _check_unique(session, clean(session, draft).name)
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, tag_id: str) -> Tag:
    return _crud.get(session, SPEC, tag_id)


def update(session: Session, tag_id: str, draft: TagDraft) -> Tag:
    _check_unique(session, clean(session, draft).name, except_id=tag_id)
    record, _, _ = _crud.update(session, SPEC, tag_id, draft)
    return SPEC.value_of(session, record)


def list_all(session: Session) -> list[Tag]:
    return [
        SPEC.value_of(session, r)
        for r in session.scalars(select(TagRecord).order_by(TagRecord.name))
    ]


def usage(session: Session) -> dict[RecordId, int]:
    rows = session.execute(
        select(RecordTagRecord.tag_id, func.count()).group_by(RecordTagRecord.tag_id)
    )
    return {RecordId(tag_id): n for tag_id, n in rows}


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(TagRecord)) or 0


def tag(session: Session, tag_id: str, kind: RecordKind, record_id: str) -> None:
    tag_id = parse_id(tag_id, field="tag")
    _crud.find(session, SPEC, tag_id)
    kind = parse_enum("record kind", RecordKind, kind)
    existing = session.get(RecordTagRecord, (tag_id, kind, record_id))
    if existing is None:
        session.add(RecordTagRecord(tag_id=tag_id, record_kind=kind, record_id=record_id))
        session.flush()
        note_updated(session, kind, record_id)


def untag(session: Session, tag_id: str, kind: RecordKind, record_id: str) -> None:
    existing = session.get(RecordTagRecord, (tag_id, kind, record_id))
    if existing is not None:
        session.delete(existing)
        session.flush()
        note_updated(session, kind, record_id)


def tags_of(session: Session, kind: RecordKind, record_id: str) -> list[Tag]:
    query = (
        select(TagRecord)
        .join(RecordTagRecord, RecordTagRecord.tag_id == TagRecord.id)
        .where(RecordTagRecord.record_kind == kind, RecordTagRecord.record_id == record_id)
        .order_by(TagRecord.name)
    )
    return [SPEC.value_of(session, r) for r in session.scalars(query)]


def tagged(session: Session, tag_id: str) -> list[tuple[RecordKind, RecordId]]:
    rows = session.execute(
        select(RecordTagRecord.record_kind, RecordTagRecord.record_id).where(
            RecordTagRecord.tag_id == tag_id
        )
    )
    return [(kind, RecordId(rid)) for kind, rid in rows]
