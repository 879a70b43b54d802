"""The ORM records (SQLAlchemy 2, typed). Names end in *Record; "model" means a Qt model only.

Every table has an internal integer `pk` (stable rowid for the search index, never leaves the
file) and a random UUID `id`, the identity used everywhere else.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
from casefile.storage.types import EnumText, ExactDecimal, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")


class CaseRecord(RecordMixin, Base):
    __tablename__ = "case_info"
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    currency_rates: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    base_currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    # AGE-SECRET-KEY-1…: only ever stored in an encrypted case, never exported or logged.
    sharing_identity: Mapped[str] = mapped_column(Text, default="", server_default="")


class SourceRecord(RecordMixin, Base):
    __tablename__ = "sources"
    kind: Mapped[SourceKind] = mapped_column(EnumText(SourceKind), default=SourceKind.PERSON)
    name: Mapped[str] = mapped_column(String(500))
    pseudonym: Mapped[str] = mapped_column(String(500), default="")
    protection: Mapped[Protection] = mapped_column(EnumText(Protection), default=Protection.NAMED)
    role: Mapped[str] = mapped_column(String(2000), default="")
    affiliation: Mapped[str] = mapped_column(String(2000), default="")
    location: Mapped[str] = mapped_column(String(2000), default="")
    contact: Mapped[str] = mapped_column(String(2000), default="")
    reliability: Mapped[Reliability | None] = mapped_column(EnumText(Reliability), nullable=True)
    reliability_note: Mapped[str] = mapped_column(Text, default="")
    first_contact_on: Mapped[date | None]
    first_contact_how: Mapped[str] = mapped_column(String(2000), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # True when the source arrived from a redacted export: `name` then holds its pseudonym.
    name_withheld: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (Index(None, "name"), Index(None, "protection"))


class DocumentRecord(RecordMixin, Base):
    __tablename__ = "documents"
    title: Mapped[str] = mapped_column(String(500))
    origin: Mapped[str] = mapped_column(String(2000), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    file_name: Mapped[str] = mapped_column(String(500), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    published_on: Mapped[date | None]
    retrieved_on: Mapped[date | None]
    language: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)


class QuoteRecord(RecordMixin, Base):
    __tablename__ = "quotes"
    text: Mapped[str] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("sources.id"), nullable=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    medium: Mapped[Medium | None] = mapped_column(EnumText(Medium), nullable=True)
    place: Mapped[str] = mapped_column(String(2000), default="")
    said_on: Mapped[date | None]
    context: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[QuoteStatus] = mapped_column(
        EnumText(QuoteStatus), default=QuoteStatus.UNVERIFIED
    )
    kind: Mapped[QuoteKind] = mapped_column(EnumText(QuoteKind), default=QuoteKind.DIRECT)
    language: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (
        Index(None, "source_id"),
        Index(None, "document_id"),
        Index(None, "said_on"),
        Index(None, "status"),
        CheckConstraint("span_start IS NULL OR span_end >= span_start", name="span_order"),
    )


class ClaimRecord(RecordMixin, Base):
    __tablename__ = "claims"
    subject: Mapped[str] = mapped_column(String(500))
    value: Mapped[Decimal] = mapped_column(ExactDecimal)
    value_max: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    qualifier: Mapped[Qualifier] = mapped_column(EnumText(Qualifier), default=Qualifier.EXACT)
    unit: Mapped[str] = mapped_column(String(100))
    period: Mapped[Period] = mapped_column(EnumText(Period), default=Period.TOTAL)
    per: Mapped[str] = mapped_column(String(200), default="")
    as_of: Mapped[date | None]
    source_id: Mapped[str | None] = mapped_column(ForeignKey("sources.id"), nullable=True)
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quotes.id"), nullable=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    raw_text: Mapped[str] = mapped_column(String(2000), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index(None, "source_id"),
        Index(None, "quote_id"),
        Index(None, "document_id"),
        Index(None, "subject"),
        Index(None, "unit"),
    )


class ContradictionRecord(RecordMixin, Base):
    __tablename__ = "contradictions"
    kind: Mapped[ContradictionKind] = mapped_column(EnumText(ContradictionKind))
    origin: Mapped[ContradictionOrigin] = mapped_column(EnumText(ContradictionOrigin))
    status: Mapped[ContradictionStatus] = mapped_column(
        EnumText(ContradictionStatus), default=ContradictionStatus.OPEN
    )
    description: Mapped[str] = mapped_column(Text, default="")
    settle_by: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    # A stable key of a detected contradiction (its kind and sorted members): detection never
    # stores the same candidate twice, and a dismissed one stays dismissed.
    signature: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index(None, "status"), Index(None, "signature"))


class ContradictionMemberRecord(Base):
    __tablename__ = "contradiction_members"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    contradiction_id: Mapped[str] = mapped_column(
        ForeignKey("contradictions.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    claim_id: Mapped[str | None] = mapped_column(ForeignKey("claims.id"), nullable=True)
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quotes.id"), nullable=True)

    __table_args__ = (
        Index(None, "contradiction_id"),
        Index(None, "claim_id"),
        Index(None, "quote_id"),
        CheckConstraint("(claim_id IS NULL) <> (quote_id IS NULL)", name="one_member"),
    )


class TagRecord(RecordMixin, Base):
    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str] = mapped_column(String(20), default="")


class RecordTagRecord(Base):
    __tablename__ = "record_tags"
    tag_id: Mapped[str] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    record_kind: Mapped[RecordKind] = mapped_column(EnumText(RecordKind), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)

    __table_args__ = (Index(None, "record_kind", "record_id"),)


class NoteRecord(RecordMixin, Base):
    __tablename__ = "notes"
    text: Mapped[str] = mapped_column(Text)
    target_kind: Mapped[RecordKind] = mapped_column(EnumText(RecordKind), default=RecordKind.CASE)
    target_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index(None, "target_kind", "target_id"),)


class ChangeLogRecord(Base):
    """Append-only: services insert; nothing updates or deletes (a trigger refuses it)."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")
    record_kind: Mapped[RecordKind] = mapped_column(EnumText(RecordKind))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[ChangeAction] = mapped_column(EnumText(ChangeAction))
    fields: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (Index(None, "record_kind", "record_id"),)


class ExchangeIdRecord(Base):
    """An export-scoped id a record was sent or received under (casefile.services.exchange).

    `fingerprint` holds one short keyed hash per shared field of the record as last agreed with
    the other side: the base of the three-way merge that tells "they changed it" from "I did".
    """

    __tablename__ = "exchange_ids"
    export_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_kind: Mapped[RecordKind] = mapped_column(EnumText(RecordKind))
    record_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(16))
    export_nonce: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    fingerprint: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index(None, "record_kind", "record_id"),
        CheckConstraint("direction IN ('sent', 'received')", name="direction"),
    )


__all__ = [
    "Base",
    "CaseRecord",
    "ChangeLogRecord",
    "ClaimRecord",
    "ContradictionMemberRecord",
    "ContradictionRecord",
    "DocumentRecord",
    "ExchangeIdRecord",
    "NoteRecord",
    "QuoteRecord",
    "RecordTagRecord",
    "SourceRecord",
    "TagRecord",
    "UniqueConstraint",
]
