"""Conformance: every applicable C2SP CCTV age vector gives the category its `expect:` names."""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from casefile.domain.errors import CasefileError
from casefile.exchange import age

# A copy of the C2SP CCTV age vectors (their licence allows it; see the README beside them),
# kept in the repository so CI on a fresh clone runs them.
VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "age-cctv"
# Measured when the module was written: a drop means vectors silently stopped running.
MIN_RAN = 92

SKIP_ARMOR = "ASCII armor (not offered: checked to be refused as unsupported)"
SKIP_POST_QUANTUM = "post-quantum (ML-KEM hybrid) identity (not offered: checked to be refused)"


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload_sha256: str | None
    passphrases: tuple[str, ...]
    identities: tuple[str, ...]
    armored: bool
    file: bytes
    comments: tuple[str, ...] = field(default=())


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload_sha256=fields.get("payload", [None])[0],
        passphrases=tuple(fields.get("passphrase", [])),
        identities=tuple(fields.get("identity", [])),
        armored=fields.get("armored") == ["yes"],
        file=body,
        comments=tuple(fields.get("comment", [])),
    )


def all_vectors() -> list[Vector]:
    return [load(p) for p in sorted(VECTORS.iterdir()) if p.name != "README.md"]


def skip_reason(vector: Vector) -> str | None:
    if vector.armored:
        return SKIP_ARMOR
    if any(i.startswith("AGE-SECRET-KEY-PQ-") for i in vector.identities):
        return SKIP_POST_QUANTUM
    return None


def outcome(vector: Vector) -> tuple[str, bytes | None]:
    """(category, plaintext returned) — what our decrypt makes of the vector."""
    passphrase = vector.passphrases[0] if vector.passphrases else None
    try:
        plaintext = age.decrypt(vector.file, passphrase=passphrase, identities=vector.identities)
    except age.AgeError as error:
        return age.cctv_category(error), None
    return "success", plaintext


def check(vector: Vector) -> list[str]:
    """Problems with our handling of a runnable vector (empty when it conforms)."""
    category, plaintext = outcome(vector)
    problems = []
    if category != vector.expect:
        problems.append(f"{vector.name}: expected {vector.expect!r}, got {category!r}")
    if vector.expect == "success":
        digest = hashlib.sha256(plaintext or b"").hexdigest()
        if digest != vector.payload_sha256:
            problems.append(f"{vector.name}: wrong plaintext")
    elif plaintext is not None:
        problems.append(f"{vector.name}: released plaintext on failure")
    return problems


def test_vectors_are_there() -> None:
    assert len(all_vectors()) >= 140


@pytest.mark.parametrize("vector", all_vectors(), ids=lambda v: v.name)
def test_vector(vector: Vector) -> None:
    reason = skip_reason(vector)
    if reason == SKIP_ARMOR:
        # Not offered, but refused cleanly: armor is named as unsupported (or, with garbage
        # before it, the file is not an age file); it never reaches the binary parser.
        with pytest.raises((age.AgeUnsupported, age.NotAnAgeFile)):
            age.decrypt(vector.file, identities=vector.identities)
        return
    if reason == SKIP_POST_QUANTUM:
        # Not offered either: such a file is refused (its stanzas are not ours, or the
        # identity is not one we read), and nothing is released.
        with pytest.raises(CasefileError):
            age.decrypt(vector.file, identities=vector.identities)
        return
    assert check(vector) == []


def test_conformance_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Counts what ran, passed and was skipped by reason; fails if fewer ran than measured."""
    ran = passed = 0
    skipped: Counter[str] = Counter()
    failures: list[str] = []
    for vector in all_vectors():
        reason = skip_reason(vector)
        if reason is not None:
            skipped[reason] += 1
            continue
        ran += 1
        problems = check(vector)
        passed += not problems
        failures.extend(problems)
    with capsys.disabled():
        refused = sum(skipped.values())
        print(f"\nCCTV age vectors: {ran} ran, {passed} passed, {refused} of features not offered")
        for reason, count in sorted(skipped.items()):
            print(f"  {count}: {reason}")
    assert failures == []
    assert ran >= MIN_RAN, f"only {ran} vectors ran; {MIN_RAN} did when this was measured"
