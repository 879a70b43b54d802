"""SECURITY.md test 22: a redacted printout carries no protected identity in any layer of the PDF
(raw bytes, every inflated stream, extracted text, metadata); the full one does (positive control).
The helpers here are shared with the CLI printing tests."""

from __future__ import annotations

import re
import subprocess
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from casefile.domain.enums import Protection, RecordKind
from casefile.domain.records import ContradictionDraft, MemberRef
from casefile.privacy.policy import Audience
from casefile.services import claims, contradictions, quotes, report, sources
from casefile.services.case import OpenCase
from tests import factories
from ui.printing import render_pdf

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_info(path: Path) -> str:
    """The document info and the XMP metadata stream, as pdfinfo shows them."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    meta = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True
    )
    return info.stdout + meta.stdout


def inflated_streams(data: bytes) -> Iterator[bytes]:
    for match in STREAM.finditer(data):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            yield match.group(1)  # not compressed (or not Flate): searched as it is


def utf16_hex(token: str) -> bytes:
    """How a ToUnicode map or a hex string would spell the token."""
    return token.encode("utf-16-be").hex().encode()


def leaks(path: Path, tokens: list[str]) -> list[str]:
    """Where any token appears, case-folded: "bytes:X", "stream:X", "text:X", "meta:X"."""
    data = path.read_bytes()
    layers = {
        "bytes": [data],
        "stream": list(inflated_streams(data)),
        "text": [pdf_text(path).encode()],
        "meta": [pdf_info(path).encode()],
    }
    found = []
    for layer, chunks in layers.items():
        for token in tokens:
            needles = (token.casefold().encode(), utf16_hex(token.casefold()))
            uppers = (token.upper().encode(), utf16_hex(token.upper()), utf16_hex(token))
            for chunk in chunks:
                folded = chunk.lower()
                if any(n in folded for n in needles) or any(u in chunk for u in uppers):
                    found.append(f"{layer}:{token}")
                    break
    return found


def protected_case(case: OpenCase) -> tuple[str, str, list[str]]:
    """An anonymous source with canary identity (name, contact, role, place) and a named one."""
    name, phone = factories.canary_name(), factories.canary_phone()
    with case.transaction("Reporter") as s:
        anon = sources.add(
            s,
            factories.protected_source(
                name=name,
                contact=phone,
                role=f"Driver for {name.split()[1]}",
                reliability_note=f"Knows {name}",
                notes=f"{name} lives nearby",
            ),
        )
        named = sources.add(s, factories.source(name="سمير الحلبي", protection=Protection.NAMED))
        qa = quotes.add(
            s,
            factories.quote(
                text="They promised us two thousand dollars",
                source_id=anon.id,
                place=f"{name.split()[0]} street",
            ),
        )
        qn = quotes.add(s, factories.quote(text="The convoy left at dawn", source_id=named.id))
        ca = claims.add(s, factories.claim(source_id=anon.id, raw_text="two thousand dollars"))
        cn = claims.add(s, factories.claim(source_id=named.id, value=1000, raw_text="$1,000"))
        contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, ca.id), MemberRef(RecordKind.CLAIM, cn.id)),
                description="Monthly pay differs",
            ),
        )
        contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.QUOTE, qa.id), MemberRef(RecordKind.QUOTE, qn.id)),
                description="When the convoy left",
            ),
        )
    tokens = [*name.split(), phone, phone.replace(" ", "")]
    return anon.id, named.id, tokens


@pytest.mark.parametrize("summary", ["source", "case"])
def test_redacted_printout_has_no_canary_in_any_layer_and_full_has_it(
    case: OpenCase, tmp_path: Path, summary: str
) -> None:
    anon_id, _, tokens = protected_case(case)
    paths = {}
    for audience in Audience:
        with case.read() as s:
            if summary == "source":
                doc = report.print_source(s, anon_id, audience, printed_on=date(2026, 6, 1))
            else:
                doc = report.print_case(s, audience, printed_on=date(2026, 6, 1))
        paths[audience] = tmp_path / f"{summary}-{audience.value}.pdf"
        render_pdf(doc, paths[audience])
    assert leaks(paths[Audience.REDACTED], tokens) == []
    redacted_text = pdf_text(paths[Audience.REDACTED])
    assert "two thousand dollars" in redacted_text  # the material itself is printed
    assert "a relative of a recruit" in redacted_text
    full = leaks(paths[Audience.FULL], tokens)
    assert {f"text:{t}" for t in tokens[:2]} <= set(full), full  # positive control
    assert "FULL — contains protected identities" in pdf_text(paths[Audience.FULL])


def test_the_leak_checker_finds_a_planted_canary(tmp_path: Path) -> None:
    """The checks above could pass vacuously; prove each layer's search sees a token."""
    token = factories.canary_name().split()[0]
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"%PDF-1.4\n" + token.upper().encode() + b"\n")
    packed = zlib.compress(token.encode("utf-16-be").hex().encode())
    hidden = tmp_path / "hidden.pdf"
    hidden.write_bytes(b"%PDF-1.4\nstream\n" + packed + b"\nendstream\n")
    assert "bytes:" + token in leaks_bytes_only(plain, [token])
    assert "stream:" + token in leaks_bytes_only(hidden, [token])


def leaks_bytes_only(path: Path, tokens: list[str]) -> list[str]:
    """`leaks` without the poppler layers, for files that are not real PDFs."""
    data = path.read_bytes()
    found = []
    for layer, chunks in (("bytes", [data]), ("stream", list(inflated_streams(data)))):
        for token in tokens:
            needles = (token.casefold().encode(), utf16_hex(token.casefold()), utf16_hex(token))
            if any(n in c.lower() or n in c for c in chunks for n in needles):
                found.append(f"{layer}:{token}")
    return found
