"""The exchange table: which export ids each record was sent or received under."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.exchange.merge import ExchangeRow, MappingRow
from casefile.exchange.payload import LocalRef, SentRecord
from casefile.storage.records import ExchangeIdRecord
from casefile.storage.types import utcnow

BATCH = 20_000


def rows(session: Session) -> list[ExchangeRow]:
    query = select(
        ExchangeIdRecord.export_id,
        ExchangeIdRecord.record_kind,
        ExchangeIdRecord.record_id,
        ExchangeIdRecord.at,
        ExchangeIdRecord.fingerprint,
    )
    return [ExchangeRow(*row) for row in session.execute(query)]


def previous_ids(session: Session) -> dict[LocalRef, list[str]]:
    """Per local record, every export id it travelled under (for the links of a new export)."""
    found: dict[LocalRef, list[str]] = {}
    query = select(
        ExchangeIdRecord.record_kind, ExchangeIdRecord.record_id, ExchangeIdRecord.export_id
    )
    for kind, record_id, export_id in session.execute(query):
        found.setdefault((kind, record_id), []).append(export_id)
    return found


def _store(
    session: Session,
    direction: str,
    nonce: str,
    items: Sequence[tuple[str, RecordKind, str, str]],
    at: datetime,
) -> None:
    """Upserts rows set-wise (one statement per batch): a re-import refreshes its own rows."""
    stamp = at.isoformat(timespec="microseconds")
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        payload = json.dumps([[e, k.value, r, f] for e, k, r, f in batch])
        session.execute(
            text(
                "INSERT OR REPLACE INTO exchange_ids "
                "(export_id, record_kind, record_id, direction, export_nonce, at, fingerprint) "
                "SELECT value->>0, value->>1, value->>2, :direction, :nonce, :at, value->>3 "
                "FROM json_each(:rows)"
            ),
            {"rows": payload, "direction": direction, "nonce": nonce, "at": stamp},
        )


def record_sent(session: Session, nonce: str, sent: Sequence[SentRecord]) -> None:
    items = [(s.export_id, s.kind, s.record_id, s.fingerprint) for s in sent]
    _store(session, "sent", nonce, items, utcnow())


def record_received(session: Session, nonce: str, mappings: Sequence[MappingRow]) -> None:
    items = [(m.export_id, m.kind, m.record_id, m.fingerprint) for m in mappings]
    _store(session, "received", nonce, items, utcnow())
