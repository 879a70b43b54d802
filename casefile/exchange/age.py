"""Casefile's age v1 (age-encryption.org/v1): encrypt to a passphrase or keys, decrypt strictly."""

from __future__ import annotations

import os
from collections.abc import Sequence

from casefile.domain.errors import InvalidValue
from casefile.exchange import age_recipients
from casefile.exchange.age_errors import (
    AgeError,
    AgeHeaderDamaged,
    AgeHeaderMacMismatch,
    AgeInvalidKey,
    AgeNoMatchingIdentity,
    AgePassphraseRequired,
    AgePayloadDamaged,
    AgeUnsafeWorkFactor,
    AgeUnsupported,
    AgeUnsupportedVersion,
    AgeWrongPassphrase,
    NotAnAgeFile,
    cctv_category,
)
from casefile.exchange.age_format import (
    FILE_KEY_SIZE,
    Header,
    Stanza,
    parse_header,
    serialise_header,
    verify_header_mac,
)
from casefile.exchange.age_keys import (
    generate_identity,
    is_valid_recipient,
    parse_identity,
    parse_recipient,
    recipient_of,
)
from casefile.exchange.age_recipients import (
    ABSOLUTE_MAX_LOG2_WORK,
    SCRYPT_KIND,
    UNSUPPORTED_KINDS,
    X25519_KIND,
)
from casefile.exchange.age_stream import NONCE_SIZE, open_payload, seal

__all__ = [
    "ABSOLUTE_MAX_LOG2_WORK",
    "DEFAULT_LOG2_WORK",
    "DEFAULT_MAX_LOG2_WORK",
    "AgeError",
    "AgeHeaderDamaged",
    "AgeHeaderMacMismatch",
    "AgeInvalidKey",
    "AgeNoMatchingIdentity",
    "AgePassphraseRequired",
    "AgePayloadDamaged",
    "AgeUnsafeWorkFactor",
    "AgeUnsupported",
    "AgeUnsupportedVersion",
    "AgeWrongPassphrase",
    "NotAnAgeFile",
    "cctv_category",
    "decrypt",
    "encrypt_to_recipients",
    "encrypt_with_passphrase",
    "generate_identity",
    "is_valid_recipient",
    "recipient_of",
]

DEFAULT_LOG2_WORK = 18
DEFAULT_MAX_LOG2_WORK = 20


def _passphrase_bytes(passphrase: str) -> bytes:
    try:
        return passphrase.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidValue("passphrase", "contains characters that cannot be typed") from error


def new_file_key() -> bytes:
    """A fresh random file key; every file gets its own, never reused."""
    return os.urandom(FILE_KEY_SIZE)


def _seal(plaintext: bytes, stanzas: list[Stanza], file_key: bytes) -> bytes:
    return seal(file_key, plaintext, header=serialise_header(stanzas, file_key))


def encrypt_with_passphrase(
    plaintext: bytes, passphrase: str, *, log2_work: int = DEFAULT_LOG2_WORK
) -> bytes:
    """An age file with exactly one scrypt stanza (work factor 2^log2_work)."""
    if not passphrase:
        raise InvalidValue("passphrase", "is empty")
    if not 1 <= log2_work <= ABSOLUTE_MAX_LOG2_WORK:
        raise ValueError(f"log2_work must be 1–{ABSOLUTE_MAX_LOG2_WORK}, not {log2_work}")
    file_key = new_file_key()
    stanza = age_recipients.scrypt_stanza(file_key, _passphrase_bytes(passphrase), log2_work)
    return _seal(plaintext, [stanza], file_key)


def encrypt_to_recipients(plaintext: bytes, recipients: Sequence[str]) -> bytes:
    """An age file that any of these `age1…` X25519 recipients can open."""
    if isinstance(recipients, str):
        raise TypeError("recipients must be a sequence of strings, not one string")
    if not recipients:
        raise InvalidValue("recipients", "is empty", hint="add at least one age1… key")
    keys = [parse_recipient(recipient) for recipient in recipients]
    file_key = new_file_key()
    stanzas = [age_recipients.x25519_stanza(file_key, key) for key in keys]
    return _seal(plaintext, stanzas, file_key)


def _check_limits(max_log2_work: int, allow_log2_work_up_to: int) -> None:
    if not 1 <= max_log2_work <= allow_log2_work_up_to <= ABSOLUTE_MAX_LOG2_WORK:
        raise ValueError(
            "need 1 <= max_log2_work <= allow_log2_work_up_to <= "
            f"{ABSOLUTE_MAX_LOG2_WORK}, got {max_log2_work} and {allow_log2_work_up_to}"
        )


def _file_key_from_passphrase(
    header: Header, passphrase: str | None, *, max_log2_work: int, allow_up_to: int
) -> bytes:
    # An scrypt stanza must be alone, so that a passphrase file authenticates its sender.
    if len(header.stanzas) != 1:
        raise AgeHeaderDamaged("scrypt stanza is not the only stanza")
    parsed = age_recipients.parse_scrypt_stanza(header.stanzas[0])
    log2_work = age_recipients.check_work_factor(
        parsed, max_log2_work=max_log2_work, allow_up_to=allow_up_to
    )
    if passphrase is None:
        raise AgePassphraseRequired
    try:
        secret = passphrase.encode("utf-8")
    except UnicodeEncodeError as error:
        raise AgeWrongPassphrase from error
    return age_recipients.unwrap_scrypt(parsed, log2_work, secret)


def _file_key_from_identities(
    header: Header, identities: Sequence[str], *, passphrase_given: bool
) -> bytes:
    # Every X25519 stanza is checked before any key is tried, so a malformed one is refused
    # whatever its position.
    x25519 = [
        age_recipients.parse_x25519_stanza(s) for s in header.stanzas if s.kind == X25519_KIND
    ]
    keys = [parse_identity(identity) for identity in identities]
    for stanza in x25519:
        for key in keys:
            file_key = age_recipients.unwrap_x25519(stanza, key)
            if file_key is not None:
                return file_key
    if not x25519:
        for other in header.stanzas:
            if other.kind in UNSUPPORTED_KINDS:
                raise AgeUnsupported(UNSUPPORTED_KINDS[other.kind])
    raise AgeNoMatchingIdentity(passphrase_given=passphrase_given)


def decrypt(
    data: bytes,
    *,
    passphrase: str | None = None,
    identities: Sequence[str] = (),
    max_log2_work: int = DEFAULT_MAX_LOG2_WORK,
    allow_log2_work_up_to: int = ABSOLUTE_MAX_LOG2_WORK,
) -> bytes:
    """The plaintext of an age file, or an AgeError saying what is wrong with it.

    All in memory: the plaintext is returned only once every chunk, the final one included,
    has authenticated; on any failure nothing is returned.

    A scrypt work factor above `max_log2_work` raises AgeUnsafeWorkFactor with `may_retry`
    set if it is within `allow_log2_work_up_to` (a caller may ask the user and call again with
    a higher `max_log2_work`); nothing above 2^22 ever runs.
    """
    _check_limits(max_log2_work, allow_log2_work_up_to)
    if isinstance(identities, str):
        raise TypeError("identities must be a sequence of strings, not one string")
    header = parse_header(data)
    if len(data) - header.payload_start < NONCE_SIZE:
        # Refused before any key work; CCTV counts a missing nonce as a header failure.
        raise AgeHeaderDamaged("payload nonce missing or short")
    if any(stanza.kind == SCRYPT_KIND for stanza in header.stanzas):
        file_key = _file_key_from_passphrase(
            header, passphrase, max_log2_work=max_log2_work, allow_up_to=allow_log2_work_up_to
        )
    else:
        file_key = _file_key_from_identities(
            header, identities, passphrase_given=passphrase is not None
        )
    verify_header_mac(file_key, header)
    with memoryview(data) as view:
        return open_payload(file_key, view[header.payload_start :])
