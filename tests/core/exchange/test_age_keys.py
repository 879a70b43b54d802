"""age keys: Bech32, identities and recipients, and the keys Casefile refuses."""

from __future__ import annotations

import pytest

from casefile.domain.errors import InvalidValue
from casefile.exchange import age
from casefile.exchange.age_keys import bech32_decode, bech32_encode, parse_identity

# The example pair from the age specification (age-encryption.org/v1).
SPEC_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"


def test_the_spec_example_pair() -> None:
    assert age.recipient_of(SPEC_IDENTITY) == SPEC_RECIPIENT
    assert age.is_valid_recipient(SPEC_RECIPIENT)


@pytest.mark.parametrize(
    "text",
    ["A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "?1ezyfcl"],
)
def test_bip173_valid_strings(text: str) -> None:
    hrp, data = bech32_decode(text)
    assert bech32_encode(hrp.upper() if text.isupper() else hrp, data) == text


@pytest.mark.parametrize(
    "text",
    [
        "pzry9x0s0muk",  # no separator
        "1pzry9x0s0muk",  # empty human-readable part
        "x1b4n0q5v",  # 'b' is not in the alphabet
        "li1dgmt3",  # checksum too short
        "A1G7SGD8",  # checksum computed over the uppercase HRP
        "A12uEL5L",  # mixed case
        "a12uel5l ",  # trailing space
    ],
)
def test_bip173_invalid_strings(text: str) -> None:
    with pytest.raises(ValueError, match=r"separator|character|checksum|case"):
        bech32_decode(text)


def test_generated_identities_are_fresh_and_consistent() -> None:
    pairs = {age.generate_identity() for _ in range(20)}
    assert len(pairs) == 20
    for secret, public in pairs:
        assert secret.startswith("AGE-SECRET-KEY-1")
        assert len(secret) == 74
        assert public.startswith("age1")
        assert len(public) == 62
        assert age.recipient_of(secret) == public
        assert age.is_valid_recipient(public)


def flip_char(text: str, at: int) -> str:
    replacement = "q" if text[at] != "q" else "p"
    return text[:at] + replacement + text[at + 1 :]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "age1",
        SPEC_RECIPIENT.upper(),  # recipients are lowercase
        SPEC_RECIPIENT[:-1],  # truncated
        flip_char(SPEC_RECIPIENT, 10),  # one character changed: bad checksum
        SPEC_RECIPIENT + "q",
        " " + SPEC_RECIPIENT,
        SPEC_IDENTITY,  # a secret key is not a recipient
        bech32_encode("age", bytes(31)),  # wrong key length
        bech32_encode("agf", bytes(32)),  # wrong prefix
    ],
)
def test_invalid_recipients(text: str) -> None:
    assert not age.is_valid_recipient(text)
    with pytest.raises(age.AgeInvalidKey):
        age.encrypt_to_recipients(b"x", [text])


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (bech32_encode("age1pq", bytes(1216)), "post-quantum"),
        (bech32_encode("age1tag", bytes(33)), "plugin"),
        (bech32_encode("age1yubikey", bytes(33)), "plugin"),
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDV2 reporter@laptop", "SSH"),
    ],
)
def test_unsupported_recipients_are_named(text: str, what: str) -> None:
    assert not age.is_valid_recipient(text)
    with pytest.raises(age.AgeUnsupported, match=what):
        age.encrypt_to_recipients(b"x", [text])


@pytest.mark.parametrize(
    "text",
    [
        SPEC_IDENTITY.lower(),  # identities are uppercase
        SPEC_IDENTITY[:-1],
        flip_char(SPEC_IDENTITY, 20),
        SPEC_RECIPIENT,
        bech32_encode("AGE-SECRET-KEY-", bytes(16)),
        "",
    ],
)
def test_invalid_identities(text: str) -> None:
    with pytest.raises(age.AgeInvalidKey) as refused:
        parse_identity(text)
    # The message never echoes the key it refused.
    assert text[5:] not in str(refused.value) or not text


@pytest.mark.parametrize(
    "text",
    [
        bech32_encode("AGE-SECRET-KEY-PQ-", bytes(32)),
        bech32_encode("AGE-PLUGIN-YUBIKEY-", bytes(20)),
    ],
)
def test_unsupported_identities_are_named(text: str) -> None:
    with pytest.raises(age.AgeUnsupported):
        age.recipient_of(text)


def test_one_string_is_not_a_list_of_keys() -> None:
    secret, public = age.generate_identity()
    with pytest.raises(TypeError):
        age.encrypt_to_recipients(b"x", public)
    with pytest.raises(TypeError):
        age.decrypt(age.encrypt_to_recipients(b"x", [public]), identities=secret)


def test_no_recipients_is_refused() -> None:
    with pytest.raises(InvalidValue):
        age.encrypt_to_recipients(b"x", [])
