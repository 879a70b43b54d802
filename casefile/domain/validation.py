"""Cleaning and checking of user-supplied values before they are stored.

Every check raises InvalidValue naming the field and the problem; none echoes the value, which may
be a protected name.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from casefile.domain.errors import InvalidValue

# Characters that reorder or hide text: harmless in prose a reporter pastes, but in a name they
# can make "Alice" display as someone else. Names refuse them; long text keeps them (shown inert).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_CONTROL_EXCEPT_WHITESPACE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

MAX_NAME = 500
MAX_SHORT_TEXT = 2_000
MAX_LONG_TEXT = 200_000
MAX_DOCUMENT_TEXT = 50_000_000
MAX_ABS_VALUE = Decimal("1e15")


def clean_line(field: str, value: str, *, required: bool = False, max_len: int = MAX_NAME) -> str:
    """A one-line value (name, title, unit): NFC, trimmed, no control or bidi characters."""
    if not isinstance(value, str):
        raise InvalidValue(field, "must be text")
    text = unicodedata.normalize("NFC", value).strip()
    if "\n" in text or "\r" in text or "\t" in text:
        text = " ".join(text.split())
    if _CONTROL_EXCEPT_WHITESPACE.search(text):
        raise InvalidValue(field, "contains control characters", hint="remove them and try again")
    if any(ch in BIDI_CONTROLS for ch in text):
        raise InvalidValue(
            field, "contains invisible direction-changing characters", hint="retype it"
        )
    if required and not text:
        raise InvalidValue(field, "is required")
    if len(text) > max_len:
        raise InvalidValue(field, f"is longer than {max_len} characters")
    return text


def clean_text(
    field: str, value: str, *, required: bool = False, max_len: int = MAX_LONG_TEXT
) -> str:
    """Free text (quotes, notes): NFC and trimmed; newlines and tabs kept; NUL and other C0
    controls refused, because they break exports and printouts."""
    if not isinstance(value, str):
        raise InvalidValue(field, "must be text")
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL_EXCEPT_WHITESPACE.search(text):
        raise InvalidValue(field, "contains control characters", hint="remove them and try again")
    if required and not text:
        raise InvalidValue(field, "is required")
    if len(text) > max_len:
        raise InvalidValue(field, f"is longer than {max_len:,} characters")
    return text


def parse_decimal(field: str, value: str | int | Decimal) -> Decimal:
    """A number as a reporter types it: "2000", "2,000", "1 500.50", "-3". No NaN, no infinity."""
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value).strip().replace(",", "").replace("_", "").replace(" ", "")
        text = text.replace("\u00a0", "").replace("\u202f", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise InvalidValue(
                field, "is not a number", hint="write it with digits, e.g. 2000 or 1500.50"
            )
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise InvalidValue(field, "is not a number") from None
    if not number.is_finite():
        raise InvalidValue(field, "must be a finite number")
    if abs(number) >= MAX_ABS_VALUE:
        raise InvalidValue(field, "is too large")
    # Exact and plain: 2000 stays 2000 (normalize() would make it 2E+3)
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def decimal_text(number: Decimal) -> str:
    """Exact, plain (never scientific) text for storage and output."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_date(field: str, value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(field, "is not a date", hint="use YYYY-MM-DD, e.g. 2026-05-12") from None


def parse_enum[E: StrEnum](field: str, enum: type[E], value: str | E) -> E:
    if isinstance(value, enum):
        return value
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    for member in enum:
        if member.value.lower() == text:
            return member
    allowed = ", ".join(m.value for m in enum)
    raise InvalidValue(field, "is not one of the allowed values", hint=f"use one of: {allowed}")


def check_span(start: int | None, end: int | None, text_length: int | None = None) -> None:
    if start is None and end is None:
        return
    if start is None or end is None:
        raise InvalidValue("span", "needs both a start and an end")
    if start < 0 or end < start:
        raise InvalidValue("span", "start must be ≥ 0 and not after the end")
    if text_length is not None and end > text_length:
        raise InvalidValue("span", "lies outside the document")
