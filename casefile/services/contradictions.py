"""The contradiction ledger: claims and quotes that cannot all be true, tracked to resolution."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionOrigin,
    ContradictionStatus,
    RecordKind,
)
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId, parse_id
from casefile.domain.records import Contradiction, ContradictionDraft, MemberRef
from casefile.domain.validation import clean_line, clean_text, parse_enum
from casefile.services import _crud
from casefile.services._convert import to_value
from casefile.storage.records import (
    ClaimRecord,
    ContradictionMemberRecord,
    ContradictionRecord,
    QuoteRecord,
)

MAX_MEMBERS = 50


def _members(session: Session, contradiction_id: str) -> tuple[MemberRef, ...]:
    rows = session.scalars(
        select(ContradictionMemberRecord)
        .where(ContradictionMemberRecord.contradiction_id == contradiction_id)
        .order_by(ContradictionMemberRecord.position, ContradictionMemberRecord.pk)
    )
    return tuple(
        MemberRef(RecordKind.CLAIM, RecordId(r.claim_id))
        if r.claim_id is not None
        else MemberRef(RecordKind.QUOTE, RecordId(r.quote_id or ""))
        for r in rows
    )


def _value(session: Session, record: ContradictionRecord) -> Contradiction:
    return to_value(record, Contradiction, members=_members(session, record.id))


def clean(session: Session, draft: ContradictionDraft) -> ContradictionDraft:
    members: list[MemberRef] = []
    for member in draft.members:
        kind = parse_enum("member kind", RecordKind, member.kind)
        if kind not in (RecordKind.CLAIM, RecordKind.QUOTE):
            raise InvalidValue("members", "only claims and quotes can contradict each other")
        member_id = parse_id(member.id, field="member")
        table = ClaimRecord if kind is RecordKind.CLAIM else QuoteRecord
        if session.scalar(select(table.pk).where(table.id == member_id)) is None:
            raise InvalidValue("members", f"no {kind.value} with id {member_id}")
        ref = MemberRef(kind, member_id)
        if ref not in members:
            members.append(ref)
    if len(members) < 2:
        raise InvalidValue(
            "members", "a contradiction needs at least two different claims or quotes"
        )
    if len(members) > MAX_MEMBERS:
        raise InvalidValue("members", f"at most {MAX_MEMBERS} members")
    return ContradictionDraft(
        members=tuple(members),
        kind=parse_enum("kind", ContradictionKind, draft.kind),
        origin=parse_enum("origin", ContradictionOrigin, draft.origin),
        status=parse_enum("status", ContradictionStatus, draft.status),
        description=clean_text("description", draft.description),
        settle_by=clean_text("what would settle it", draft.settle_by),
        resolution=clean_text("resolution", draft.resolution),
        signature=clean_line("signature", draft.signature, max_len=200),
    )


SPEC = _crud.KindSpec(
    RecordKind.CONTRADICTION,
    ContradictionRecord,
    Contradiction,
    ContradictionDraft,
    clean,
    extra_fields=frozenset({"members"}),
    to_value=_value,
)


def _store_members(session: Session, contradiction_id: str, members: tuple[MemberRef, ...]) -> None:
    for row in session.scalars(
        select(ContradictionMemberRecord).where(
            ContradictionMemberRecord.contradiction_id == contradiction_id
        )
    ):
        session.delete(row)
    session.flush()
    for position, member in enumerate(members):
        session.add(
            ContradictionMemberRecord(
                contradiction_id=contradiction_id,
                position=position,
                claim_id=member.id if member.kind is RecordKind.CLAIM else None,
                quote_id=member.id if member.kind is RecordKind.QUOTE else None,
            )
        )
    session.flush()


def add(
    session: Session, draft: ContradictionDraft, *, record_id: RecordId | None = None
) -> Contradiction:
    record, clean_draft = _crud.add(session, SPEC, draft, record_id=record_id)
    _store_members(session, record.id, clean_draft.members)
    return _value(session, record)


def restore_members(session: Session, contradiction: Contradiction) -> None:
    _store_members(session, contradiction.id, contradiction.members)


def get(session: Session, contradiction_id: str) -> Contradiction:
    return _crud.get(session, SPEC, contradiction_id)


def update(session: Session, contradiction_id: str, draft: ContradictionDraft) -> Contradiction:
    record, before, clean_draft = _crud.update(session, SPEC, contradiction_id, draft)
    if before.members != clean_draft.members:
        _store_members(session, record.id, clean_draft.members)
    return _value(session, record)


def set_status(
    session: Session,
    contradiction_id: str,
    status: ContradictionStatus,
    *,
    resolution: str | None = None,
) -> Contradiction:
    from dataclasses import replace

    current = get(session, contradiction_id)
    draft = replace(
        current.draft(),
        status=status,
        resolution=current.resolution if resolution is None else resolution,
    )
    return update(session, contradiction_id, draft)


def list_all(
    session: Session,
    *,
    status: ContradictionStatus | None = None,
    member: RecordId | None = None,
) -> list[Contradiction]:
    query = select(ContradictionRecord).order_by(
        ContradictionRecord.created_at, ContradictionRecord.pk
    )
    if status is not None:
        query = query.where(ContradictionRecord.status == status)
    if member is not None:
        ids = select(ContradictionMemberRecord.contradiction_id).where(
            (ContradictionMemberRecord.claim_id == member)
            | (ContradictionMemberRecord.quote_id == member)
        )
        query = query.where(ContradictionRecord.id.in_(ids))
    return [_value(session, r) for r in session.scalars(query)]


def for_source(session: Session, source_id: str) -> list[Contradiction]:
    """Contradictions with at least one member (claim or quote) from this source."""
    claim_ids = select(ClaimRecord.id).where(ClaimRecord.source_id == source_id)
    quote_ids = select(QuoteRecord.id).where(QuoteRecord.source_id == source_id)
    ids = select(ContradictionMemberRecord.contradiction_id).where(
        ContradictionMemberRecord.claim_id.in_(claim_ids)
        | ContradictionMemberRecord.quote_id.in_(quote_ids)
    )
    query = (
        select(ContradictionRecord)
        .where(ContradictionRecord.id.in_(ids))
        .order_by(ContradictionRecord.created_at, ContradictionRecord.pk)
    )
    return [_value(session, r) for r in session.scalars(query)]


def count(session: Session, *, status: ContradictionStatus | None = None) -> int:
    query = select(func.count()).select_from(ContradictionRecord)
    if status is not None:
        query = query.where(ContradictionRecord.status == status)
    return session.scalar(query) or 0


def by_signature(session: Session, signature: str) -> Contradiction | None:
    record = session.scalars(
        select(ContradictionRecord).where(ContradictionRecord.signature == signature)
    ).first()
    return None if record is None else _value(session, record)
