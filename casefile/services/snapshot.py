"""Reads a whole case into a CaseSnapshot (for exports, printouts and merge checks)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.snapshot import CaseSnapshot, TagLink
from casefile.services import claims, contradictions, documents, notes, quotes, sources, tags
from casefile.services.case import get_case
from casefile.storage.records import (
    ClaimRecord,
    DocumentRecord,
    QuoteRecord,
    RecordTagRecord,
)


def take(session: Session) -> CaseSnapshot:
    """Every record of the case, in a stable order (creation order)."""
    return CaseSnapshot(
        case=get_case(session),
        sources=tuple(sorted(sources.list_all(session), key=lambda s: (s.created_at, s.id))),
        documents=tuple(
            documents.SPEC.value_of(session, r)
            for r in session.scalars(select(DocumentRecord).order_by(DocumentRecord.pk))
        ),
        quotes=tuple(
            quotes.SPEC.value_of(session, r)
            for r in session.scalars(select(QuoteRecord).order_by(QuoteRecord.pk))
        ),
        claims=tuple(
            claims.SPEC.value_of(session, r)
            for r in session.scalars(select(ClaimRecord).order_by(ClaimRecord.pk))
        ),
        contradictions=tuple(contradictions.list_all(session)),
        tags=tuple(tags.list_all(session)),
        tag_links=tuple(
            TagLink(RecordId(r.tag_id), RecordKind(r.record_kind), RecordId(r.record_id))
            for r in session.scalars(select(RecordTagRecord))
        ),
        notes=tuple(notes.list_all(session)),
    )
