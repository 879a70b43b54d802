"""JSON for exports: compact, exact output, and a strict, bounded parser for hostile input.

Python's `json` accepts NaN and Infinity, silently keeps the last of duplicate keys, turns
"\\ud800" into a lone surrogate and recurses on nesting; the parser here refuses each of those
with its own message, and bounds size, depth, number lengths and item counts (the schema bounds
string lengths).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from casefile.exchange.payload_errors import InvalidExport


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1 << 30
    max_depth: int = 8
    max_number_chars: int = 40
    max_items: int = 5_000_000


DEFAULT_LIMITS = Limits()
# Strict UTF-8 decoding admits no surrogates: a lone one can only come from a \u escape.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def dumps(value: Any) -> bytes:
    """UTF-8 JSON, compact, keys in the order given (the payload builder fixes the order)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def _refuse_constant(name: str) -> Any:
    raise InvalidExport(f"it contains the non-JSON number {name}")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise InvalidExport("an object in it repeats a key")
    return result


def loads(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parses one JSON document, refusing anything a strict reader would not accept."""
    if len(data) > limits.max_bytes:
        raise InvalidExport(f"its content is larger than {limits.max_bytes >> 20} MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidExport("its content is not UTF-8 text") from None
    if text.startswith("\ufeff"):
        raise InvalidExport("its content starts with a byte-order mark")

    def number(kind: type[int] | type[float]) -> Any:
        def parse(literal: str) -> int | float:
            if len(literal) > limits.max_number_chars:
                raise InvalidExport("it contains a number that is too long")
            if kind is float:
                raise InvalidExport("it contains a fractional number where none is allowed")
            return int(literal)

        return parse

    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_without_duplicates,
            parse_constant=_refuse_constant,
            parse_int=number(int),
            parse_float=number(float),
        )
    except RecursionError:
        raise InvalidExport(f"it is nested more than {limits.max_depth} levels deep") from None
    except json.JSONDecodeError as error:
        raise InvalidExport(
            f"it is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    _check_tree(value, limits, strings=_SURROGATE_ESCAPE.search(text) is not None)
    return value


def _check_tree(root: Any, limits: Limits, *, strings: bool) -> None:
    """Depth and item count, walked without recursion; with `strings`, also lone surrogates
    (only needed when the text has surrogate escapes). String lengths are the schema's job."""
    stack: list[tuple[Any, int]] = [(root, 1)]
    items = 0
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if strings:
                _check_string(value)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > limits.max_depth:
            raise InvalidExport(f"it is nested more than {limits.max_depth} levels deep")
        items += len(value)
        if items > limits.max_items:
            raise InvalidExport(f"it holds more than {limits.max_items:,} items")
        if isinstance(value, dict):
            if strings:
                for key in value:
                    _check_string(key)
            stack.extend((child, depth + 1) for child in value.values() if _nested(child, strings))
        else:
            stack.extend((child, depth + 1) for child in value if _nested(child, strings))


def _nested(value: Any, strings: bool) -> bool:
    return isinstance(value, dict | list) or (strings and isinstance(value, str))


def _check_string(text: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidExport("it contains a broken character (a lone surrogate)") from None
