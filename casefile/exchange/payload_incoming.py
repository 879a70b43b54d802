"""Reads a schema-valid payload into typed incoming records, refusing what a case cannot hold.

Every text is cleaned the way the case's own services clean it (NFC; no control or
direction-changing characters in names and titles), every reference must point at a record of
the right kind in the same payload, ids must be unique, and a file that calls itself "redacted"
must not carry what redaction leaves out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any

from casefile.domain.enums import (
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
from casefile.domain.errors import InvalidValue
from casefile.domain.records import MemberRef
from casefile.domain.validation import (
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    check_span,
    clean_line,
    clean_text,
    parse_decimal,
    parse_enum,
)
from casefile.exchange.payload_errors import InvalidExport
from casefile.exchange.payload_fields import DRAFTS, FIELDS, REFERENCES, SECTIONS
from casefile.exchange.schema import validate

Cleaner = Callable[[str, Any], Any]


@dataclass(frozen=True)
class IncomingRecord:
    kind: RecordKind
    id: str
    links: tuple[str, ...]
    withheld: frozenset[str]
    values: dict[str, Any]  # typed; references are export ids of this payload
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class IncomingExport:
    format_version: str
    export_kind: str
    nonce: str
    include_never_reveal: bool
    case: IncomingRecord
    records: dict[RecordKind, tuple[IncomingRecord, ...]]
    tag_links: tuple[tuple[str, RecordKind, str], ...] = field(default=())

    @property
    def full(self) -> bool:
        return self.export_kind == "full"

    def all_records(self) -> list[IncomingRecord]:
        return [self.case, *(r for _, kind in SECTIONS for r in self.records[kind])]


def _line(max_len: int = 500, *, required: bool = False) -> Cleaner:
    return lambda name, v: clean_line(name, v, max_len=max_len, required=required)


def _text(max_len: int = MAX_LONG_TEXT, *, required: bool = False) -> Cleaner:
    return lambda name, v: clean_text(name, v, max_len=max_len, required=required)


def _enum(enum: Any, *, nullable: bool = False) -> Cleaner:
    def clean(name: str, value: Any) -> Any:
        return None if value is None and nullable else parse_enum(name, enum, value)

    return clean


def _date(name: str, value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(name, "is not a date") from None


def _decimal(name: str, value: Any) -> Any:
    return None if value is None else parse_decimal(name, value)


def _same(_name: str, value: Any) -> Any:
    return value


def _document_text(name: str, value: str) -> str:
    if "\x00" in value:
        raise InvalidValue(name, "contains NUL characters")
    if not value.strip():
        raise InvalidValue(name, "is empty")
    return value  # kept exactly: spans point into it


_BY = _line(200)
CLEANERS: dict[RecordKind, dict[str, Cleaner]] = {
    RecordKind.CASE: {
        "title": _line(required=True),
        "summary": _text(),
        "languages": _line(200),
        "created_by": _BY,
    },
    RecordKind.SOURCE: {
        "name": _line(required=True),
        "pseudonym": _line(),
        "protection": _enum(Protection),
        "kind": _enum(SourceKind),
        "role": _line(MAX_SHORT_TEXT),
        "affiliation": _line(MAX_SHORT_TEXT),
        "location": _line(MAX_SHORT_TEXT),
        "contact": _text(MAX_SHORT_TEXT),
        "reliability": _enum(Reliability, nullable=True),
        "reliability_note": _text(),
        "first_contact_on": _date,
        "first_contact_how": _line(MAX_SHORT_TEXT),
        "notes": _text(),
        "created_by": _BY,
    },
    RecordKind.DOCUMENT: {
        "title": _line(required=True),
        "text": _document_text,
        "origin": _line(MAX_SHORT_TEXT),
        "url": _line(MAX_SHORT_TEXT),
        "file_name": _line(),
        "media_type": _line(100),
        "published_on": _date,
        "retrieved_on": _date,
        "language": _line(50),
        "sha256": _same,
        "size_bytes": _same,
        "created_by": _BY,
    },
    RecordKind.QUOTE: {
        "text": _text(required=True),
        "source_id": _same,
        "document_id": _same,
        "span_start": _same,
        "span_end": _same,
        "medium": _enum(Medium, nullable=True),
        "place": _line(MAX_SHORT_TEXT),
        "said_on": _date,
        "context": _text(),
        "status": _enum(QuoteStatus),
        "kind": _enum(QuoteKind),
        "language": _line(50),
        "created_by": _BY,
    },
    RecordKind.CLAIM: {
        "subject": _line(),  # may be empty: detection then compares by unit and period
        "value": _decimal,
        "value_max": _decimal,
        "qualifier": _enum(Qualifier),
        "unit": _line(100, required=True),
        "period": _enum(Period),
        "per": _line(),
        "as_of": _date,
        "source_id": _same,
        "quote_id": _same,
        "document_id": _same,
        "span_start": _same,
        "span_end": _same,
        "raw_text": _line(MAX_SHORT_TEXT),
        "note": _text(),
        "created_by": _BY,
    },
    RecordKind.CONTRADICTION: {
        "members": lambda _n, v: tuple(MemberRef(RecordKind(m["kind"]), m["id"]) for m in v),
        "kind": _enum(ContradictionKind),
        "origin": _enum(ContradictionOrigin),
        "status": _enum(ContradictionStatus),
        "description": _text(),
        "settle_by": _text(),
        "resolution": _text(),
        "created_by": _BY,
    },
    RecordKind.TAG: {"name": _line(200, required=True), "color": _line(20), "created_by": _BY},
    RecordKind.NOTE: {
        "text": _text(required=True),
        "target_kind": _enum(RecordKind),
        "target_id": _same,
        "created_by": _BY,
    },
}


def _timestamp(where: str, text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidExport(f"{where} has an impossible time") from None
    if moment.tzinfo is None:
        raise InvalidExport(f"{where} has a time without a time zone")
    return moment.astimezone(UTC)


def _required(kind: RecordKind) -> frozenset[str]:
    """Fields a new record cannot do without: they may never be withheld."""
    needed = {f.name for f in fields(DRAFTS[kind]) if f.default is MISSING}
    if kind is RecordKind.SOURCE:
        needed.discard("name")  # a withheld name is replaced by the pseudonym
    return frozenset(needed)


REQUIRED = {kind: _required(kind) for kind in FIELDS}


def _record(kind: RecordKind, where: str, raw: dict[str, Any]) -> IncomingRecord:
    withheld = frozenset(raw["withheld"])
    if withheld & REQUIRED[kind]:
        raise InvalidExport(f"{where} withholds a field a record cannot do without")
    values: dict[str, Any] = {}
    for name, clean in CLEANERS[kind].items():
        if name in withheld:
            if name in raw:
                raise InvalidExport(f"{where} carries the field {name} it says is withheld")
            continue
        if name not in raw:
            raise InvalidExport(f"{where} lacks the field {name}")
        try:
            values[name] = clean(name, raw[name])
        except InvalidValue as problem:
            raise InvalidExport(f"{where}: {problem.message}") from None
    return IncomingRecord(
        kind=kind,
        id=raw["id"],
        links=tuple(raw["links"]),
        withheld=withheld,
        values=values,
        created_at=_timestamp(f"{where}.created_at", raw["created_at"]),
        updated_at=_timestamp(f"{where}.updated_at", raw["updated_at"]),
    )


def read_payload(payload: Any) -> IncomingExport:
    """A schema-checked, cleaned, self-consistent export; InvalidExport names the first fault."""
    version = validate(payload)
    case = _record(RecordKind.CASE, "case", payload["case"])
    records = {
        kind: tuple(_record(kind, f"{section}[{i}]", raw) for i, raw in enumerate(payload[section]))
        for section, kind in SECTIONS
    }
    incoming = IncomingExport(
        format_version=version,
        export_kind=payload["export_kind"],
        nonce=payload["export_nonce"],
        include_never_reveal=payload["include_never_reveal"],
        case=case,
        records=records,
        tag_links=tuple(
            (link["tag"], RecordKind(link["kind"]), link["record"]) for link in payload["tag_links"]
        ),
    )
    kinds = _check_ids(incoming)
    _check_references(incoming, kinds)
    if not incoming.full:
        _check_redacted(incoming)
    return incoming


def _check_ids(incoming: IncomingExport) -> dict[str, RecordKind]:
    kinds: dict[str, RecordKind] = {}
    for record in incoming.all_records():
        if record.id in kinds:
            raise InvalidExport("two of its records share one id")
        kinds[record.id] = record.kind
    return kinds


def _check_references(incoming: IncomingExport, kinds: dict[str, RecordKind]) -> None:
    def expect(where: str, target: str | None, kind: RecordKind) -> None:
        if target is not None and kinds.get(target) is not kind:
            raise InvalidExport(f"{where} points at a {kind.value} that is not in the export")

    text_lengths = {d.id: len(d.values["text"]) for d in incoming.records[RecordKind.DOCUMENT]}
    for section, kind in SECTIONS:
        for index, record in enumerate(incoming.records[kind]):
            where = f"{section}[{index}]"
            for name, target_kind in REFERENCES.get(kind, {}).items():
                if name in record.values:
                    expect(f"{where}.{name}", record.values[name], target_kind)
            if "document_id" in record.values:
                _check_span(where, record, text_lengths)
            if kind is RecordKind.CONTRADICTION and "members" in record.values:
                members = record.values["members"]
                if len(set(members)) != len(members):
                    raise InvalidExport(f"{where}.members repeats a member")
                for member in members:
                    expect(f"{where}.members", member.id, member.kind)
            if kind is RecordKind.NOTE and "target_kind" in record.values:
                _check_note_target(where, record, kinds)
            top = record.values.get("value_max") if kind is RecordKind.CLAIM else None
            if top is not None and top < record.values["value"]:
                raise InvalidExport(f"{where}: value max is smaller than the value")
    for index, (tag, record_kind, record_id) in enumerate(incoming.tag_links):
        expect(f"tag_links[{index}].tag", tag, RecordKind.TAG)
        expect(f"tag_links[{index}].record", record_id, record_kind)
    if len(set(incoming.tag_links)) != len(incoming.tag_links):
        raise InvalidExport("tag_links repeats a link")


def _check_span(where: str, record: IncomingRecord, lengths: dict[str, int]) -> None:
    values = record.values
    document = values.get("document_id")
    start, end = values.get("span_start"), values.get("span_end")
    if document is None:
        if start is not None or end is not None:
            raise InvalidExport(f"{where}: span is given without a document")
        return
    try:
        check_span(start, end, lengths[document])
    except InvalidValue as problem:
        raise InvalidExport(f"{where}: {problem.message}") from None


def _check_note_target(where: str, record: IncomingRecord, kinds: dict[str, RecordKind]) -> None:
    target_kind = record.values["target_kind"]
    target = record.values.get("target_id")
    if target_kind is RecordKind.NOTE:
        raise InvalidExport(f"{where} is a note on a note")
    if target_kind is RecordKind.CASE:
        if target is not None:
            raise InvalidExport(f"{where} is a note on the case that names a record")
    elif target is None or kinds.get(target) is not target_kind:
        raise InvalidExport(f"{where}.target_id points at a record that is not in the export")


# What a redacted export may carry of a source, by protection (casefile.privacy.redaction).
_MASKED_MAY_CARRY = frozenset({"pseudonym", "protection", "kind"})


def _check_redacted(incoming: IncomingExport) -> None:
    """A "redacted" file carrying what redaction leaves out is refused as a whole: it was made
    by something that does not follow the rules, and its other promises cannot be trusted."""
    from casefile.privacy.classification import identifying_fields

    identifying = identifying_fields("sources")
    protection: dict[str, Protection] = {}
    for index, source in enumerate(incoming.records[RecordKind.SOURCE]):
        level = source.values["protection"]
        protection[source.id] = level
        if level is Protection.NAMED:
            continue
        carried = {n for n, v in source.values.items() if v not in (None, "") and n != "created_by"}
        allowed = (
            _MASKED_MAY_CARRY if level.masks_identity else frozenset(FIELDS[RecordKind.SOURCE])
        )
        if carried - allowed or carried & identifying or source.values.get("created_by"):
            raise InvalidExport(
                f"it is marked redacted but carries identifying details of a protected source "
                f"(sources[{index}])"
            )
    for section, kind in (("quotes", RecordKind.QUOTE), ("claims", RecordKind.CLAIM)):
        for index, record in enumerate(incoming.records[kind]):
            level = protection.get(record.values.get("source_id") or "")
            if level is Protection.NEVER_REVEAL and not incoming.include_never_reveal:
                raise InvalidExport(
                    f"it is marked redacted but carries words of a never-reveal source "
                    f"({section}[{index}])"
                )
            if (
                kind is RecordKind.QUOTE
                and level not in (None, Protection.NAMED)
                and record.values.get("place")
            ):
                raise InvalidExport(
                    f"it is marked redacted but carries where a protected source spoke "
                    f"({section}[{index}])"
                )
    for index, note in enumerate(incoming.records[RecordKind.NOTE]):
        if note.values.get("target_kind") is RecordKind.SOURCE and protection.get(
            note.values.get("target_id") or ""
        ) not in (None, Protection.NAMED):
            raise InvalidExport(
                f"it is marked redacted but carries a note on a protected source (notes[{index}])"
            )
