"""The records of a case as frozen values: drafts (what a user writes) and records (what is stored).

Services take drafts and return records; neither holds a database session, so any layer may keep
them. A record is its draft plus identity and bookkeeping (id, timestamps, author).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from casefile.domain.enums import (
    ChangeAction,
    ContradictionKind,
    ContradictionOrigin,
    ContradictionStatus,
    Medium,
    Period,
    Protection,
    Qualifier,
    QuoteKind,
    QuoteStatus,
    RecordKind,
    Reliability,
    SourceKind,
)
from casefile.domain.ids import RecordId


@dataclass(frozen=True, kw_only=True)
class Meta:
    """Identity and bookkeeping common to every stored record."""

    id: RecordId
    created_at: datetime
    updated_at: datetime
    created_by: str


def draft_of[D](record: Any, draft_type: type[D]) -> D:
    """The editable part of a record, as the draft type it was made from."""
    names = {f.name for f in fields(draft_type)}  # type: ignore[arg-type]
    return draft_type(**{n: getattr(record, n) for n in names})


@dataclass(frozen=True, kw_only=True)
class CaseDraft:
    title: str
    summary: str = ""
    languages: str = ""


@dataclass(frozen=True, kw_only=True)
class Case(Meta, CaseDraft):
    def draft(self) -> CaseDraft:
        return draft_of(self, CaseDraft)


@dataclass(frozen=True, kw_only=True)
class SourceDraft:
    name: str
    pseudonym: str = ""
    protection: Protection = Protection.NAMED
    kind: SourceKind = SourceKind.PERSON
    role: str = ""
    affiliation: str = ""
    location: str = ""
    contact: str = ""
    reliability: Reliability | None = None
    reliability_note: str = ""
    first_contact_on: date | None = None
    first_contact_how: str = ""
    notes: str = ""
    # Arrived from a redacted export: `name` holds the pseudonym, and exports leave it out again.
    name_withheld: bool = False


@dataclass(frozen=True, kw_only=True)
class Source(Meta, SourceDraft):
    def draft(self) -> SourceDraft:
        return draft_of(self, SourceDraft)


@dataclass(frozen=True, kw_only=True)
class DocumentDraft:
    title: str
    text: str
    origin: str = ""
    url: str = ""
    file_name: str = ""
    media_type: str = "text/plain"
    published_on: date | None = None
    retrieved_on: date | None = None
    language: str = ""
    sha256: str = ""
    size_bytes: int = 0


@dataclass(frozen=True, kw_only=True)
class Document(Meta, DocumentDraft):
    def draft(self) -> DocumentDraft:
        return draft_of(self, DocumentDraft)


@dataclass(frozen=True, kw_only=True)
class DocumentInfo(Meta):
    """A document without its text, for lists."""

    title: str
    origin: str
    file_name: str
    media_type: str
    published_on: date | None
    retrieved_on: date | None
    language: str
    sha256: str
    size_bytes: int
    text_length: int


@dataclass(frozen=True, kw_only=True)
class QuoteDraft:
    text: str
    source_id: RecordId | None = None
    document_id: RecordId | None = None
    span_start: int | None = None
    span_end: int | None = None
    medium: Medium | None = None
    place: str = ""
    said_on: date | None = None
    context: str = ""
    status: QuoteStatus = QuoteStatus.UNVERIFIED
    kind: QuoteKind = QuoteKind.DIRECT
    language: str = ""


@dataclass(frozen=True, kw_only=True)
class Quote(Meta, QuoteDraft):
    def draft(self) -> QuoteDraft:
        return draft_of(self, QuoteDraft)


@dataclass(frozen=True, kw_only=True)
class ClaimDraft:
    subject: str
    value: Decimal
    unit: str
    value_max: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    period: Period = Period.TOTAL
    per: str = ""
    as_of: date | None = None
    source_id: RecordId | None = None
    quote_id: RecordId | None = None
    document_id: RecordId | None = None
    span_start: int | None = None
    span_end: int | None = None
    raw_text: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Claim(Meta, ClaimDraft):
    def draft(self) -> ClaimDraft:
        return draft_of(self, ClaimDraft)


@dataclass(frozen=True)
class MemberRef:
    """A member of a contradiction: a claim or a quote."""

    kind: RecordKind
    id: RecordId


@dataclass(frozen=True, kw_only=True)
class ContradictionDraft:
    members: tuple[MemberRef, ...]
    kind: ContradictionKind = ContradictionKind.STATEMENT
    origin: ContradictionOrigin = ContradictionOrigin.MANUAL
    status: ContradictionStatus = ContradictionStatus.OPEN
    description: str = ""
    settle_by: str = ""
    resolution: str = ""
    signature: str = ""


@dataclass(frozen=True, kw_only=True)
class Contradiction(Meta, ContradictionDraft):
    def draft(self) -> ContradictionDraft:
        return draft_of(self, ContradictionDraft)


@dataclass(frozen=True, kw_only=True)
class TagDraft:
    name: str
    color: str = ""


@dataclass(frozen=True, kw_only=True)
class Tag(Meta, TagDraft):
    def draft(self) -> TagDraft:
        return draft_of(self, TagDraft)


@dataclass(frozen=True, kw_only=True)
class NoteDraft:
    text: str
    target_kind: RecordKind = RecordKind.CASE
    target_id: RecordId | None = None


@dataclass(frozen=True, kw_only=True)
class Note(Meta, NoteDraft):
    def draft(self) -> NoteDraft:
        return draft_of(self, NoteDraft)


@dataclass(frozen=True, kw_only=True)
class ChangeEntry:
    """One line of the append-only change log."""

    seq: int
    at: datetime
    by: str
    record_kind: RecordKind
    record_id: RecordId
    action: ChangeAction
    fields: dict[str, Any] = field(default_factory=dict)
