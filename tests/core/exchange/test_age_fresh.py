"""Two encryptions of the same plaintext share no salt, nonce, file key or ciphertext bytes."""

from __future__ import annotations

import pytest

from casefile.exchange import age
from casefile.exchange.age_format import parse_header
from casefile.exchange.age_stream import NONCE_SIZE

PLAINTEXT = b"Zorvath Quillenby, +44 7700 900123\n" * 3000  # ~100 KB, two chunks
WINDOW = 8


@pytest.fixture
def file_keys(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every file key our encryption draws, as it draws it."""
    drawn: list[bytes] = []
    real = age.new_file_key

    def recording() -> bytes:
        drawn.append(real())
        return drawn[-1]

    monkeypatch.setattr(age, "new_file_key", recording)
    return drawn


def windows(data: bytes) -> set[bytes]:
    return {data[i : i + WINDOW] for i in range(len(data) - WINDOW + 1)}


def random_parts(data: bytes) -> bytes:
    """Everything in a file that should be fresh: stanza arguments and bodies, MAC, payload."""
    header = parse_header(data)
    fields = [arg.encode() for stanza in header.stanzas for arg in stanza.args[1:]]
    fields += [stanza.body for stanza in header.stanzas]
    return b"|".join([*fields, header.mac, data[header.payload_start :]])


def assert_share_nothing(first: bytes, second: bytes) -> None:
    one, two = parse_header(first), parse_header(second)
    nonce_one = first[one.payload_start : one.payload_start + NONCE_SIZE]
    nonce_two = second[two.payload_start : two.payload_start + NONCE_SIZE]
    assert nonce_one != nonce_two
    assert one.mac != two.mac
    common = windows(random_parts(first)) & windows(random_parts(second))
    # A chance 8-byte collision between ~200 KB of random bytes is ~2^-30; "|" joins excluded.
    assert {w for w in common if b"|" not in w} == set()


def test_passphrase_exports_share_nothing(file_keys: list[bytes]) -> None:
    first = age.encrypt_with_passphrase(PLAINTEXT, "same passphrase", log2_work=4)
    second = age.encrypt_with_passphrase(PLAINTEXT, "same passphrase", log2_work=4)
    salts = [parse_header(f).stanzas[0].args[1] for f in (first, second)]
    assert salts[0] != salts[1]
    assert len(file_keys) == 2
    assert file_keys[0] != file_keys[1]
    assert_share_nothing(first, second)


def test_recipient_exports_share_nothing(file_keys: list[bytes]) -> None:
    _, recipient = age.generate_identity()
    first = age.encrypt_to_recipients(PLAINTEXT, [recipient])
    second = age.encrypt_to_recipients(PLAINTEXT, [recipient])
    shares = [parse_header(f).stanzas[0].args[1] for f in (first, second)]
    assert shares[0] != shares[1]
    assert len(file_keys) == 2
    assert file_keys[0] != file_keys[1]
    assert_share_nothing(first, second)


def test_the_fixed_text_is_all_they_share() -> None:
    """Positive control for the window check: the fixed header text does match."""
    first = age.encrypt_with_passphrase(PLAINTEXT, "p", log2_work=4)
    second = age.encrypt_with_passphrase(PLAINTEXT, "p", log2_work=4)
    assert b"age-encryption.org/v1\n-> scrypt " in first
    assert b"age-encryption.org/v1\n-> scrypt " in second
    assert windows(first[:16]) & windows(second[:16])
