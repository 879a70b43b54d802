"""Imports of an export: the file is hostile until proven otherwise, and the merge is one unit.

Order of defences: the file's type and size (before a byte is read), age decryption in memory
(header and work-factor limits inside the age module), strict JSON, the schema, cleaning and
referential checks; only then is the case opened for writing, and the whole merge plan is
applied in one transaction: a failure at any record leaves the case as it was.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from casefile.domain.changes import Changes
from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import CasefileError
from casefile.domain.validation import decimal_text
from casefile.exchange import strict_json
from casefile.exchange.merge import Addition, Conflict, MergePlan, Side, plan
from casefile.exchange.payload_fields import FIELDS, SECTIONS
from casefile.exchange.payload_incoming import IncomingExport, read_payload
from casefile.services import (
    case as case_service,
)
from casefile.services import (
    claims,
    contradictions,
    documents,
    exchange_ids,
    notes,
    quotes,
    snapshot,
    sources,
    tags,
)
from casefile.services._session import actor_of, collector_of
from casefile.services.bulk import BATCH, insert_rows
from casefile.services.case import OpenCase
from casefile.storage.types import utcnow

log = logging.getLogger(__name__)

MAX_EXPORT_FILE = 1 << 30
Decrypt = Callable[[bytes], bytes]

TABLES = {
    RecordKind.SOURCE: "sources",
    RecordKind.DOCUMENT: "documents",
    RecordKind.QUOTE: "quotes",
    RecordKind.CLAIM: "claims",
    RecordKind.CONTRADICTION: "contradictions",
    RecordKind.TAG: "tags",
    RecordKind.NOTE: "notes",
}
_UPDATERS: dict[RecordKind, Any] = {
    RecordKind.SOURCE: sources,
    RecordKind.DOCUMENT: documents,
    RecordKind.QUOTE: quotes,
    RecordKind.CLAIM: claims,
    RecordKind.CONTRADICTION: contradictions,
    RecordKind.TAG: tags,
    RecordKind.NOTE: notes,
}


def passphrase_opener(passphrase: str) -> Decrypt:
    from casefile.exchange import age

    return lambda data: age.decrypt(data, passphrase=passphrase)


def identity_opener(identities: Sequence[str]) -> Decrypt:
    from casefile.exchange import age

    return lambda data: age.decrypt(data, identities=list(identities))


def read_file(path: Path, *, limit: int = MAX_EXPORT_FILE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else refused unread.
    The type is checked on the opened descriptor (no race with a swapped path), and opening
    does not block on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CasefileError(f"the export {path.name} does not exist") from None
    except IsADirectoryError:
        raise CasefileError(f"{path.name} is a folder, not an export file") from None
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise CasefileError(f"{path.name} is not a regular file") from None
        raise CasefileError(f"the export {path.name} cannot be read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CasefileError(f"{path.name} is a folder, not an export file")
        if not stat.S_ISREG(info.st_mode):
            raise CasefileError(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise CasefileError(
                f"{path.name} is larger than an export can be ({limit >> 20} MiB)",
                hint="nothing was read",
            )
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0 and (chunk := os.read(fd, min(remaining, 1 << 24))):
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise CasefileError(f"{path.name} grew past the size an export can be")
        return b"".join(chunks)
    except OSError:
        raise CasefileError(f"the export {path.name} cannot be read") from None
    finally:
        os.close(fd)


def read_export(path: Path, *, decrypt: Decrypt) -> IncomingExport:
    """Everything an import checks before it touches the case."""
    return read_payload(strict_json.loads(decrypt(read_file(path))))


@dataclass(frozen=True)
class MergeReport:
    export_kind: str
    format_version: str
    added: dict[str, int]
    updated: dict[str, int]
    unchanged: int
    tag_links_added: int
    conflicts: tuple[Conflict, ...]
    changes: Changes = field(default_factory=Changes)

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.resolution is None)


def preview_import(
    case: OpenCase,
    incoming: IncomingExport,
    *,
    resolutions: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
) -> MergePlan:
    """The merge an import would make, without making it (for the window's merge review)."""
    with case.read() as s:
        return plan(
            incoming, snapshot.take(s), exchange_ids.rows(s), resolutions=resolutions, prefer=prefer
        )


def import_export(
    case: OpenCase,
    incoming: IncomingExport,
    *,
    resolutions: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
    actor: str = "",
) -> MergeReport:
    """Merges a read export into the case in one unit of work."""
    transaction = case.transaction(actor)
    with transaction as s:
        merge = plan(
            incoming, snapshot.take(s), exchange_ids.rows(s), resolutions=resolutions, prefer=prefer
        )
        apply_plan(s, merge)
        exchange_ids.record_received(s, incoming.nonce, merge.mappings)
    log.info(
        "import merged (%d added, %d conflicts)",
        sum(merge.counts["added"].values()),
        len(merge.conflicts),
    )
    return MergeReport(
        export_kind=incoming.export_kind,
        format_version=incoming.format_version,
        added=merge.counts["added"],
        updated=merge.counts["updated"],
        unchanged=merge.unchanged,
        tag_links_added=len(merge.tag_links),
        conflicts=merge.conflicts,
        changes=transaction.changes,
    )


def import_file(
    case: OpenCase,
    path: Path,
    *,
    decrypt: Decrypt,
    resolutions: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
    actor: str = "",
) -> MergeReport:
    incoming = read_export(path, decrypt=decrypt)
    return import_export(case, incoming, resolutions=resolutions, prefer=prefer, actor=actor)


def _sql(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _row(addition: Addition) -> dict[str, Any]:
    row = {
        "id": addition.record_id,
        "created_at": _sql(addition.created_at),
        "updated_at": _sql(addition.updated_at),
    }
    for name in FIELDS[addition.kind]:
        if name != "members":
            row[name] = _sql(addition.values[name])
    if addition.kind is RecordKind.SOURCE:
        row["name_withheld"] = int(addition.values["name_withheld"])
    if addition.kind is RecordKind.CONTRADICTION:
        row["signature"] = ""  # signatures are built from local ids; detection makes its own
    return row


def _insert(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        insert_rows(session, table, rows[start : start + BATCH])


def apply_plan(session: Session, merge: MergePlan) -> None:
    """Additions set-wise (a statement per batch), then updates through the record services
    (their checks and change log), then tag links."""
    collector = collector_of(session)
    now = _sql(utcnow())
    actor = actor_of(session)
    by_kind: dict[RecordKind, list[Addition]] = {}
    for addition in merge.additions:
        by_kind.setdefault(addition.kind, []).append(addition)
    for _, kind in SECTIONS:
        added = by_kind.get(kind, [])
        if not added:
            continue
        _insert(session, TABLES[kind], [_row(a) for a in added])
        if kind is RecordKind.CONTRADICTION:
            members = [
                {
                    "contradiction_id": a.record_id,
                    "position": position,
                    "claim_id": m.id if m.kind is RecordKind.CLAIM else None,
                    "quote_id": m.id if m.kind is RecordKind.QUOTE else None,
                }
                for a in added
                for position, m in enumerate(a.values["members"])
            ]
            _insert(session, "contradiction_members", members)
        log = [
            {
                "at": now,
                "by": actor,
                "record_kind": kind.value,
                "record_id": a.record_id,
                "action": ChangeAction.CREATE.value,
                "fields": json.dumps({"imported": True}),
            }
            for a in added
        ]
        _insert(session, "change_log", log)
        for a in added:
            collector.created(kind, a.record_id)  # type: ignore[arg-type]
    for update in merge.updates:
        _apply_update(session, update.kind, update.record_id, update.changes)
    links = [{"tag_id": t, "record_kind": k.value, "record_id": r} for t, k, r in merge.tag_links]
    _insert(session, "record_tags", links)
    for _, kind, record_id in merge.tag_links:
        collector.updated(kind, record_id)  # type: ignore[arg-type]
    session.flush()


def _apply_update(
    session: Session, kind: RecordKind, record_id: str, changes: dict[str, Any]
) -> None:
    if kind is RecordKind.CASE:
        current = case_service.get_case(session)
        case_service.update_case(session, replace(current.draft(), **changes))
        return
    service = _UPDATERS[kind]
    current = service.get(session, record_id)
    service.update(session, record_id, replace(current.draft(), **changes))
