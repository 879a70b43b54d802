"""A whole case (or part of one) as plain values, for exports, printouts and merges."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import (
    Case,
    Claim,
    Contradiction,
    Document,
    Note,
    Quote,
    Source,
    Tag,
)


@dataclass(frozen=True)
class TagLink:
    tag_id: RecordId
    record_kind: RecordKind
    record_id: RecordId


@dataclass(frozen=True)
class CaseSnapshot:
    case: Case
    sources: tuple[Source, ...] = ()
    documents: tuple[Document, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    tags: tuple[Tag, ...] = ()
    tag_links: tuple[TagLink, ...] = ()
    notes: tuple[Note, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    def source(self, source_id: str | None) -> Source | None:
        if source_id is None:
            return None
        return next((s for s in self.sources if s.id == source_id), None)
