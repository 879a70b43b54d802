"""Sources: people, organisations and documents a story relies on, with their protection."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import Protection, RecordKind, Reliability, SourceKind
from casefile.domain.ids import RecordId
from casefile.domain.records import Source, SourceDraft
from casefile.domain.validation import (
    MAX_SHORT_TEXT,
    clean_line,
    clean_text,
    parse_date,
    parse_enum,
)
from casefile.services import _crud
from casefile.storage.records import SourceRecord


def clean(_session: Session, draft: SourceDraft) -> SourceDraft:
    return SourceDraft(
        name=clean_line("name", draft.name, required=True),
        pseudonym=clean_line("pseudonym", draft.pseudonym),
        protection=parse_enum("protection", Protection, draft.protection),
        kind=parse_enum("kind", SourceKind, draft.kind),
        role=clean_line("role", draft.role, max_len=MAX_SHORT_TEXT),
        affiliation=clean_line("affiliation", draft.affiliation, max_len=MAX_SHORT_TEXT),
        location=clean_line("location", draft.location, max_len=MAX_SHORT_TEXT),
        contact=clean_text("contact", draft.contact, max_len=MAX_SHORT_TEXT),
        reliability=(
            None
            if draft.reliability is None
            else parse_enum("reliability", Reliability, draft.reliability)
        ),
        reliability_note=clean_text("reliability note", draft.reliability_note),
        first_contact_on=parse_date("first contact", draft.first_contact_on),
        first_contact_how=clean_line(
            "first contact how", draft.first_contact_how, max_len=MAX_SHORT_TEXT
        ),
        notes=clean_text("notes", draft.notes),
        name_withheld=bool(draft.name_withheld),
    )


SPEC = _crud.KindSpec(RecordKind.SOURCE, SourceRecord, Source, SourceDraft, clean)


def add(session: Session, draft: SourceDraft, *, record_id: RecordId | None = None) -> Source:
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, source_id: str) -> Source:
    return _crud.get(session, SPEC, source_id)


def update(session: Session, source_id: str, draft: SourceDraft) -> Source:
    record, before, after = _crud.update(session, SPEC, source_id, draft)
    if before != after:
        from casefile.services.search import forget_removed_terms

        forget_removed_terms(session)  # the old name must not linger in the index
    return SPEC.value_of(session, record)


def list_all(session: Session) -> list[Source]:
    records = session.scalars(select(SourceRecord).order_by(SourceRecord.name, SourceRecord.pk))
    return [SPEC.value_of(session, r) for r in records]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SourceRecord)) or 0


def find_by_name(session: Session, name: str) -> list[Source]:
    """Sources whose name or pseudonym equals `name`, ignoring case (exact lookups for the CLI)."""
    needle = name.strip().casefold()
    return [s for s in list_all(session) if needle in (s.name.casefold(), s.pseudonym.casefold())]


def matching(session: Session, text: str, *, limit: int = 50) -> list[Source]:
    """Sources whose name or pseudonym contains `text` (case-insensitive), for pickers. The
    caller decides which of the two it may match on (a masked name must not be searchable
    on screen)."""
    needle = f"%{text.strip().replace('%', '').replace('_', '')}%"
    query = (
        select(SourceRecord)
        .where(SourceRecord.name.ilike(needle) | SourceRecord.pseudonym.ilike(needle))
        .order_by(SourceRecord.name)
        .limit(limit * 4)
    )
    return [SPEC.value_of(session, r) for r in session.scalars(query)]
