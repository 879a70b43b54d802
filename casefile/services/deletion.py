"""Deleting any record, and putting it back (undo). References are never orphaned silently.

Deleting a record that others point to needs a decision from the caller: REFUSE (the default)
raises InUse with the count, UNLINK clears those links. Notes and tag links on the record go
with it. Everything removed is kept in the returned `Deleted` value, so `restore` can put it
all back exactly — that is how the window undoes a delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import InUse
from casefile.domain.ids import RecordId
from casefile.domain.records import Note
from casefile.services import (
    _crud,
    changelog,
    claims,
    contradictions,
    documents,
    notes,
    quotes,
    sources,
    tags,
)
from casefile.services._session import note_updated
from casefile.storage.records import (
    ClaimRecord,
    ContradictionMemberRecord,
    NoteRecord,
    QuoteRecord,
    RecordTagRecord,
)

SPECS: dict[RecordKind, _crud.KindSpec[Any, Any]] = {
    RecordKind.SOURCE: sources.SPEC,
    RecordKind.DOCUMENT: documents.SPEC,
    RecordKind.QUOTE: quotes.SPEC,
    RecordKind.CLAIM: claims.SPEC,
    RecordKind.CONTRADICTION: contradictions.SPEC,
    RecordKind.TAG: tags.SPEC,
    RecordKind.NOTE: notes.SPEC,
}

# Who points at a kind: (referring kind, ORM class, the fields cleared when unlinking).
_LINKS: dict[RecordKind, list[tuple[RecordKind, Any, tuple[str, ...]]]] = {
    RecordKind.SOURCE: [
        (RecordKind.QUOTE, QuoteRecord, ("source_id",)),
        (RecordKind.CLAIM, ClaimRecord, ("source_id",)),
    ],
    RecordKind.DOCUMENT: [
        (RecordKind.QUOTE, QuoteRecord, ("document_id", "span_start", "span_end")),
        (RecordKind.CLAIM, ClaimRecord, ("document_id", "span_start", "span_end")),
    ],
    RecordKind.QUOTE: [(RecordKind.CLAIM, ClaimRecord, ("quote_id",))],
}


class OnReferences(StrEnum):
    REFUSE = "refuse"
    UNLINK = "unlink"


@dataclass(frozen=True)
class Unlinked:
    kind: RecordKind
    id: RecordId
    fields: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Membership:
    contradiction_id: RecordId
    position: int
    member_kind: RecordKind
    member_id: RecordId


@dataclass(frozen=True)
class Deleted:
    """Everything a delete removed, enough to restore it exactly."""

    kind: RecordKind
    value: Any
    unlinked: tuple[Unlinked, ...] = ()
    memberships: tuple[Membership, ...] = ()
    tag_links: tuple[tuple[RecordId, RecordKind, RecordId], ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def id(self) -> RecordId:
        return RecordId(self.value.id)


def exists(session: Session, kind: RecordKind, record_id: str) -> bool:
    spec = SPECS.get(kind)
    if spec is None:
        return False
    return session.scalar(select(spec.record.pk).where(spec.record.id == record_id)) is not None


def references(session: Session, kind: RecordKind, record_id: str) -> dict[str, int]:
    """How many records point at this one, by their kind ("quote", "claim", "contradiction")."""
    counts: dict[str, int] = {}
    for ref_kind, table, fields in _LINKS.get(kind, []):
        n = len(
            session.scalars(select(table.pk).where(getattr(table, fields[0]) == record_id)).all()
        )
        if n:
            counts[ref_kind.value] = counts.get(ref_kind.value, 0) + n
    n = len(_membership_rows(session, kind, record_id))
    if n:
        counts[RecordKind.CONTRADICTION.value] = n
    return counts


def _membership_rows(
    session: Session, kind: RecordKind, record_id: str
) -> list[ContradictionMemberRecord]:
    if kind is RecordKind.CLAIM:
        where = ContradictionMemberRecord.claim_id == record_id
    elif kind is RecordKind.QUOTE:
        where = ContradictionMemberRecord.quote_id == record_id
    else:
        return []
    return list(session.scalars(select(ContradictionMemberRecord).where(where)))


def delete(
    session: Session,
    kind: RecordKind,
    record_id: str,
    *,
    on_references: OnReferences = OnReferences.REFUSE,
) -> Deleted:
    spec = SPECS[kind]
    record = _crud.find(session, spec, record_id)
    value = spec.value_of(session, record)
    refs = references(session, kind, record_id)
    if refs and on_references is OnReferences.REFUSE:
        total = sum(refs.values())
        described = " and ".join(f"{n} {what}{'s' if n > 1 else ''}" for what, n in refs.items())
        raise InUse(kind.value, total, described)

    unlinked: list[Unlinked] = []
    for ref_kind, table, fields in _LINKS.get(kind, []):
        for row in session.scalars(select(table).where(getattr(table, fields[0]) == record_id)):
            before = tuple((f, getattr(row, f)) for f in fields)
            for f in fields:
                setattr(row, f, None)
            unlinked.append(Unlinked(ref_kind, RecordId(row.id), before))
            changelog.record(
                session,
                ref_kind,
                row.id,
                ChangeAction.UPDATE,
                dict.fromkeys(fields),
                before=dict(before),
            )
            note_updated(session, ref_kind, row.id)

    memberships: list[Membership] = []
    for row in _membership_rows(session, kind, record_id):
        memberships.append(
            Membership(RecordId(row.contradiction_id), row.position, kind, RecordId(record_id))
        )
        session.delete(row)
        note_updated(session, RecordKind.CONTRADICTION, row.contradiction_id)

    tag_rows = list(
        session.scalars(
            select(RecordTagRecord).where(
                RecordTagRecord.tag_id == record_id
                if kind is RecordKind.TAG
                else (RecordTagRecord.record_kind == kind)
                & (RecordTagRecord.record_id == record_id)
            )
        )
    )
    tag_links = tuple((RecordId(r.tag_id), r.record_kind, RecordId(r.record_id)) for r in tag_rows)
    for row in tag_rows:
        session.delete(row)

    note_values: list[Note] = []
    if kind is not RecordKind.NOTE:
        for note in session.scalars(
            select(NoteRecord).where(
                NoteRecord.target_kind == kind, NoteRecord.target_id == record_id
            )
        ):
            note_values.append(notes.SPEC.value_of(session, note))
            _crud.remove(session, notes.SPEC, note)

    session.flush()
    _crud.remove(session, spec, record)
    if kind in (RecordKind.SOURCE, RecordKind.NOTE) or note_values:
        from casefile.services.search import forget_removed_terms

        forget_removed_terms(session)
    return Deleted(kind, value, tuple(unlinked), tuple(memberships), tag_links, tuple(note_values))


def restore(session: Session, deleted: Deleted) -> None:
    """Undoes `delete`: the record with its identity, links, memberships, tags and notes."""
    spec = SPECS[deleted.kind]
    _crud.reinsert(session, spec, deleted.value)
    if deleted.kind is RecordKind.CONTRADICTION:
        contradictions.restore_members(session, deleted.value)
    for link in deleted.unlinked:
        ref_spec = SPECS[link.kind]
        row = _crud.find(session, ref_spec, link.id)
        before = {f: getattr(row, f) for f, _ in link.fields}
        for field, value in link.fields:
            setattr(row, field, value)
        changelog.record(
            session, link.kind, link.id, ChangeAction.UPDATE, dict(link.fields), before=before
        )
        note_updated(session, link.kind, link.id)
    for m in deleted.memberships:
        session.add(
            ContradictionMemberRecord(
                contradiction_id=m.contradiction_id,
                position=m.position,
                claim_id=m.member_id if m.member_kind is RecordKind.CLAIM else None,
                quote_id=m.member_id if m.member_kind is RecordKind.QUOTE else None,
            )
        )
        note_updated(session, RecordKind.CONTRADICTION, m.contradiction_id)
    for tag_id, record_kind, record_id in deleted.tag_links:
        session.add(RecordTagRecord(tag_id=tag_id, record_kind=record_kind, record_id=record_id))
    for note in deleted.notes:
        _crud.reinsert(session, notes.SPEC, note)
    session.flush()
