"""What each kind of record carries in an export, and its values as plain JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from casefile.domain.enums import RecordKind
from casefile.domain.records import MemberRef
from casefile.domain.validation import decimal_text

FORMAT_NAME = "casefile-export"
FORMAT_VERSION = "1.0"
KNOWN_VERSIONS = ("1.0",)

# The payload's arrays, in the order records are inserted on import (links point backwards).
SECTIONS: tuple[tuple[str, RecordKind], ...] = (
    ("sources", RecordKind.SOURCE),
    ("documents", RecordKind.DOCUMENT),
    ("quotes", RecordKind.QUOTE),
    ("claims", RecordKind.CLAIM),
    ("contradictions", RecordKind.CONTRADICTION),
    ("tags", RecordKind.TAG),
    ("notes", RecordKind.NOTE),
)
SECTION_OF = {kind: name for name, kind in SECTIONS}

# The fields of each kind as they travel (beside id, links, created_at, updated_at, withheld).
# Contradiction signatures stay home: they are built from local ids.
FIELDS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.CASE: ("title", "summary", "languages", "created_by"),
    RecordKind.SOURCE: (
        "name", "pseudonym", "protection", "kind", "role", "affiliation", "location", "contact",
        "reliability", "reliability_note", "first_contact_on", "first_contact_how", "notes",
        "created_by",
    ),
    RecordKind.DOCUMENT: (
        "title", "text", "origin", "url", "file_name", "media_type", "published_on",
        "retrieved_on", "language", "sha256", "size_bytes", "created_by",
    ),
    RecordKind.QUOTE: (
        "text", "source_id", "document_id", "span_start", "span_end", "medium", "place",
        "said_on", "context", "status", "kind", "language", "created_by",
    ),
    RecordKind.CLAIM: (
        "subject", "value", "value_max", "qualifier", "unit", "period", "per", "as_of",
        "source_id", "quote_id", "document_id", "span_start", "span_end", "raw_text", "note",
        "created_by",
    ),
    RecordKind.CONTRADICTION: (
        "members", "kind", "origin", "status", "description", "settle_by", "resolution",
        "created_by",
    ),
    RecordKind.TAG: ("name", "color", "created_by"),
    RecordKind.NOTE: ("text", "target_kind", "target_id", "created_by"),
}  # fmt: skip

# Fields that point at other records of the export, and the kind they point at.
REFERENCES: dict[RecordKind, dict[str, RecordKind]] = {
    RecordKind.QUOTE: {"source_id": RecordKind.SOURCE, "document_id": RecordKind.DOCUMENT},
    RecordKind.CLAIM: {
        "source_id": RecordKind.SOURCE,
        "quote_id": RecordKind.QUOTE,
        "document_id": RecordKind.DOCUMENT,
    },
}

# Bookkeeping and text that is never edited after import: carried for new records, not merged.
NOT_MERGED = {
    RecordKind.DOCUMENT: frozenset({"text", "sha256", "size_bytes", "created_by"}),
}


@cache
def merged_fields(kind: RecordKind) -> tuple[str, ...]:
    skip = NOT_MERGED.get(kind, frozenset({"created_by"}))
    return tuple(f for f in FIELDS[kind] if f not in skip)


def plain(value: Any) -> Any:
    """A domain value as JSON: enums by value, dates ISO, decimals as exact text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, MemberRef):
        return {"kind": value.kind.value, "id": value.id}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    raise TypeError(f"no export form for a {type(value).__name__}")


def canonical(value: Any) -> str:
    """One text per value, for fingerprints: equal values give equal texts."""
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def is_blank(value: Any) -> bool:
    return value is None or value in ("", ())


def _drafts() -> dict[RecordKind, type[Any]]:
    from casefile.domain import records as r

    return {
        RecordKind.CASE: r.CaseDraft,
        RecordKind.SOURCE: r.SourceDraft,
        RecordKind.DOCUMENT: r.DocumentDraft,
        RecordKind.QUOTE: r.QuoteDraft,
        RecordKind.CLAIM: r.ClaimDraft,
        RecordKind.CONTRADICTION: r.ContradictionDraft,
        RecordKind.TAG: r.TagDraft,
        RecordKind.NOTE: r.NoteDraft,
    }


# The draft type of each kind: its defaults fill withheld fields of new records.
DRAFTS = _drafts()
