"""Counts of a case's records, for the sidebar, the status bar and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import ContradictionStatus
from casefile.storage.records import (
    ClaimRecord,
    ContradictionRecord,
    DocumentRecord,
    NoteRecord,
    QuoteRecord,
    SourceRecord,
    TagRecord,
)


@dataclass(frozen=True)
class CaseCounts:
    sources: int
    quotes: int
    claims: int
    contradictions: int
    open_contradictions: int
    documents: int
    tags: int
    notes: int


def counts(session: Session) -> CaseCounts:
    def n(table: type) -> int:
        return session.scalar(select(func.count()).select_from(table)) or 0

    open_count = session.scalar(
        select(func.count())
        .select_from(ContradictionRecord)
        .where(ContradictionRecord.status == ContradictionStatus.OPEN)
    )
    return CaseCounts(
        sources=n(SourceRecord),
        quotes=n(QuoteRecord),
        claims=n(ClaimRecord),
        contradictions=n(ContradictionRecord),
        open_contradictions=open_count or 0,
        documents=n(DocumentRecord),
        tags=n(TagRecord),
        notes=n(NoteRecord),
    )
