"""Checks that links (source, document, quote) point at records that exist."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.errors import NotFound
from casefile.domain.ids import RecordId, parse_id
from casefile.domain.validation import check_span
from casefile.storage.records import DocumentRecord, QuoteRecord, SourceRecord

_TABLES: dict[str, Any] = {"source": SourceRecord, "document": DocumentRecord, "quote": QuoteRecord}


def existing(session: Session, kind: str, record_id: str | None) -> RecordId | None:
    if record_id is None or record_id == "":
        return None
    clean = parse_id(str(record_id), field=kind)
    table = _TABLES[kind]
    if session.scalar(select(table.pk).where(table.id == clean)) is None:
        raise NotFound(kind, clean)
    return clean


def span_in_document(
    session: Session, document_id: RecordId | None, start: int | None, end: int | None
) -> None:
    if document_id is None:
        check_span(start, end)
        return
    from casefile.services.documents import text_length

    check_span(start, end, text_length(session, document_id))
