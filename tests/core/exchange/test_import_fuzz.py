"""SECURITY.md test 10: fuzzing the import pipeline — only our typed errors ever escape."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.domain.errors import CasefileError
from casefile.exchange import strict_json
from casefile.exchange.payload_incoming import read_payload
from casefile.services.exchange_import import import_export
from tests.core.exchange.helpers import new_case

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "casefile-export-1.0.json"
SAMPLE_TEXT = FIXTURE.read_bytes()
SAMPLE: dict[str, Any] = json.loads(SAMPLE_TEXT)


def pipeline(data: bytes) -> None:
    with contextlib.suppress(CasefileError):
        read_payload(strict_json.loads(data))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    pipeline(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE_TEXT) - 1), st.integers(0, 255)), max_size=8))
def test_byte_mutations_of_a_real_payload(flips: list[tuple[int, int]]) -> None:
    data = bytearray(SAMPLE_TEXT)
    for offset, value in flips:
        data[offset] = value
    pipeline(bytes(data))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


PATHS = _paths(SAMPLE)[1:]
IDS = sorted(
    {r["id"] for sec in ("sources", "quotes", "claims", "tags", "documents") for r in SAMPLE[sec]}
)
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.text(max_size=40),
        st.sampled_from(
            [
                *IDS,
                "",
                "anonymous",
                "never_reveal",
                "claim",
                "quote",
                "source",
                "2025-02-30",
                "2025-01-01T00:00:00+00:00",
                "9" * 40,
                "-1",
                "1.5",
                "\u202e",
                "\x00",
                "name",
                "text",
            ]
        ),
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(PATHS), json_values, st.booleans()), min_size=1, max_size=4)
)
def test_structural_mutations_of_a_real_payload(edits: list[Any]) -> None:
    payload = json.loads(SAMPLE_TEXT)
    for path, value, delete in edits:
        node = payload
        try:
            for step in path[:-1]:
                node = node[step]
            if delete and isinstance(node, dict):
                node.pop(path[-1], None)
            elif delete and isinstance(node, list) and node:
                node.pop(path[-1] % len(node))
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    pipeline(json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass"))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=3))
def test_whatever_passes_validation_also_merges_or_fails_typed(
    tmp_path_factory: Any, edits: list[Any]
) -> None:
    payload = json.loads(SAMPLE_TEXT)
    for path, value in edits:
        node = payload
        try:
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        incoming = read_payload(strict_json.loads(json.dumps(payload).encode()))
    except CasefileError:
        return
    with new_case(tmp_path_factory.mktemp("fuzz"), "b") as b, contextlib.suppress(CasefileError):
        import_export(b, incoming)
