"""Each failure gets its own typed error, a message a reporter can act on, and a CCTV category."""

from __future__ import annotations

import pytest

from casefile.domain.errors import CasefileError, InvalidValue
from casefile.exchange import age
from casefile.exchange.age_errors import UNSUPPORTED

SECRET, PUBLIC = age.generate_identity()
PASSPHRASE = "Zorvath Quillenby"


def passphrase_file(plaintext: bytes = b"notes") -> bytes:
    return age.encrypt_with_passphrase(plaintext, PASSPHRASE, log2_work=4)


def recipient_file(plaintext: bytes = b"notes") -> bytes:
    return age.encrypt_to_recipients(plaintext, [PUBLIC])


def test_wrong_passphrase() -> None:
    with pytest.raises(age.AgeWrongPassphrase) as refused:
        age.decrypt(passphrase_file(), passphrase=PASSPHRASE + " ")
    assert str(refused.value).startswith("wrong passphrase")
    assert PASSPHRASE not in str(refused.value)


def test_not_encrypted_to_any_of_your_keys() -> None:
    other, _ = age.generate_identity()
    with pytest.raises(age.AgeNoMatchingIdentity) as refused:
        age.decrypt(recipient_file(), identities=[other])
    assert str(refused.value).startswith("this file was not encrypted to any of your keys")


def test_a_passphrase_for_a_key_file_is_no_match_with_a_hint() -> None:
    with pytest.raises(age.AgeNoMatchingIdentity) as refused:
        age.decrypt(recipient_file(), passphrase=PASSPHRASE)
    assert "not a passphrase" in str(refused.value)


def test_a_passphrase_file_without_a_passphrase_asks_for_one() -> None:
    with pytest.raises(age.AgePassphraseRequired):
        age.decrypt(passphrase_file(), identities=[SECRET])


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.7\n", b"\x00" * 100, b"AGE-ENCRYPTION.ORG/v1\n", b"age-encryption.org"],
)
def test_not_an_age_file(data: bytes) -> None:
    with pytest.raises(age.NotAnAgeFile) as refused:
        age.decrypt(data, passphrase=PASSPHRASE)
    assert "not an encrypted Casefile export" in str(refused.value)


def test_damaged_header_says_damaged_or_incomplete() -> None:
    data = recipient_file()
    with pytest.raises(age.AgeHeaderDamaged) as refused:
        age.decrypt(data[:40], identities=[SECRET])
    assert str(refused.value).startswith("this file is damaged or incomplete")


def test_header_mac_mismatch_is_its_own_kind_of_damage() -> None:
    data = bytearray(recipient_file())
    mac_at = data.index(b"\n--- ") + 6
    data[mac_at] = ord("A") if data[mac_at] != ord("A") else ord("B")
    with pytest.raises(age.AgeHeaderMacMismatch) as refused:
        age.decrypt(bytes(data), identities=[SECRET])
    assert isinstance(refused.value, age.AgeHeaderDamaged)
    assert age.cctv_category(refused.value) == "HMAC failure"


def test_damaged_payload_returns_nothing_and_says_so() -> None:
    data = bytearray(recipient_file(b"x" * 200_000))
    data[-5] ^= 0x40
    with pytest.raises(age.AgePayloadDamaged) as refused:
        age.decrypt(bytes(data), identities=[SECRET])
    assert "damaged or incomplete" in str(refused.value)
    assert "nothing was imported" in str(refused.value)


def test_armor_is_unsupported() -> None:
    armored = b"\n  -----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
    with pytest.raises(age.AgeUnsupported, match="ASCII armor"):
        age.decrypt(armored, identities=[SECRET])


def test_a_file_only_for_post_quantum_keys_is_unsupported() -> None:
    body = b"A" * 43
    data = (
        b"age-encryption.org/v1\n-> mlkem768x25519 "
        + b"A" * 1494
        + b"\n"
        + body
        + b"\n--- "
        + b"A" * 43
        + b"\n"
        + bytes(32)
    )
    with pytest.raises(age.AgeUnsupported, match="post-quantum"):
        age.decrypt(data, identities=[SECRET])


def test_newer_format_versions_are_unsupported_but_count_as_header_failures() -> None:
    data = recipient_file().replace(b"age-encryption.org/v1\n", b"age-encryption.org/v2\n", 1)
    with pytest.raises(age.AgeUnsupportedVersion) as refused:
        age.decrypt(data, identities=[SECRET])
    assert age.cctv_category(refused.value) == "header failure"


def test_every_error_is_a_casefile_error_with_a_category() -> None:
    expected: dict[type[age.AgeError], str] = {
        age.NotAnAgeFile: "header failure",
        age.AgeHeaderDamaged: "header failure",
        age.AgeHeaderMacMismatch: "HMAC failure",
        age.AgeWrongPassphrase: "no match",
        age.AgePassphraseRequired: "no match",
        age.AgeNoMatchingIdentity: "no match",
        age.AgePayloadDamaged: "payload failure",
        age.AgeUnsafeWorkFactor: "header failure",
        age.AgeUnsupported: UNSUPPORTED,
        age.AgeUnsupportedVersion: "header failure",
    }
    for error_type, category in expected.items():
        assert issubclass(error_type, CasefileError)
        assert error_type.cctv_category == category, error_type


def test_encryption_refuses_an_empty_or_untypable_passphrase() -> None:
    with pytest.raises(InvalidValue):
        age.encrypt_with_passphrase(b"x", "")
    with pytest.raises(InvalidValue):
        age.encrypt_with_passphrase(b"x", "\ud800", log2_work=2)
    with pytest.raises(age.AgeWrongPassphrase):
        age.decrypt(passphrase_file(), passphrase="\ud800")


def test_more_recipients_than_casefile_accepts_is_refused_quickly() -> None:
    """A hostile header with thousands of stanzas must not cost thousands of X25519 operations."""
    stanza = b"-> X25519 " + b"A" * 42 + b"E\n" + b"A" * 43 + b"\n"
    data = b"age-encryption.org/v1\n" + stanza * 257 + b"--- " + b"A" * 43 + b"\n" + bytes(32)
    with pytest.raises(age.AgeUnsupported, match="recipients"):
        age.decrypt(data, identities=[SECRET])
