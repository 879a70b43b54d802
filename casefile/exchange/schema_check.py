"""A compiled checker for the keywords our export schemas use: the same verdicts as jsonschema
(tests hold the two together), fast enough for payloads of hundreds of thousands of records.

jsonschema needs about 250 µs per quote record; this needs a few. An unsupported keyword in a
schema fails at compile time, so the schema can never say more than is checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], None]

_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description"})
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class SchemaFailure(Exception):
    """Where (a JSON path, outermost first) and which keyword failed."""

    def __init__(self, keyword: str) -> None:
        super().__init__(keyword)
        self.keyword = keyword
        self.path: list[str | int] = []


def _in_path(step: str | int, check: Check, value: Any) -> None:
    try:
        check(value)
    except SchemaFailure as failure:
        failure.path.insert(0, step)
        raise


class Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self._root = root
        self._refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer not in self._refs:
            if not pointer.startswith("#/$defs/"):
                raise ValueError("only local $defs references are supported")
            self._refs[pointer] = lambda v: None  # placeholder while compiling (no cycles here)
            self._refs[pointer] = self.compile(
                self._root["$defs"][pointer.removeprefix("#/$defs/")]
            )
        return self._refs[pointer]

    def compile(self, node: dict[str, Any]) -> Check:
        checks: list[Check] = []
        unknown = set(node) - _ANNOTATIONS - set(_KEYWORDS)
        if unknown:
            raise ValueError(f"unsupported schema keywords: {sorted(unknown)}")
        checks.extend(make(self, node) for keyword, make in _KEYWORDS.items() if keyword in node)

        def run(value: Any) -> None:
            for check in checks:
                check(value)

        return checks[0] if len(checks) == 1 else run


def _fail_unless(keyword: str, test: Callable[[Any], bool]) -> Check:
    def check(value: Any) -> None:
        if not test(value):
            raise SchemaFailure(keyword)

    return check


def _type(_c: Compiler, node: dict[str, Any]) -> Check:
    names = node["type"] if isinstance(node["type"], list) else [node["type"]]
    tests = [_TYPES[n] for n in names]
    return _fail_unless("type", lambda v: any(t(v) for t in tests))


def _enum(_c: Compiler, node: dict[str, Any]) -> Check:
    allowed = node["enum"]
    if not all(isinstance(a, str) or a is None for a in allowed):
        raise ValueError("enum supports strings and null only")
    members = frozenset(allowed)
    return _fail_unless("enum", lambda v: (v is None or isinstance(v, str)) and v in members)


def _const(_c: Compiler, node: dict[str, Any]) -> Check:
    expected = node["const"]
    return _fail_unless("const", lambda v: type(v) is type(expected) and v == expected)


def _pattern(_c: Compiler, node: dict[str, Any]) -> Check:
    search = re.compile(node["pattern"]).search
    return _fail_unless("pattern", lambda v: not isinstance(v, str) or search(v) is not None)


def _length(keyword: str, ok: Callable[[int, int], bool]) -> Callable[[Compiler, Any], Check]:
    def make(_c: Compiler, node: dict[str, Any]) -> Check:
        bound = node[keyword]
        return _fail_unless(keyword, lambda v: not isinstance(v, str) or ok(len(v), bound))

    return make


def _count(keyword: str, ok: Callable[[int, int], bool]) -> Callable[[Compiler, Any], Check]:
    def make(_c: Compiler, node: dict[str, Any]) -> Check:
        bound = node[keyword]
        return _fail_unless(keyword, lambda v: not isinstance(v, list) or ok(len(v), bound))

    return make


def _bound(keyword: str, ok: Callable[[Any, Any], bool]) -> Callable[[Compiler, Any], Check]:
    def make(_c: Compiler, node: dict[str, Any]) -> Check:
        bound = node[keyword]
        return _fail_unless(
            keyword,
            lambda v: not _TYPES["number"](v) or ok(v, bound),
        )

    return make


def _unique(_c: Compiler, node: dict[str, Any]) -> Check:
    if not node["uniqueItems"]:
        return lambda v: None

    def distinct(items: list[Any]) -> bool:
        keys = [json.dumps(i, sort_keys=True) for i in items]
        return len(set(keys)) == len(keys)

    return _fail_unless("uniqueItems", lambda v: not isinstance(v, list) or distinct(v))


def _required(_c: Compiler, node: dict[str, Any]) -> Check:
    names = tuple(node["required"])
    return _fail_unless("required", lambda v: not isinstance(v, dict) or all(n in v for n in names))


def _properties(c: Compiler, node: dict[str, Any]) -> Check:
    checks = {name: c.compile(sub) for name, sub in node["properties"].items()}

    def check(value: Any) -> None:
        if isinstance(value, dict):
            for name, child in value.items():
                sub = checks.get(name)
                if sub is not None:
                    _in_path(name, sub, child)

    return check


def _additional(_c: Compiler, node: dict[str, Any]) -> Check:
    if node["additionalProperties"] is not False:
        raise ValueError("additionalProperties supports false only")
    known = frozenset(node.get("properties", {}))
    return _fail_unless(
        "additionalProperties", lambda v: not isinstance(v, dict) or known.issuperset(v)
    )


def _items(c: Compiler, node: dict[str, Any]) -> Check:
    sub = c.compile(node["items"])

    def check(value: Any) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                _in_path(index, sub, item)

    return check


def _dollar_ref(c: Compiler, node: dict[str, Any]) -> Check:
    pointer = node["$ref"]
    resolved: list[Check] = []

    def check(value: Any) -> None:
        if not resolved:  # resolved on first use: a definition may refer to a later one
            resolved.append(c.ref(pointer))
        resolved[0](value)

    return check


_KEYWORDS: dict[str, Callable[[Compiler, dict[str, Any]], Check]] = {
    "$ref": _dollar_ref,
    "type": _type,
    "const": _const,
    "enum": _enum,
    "pattern": _pattern,
    "maxLength": _length("maxLength", lambda n, b: n <= b),
    "minLength": _length("minLength", lambda n, b: n >= b),
    "maxItems": _count("maxItems", lambda n, b: n <= b),
    "minItems": _count("minItems", lambda n, b: n >= b),
    "uniqueItems": _unique,
    "minimum": _bound("minimum", lambda v, b: v >= b),
    "maximum": _bound("maximum", lambda v, b: v <= b),
    "required": _required,
    "additionalProperties": _additional,
    "properties": _properties,
    "items": _items,
}


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function that raises SchemaFailure for the first place a value breaks the schema."""
    return Compiler(schema).compile(schema)
