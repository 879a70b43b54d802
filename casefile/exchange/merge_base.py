"""Fingerprints of a record's shared fields: the base of the three-way merge.

For each field a short keyed hash of its value (key: the local record id, which never leaves
the case), so the exchange table can tell "changed since we last agreed" without keeping a copy
of the values themselves.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from casefile.domain.enums import RecordKind
from casefile.exchange.payload_fields import canonical, merged_fields

WIDTH = 8
UNKNOWN = "-" * WIDTH


def field_print(record_id: str, name: str, value: Any) -> str:
    message = f"{name}\x00{canonical(value)}".encode()
    return hmac.new(record_id.encode(), message, hashlib.sha256).hexdigest()[:WIDTH]


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
