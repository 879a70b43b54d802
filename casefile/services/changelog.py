"""The append-only change log: one entry per create, update and delete, written by services.

Values of identifying fields are never stored here (only that they changed), so deleting a
protected source leaves no copy of its name behind in the log.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import ChangeEntry
from casefile.privacy.classification import FieldClass, field_class
from casefile.services._session import actor_of
from casefile.storage.records import ChangeLogRecord

TABLE_OF_KIND = {
    RecordKind.CASE: "case_info",
    RecordKind.SOURCE: "sources",
    RecordKind.DOCUMENT: "documents",
    RecordKind.QUOTE: "quotes",
    RecordKind.CLAIM: "claims",
    RecordKind.CONTRADICTION: "contradictions",
    RecordKind.TAG: "tags",
    RecordKind.NOTE: "notes",
}
WITHHELD = "(identifying: value not logged)"
MAX_LOGGED_TEXT = 2_000


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str) and len(value) > MAX_LOGGED_TEXT:
        return value[:MAX_LOGGED_TEXT] + "…"
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    return value


def _loggable(kind: RecordKind, name: str, value: Any) -> Any:
    table = TABLE_OF_KIND[kind]
    try:
        cls = field_class(table, name)
    except KeyError:
        cls = FieldClass.CONFIDENTIAL
    if cls is FieldClass.IDENTIFYING:
        return WITHHELD
    return _plain(value)


def record(
    session: Session,
    kind: RecordKind,
    record_id: str,
    action: ChangeAction,
    values: dict[str, Any] | None = None,
    *,
    before: dict[str, Any] | None = None,
) -> None:
    """Appends one entry. For updates pass `before` and `values` (after); only changes are kept."""
    logged: dict[str, Any] = {}
    if action is ChangeAction.UPDATE and before is not None and values is not None:
        for name, new in values.items():
            old = before.get(name)
            if old != new:
                logged[name] = [_loggable(kind, name, old), _loggable(kind, name, new)]
        if not logged:
            return
    elif values is not None:
        logged = {n: _loggable(kind, n, v) for n, v in values.items() if v not in (None, "")}
    session.add(
        ChangeLogRecord(
            by=actor_of(session),
            record_kind=kind,
            record_id=record_id,
            action=action,
            fields=json.dumps(logged, ensure_ascii=False, sort_keys=True),
        )
    )


def history(session: Session, kind: RecordKind, record_id: RecordId) -> list[ChangeEntry]:
    rows = session.scalars(
        select(ChangeLogRecord)
        .where(ChangeLogRecord.record_kind == kind, ChangeLogRecord.record_id == record_id)
        .order_by(ChangeLogRecord.seq)
    )
    return [
        ChangeEntry(
            seq=r.seq,
            at=r.at,
            by=r.by,
            record_kind=r.record_kind,
            record_id=RecordId(r.record_id),
            action=r.action,
            fields=json.loads(r.fields),
        )
        for r in rows
    ]
