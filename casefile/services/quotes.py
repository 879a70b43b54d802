"""Quotes: exactly what a source said, where it was found, and whether it is verified."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import Medium, QuoteKind, QuoteStatus, RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import Quote, QuoteDraft
from casefile.domain.validation import (
    MAX_SHORT_TEXT,
    clean_line,
    clean_text,
    parse_date,
    parse_enum,
)
from casefile.services import _crud, _links
from casefile.storage.records import QuoteRecord


def clean(session: Session, draft: QuoteDraft) -> QuoteDraft:
    document_id = _links.existing(session, "document", draft.document_id)
    start, end = draft.span_start, draft.span_end
    if document_id is None:
        start = end = None
    _links.span_in_document(session, document_id, start, end)
    return QuoteDraft(
        text=clean_text("quote text", draft.text, required=True),
        source_id=_links.existing(session, "source", draft.source_id),
        document_id=document_id,
        span_start=start,
        span_end=end,
        medium=None if draft.medium is None else parse_enum("medium", Medium, draft.medium),
        place=clean_line("place", draft.place, max_len=MAX_SHORT_TEXT),
        said_on=parse_date("said on", draft.said_on),
        context=clean_text("context", draft.context),
        status=parse_enum("status", QuoteStatus, draft.status),
        kind=parse_enum("kind", QuoteKind, draft.kind),
        language=clean_line("language", draft.language),
    )


SPEC = _crud.KindSpec(RecordKind.QUOTE, QuoteRecord, Quote, QuoteDraft, clean)


def add(session: Session, draft: QuoteDraft, *, record_id: RecordId | None = None) -> Quote:
    record, _ = _crud.add(session, SPEC, draft, record_id=record_id)
    return SPEC.value_of(session, record)


def get(session: Session, quote_id: str) -> Quote:
    return _crud.get(session, SPEC, quote_id)


def update(session: Session, quote_id: str, draft: QuoteDraft) -> Quote:
    record, _, _ = _crud.update(session, SPEC, quote_id, draft)
    return SPEC.value_of(session, record)


def list_all(
    session: Session, *, source_id: str | None = None, limit: int | None = None
) -> list[Quote]:
    query = select(QuoteRecord).order_by(QuoteRecord.said_on, QuoteRecord.pk)
    if source_id is not None:
        query = query.where(QuoteRecord.source_id == source_id)
    if limit is not None:
        query = query.limit(limit)
    return [SPEC.value_of(session, r) for r in session.scalars(query)]


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(QuoteRecord)) or 0
