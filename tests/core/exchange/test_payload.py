"""The export payload: its published schema, fresh ids per export, links, withheld fields, and
the fixture of every released format version (kept forever)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from casefile.domain.enums import Protection
from casefile.exchange import schema
from casefile.exchange.payload import link_of
from casefile.exchange.payload_errors import InvalidExport
from casefile.exchange.payload_fields import KNOWN_VERSIONS
from casefile.exchange.payload_incoming import read_payload
from casefile.exchange.schema_check import SchemaFailure, compile_schema
from tests.core.exchange.helpers import export, fill, import_, new_case, take

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exports"


def all_ids(payload: dict[str, Any]) -> set[str]:
    ids = {payload["case"]["id"]}
    for section in ("sources", "documents", "quotes", "claims", "contradictions", "tags", "notes"):
        ids |= {r["id"] for r in payload[section]}
    return ids


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_the_published_schema_is_valid_json_schema(version: str) -> None:
    Draft202012Validator.check_schema(schema.schema_of(version))


def test_an_export_follows_the_published_schema(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as a:
        fill(a)
        for full in (False, True):
            payload = export(a, tmp_path / "x.casefile.age", full=full, acknowledged=True)
            Draft202012Validator(schema.schema_of("1.0")).validate(payload)
            assert schema.validate(payload) == "1.0"
            assert payload["format"] == "casefile-export"
            assert payload["export_kind"] == ("full" if full else "redacted")


def test_two_exports_of_one_case_share_no_ids_or_nonces(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as a:
        fill(a)
        first = export(a, tmp_path / "1.casefile.age")
        second = export(a, tmp_path / "2.casefile.age")
        assert first["export_nonce"] != second["export_nonce"]
        assert all_ids(first).isdisjoint(all_ids(second))
        local = {r.id for r in (*take(a).sources, *take(a).quotes, *take(a).claims)}
        assert local.isdisjoint(all_ids(first))  # never database ids


def test_links_let_a_later_export_be_matched_only_by_a_holder_of_the_earlier_one(
    tmp_path: Path,
) -> None:
    with new_case(tmp_path, "a") as a:
        fill(a)
        first = export(a, tmp_path / "1.casefile.age")
        second = export(a, tmp_path / "2.casefile.age")
        assert first["sources"][0]["links"] == []
        old_id = first["sources"][0]["id"]
        assert second["sources"][0]["links"] == [link_of(old_id, second["export_nonce"])]
        # the links reveal neither id: no id of the first export appears in the second file
        text = json.dumps(second)
        assert not any(i in text for i in all_ids(first))
        third = export(a, tmp_path / "3.casefile.age")
        assert len(third["sources"][0]["links"]) == 2


def test_redacted_sources_name_their_withheld_fields(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as a:
        fill(a)
        payload = export(a, tmp_path / "x.casefile.age")
        by_level = {s["protection"]: s for s in payload["sources"]}
        anon = by_level["anonymous"]
        assert set(anon) - {"id", "links", "created_at", "updated_at", "withheld"} <= {
            "pseudonym",
            "protection",
            "kind",
            "reliability",
            "first_contact_on",
            "role",
            "affiliation",
            "location",
            "reliability_note",
            "first_contact_how",
            "notes",
            "created_by",
        }
        assert {"name", "contact"} <= set(anon["withheld"])
        assert all(anon.get(f) in (None, "") for f in ("role", "notes", "location"))
        assert by_level["named"]["withheld"] == [] and by_level["named"]["name"] == "Named Okafor"
        assert by_level["background"]["pseudonym"] == "an aide"
        assert "name" in by_level["background"]["withheld"]


def test_never_reveal_words_travel_only_when_included(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as a:
        fill(a)
        texts = [q["text"] for q in export(a, tmp_path / "x.casefile.age")["quotes"]]
        assert "Bonus per recruit" not in texts
        payload = export(a, tmp_path / "y.casefile.age", include_never_reveal=True)
        assert "Bonus per recruit" in [q["text"] for q in payload["quotes"]]
        assert payload["include_never_reveal"] is True
        never = [s for s in payload["sources"] if s["protection"] == Protection.NEVER_REVEAL]
        assert "name" in never[0]["withheld"]


@pytest.mark.parametrize("version", KNOWN_VERSIONS)
def test_the_fixture_of_each_released_version_still_imports(tmp_path: Path, version: str) -> None:
    path = FIXTURES / f"casefile-export-{version}.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    incoming = read_payload(payload)
    assert incoming.format_version == version
    with new_case(tmp_path, "b") as b:
        report = import_(b, path)
        assert report.added == {
            "source": 3,
            "document": 1,
            "quote": 3,
            "claim": 2,
            "contradiction": 1,
            "tag": 1,
            "note": 1,
        }
        got = take(b)
        names = sorted((s.name, s.name_withheld) for s in got.sources)
        assert names == [
            ("Ministry of Labour", False),
            ("a driver's cousin", True),
            ("protected source 1", True),
        ]
        assert "سمير" in " ".join(q.text for q in got.quotes)
        assert sorted(c.value for c in got.claims) == [Decimal("1500.50"), Decimal(2000)]


# -- the compiled checker gives jsonschema's verdict ------------------------------------------

_VALIDATOR = Draft202012Validator(schema.schema_of("1.0"))
_CHECK = compile_schema(schema.schema_of("1.0"))
_SAMPLE = json.loads((FIXTURES / "casefile-export-1.0.json").read_text(encoding="utf-8"))
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**60), 2**60),
    st.text(max_size=50),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["", "named", "claim", "2025-01-01", "a" * 64, "1.5", "-0", "0" * 501]),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_ALL_PATHS = _paths(_SAMPLE)[1:]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_ALL_PATHS), junk, st.booleans()), min_size=1, max_size=3)
)
def test_the_compiled_checker_agrees_with_jsonschema(edits: list[Any]) -> None:
    payload = json.loads(json.dumps(_SAMPLE))
    for path, value, delete in edits:
        node = payload
        try:
            for step in path[:-1]:
                node = node[step]
            if delete and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    expected = _VALIDATOR.is_valid(payload)
    try:
        _CHECK(payload)
        got = True
    except SchemaFailure:
        got = False
    assert got == expected


def test_schema_errors_name_the_place_and_never_the_value() -> None:
    payload = json.loads(json.dumps(_SAMPLE))
    payload["sources"][1]["protection"] = "Zorvath Quillenby"
    with pytest.raises(InvalidExport) as caught:
        schema.validate(payload)
    assert "sources[1].protection is not one of the allowed values" in str(caught.value)
    assert "Zorvath" not in str(caught.value)
