"""Fingerprints of a record's shared fields: the base of the three-way merge.

For each field a short keyed hash (BLAKE2b) of its value (key: the local record id, which never
leaves the case), so the exchange table can tell "changed since we last agreed" without keeping
a copy of the values themselves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from casefile.domain.enums import RecordKind
from casefile.exchange.payload_fields import canonical, merged_fields

WIDTH = 8
UNKNOWN = "-" * WIDTH


def _text(value: Any) -> str:
    """An injective text per value, fast for the common scalar types (a field's values are of
    one type, so a string and an enum with the same value may share a text)."""
    if isinstance(value, str):  # enums are str too: their value
        return "s" + value
    if value is None:
        return "n"
    if isinstance(value, bool):
        return "b" + str(value)
    if isinstance(value, int):
        return "i" + str(value)
    return "j" + canonical(value)


def field_print(record_id: str, name: str, value: Any) -> str:
    message = f"{name}\x00{_text(value)}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(message, key=record_id.encode(), digest_size=WIDTH // 2).hexdigest()


def fingerprint(record_id: str, kind: RecordKind, values: Mapping[str, Any]) -> str:
    """One fixed-width print per merged field of the kind; fields not in `values` are unknown."""
    return "".join(
        field_print(record_id, name, values[name]) if name in values else UNKNOWN
        for name in merged_fields(kind)
    )


def join(kind: RecordKind, prints: Mapping[str, str]) -> str:
    return "".join(prints.get(name, UNKNOWN) for name in merged_fields(kind))


def split(kind: RecordKind, stored: str) -> dict[str, str]:
    """The known prints of a stored fingerprint (a damaged or older one yields fewer)."""
    names = merged_fields(kind)
    if len(stored) != WIDTH * len(names):
        return {}
    parts = (stored[i * WIDTH : (i + 1) * WIDTH] for i in range(len(names)))
    return {n: p for n, p in zip(names, parts, strict=True) if p != UNKNOWN}
