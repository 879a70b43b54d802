"""Round trips through our age encryption: any bytes, every chunk-boundary size, both kinds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.domain.errors import InvalidValue
from casefile.exchange import age
from casefile.exchange.age_stream import CHUNK_SIZE

IDENTITY, RECIPIENT = age.generate_identity()
# Tests use a tiny work factor; exports use the default (18), tested in test_age_interop.
FAST_WORK = 2

BOUNDARY_SIZES = [
    0,
    1,
    CHUNK_SIZE - 1,
    CHUNK_SIZE,
    CHUNK_SIZE + 1,
    2 * CHUNK_SIZE,
    3 * CHUNK_SIZE - 1,
    3 * CHUNK_SIZE,
    3 * CHUNK_SIZE + 1,
]


@st.composite
def payloads(draw: st.DrawFn) -> bytes:
    """Small arbitrary bytes, or a patterned payload at or around a chunk boundary."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=512))
    size = draw(st.sampled_from(BOUNDARY_SIZES)) + draw(st.integers(-2, 2))
    pattern = draw(st.binary(min_size=1, max_size=32))
    return (pattern * (max(size, 0) // len(pattern) + 1))[: max(size, 0)]


@settings(max_examples=60, deadline=None)
@given(plaintext=payloads())
def test_recipient_round_trip(plaintext: bytes) -> None:
    encrypted = age.encrypt_to_recipients(plaintext, [RECIPIENT])
    assert age.decrypt(encrypted, identities=[IDENTITY]) == plaintext


@settings(max_examples=40, deadline=None)
@given(plaintext=payloads(), passphrase=st.text(min_size=1, max_size=40))
def test_passphrase_round_trip(plaintext: bytes, passphrase: str) -> None:
    try:
        encrypted = age.encrypt_with_passphrase(plaintext, passphrase, log2_work=FAST_WORK)
    except InvalidValue:
        # Only a passphrase that cannot be typed (lone surrogates) is refused.
        with pytest.raises(UnicodeEncodeError):
            passphrase.encode("utf-8")
        return
    assert age.decrypt(encrypted, passphrase=passphrase) == plaintext


@pytest.mark.parametrize("size", BOUNDARY_SIZES)
def test_every_boundary_size_round_trips_and_has_the_right_length(size: int) -> None:
    plaintext = bytes(range(256)) * (size // 256) + bytes(size % 256)
    encrypted = age.encrypt_to_recipients(plaintext, [RECIPIENT])
    chunks = max(1, -(-size // CHUNK_SIZE))
    header_end = encrypted.index(b"\n---") + len(b"\n--- ") + 43 + 1
    assert len(encrypted) - header_end == 16 + size + 16 * chunks
    assert age.decrypt(encrypted, identities=[IDENTITY]) == plaintext


def test_several_recipients_each_open_the_file() -> None:
    others = [age.generate_identity() for _ in range(3)]
    encrypted = age.encrypt_to_recipients(b"shared notes", [pub for _, pub in others])
    for secret, _ in others:
        assert age.decrypt(encrypted, identities=[secret]) == b"shared notes"
    # Any one matching identity among several is enough.
    assert age.decrypt(encrypted, identities=[IDENTITY, others[2][0]]) == b"shared notes"


def test_passphrase_export_has_exactly_one_scrypt_stanza_at_the_default_work() -> None:
    encrypted = age.encrypt_with_passphrase(b"x", "correct horse battery staple")
    header = encrypted[: encrypted.index(b"\n---")].decode("ascii").splitlines()
    stanzas = [line for line in header if line.startswith("-> ")]
    assert len(stanzas) == 1
    kind, _salt, work = stanzas[0][3:].split(" ")
    assert (kind, work) == ("scrypt", "18")
