"""The two native age stanza types Casefile offers: scrypt (passphrase) and X25519 (keys)."""

from __future__ import annotations

import hmac
import os
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from casefile.exchange.age_errors import (
    AgeHeaderDamaged,
    AgeUnsafeWorkFactor,
    AgeWrongPassphrase,
)
from casefile.exchange.age_format import FILE_KEY_SIZE, Stanza, decode_base64, encode_base64
from casefile.exchange.age_keys import KEY_SIZE, public_bytes

SCRYPT_KIND = "scrypt"
X25519_KIND = "X25519"
SCRYPT_SALT_LABEL = b"age-encryption.org/v1/scrypt"
X25519_INFO = b"age-encryption.org/v1/X25519"
SCRYPT_SALT_SIZE = 16
# 2^22 already costs 4 GiB of memory and seconds of CPU; nothing above is ever run.
ABSOLUTE_MAX_LOG2_WORK = 22
WRAPPED_KEY_SIZE = FILE_KEY_SIZE + 16
_ZERO_NONCE = bytes(12)
_CANONICAL_DECIMAL = re.compile(rb"[1-9][0-9]*")
# Stanza types of other age recipients, named so a reporter learns why a file won't open.
UNSUPPORTED_KINDS = {
    "mlkem768x25519": "post-quantum keys",
    "mlkem768p256tag": "post-quantum hardware keys",
    "p256tag": "hardware keys",
    "piv-p256": "hardware keys",
    "ssh-ed25519": "SSH keys",
    "ssh-rsa": "SSH keys",
}


def scrypt_wrap_key(passphrase: bytes, salt: bytes, log2_work: int) -> bytes:
    """The only place scrypt runs (tests replace it to prove a refusal never reaches it)."""
    kdf = Scrypt(salt=SCRYPT_SALT_LABEL + salt, length=32, n=1 << log2_work, r=8, p=1)
    return kdf.derive(passphrase)


def _seal_file_key(wrap_key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None)


def _open_file_key(wrap_key: bytes, wrapped: bytes) -> bytes | None:
    try:
        return ChaCha20Poly1305(wrap_key).decrypt(_ZERO_NONCE, wrapped, None)
    except InvalidTag:
        return None


def _wrapped_key_of(stanza: Stanza) -> bytes:
    # Checked before any decryption, as the spec demands (partitioning oracle attacks).
    if len(stanza.body) != WRAPPED_KEY_SIZE:
        raise AgeHeaderDamaged(f"{stanza.kind} stanza body is not {WRAPPED_KEY_SIZE} bytes")
    return stanza.body


@dataclass(frozen=True)
class ScryptStanza:
    salt: bytes
    log2_work: int | None  # None: a canonical number too long to be a sane work factor
    wrapped_key: bytes


def scrypt_stanza(file_key: bytes, passphrase: bytes, log2_work: int) -> Stanza:
    salt = os.urandom(SCRYPT_SALT_SIZE)
    wrapped = _seal_file_key(scrypt_wrap_key(passphrase, salt, log2_work), file_key)
    return Stanza((SCRYPT_KIND, encode_base64(salt), str(log2_work)), wrapped)


def parse_scrypt_stanza(stanza: Stanza) -> ScryptStanza:
    if len(stanza.args) != 3:
        raise AgeHeaderDamaged("scrypt stanza needs exactly two arguments")
    salt = decode_base64(stanza.args[1])
    if len(salt) != SCRYPT_SALT_SIZE:
        raise AgeHeaderDamaged("scrypt salt is not 16 bytes")
    digits = stanza.args[2].encode("ascii")
    if not _CANONICAL_DECIMAL.fullmatch(digits):
        raise AgeHeaderDamaged("scrypt work factor is not a canonical decimal number")
    log2_work = int(digits) if len(digits) <= 3 else None
    return ScryptStanza(salt, log2_work, _wrapped_key_of(stanza))


def check_work_factor(parsed: ScryptStanza, *, max_log2_work: int, allow_up_to: int) -> int:
    """Refuse a work factor above the caller's limit, before any scrypt runs."""
    log2_work = parsed.log2_work
    if log2_work is None or log2_work > allow_up_to:
        raise AgeUnsafeWorkFactor(log2_work, may_retry=False)
    if log2_work > max_log2_work:
        raise AgeUnsafeWorkFactor(log2_work, may_retry=True)
    return log2_work


def unwrap_scrypt(parsed: ScryptStanza, log2_work: int, passphrase: bytes) -> bytes:
    wrap_key = scrypt_wrap_key(passphrase, parsed.salt, log2_work)
    file_key = _open_file_key(wrap_key, parsed.wrapped_key)
    if file_key is None:
        raise AgeWrongPassphrase
    return file_key


@dataclass(frozen=True)
class X25519Stanza:
    share: bytes
    wrapped_key: bytes


def _x25519_wrap_key(shared_secret: bytes, share: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=share + recipient, info=X25519_INFO)
    return hkdf.derive(shared_secret)


def x25519_stanza(file_key: bytes, recipient: bytes) -> Stanza:
    ephemeral = X25519PrivateKey.generate()
    share = public_bytes(ephemeral)
    shared_secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrapped = _seal_file_key(_x25519_wrap_key(shared_secret, share, recipient), file_key)
    return Stanza((X25519_KIND, encode_base64(share)), wrapped)


def parse_x25519_stanza(stanza: Stanza) -> X25519Stanza:
    if len(stanza.args) != 2:
        raise AgeHeaderDamaged("X25519 stanza needs exactly one argument")
    share = decode_base64(stanza.args[1])
    if len(share) != KEY_SIZE:
        raise AgeHeaderDamaged("X25519 share is not 32 bytes")
    return X25519Stanza(share, _wrapped_key_of(stanza))


def unwrap_x25519(parsed: X25519Stanza, identity: X25519PrivateKey) -> bytes | None:
    """The file key if this stanza was made for `identity`, else None."""
    try:
        # cryptography refuses an all-zero shared secret (a low-order share), as age must.
        shared_secret = identity.exchange(X25519PublicKey.from_public_bytes(parsed.share))
    except ValueError as error:
        raise AgeHeaderDamaged("X25519 share is a low-order point") from error
    if hmac.compare_digest(shared_secret, bytes(KEY_SIZE)):  # should cryptography ever allow it
        raise AgeHeaderDamaged("X25519 shared secret is all zero")
    wrap_key = _x25519_wrap_key(shared_secret, parsed.share, public_bytes(identity))
    return _open_file_key(wrap_key, parsed.wrapped_key)
