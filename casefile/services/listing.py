"""Lists for the window: row keys in order (sorted and filtered in SQL), then rows in pages.

A view asks for the ordered keys (the integer `pk`, cheaper than UUID text: one covering index
scan), shows rowCount from them and fetches only the rows it paints. For a first paint it can
ask for the first page of keys and the count alone, and load the full key list in the
background. Keys are internal to the process; records leave it by their UUID `id`.
Sorting by a source uses its *display* name (the pseudonym when the identity is masked), so the
order of a list never hints at a hidden name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, aliased

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.errors import InvalidValue
from casefile.domain.ids import RecordId
from casefile.storage.records import (
    ClaimRecord,
    ContradictionMemberRecord,
    ContradictionRecord,
    DocumentRecord,
    NoteRecord,
    QuoteRecord,
    RecordTagRecord,
    SourceRecord,
    TagRecord,
)

MASKED = (Protection.ANONYMOUS.value, Protection.NEVER_REVEAL.value)
MAX_PAGE = 1000


@dataclass(frozen=True)
class ListQuery:
    kind: RecordKind
    sort: str = ""
    descending: bool = False
    # Filters by name: status, source_id, unit, protection, kind, date_from, date_to, tag_id,
    # document_id, subject. Unknown names are refused (InvalidValue).
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """One list row: display values by column key, plus what a view needs to mask a name."""

    key: int
    id: RecordId
    values: dict[str, Any]
    source_id: RecordId | None = None
    source_name: str = ""
    source_pseudonym: str = ""
    source_protection: Protection | None = None


Src = aliased(SourceRecord)


def _display_name(table: Any) -> ColumnElement[str]:
    return case(
        (
            table.protection.in_(MASKED),
            func.coalesce(func.nullif(table.pseudonym, ""), "(protected source)"),
        ),
        else_=table.name,
    )


def _sort_columns(kind: RecordKind) -> dict[str, Any]:
    if kind is RecordKind.SOURCE:
        return {
            "name": _display_name(SourceRecord),
            "pseudonym": SourceRecord.pseudonym,
            "protection": SourceRecord.protection,
            "kind": SourceRecord.kind,
            "role": case((SourceRecord.protection.in_(MASKED), ""), else_=SourceRecord.role),
            "reliability": SourceRecord.reliability,
            "created_at": SourceRecord.created_at,
        }
    if kind is RecordKind.QUOTE:
        return {
            "text": QuoteRecord.text,
            "source": _display_name(Src),
            "said_on": QuoteRecord.said_on,
            "status": QuoteRecord.status,
            "medium": QuoteRecord.medium,
            "created_at": QuoteRecord.created_at,
        }
    if kind is RecordKind.CLAIM:
        return {
            "subject": ClaimRecord.subject,
            "value": func.cast(ClaimRecord.value, _real()),
            "unit": ClaimRecord.unit,
            "period": ClaimRecord.period,
            "qualifier": ClaimRecord.qualifier,
            "source": _display_name(Src),
            "as_of": ClaimRecord.as_of,
            "created_at": ClaimRecord.created_at,
        }
    if kind is RecordKind.CONTRADICTION:
        return {
            "description": ContradictionRecord.description,
            "kind": ContradictionRecord.kind,
            "status": ContradictionRecord.status,
            "origin": ContradictionRecord.origin,
            "created_at": ContradictionRecord.created_at,
        }
    if kind is RecordKind.DOCUMENT:
        return {
            "title": DocumentRecord.title,
            "origin": DocumentRecord.origin,
            "published_on": DocumentRecord.published_on,
            "language": DocumentRecord.language,
            "size": DocumentRecord.size_bytes,
            "created_at": DocumentRecord.created_at,
        }
    if kind is RecordKind.TAG:
        return {"name": TagRecord.name, "created_at": TagRecord.created_at}
    if kind is RecordKind.NOTE:
        return {"text": NoteRecord.text, "created_at": NoteRecord.created_at}
    raise InvalidValue("list", f"{kind.value} records are not listed")


def _real() -> Any:
    from sqlalchemy import Float

    return Float()


DEFAULT_SORT = {
    RecordKind.QUOTE: "said_on",
    RecordKind.CLAIM: "subject",
    RecordKind.CONTRADICTION: "created_at",
}
DEFAULT_DESCENDING = {RecordKind.QUOTE: True, RecordKind.CONTRADICTION: True}

_TEXT_SORTS = frozenset(
    {"name", "pseudonym", "role", "text", "source", "subject", "description", "title", "origin"}
)

TABLES: dict[RecordKind, Any] = {
    RecordKind.SOURCE: SourceRecord,
    RecordKind.QUOTE: QuoteRecord,
    RecordKind.CLAIM: ClaimRecord,
    RecordKind.CONTRADICTION: ContradictionRecord,
    RecordKind.DOCUMENT: DocumentRecord,
    RecordKind.TAG: TagRecord,
    RecordKind.NOTE: NoteRecord,
}
SORTS = {kind: tuple(_sort_columns(kind)) for kind in TABLES}


def _apply_filters(query: Any, kind: RecordKind, table: Any, filters: dict[str, Any]) -> Any:
    for name, value in filters.items():
        if value is None or value == "":
            continue
        if name == "tag_id":
            tagged = select(RecordTagRecord.record_id).where(
                RecordTagRecord.tag_id == value, RecordTagRecord.record_kind == kind
            )
            query = query.where(table.id.in_(tagged))
        elif name in ("date_from", "date_to"):
            column = {
                RecordKind.QUOTE: "said_on",
                RecordKind.CLAIM: "as_of",
                RecordKind.DOCUMENT: "published_on",
            }.get(kind)
            if column is None or not isinstance(value, date):
                raise InvalidValue("filter", f"{name} does not apply here")
            col = getattr(table, column)
            query = query.where(col >= value if name == "date_from" else col <= value)
        elif name == "source_id" and kind is RecordKind.CONTRADICTION:
            claim_ids = select(ClaimRecord.id).where(ClaimRecord.source_id == value)
            quote_ids = select(QuoteRecord.id).where(QuoteRecord.source_id == value)
            members = select(ContradictionMemberRecord.contradiction_id).where(
                ContradictionMemberRecord.claim_id.in_(claim_ids)
                | ContradictionMemberRecord.quote_id.in_(quote_ids)
            )
            query = query.where(table.id.in_(members))
        elif name in (
            "status",
            "source_id",
            "unit",
            "protection",
            "kind",
            "document_id",
            "subject",
            "period",
            "origin",
        ):
            if not hasattr(table, name):
                raise InvalidValue("filter", f"{name} does not apply to {kind.value}s")
            query = query.where(getattr(table, name) == value)
        else:
            raise InvalidValue("filter", f"unknown filter {name}")
    return query


def _ordered(query: ListQuery, *, select_id: bool = False) -> Any:
    table = TABLES[query.kind]
    sorts = _sort_columns(query.kind)
    key = query.sort or DEFAULT_SORT.get(query.kind, next(iter(sorts)))
    if key not in sorts:
        raise InvalidValue("sort", f"{query.kind.value}s cannot be sorted by {key}")
    column = sorts[key]
    if key in _TEXT_SORTS:
        column = column.collate("NOCASE")
    stmt = select(table.id if select_id else table.pk)
    if query.kind in (RecordKind.QUOTE, RecordKind.CLAIM) and key == "source":
        stmt = stmt.outerjoin(Src, Src.id == table.source_id)
    stmt = _apply_filters(stmt, query.kind, table, query.filters)
    descending = query.descending if query.sort else DEFAULT_DESCENDING.get(query.kind, False)
    # No NULLS LAST: it would stop SQLite from walking the index (undated rows sort first
    # ascending, last descending).
    order = column.desc() if descending else column.asc()
    tiebreak = table.pk.desc() if descending else table.pk.asc()
    return stmt.order_by(order, tiebreak)


def keys(session: Session, query: ListQuery, *, limit: int | None = None) -> list[int]:
    """Row keys in list order (all of them, or the first `limit`)."""
    stmt = _ordered(query)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count(session: Session, query: ListQuery) -> int:
    table = TABLES[query.kind]
    stmt = _apply_filters(select(func.count()).select_from(table), query.kind, table, query.filters)
    return int(session.scalar(stmt) or 0)


def key_of(session: Session, kind: RecordKind, record_id: str) -> int | None:
    table = TABLES[kind]
    found = session.scalar(select(table.pk).where(table.id == record_id))
    return None if found is None else int(found)


def ids(session: Session, query: ListQuery) -> list[RecordId]:
    """Record ids in list order (for callers that need identities, not rows)."""
    return [RecordId(i) for i in session.scalars(_ordered(query, select_id=True))]


def rows(session: Session, kind: RecordKind, row_keys: Sequence[int]) -> dict[int, Row]:
    """Rows for the given keys (at most MAX_PAGE), by key."""
    if len(row_keys) > MAX_PAGE:
        raise InvalidValue("page", f"at most {MAX_PAGE} rows at a time")
    wanted = list(row_keys)
    if not wanted:
        return {}
    fetch = _FETCHERS[kind]
    return {row.key: row for row in fetch(session, wanted)}


def _source_fields(src: Any) -> dict[str, Any]:
    if src is None:
        return {}
    return {
        "source_id": RecordId(src.id),
        "source_name": src.name,
        "source_pseudonym": src.pseudonym,
        "source_protection": src.protection,
    }


def _source_columns(row: Any) -> dict[str, Any]:
    """The speaker fields of a row selected with SOURCE_COLUMNS (none if unattributed)."""
    if row.src_id is None:
        return {}
    return {
        "source_id": RecordId(row.src_id),
        "source_name": row.src_name,
        "source_pseudonym": row.src_pseudonym,
        "source_protection": row.src_protection,
    }


SOURCE_COLUMNS = (
    Src.id.label("src_id"),
    Src.name.label("src_name"),
    Src.pseudonym.label("src_pseudonym"),
    Src.protection.label("src_protection"),
)


def _source_rows(session: Session, wanted: list[int]) -> list[Row]:
    quote_count = (
        select(func.count()).where(QuoteRecord.source_id == SourceRecord.id).scalar_subquery()
    )
    claim_count = (
        select(func.count()).where(ClaimRecord.source_id == SourceRecord.id).scalar_subquery()
    )
    result = session.execute(
        select(SourceRecord, quote_count, claim_count).where(SourceRecord.pk.in_(wanted))
    )
    out = []
    for s, nq, nc in result:
        out.append(
            Row(
                s.pk,
                RecordId(s.id),
                {
                    "name": s.name,
                    "pseudonym": s.pseudonym,
                    "protection": s.protection,
                    "kind": s.kind,
                    "role": s.role,
                    "reliability": s.reliability,
                    "contact": s.contact,
                    "quotes": nq,
                    "claims": nc,
                    "created_at": s.created_at,
                },
                **_source_fields(s),
            )
        )
    return out


def _quote_rows(session: Session, wanted: list[int]) -> list[Row]:
    # Columns, not ORM objects: a page of 100 rows is built in a few milliseconds.
    q = QuoteRecord
    result = session.execute(
        select(
            q.pk, q.id, q.text, q.said_on, q.status, q.medium, q.kind, q.created_at,
            *SOURCE_COLUMNS,
            DocumentRecord.title.label("document_title"),
        )
        .outerjoin(Src, Src.id == q.source_id)
        .outerjoin(DocumentRecord, DocumentRecord.id == q.document_id)
        .where(q.pk.in_(wanted))
    )  # fmt: skip
    return [
        Row(
            r.pk,
            RecordId(r.id),
            {
                "text": r.text,
                "said_on": r.said_on,
                "status": r.status,
                "medium": r.medium,
                "kind": r.kind,
                "document": r.document_title or "",
                "created_at": r.created_at,
            },
            **_source_columns(r),
        )
        for r in result
    ]


def _claim_rows(session: Session, wanted: list[int]) -> list[Row]:
    c = ClaimRecord
    result = session.execute(
        select(
            c.pk, c.id, c.subject, c.value, c.value_max, c.qualifier, c.unit, c.period, c.per,
            c.as_of, c.raw_text, c.created_at, *SOURCE_COLUMNS,
        )
        .outerjoin(Src, Src.id == c.source_id)
        .where(c.pk.in_(wanted))
    )  # fmt: skip
    return [
        Row(
            r.pk,
            RecordId(r.id),
            {
                "subject": r.subject,
                "value": r.value,
                "value_max": r.value_max,
                "qualifier": r.qualifier,
                "unit": r.unit,
                "period": r.period,
                "per": r.per,
                "as_of": r.as_of,
                "raw_text": r.raw_text,
                "created_at": r.created_at,
            },
            **_source_columns(r),
        )
        for r in result
    ]


def _contradiction_rows(session: Session, wanted: list[int]) -> list[Row]:
    members = (
        select(func.count())
        .where(ContradictionMemberRecord.contradiction_id == ContradictionRecord.id)
        .scalar_subquery()
    )
    result = session.execute(
        select(ContradictionRecord, members).where(ContradictionRecord.pk.in_(wanted))
    )
    return [
        Row(
            c.pk,
            RecordId(c.id),
            {
                "description": c.description,
                "kind": c.kind,
                "status": c.status,
                "origin": c.origin,
                "members": n,
                "resolution": c.resolution,
                "created_at": c.created_at,
            },
        )
        for c, n in result
    ]


def _document_rows(session: Session, wanted: list[int]) -> list[Row]:
    from sqlalchemy.orm import defer

    result = session.execute(
        select(DocumentRecord, func.length(DocumentRecord.text))
        .options(defer(DocumentRecord.text))
        .where(DocumentRecord.pk.in_(wanted))
    )
    return [
        Row(
            d.pk,
            RecordId(d.id),
            {
                "title": d.title,
                "origin": d.origin,
                "published_on": d.published_on,
                "language": d.language,
                "size": d.size_bytes,
                "characters": n,
                "created_at": d.created_at,
            },
        )
        for d, n in result
    ]


def _tag_rows(session: Session, wanted: list[int]) -> list[Row]:
    usage = select(func.count()).where(RecordTagRecord.tag_id == TagRecord.id).scalar_subquery()
    result = session.execute(select(TagRecord, usage).where(TagRecord.pk.in_(wanted)))
    return [
        Row(
            t.pk,
            RecordId(t.id),
            {"name": t.name, "color": t.color, "used": n, "created_at": t.created_at},
        )
        for t, n in result
    ]


def _note_rows(session: Session, wanted: list[int]) -> list[Row]:
    result = session.scalars(select(NoteRecord).where(NoteRecord.pk.in_(wanted)))
    return [
        Row(
            n.pk,
            RecordId(n.id),
            {
                "text": n.text,
                "target_kind": n.target_kind,
                "target_id": n.target_id,
                "created_at": n.created_at,
            },
        )
        for n in result
    ]


_FETCHERS = {
    RecordKind.SOURCE: _source_rows,
    RecordKind.QUOTE: _quote_rows,
    RecordKind.CLAIM: _claim_rows,
    RecordKind.CONTRADICTION: _contradiction_rows,
    RecordKind.DOCUMENT: _document_rows,
    RecordKind.TAG: _tag_rows,
    RecordKind.NOTE: _note_rows,
}
