"""The age v1 header: strict parsing and serialising of stanzas, MAC line and base64 rules."""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from dataclasses import dataclass
from hashlib import sha256

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casefile.exchange.age_errors import (
    AgeHeaderDamaged,
    AgeHeaderMacMismatch,
    AgeUnsupported,
    AgeUnsupportedVersion,
    NotAnAgeFile,
)

MAGIC = b"age-encryption.org/"
VERSION_LINE = MAGIC + b"v1"
STANZA_PREFIX = b"-> "
MAC_PREFIX = b"---"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
BODY_COLUMNS = 64
MAC_SIZE = 32
FILE_KEY_SIZE = 16
# Casefile's own bound, not the spec's: every X25519 stanza costs a scalar multiplication per
# identity, so a hostile header with thousands of them would stall the app.
MAX_STANZAS = 256

# Regular expressions keep validation at C speed on hostile headers of many megabytes.
_BASE64_TEXT = re.compile(rb"[A-Za-z0-9+/]*")
_VERSION = re.compile(rb"[\x21-\x7e]+")
_ARGUMENTS = re.compile(rb"[\x21-\x7e]+(?: [\x21-\x7e]+)*")


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its arguments (the first names its type) and its raw body."""

    args: tuple[str, ...]
    body: bytes

    @property
    def kind(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Header:
    """A parsed header: stanzas, the bytes its MAC covers, the MAC, where the payload starts."""

    stanzas: tuple[Stanza, ...]
    mac_input: bytes
    mac: bytes
    payload_start: int


def encode_base64(data: bytes) -> str:
    """Canonical base64 without padding, as every base64 string in an age header is."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def decode_base64(text: bytes | str) -> bytes:
    """Decode unpadded base64, refusing padding, stray characters and non-canonical endings."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else bytes(text)
    if not _BASE64_TEXT.fullmatch(raw) or len(raw) % 4 == 1:
        raise AgeHeaderDamaged("invalid base64")
    padded = raw + b"=" * (-len(raw) % 4)
    try:
        decoded = base64.b64decode(padded, validate=True)
    except binascii.Error as error:
        raise AgeHeaderDamaged("invalid base64") from error
    # Unused low bits of the last character must be zero; re-encoding proves they were.
    if base64.b64encode(decoded).rstrip(b"=") != raw:
        raise AgeHeaderDamaged("non-canonical base64")
    return decoded


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    """HMAC-SHA-256 over the header up to and including '---', keyed from the file key."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"header").derive(file_key)
    return hmac.new(key, mac_input, sha256).digest()


def verify_header_mac(file_key: bytes, header: Header) -> None:
    expected = header_mac(file_key, header.mac_input)
    if not hmac.compare_digest(expected, header.mac):  # constant time, a MAC check
        raise AgeHeaderMacMismatch


def serialise_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    """The full header, MAC line included, for stanzas that all wrap `file_key`."""
    parts = [VERSION_LINE, b"\n"]
    for stanza in stanzas:
        parts.append(STANZA_PREFIX + " ".join(stanza.args).encode("ascii") + b"\n")
        encoded = encode_base64(stanza.body).encode("ascii")
        lines = [encoded[i : i + BODY_COLUMNS] for i in range(0, len(encoded), BODY_COLUMNS)]
        # The body always ends with a line shorter than 64 columns, empty if need be.
        if not lines or len(lines[-1]) == BODY_COLUMNS:
            lines.append(b"")
        parts.extend(line + b"\n" for line in lines)
    parts.append(MAC_PREFIX)
    mac_input = b"".join(parts)
    mac = header_mac(file_key, mac_input)
    return mac_input + b" " + encode_base64(mac).encode("ascii") + b"\n"


def _next_line(data: bytes, start: int) -> tuple[bytes, int]:
    """The line starting at `start` (without its LF) and where the next one starts."""
    end = data.find(b"\n", start)
    if end < 0:
        raise AgeHeaderDamaged("header ends without a line feed")
    return data[start:end], end + 1


def _parse_arguments(line: bytes) -> tuple[str, ...]:
    text = line[len(STANZA_PREFIX) :]
    if not _ARGUMENTS.fullmatch(text):
        raise AgeHeaderDamaged("empty argument or invalid character in a stanza")
    return tuple(text.decode("ascii").split(" "))


def _parse_body(data: bytes, start: int) -> tuple[bytes, int]:
    lines: list[bytes] = []
    pos = start
    while True:
        line, pos = _next_line(data, pos)
        if len(line) > BODY_COLUMNS:
            raise AgeHeaderDamaged("stanza body line longer than 64 columns")
        lines.append(line)
        if len(line) < BODY_COLUMNS:
            return decode_base64(b"".join(lines)), pos


def reject_unsupported_encodings(data: bytes) -> None:
    """Say clearly what we refuse before the strict parser calls it 'not an age file'."""
    # Armor may follow leading whitespace; a bounded prefix avoids copying a large file.
    if data[:4096].lstrip(b" \t\r\n").startswith(ARMOR_BEGIN):
        raise AgeUnsupported("ASCII armor")
    if not data.startswith(MAGIC):
        raise NotAnAgeFile


def parse_header(data: bytes) -> Header:
    """Parse and check everything about the header that needs no key (the MAC needs one)."""
    reject_unsupported_encodings(data)
    version, pos = _next_line(data, 0)
    if version != VERSION_LINE:
        rest = version[len(MAGIC) :]
        if _VERSION.fullmatch(rest):
            raise AgeUnsupportedVersion
        raise AgeHeaderDamaged("malformed version line")
    stanzas: list[Stanza] = []
    while True:
        line_start = pos
        line, pos = _next_line(data, pos)
        if line.startswith(STANZA_PREFIX):
            if len(stanzas) == MAX_STANZAS:
                raise AgeUnsupported(f"more than {MAX_STANZAS} recipients")
            args = _parse_arguments(line)
            body, pos = _parse_body(data, pos)
            stanzas.append(Stanza(args, body))
        elif line.startswith(MAC_PREFIX):
            break
        else:
            raise AgeHeaderDamaged("line is neither a stanza nor the MAC")
    if not stanzas:
        raise AgeHeaderDamaged("header has no recipient stanza")
    encoded_mac = line[len(MAC_PREFIX) :]
    if not encoded_mac.startswith(b" ") or len(encoded_mac) != 44:
        raise AgeHeaderDamaged("malformed MAC line")
    mac = decode_base64(encoded_mac[1:])
    return Header(
        stanzas=tuple(stanzas),
        mac_input=data[: line_start + len(MAC_PREFIX)],
        mac=mac,
        payload_start=pos,
    )
