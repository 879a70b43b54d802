"""SECURITY.md tests 10–13: an import treats the file as hostile. Every failure is one specific
message, arrives quickly, and writes nothing."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casefile.domain.errors import CasefileError
from casefile.exchange import strict_json
from casefile.exchange.payload_errors import InvalidExport
from casefile.exchange.payload_incoming import read_payload
from casefile.services.exchange_import import read_export, read_file
from tests import factories

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "casefile-export-1.0.json"


def sample() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return loaded


def refused(data: bytes, expected: str) -> str:
    """Runs the in-memory part of an import; checks the message and that it came fast."""
    start = time.perf_counter()
    with pytest.raises(InvalidExport) as caught:
        read_payload(strict_json.loads(data))
    assert time.perf_counter() - start < 5
    assert expected in str(caught.value)
    return str(caught.value)


def mutated(change: Callable[[dict[str, Any]], None]) -> bytes:
    payload = sample()
    change(payload)
    return json.dumps(payload, ensure_ascii=False).encode()


# -- strict JSON bombs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than"),
        (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "nested more than"),
        (b'{"a":[[[[[[[[[[1]]]]]]]]]]}', "nested more than"),
        (b'{"n": NaN}', "non-JSON number NaN"),
        (b'{"n": -Infinity}', "non-JSON number -Infinity"),
        (b'{"n": Infinity}', "non-JSON number Infinity"),
        (b'{"a": 1, "a": 2}', "repeats a key"),
        (b'{"n": ' + b"9" * 5000 + b"}", "number that is too long"),
        (b'{"n": 1e999999}', "fractional number"),
        (b'{"s": "\\ud800"}', "lone surrogate"),
        (b'{"s": "\\udfff\\u0041"}', "lone surrogate"),
        (b'"\xff\xfe"', "not UTF-8"),
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        (b'{"a": ', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"[]", "no JSON object inside"),
        (b'{"format": "something-else"}', "unknown format name"),
    ],
)
def test_json_bombs_get_a_specific_message_quickly(data: bytes, expected: str) -> None:
    refused(data, expected)


def test_a_huge_string_is_refused_by_the_schema() -> None:
    def change(p: dict[str, Any]) -> None:
        p["sources"][0]["pseudonym"] = "x" * 1_000_000

    refused(mutated(change), "sources[0].pseudonym is too long")


def test_too_many_items_are_refused() -> None:
    limits = strict_json.Limits(max_items=1000)
    with pytest.raises(InvalidExport, match="more than 1,000 items"):
        strict_json.loads(b"[" + b"1," * 2000 + b"1]", limits)


def test_an_oversized_content_is_refused_before_parsing() -> None:
    with pytest.raises(InvalidExport, match="larger than"):
        strict_json.loads(b" " * 2048, strict_json.Limits(max_bytes=1024))


# -- format and version -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("2.0", "format version 2.x"),
        ("1.7", "newer format version 1.7"),
        ("one", "missing or malformed"),
        ("1.0.0", "missing or malformed"),
    ],
)
def test_unknown_versions_are_refused_by_name(version: str, expected: str) -> None:
    refused(mutated(lambda p: p.update(format_version=version)), expected)


# -- text hygiene -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "text", "expected"),
    [
        ("name", "Ali\u202ece", "direction-changing characters"),
        ("name", "Ali\u2066ce", "direction-changing characters"),
        ("name", "Ali\x07ce", "control characters"),
        ("pseudonym", "a\x1bcousin", "control characters"),
    ],
)
def test_bidi_overrides_and_control_characters_in_names_are_refused(
    where: str, text: str, expected: str
) -> None:
    def change(p: dict[str, Any]) -> None:
        p["sources"][0][where] = text

    message = refused(mutated(change), expected)
    assert "sources[0]" in message and text not in message


def test_text_arrives_in_nfc() -> None:
    def change(p: dict[str, Any]) -> None:
        p["quotes"][0]["text"] = "Cafe\u0301 owner"

    incoming = read_payload(strict_json.loads(mutated(change)))
    (quote, *_) = incoming.records[next(iter(incoming.records))] or (None,)
    texts = [
        q.values["text"] for k, rs in incoming.records.items() for q in rs if "text" in q.values
    ]
    assert "Café owner" in texts and quote is not None


def test_too_many_records_are_refused_by_the_schema() -> None:
    def change(p: dict[str, Any]) -> None:
        p["tags"] = [p["tags"][0]] * 10_001

    refused(mutated(change), "tags has too many items")


# -- references and identity ------------------------------------------------------------------


def test_dangling_references_are_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        p["quotes"][1]["source_id"] = "00000000-0000-4000-8000-000000000000"

    refused(mutated(change), "quotes[1].source_id points at a source that is not in the export")


def test_a_reference_to_a_record_of_the_wrong_kind_is_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        p["claims"][0]["quote_id"] = p["sources"][0]["id"]

    refused(mutated(change), "claims[0].quote_id points at a quote")


def test_a_range_that_runs_backwards_is_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        p["claims"][0]["value_max"] = "1"

    refused(mutated(change), "claims[0]: value max is smaller than the value")


def test_duplicate_ids_are_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        p["quotes"][1]["id"] = p["sources"][0]["id"]

    refused(mutated(change), "two of its records share one id")


def test_a_span_outside_its_document_is_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        quote = next(q for q in p["quotes"] if q["document_id"])
        quote["span_end"] = 10_000

    refused(mutated(change), "span lies outside the document")


def test_a_field_both_withheld_and_carried_is_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        p["sources"][1]["name"] = "Someone"

    refused(mutated(change), "carries the field name it says is withheld")


def test_a_required_field_cannot_be_withheld() -> None:
    def change(p: dict[str, Any]) -> None:
        del p["quotes"][0]["text"]
        p["quotes"][0]["withheld"].append("text")

    refused(mutated(change), "withholds a field a record cannot do without")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("contact", "+44 7700 900123", "identifying details of a protected source"),
        ("role", "Driver in the 18th", "identifying details of a protected source"),
        ("notes", "lives by the port", "identifying details of a protected source"),
        ("created_by", "Reporter", "identifying details of a protected source"),
    ],
)
def test_a_redacted_file_carrying_identifying_fields_is_refused(
    field: str, value: str, expected: str
) -> None:
    def change(p: dict[str, Any]) -> None:
        source = next(s for s in p["sources"] if s["protection"] == "anonymous")
        source[field] = value
        if field in source["withheld"]:
            source["withheld"].remove(field)

    refused(mutated(change), expected)


def test_a_redacted_file_carrying_a_protected_real_name_is_refused() -> None:
    def change(p: dict[str, Any]) -> None:
        source = next(s for s in p["sources"] if s["protection"] == "anonymous")
        source["withheld"].remove("name")
        source["name"] = factories.canary_name()

    refused(mutated(change), "identifying details of a protected source")


def test_the_same_content_labelled_full_is_accepted() -> None:
    def change(p: dict[str, Any]) -> None:
        source = next(s for s in p["sources"] if s["protection"] == "anonymous")
        source["withheld"].remove("name")
        source["name"] = factories.canary_name()
        p["export_kind"] = "full"

    assert read_payload(strict_json.loads(mutated(change))).full


# -- the file itself (test 12) ----------------------------------------------------------------


def test_a_10_gib_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.casefile.age"
    with path.open("wb") as f:
        f.truncate(10 << 30)
    start = time.perf_counter()
    with pytest.raises(CasefileError, match="larger than an export can be"):
        read_file(path)
    assert time.perf_counter() - start < 1


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.casefile.age"
    os.mkfifo(path)
    start = time.perf_counter()
    with pytest.raises(CasefileError, match="not a regular file"):
        read_file(path)
    assert time.perf_counter() - start < 1


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CasefileError, match="is a folder"):
        read_file(tmp_path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CasefileError, match="does not exist"):
        read_file(tmp_path / "nothing.casefile.age")


def test_decryption_errors_pass_through_typed(tmp_path: Path) -> None:
    path = tmp_path / "x.casefile.age"
    path.write_bytes(b"not an age file at all")
    from casefile.exchange.age import decrypt

    with pytest.raises(CasefileError, match="not an encrypted Casefile export"):
        read_export(path, decrypt=lambda d: decrypt(d, passphrase="whatever"))
