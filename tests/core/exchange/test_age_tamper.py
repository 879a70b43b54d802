"""Tampering: every bit flip, truncation, extension, reordering and mutation is refused."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.exchange import age
from casefile.exchange.age_format import parse_header
from casefile.exchange.age_stream import CHUNK_SIZE, NONCE_SIZE, SEALED_CHUNK_SIZE

IDENTITY, RECIPIENT = age.generate_identity()
PASSPHRASE = "Zorvath Quillenby tamper test"


def flip(data: bytes, bit: int) -> bytes:
    changed = bytearray(data)
    changed[bit // 8] ^= 1 << (bit % 8)
    return bytes(changed)


def refused(data: bytes, **keys: object) -> bool:
    """True if decrypt raises one of our typed errors (anything else fails the test)."""
    try:
        age.decrypt(data, **keys)  # type: ignore[arg-type]
    except age.AgeError:
        return True
    return False


def small_files() -> list[tuple[str, bytes, dict[str, object]]]:
    plaintext = bytes(random.Random(7).randbytes(200))
    return [
        ("x25519", age.encrypt_to_recipients(plaintext, [RECIPIENT]), {"identities": [IDENTITY]}),
        (
            "scrypt",
            age.encrypt_with_passphrase(plaintext, PASSPHRASE, log2_work=1),
            {"passphrase": PASSPHRASE},
        ),
    ]


@pytest.mark.parametrize(("name", "data", "keys"), small_files(), ids=["x25519", "scrypt"])
def test_every_single_bit_flip_of_a_small_file_is_refused(
    name: str, data: bytes, keys: dict[str, object]
) -> None:
    assert not refused(data, **keys), "positive control: the untouched file opens"
    accepted = [bit for bit in range(len(data) * 8) if not refused(flip(data, bit), **keys)]
    assert accepted == [], f"{name}: flips accepted at bits {accepted[:10]}"


def three_chunk_file(plaintext_size: int = 2 * CHUNK_SIZE + 1000) -> tuple[bytes, int]:
    plaintext = random.Random(3).randbytes(plaintext_size)
    data = age.encrypt_to_recipients(plaintext, [RECIPIENT])
    assert age.decrypt(data, identities=[IDENTITY]) == plaintext
    return data, parse_header(data).payload_start + NONCE_SIZE


def chunk_starts(data: bytes, first_chunk: int) -> list[int]:
    return list(range(first_chunk, len(data), SEALED_CHUNK_SIZE))


def test_bit_flips_at_sampled_offsets_and_every_chunk_boundary_are_refused() -> None:
    data, first_chunk = three_chunk_file()
    near_boundaries = {
        start + delta
        for start in [*chunk_starts(data, first_chunk), len(data)]
        for delta in (-17, -16, -1, 0, 1, 15, 16)
        if 0 <= start + delta < len(data)
    }
    sampled = set(random.Random(11).sample(range(len(data)), 300))
    nonce = set(range(first_chunk - NONCE_SIZE, first_chunk))
    offsets = sorted(near_boundaries | sampled | nonce | set(range(first_chunk - NONCE_SIZE)))
    for offset in offsets:
        for bit in (0, 7):
            assert refused(flip(data, offset * 8 + bit), identities=[IDENTITY]), offset


@pytest.mark.parametrize("plaintext_size", [2 * CHUNK_SIZE + 1000, 3 * CHUNK_SIZE])
def test_truncation_at_and_around_every_chunk_boundary_is_refused(plaintext_size: int) -> None:
    data, first_chunk = three_chunk_file(plaintext_size)
    header_end = first_chunk - NONCE_SIZE
    lengths = {0, 1, header_end - 1, header_end, first_chunk - 1, first_chunk}
    for start in [*chunk_starts(data, first_chunk), len(data)]:
        lengths.update(start + delta for delta in range(-17, 18))
    for length in sorted(n for n in lengths if 0 <= n < len(data)):
        assert refused(data[:length], identities=[IDENTITY]), length


def test_dropping_the_final_full_chunk_is_refused() -> None:
    """The classic STREAM truncation: a file cut exactly at a boundary of full chunks."""
    data, first_chunk = three_chunk_file(3 * CHUNK_SIZE)
    for chunks_kept in (1, 2):
        assert refused(data[: first_chunk + chunks_kept * SEALED_CHUNK_SIZE], identities=[IDENTITY])


@pytest.mark.parametrize(
    "extra",
    [
        b"\x00",
        bytes(15),
        bytes(16),
        bytes(17),
        bytes(SEALED_CHUNK_SIZE),
        b"age-encryption.org/v1\n",
    ],
)
def test_extension_is_refused(extra: bytes) -> None:
    data, _ = three_chunk_file()
    assert refused(data + extra, identities=[IDENTITY])


def test_chunk_swap_duplication_and_removal_are_refused() -> None:
    data, first_chunk = three_chunk_file(4 * CHUNK_SIZE + 10)
    head = data[:first_chunk]
    chunks = [data[s : s + SEALED_CHUNK_SIZE] for s in chunk_starts(data, first_chunk)]
    assert len(chunks) == 5
    variants = {
        "swap 0-1": [chunks[1], chunks[0], *chunks[2:]],
        "swap 1-2": [chunks[0], chunks[2], chunks[1], *chunks[3:]],
        "swap last two": [*chunks[:3], chunks[4], chunks[3]],
        "duplicate 1": [chunks[0], chunks[1], *chunks[1:]],
        "drop 2": [*chunks[:2], *chunks[3:]],
        "final chunk moved": [chunks[4], *chunks[:4]],
    }
    for name, order in variants.items():
        assert refused(head + b"".join(order), identities=[IDENTITY]), name


def test_payload_of_another_file_under_this_header_is_refused() -> None:
    first = age.encrypt_to_recipients(b"first", [RECIPIENT])
    second = age.encrypt_to_recipients(b"first", [RECIPIENT])
    start_first = parse_header(first).payload_start
    start_second = parse_header(second).payload_start
    assert refused(first[:start_first] + second[start_second:], identities=[IDENTITY])


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_raise_only_typed_errors(data: bytes) -> None:
    assert refused(data, identities=[IDENTITY], passphrase="pw")
    assert refused(b"age-encryption.org/v1\n" + data, identities=[IDENTITY], passphrase="pw")


@settings(max_examples=300, deadline=None)
@given(
    position=st.integers(min_value=0),
    cut=st.integers(min_value=0, max_value=8),
    insert=st.binary(max_size=8),
)
def test_mutations_of_a_valid_file_raise_only_typed_errors(
    position: int, cut: int, insert: bytes
) -> None:
    data = small_files()[0][1] if position % 2 else small_files()[1][1]
    at = position % (len(data) + 1)
    mutated = data[:at] + insert + data[at + cut :]
    if mutated == data:
        return
    assert refused(mutated, identities=[IDENTITY], passphrase=PASSPHRASE)
