"""The columns of each list: title, how a row shows (masked where it names a source), sort key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import Qt

from casefile.domain.enums import Period, Protection, Qualifier, RecordKind
from casefile.domain.validation import decimal_text
from casefile.services.listing import Row

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MAX_CELL = 300


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    display: Callable[[Row, Any], str]
    sort_key: str | None = None
    alignment: Qt.AlignmentFlag = LEFT
    width: int = 140
    hidden_by_default: bool = False


def plain(value: Any) -> str:
    """A cell's text: one line, bounded (a 100k-character line must not stall painting)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        text = value.value.replace("_", " ")
    elif isinstance(value, datetime):
        text = value.astimezone().strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, Decimal):
        text = f"{value:,}" if value == value.to_integral_value() else decimal_text(value)
    else:
        text = str(value)
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL] + "…"
    return " ".join(text.split())


def _field(key: str) -> Callable[[Row, Any], str]:
    return lambda row, _privacy: plain(row.values.get(key))


def _source_name(row: Row, privacy: Any) -> str:
    if row.source_id is None:
        return ""
    return plain(
        privacy.name(row.source_id, row.source_name, row.source_pseudonym, row.source_protection)
    )


def _own_name(row: Row, privacy: Any) -> str:
    return plain(
        privacy.name(row.id, row.values["name"], row.values["pseudonym"], row.values["protection"])
    )


def _own_role(row: Row, privacy: Any) -> str:
    protection: Protection = row.values["protection"]
    if protection.masks_identity and (privacy.privacy_screen or not privacy.is_revealed(row.id)):
        return ""
    return plain(row.values.get("role"))


def protection_label(protection: Protection | None) -> str:
    return "" if protection is None else protection.label


def claim_value_text(
    value: Decimal,
    *,
    value_max: Decimal | None,
    qualifier: Qualifier,
    unit: str,
    period: Period,
    per: str = "",
) -> str:
    """ "up to 2,000 USD / month" — how a number reads in lists, details and printouts."""
    number = plain(value) if value_max is None else f"{plain(value)}–{plain(value_max)}"
    words = {
        Qualifier.EXACT: "",
        Qualifier.ABOUT: "about ",
        Qualifier.NEARLY: "nearly ",
        Qualifier.UP_TO: "up to ",
        Qualifier.LESS_THAN: "less than ",
        Qualifier.AT_LEAST: "at least ",
        Qualifier.MORE_THAN: "more than ",
    }
    rate = "" if period is Period.TOTAL else f" / {period.value}"
    per_text = f" per {per}" if per else ""
    return f"{words[qualifier]}{number} {unit}{per_text}{rate}"


def _claim_value(row: Row, _privacy: Any) -> str:
    v = row.values
    return claim_value_text(
        v["value"],
        value_max=v["value_max"],
        qualifier=v["qualifier"],
        unit=v["unit"],
        period=v["period"],
        per=v["per"],
    )


COLUMNS: dict[RecordKind, list[Column]] = {
    RecordKind.SOURCE: [
        Column("name", "Name", _own_name, "name", width=220),
        Column(
            "protection",
            "Protection",
            lambda r, _p: protection_label(r.values["protection"]),
            "protection",
            width=120,
        ),
        Column("kind", "Kind", _field("kind"), "kind", width=100),
        Column("role", "Role", _own_role, "role", width=200),
        Column("reliability", "Reliability", _field("reliability"), "reliability", width=80),
        Column("quotes", "Quotes", _field("quotes"), None, RIGHT, 70),
        Column("claims", "Numbers", _field("claims"), None, RIGHT, 70),
    ],
    RecordKind.QUOTE: [
        Column("text", "Quote", _field("text"), "text", width=420),
        Column("source", "Source", _source_name, "source", width=180),
        Column("said_on", "Said on", _field("said_on"), "said_on", width=100),
        Column("status", "Status", _field("status"), "status", width=100),
        Column("medium", "How", _field("medium"), "medium", width=90),
        Column("document", "Document", _field("document"), None, width=200, hidden_by_default=True),
    ],
    RecordKind.CLAIM: [
        Column("subject", "Subject", _field("subject"), "subject", width=220),
        Column("value", "Value", _claim_value, "value", width=200),
        Column("source", "Source", _source_name, "source", width=180),
        Column("as_of", "As of", _field("as_of"), "as_of", width=100),
        Column("raw_text", "As written", _field("raw_text"), None, width=200),
    ],
    RecordKind.CONTRADICTION: [
        Column("description", "Contradiction", _field("description"), "description", width=420),
        Column("kind", "Kind", _field("kind"), "kind", width=90),
        Column("status", "Status", _field("status"), "status", width=90),
        Column("members", "Members", _field("members"), None, RIGHT, 70),
        Column("origin", "Found", _field("origin"), "origin", width=80),
    ],
    RecordKind.DOCUMENT: [
        Column("title", "Title", _field("title"), "title", width=360),
        Column("origin", "Origin", _field("origin"), "origin", width=200),
        Column("published_on", "Published", _field("published_on"), "published_on", width=100),
        Column("language", "Language", _field("language"), "language", width=70),
        Column("characters", "Characters", _field("characters"), None, RIGHT, 90),
    ],
    RecordKind.TAG: [
        Column("name", "Tag", _field("name"), "name", width=260),
        Column("used", "Used", _field("used"), None, RIGHT, 70),
    ],
    RecordKind.NOTE: [
        Column("text", "Note", _field("text"), "text", width=500),
        Column("target_kind", "On", _field("target_kind"), None, width=100),
        Column("created_at", "Written", _field("created_at"), "created_at", width=140),
    ],
}
