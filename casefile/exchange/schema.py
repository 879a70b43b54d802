"""The published JSON Schema of each export format version, and checking a payload against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from casefile.exchange.payload_errors import InvalidExport
from casefile.exchange.payload_fields import FORMAT_NAME, KNOWN_VERSIONS
from casefile.exchange.schema_check import Check, SchemaFailure, compile_schema

# What each failing keyword means, said without quoting the offending value.
_PROBLEMS = {
    "type": "has the wrong type",
    "enum": "is not one of the allowed values",
    "const": "has the wrong value",
    "pattern": "is not in the expected form",
    "maxLength": "is too long",
    "minLength": "is too short",
    "maxItems": "has too many items",
    "minItems": "has too few items",
    "uniqueItems": "repeats an item",
    "minimum": "is too small",
    "maximum": "is too large",
    "required": "lacks a required field",
    "additionalProperties": "has a field this format does not know",
}


def schema_file_name(version: str) -> str:
    return f"casefile-export-{version}.schema.json"


@cache
def schema_text(version: str) -> str:
    if version not in KNOWN_VERSIONS:
        raise KeyError(version)
    return (resources.files("casefile.exchange") / "schemas" / schema_file_name(version)).read_text(
        encoding="utf-8"
    )


def schema_of(version: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(version))
    return loaded


@cache
def _checker(version: str) -> Check:
    return compile_schema(schema_of(version))


def check_header(payload: Any) -> str:
    """The format version of a payload this build can read; a specific refusal otherwise."""
    if not isinstance(payload, dict):
        raise InvalidExport("it is not a Casefile export (no JSON object inside)")
    if payload.get("format") != FORMAT_NAME:
        raise InvalidExport("it is not a Casefile export (unknown format name)")
    version = payload.get("format_version")
    if not isinstance(version, str) or not _is_version(version):
        raise InvalidExport("its format version is missing or malformed")
    major, minor = (int(p) for p in version.split("."))
    known_majors = {int(v.split(".")[0]) for v in KNOWN_VERSIONS}
    if major not in known_majors:
        raise InvalidExport(
            f"it uses format version {major}.x, which this Casefile cannot read",
            hint="update Casefile, or ask the sender for an export in format 1.0",
        )
    if version not in KNOWN_VERSIONS:
        raise InvalidExport(
            f"it uses the newer format version {major}.{minor}",
            hint="update Casefile to import it",
        )
    return version


def _is_version(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 2 and all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts)


def _where(path: list[str | int]) -> str:
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step.isascii() and step.replace("_", "").isalnum() and len(step) <= 40:
            parts.append(f".{step}" if parts else step)
        else:
            parts.append(".(field)")
    return "".join(parts) or "the top level"


def validate(payload: Any) -> str:
    """Checks the payload against the schema of its version; returns the version."""
    version = check_header(payload)
    try:
        _checker(version)(payload)
    except SchemaFailure as failure:
        problem = _PROBLEMS.get(failure.keyword, "does not follow the format")
        raise InvalidExport(f"{_where(failure.path)} {problem} (format {version})") from None
    return version
