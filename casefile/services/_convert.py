"""Copying between ORM records and domain values by field name (they share names on purpose)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from casefile.domain.records import Meta


def to_value[T](record: Any, cls: type[T], **extra: Any) -> T:
    names = [f.name for f in fields(cls) if f.name not in extra]  # type: ignore[arg-type]
    return cls(**{name: getattr(record, name) for name in names}, **extra)


def draft_values(draft: Any, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    return {f.name: getattr(draft, f.name) for f in fields(draft) if f.name not in skip}


def apply(record: Any, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(record, name, value)


def meta_values(value: Meta) -> dict[str, Any]:
    return {
        "id": value.id,
        "created_at": value.created_at,
        "updated_at": value.updated_at,
        "created_by": value.created_by,
    }
