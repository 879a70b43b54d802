"""age key strings: Bech32 (BIP 173, no length limit) for X25519 identities and recipients."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from casefile.exchange.age_errors import AgeInvalidKey, AgeUnsupported

RECIPIENT_HRP = "age"
IDENTITY_HRP = "AGE-SECRET-KEY-"
KEY_SIZE = 32

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_INDEX = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_CHECKSUM_LENGTH = 6


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _expand_hrp(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(data: bytes | list[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup a sequence of `from_bits`-bit values into `to_bits`-bit values."""
    accumulator = 0
    bits = 0
    result: list[int] = []
    mask = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            result.append((accumulator >> bits) & mask)
    if pad:
        if bits:
            result.append((accumulator << (to_bits - bits)) & mask)
    elif bits >= from_bits or (accumulator << (to_bits - bits)) & mask:
        # Leftover bits must be fewer than one input group and all zero.
        raise ValueError("non-zero padding")
    return result


def bech32_encode(hrp: str, data: bytes) -> str:
    """Bech32 of `data` with this human-readable part, in the case `hrp` is written in."""
    lower_hrp = hrp.lower()
    words = _regroup(data, 8, 5, pad=True)
    polymod = _polymod([*_expand_hrp(lower_hrp), *words, *[0] * _CHECKSUM_LENGTH]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(_CHECKSUM_LENGTH)]
    text = lower_hrp + "1" + "".join(_CHARSET[w] for w in [*words, *checksum])
    return text.upper() if hrp.isupper() else text


def bech32_decode(text: str) -> tuple[str, bytes]:
    """(lowercase hrp, data) of a Bech32 string; ValueError if anything is off."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    if any(not 33 <= ord(c) <= 126 for c in text):
        raise ValueError("invalid character")
    lower = text.lower()
    separator = lower.rfind("1")
    if separator < 1 or len(lower) - separator - 1 < _CHECKSUM_LENGTH:
        raise ValueError("missing separator or checksum")
    hrp, encoded = lower[:separator], lower[separator + 1 :]
    try:
        words = [_CHARSET_INDEX[c] for c in encoded]
    except KeyError as error:
        raise ValueError("invalid character") from error
    if _polymod([*_expand_hrp(hrp), *words]) != 1:
        raise ValueError("bad checksum")
    return hrp, bytes(_regroup(words[:-_CHECKSUM_LENGTH], 5, 8, pad=False))


def parse_recipient(text: str) -> bytes:
    """The X25519 public key of a native `age1…` recipient (lowercase, checksum verified)."""
    if text.lower().startswith(("age1pq1", "age1tagpq1")):
        raise AgeUnsupported("post-quantum recipients")
    if text.startswith(("ssh-", "ecdsa-")):
        raise AgeUnsupported("SSH keys")
    try:
        hrp, key = bech32_decode(text)
    except ValueError as error:
        raise AgeInvalidKey("recipient") from error
    if hrp.startswith("age1"):
        # age1<plugin name>1…: a recipient handled by an external age plugin.
        raise AgeUnsupported("plugin recipients")
    if text != text.lower() or hrp != RECIPIENT_HRP or len(key) != KEY_SIZE:
        raise AgeInvalidKey("recipient")
    return key


def parse_identity(text: str) -> X25519PrivateKey:
    """The X25519 private key of an `AGE-SECRET-KEY-1…` identity (uppercase, as age writes)."""
    upper = text.upper()
    if upper.startswith("AGE-SECRET-KEY-PQ-"):
        raise AgeUnsupported("post-quantum keys")
    if upper.startswith("AGE-PLUGIN-"):
        raise AgeUnsupported("plugin keys")
    try:
        hrp, key = bech32_decode(text)
    except ValueError as error:
        raise AgeInvalidKey("secret key") from error
    if text != upper or hrp != IDENTITY_HRP.lower() or len(key) != KEY_SIZE:
        raise AgeInvalidKey("secret key")
    return X25519PrivateKey.from_private_bytes(key)


def public_bytes(identity: X25519PrivateKey) -> bytes:
    return identity.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def encode_recipient(public_key: bytes) -> str:
    return bech32_encode(RECIPIENT_HRP, public_key)


def generate_identity() -> tuple[str, str]:
    """A fresh (AGE-SECRET-KEY-1… secret, age1… public) pair."""
    identity = X25519PrivateKey.generate()
    secret = identity.private_bytes_raw()
    return bech32_encode(IDENTITY_HRP, secret), encode_recipient(public_bytes(identity))


def recipient_of(identity: str) -> str:
    """The age1… public recipient of an AGE-SECRET-KEY-1… identity."""
    return encode_recipient(public_bytes(parse_identity(identity)))


def is_valid_recipient(text: str) -> bool:
    """True for a well-formed native X25519 recipient (lowercase `age1…`, good checksum)."""
    try:
        parse_recipient(text)
    except (AgeInvalidKey, AgeUnsupported):
        return False
    return True
