"""Builds the export payload: a case snapshot, redacted unless full, as one JSON document.

Every record travels under a fresh random export id, never its database id. Its `links` let a
later import find the record again without revealing anything to a holder of one export alone:
for each export id the record was sent or received under before, HMAC-SHA256(key=that id,
msg=this export's nonce). Fields left out by redaction are named in `withheld`, so the
receiving side never takes their absence for a value.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from casefile.domain.enums import RecordKind
from casefile.domain.snapshot import CaseSnapshot
from casefile.exchange.merge_base import fingerprint
from casefile.exchange.payload_fields import (
    FIELDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    REFERENCES,
    SECTIONS,
    merged_fields,
    plain,
)
from casefile.privacy.policy import Audience
from casefile.privacy.redaction import RedactionOptions, redact

LocalRef = tuple[RecordKind, str]
DEFAULT_OPTIONS = RedactionOptions()


def link_of(previous_export_id: str, nonce: str) -> str:
    """The link a record carries for an export id it travelled under before."""
    return hmac.new(previous_export_id.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def new_export_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class SentRecord:
    """One row of the exporter's exchange_ids table: this record went out under export_id."""

    export_id: str
    kind: RecordKind
    record_id: str
    fingerprint: str


@dataclass(frozen=True)
class BuiltExport:
    payload: dict[str, Any]
    nonce: str
    sent: tuple[SentRecord, ...]
    counts: dict[str, int] = field(default_factory=dict)


def records_of(snapshot: CaseSnapshot, kind: RecordKind) -> Sequence[Any]:
    by_kind: dict[RecordKind, Sequence[Any]] = {
        RecordKind.CASE: (snapshot.case,),
        RecordKind.SOURCE: snapshot.sources,
        RecordKind.DOCUMENT: snapshot.documents,
        RecordKind.QUOTE: snapshot.quotes,
        RecordKind.CLAIM: snapshot.claims,
        RecordKind.CONTRADICTION: snapshot.contradictions,
        RecordKind.TAG: snapshot.tags,
        RecordKind.NOTE: snapshot.notes,
    }
    return by_kind[kind]


def _withheld(kind: RecordKind, original: Any, shown: Any) -> list[str]:
    """Fields redaction blanked (their absence is not a value), and names that never arrived."""
    if original is shown:
        names: list[str] = []
    else:
        names = [
            f
            for f in FIELDS[kind]
            if f not in ("members", "pseudonym") and getattr(original, f) != getattr(shown, f)
        ]
    if kind is RecordKind.SOURCE and original.name_withheld and "name" not in names:
        names.insert(0, "name")
    return names


def build(
    snapshot: CaseSnapshot,
    *,
    full: bool = False,
    options: RedactionOptions = DEFAULT_OPTIONS,
    previous_ids: Mapping[LocalRef, Iterable[str]] | None = None,
    nonce: str | None = None,
    make_id: Callable[[], str] = new_export_id,
) -> BuiltExport:
    """The payload of one export. `previous_ids` lists, per local record, the export ids it was
    sent or received under before (the exchange_ids table)."""
    nonce = nonce or secrets.token_hex(32)
    previous = previous_ids or {}
    view = redact(snapshot, Audience.FULL if full else Audience.REDACTED, options)
    originals: dict[LocalRef, Any] = {(RecordKind.CASE, snapshot.case.id): snapshot.case}
    for _, kind in SECTIONS:
        originals.update(((kind, r.id), r) for r in records_of(snapshot, kind))
    export_ids: dict[LocalRef, str] = {}
    for kind in (RecordKind.CASE, *(k for _, k in SECTIONS)):
        export_ids.update(((kind, r.id), make_id()) for r in records_of(view, kind))

    def ref(kind: RecordKind, record_id: str | None) -> str | None:
        return None if record_id is None else export_ids[(kind, record_id)]

    sent: list[SentRecord] = []

    def encode(kind: RecordKind, record: Any) -> dict[str, Any]:
        key = (kind, record.id)
        export_id = export_ids[key]
        withheld = _withheld(kind, originals[key], record)
        links = sorted(link_of(p, nonce) for p in previous.get(key, ()))
        out: dict[str, Any] = {
            "id": export_id,
            "links": links,
            "created_at": plain(record.created_at),
            "updated_at": plain(record.updated_at),
            "withheld": withheld,
        }
        refs = REFERENCES.get(kind, {})
        for name in FIELDS[kind]:
            if name in withheld:
                continue
            value = getattr(record, name)
            if name in refs:
                out[name] = ref(refs[name], value)
            elif name == "members":
                out[name] = [{"kind": m.kind.value, "id": ref(m.kind, m.id)} for m in value]
            elif kind is RecordKind.NOTE and name == "target_id":
                target = record.target_kind
                out[name] = None if target is RecordKind.CASE else ref(target, value)
            else:
                out[name] = plain(value)
        shared = {n: getattr(record, n) for n in merged_fields(kind) if n not in withheld}
        sent.append(SentRecord(export_id, kind, record.id, fingerprint(record.id, kind, shared)))
        return out

    payload: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "export_kind": "full" if full else "redacted",
        "export_nonce": nonce,
        "include_never_reveal": bool(full or options.include_never_reveal),
        "case": encode(RecordKind.CASE, view.case),
    }
    counts: dict[str, int] = {}
    for section, kind in SECTIONS:
        payload[section] = [encode(kind, r) for r in records_of(view, kind)]
        counts[section] = len(payload[section])
    payload["tag_links"] = [
        {"tag": export_ids[(RecordKind.TAG, t.tag_id)], "kind": t.record_kind.value, "record": rid}
        for t in view.tag_links
        if (rid := export_ids.get((t.record_kind, t.record_id))) is not None
        and (RecordKind.TAG, t.tag_id) in export_ids
    ]
    return BuiltExport(payload, nonce, tuple(sent), counts)
