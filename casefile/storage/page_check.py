"""Tells a wrong passphrase from a damaged file by checking SQLCipher page MACs ourselves.

SQLCipher (4.x defaults) ends each 4096-byte page with a 16-byte IV and an HMAC-SHA512 over the
encrypted page, the IV and the little-endian page number, keyed from the raw key and the salt.
If page 1 authenticates, the key is right. If it does not but another page does, the key is
right and the file is damaged. If none does, the passphrase is wrong. Nothing is written.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import Enum
from pathlib import Path

PAGE_SIZE = 4096
IV_SIZE = 16
MAC_SIZE = 64
RESERVE = IV_SIZE + MAC_SIZE
SALT_SIZE = 16
PAGES_TO_PROBE = 16


class KeyVerdict(Enum):
    KEY_OK = "key ok"
    DAMAGED = "damaged"
    WRONG_KEY = "wrong key"


def _mac_key(key: bytes, salt: bytes) -> bytes:
    mac_salt = bytes(b ^ 0x3A for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, mac_salt, 2, 32)


def page_authenticates(page: bytes, page_number: int, mac_key: bytes) -> bool:
    if len(page) != PAGE_SIZE:
        return False
    start = SALT_SIZE if page_number == 1 else 0
    body_end = PAGE_SIZE - RESERVE + IV_SIZE
    expected = page[body_end : body_end + MAC_SIZE]
    actual = hmac.new(
        mac_key, page[start:body_end] + page_number.to_bytes(4, "little"), "sha512"
    ).digest()
    return hmac.compare_digest(expected, actual)


def check_key(path: Path, key: bytes, salt: bytes) -> KeyVerdict:
    mac_key = _mac_key(key, salt)
    with path.open("rb") as f:
        first = f.read(PAGE_SIZE)
        if page_authenticates(first, 1, mac_key):
            return KeyVerdict.KEY_OK
        for page_number in range(2, PAGES_TO_PROBE + 1):
            page = f.read(PAGE_SIZE)
            if len(page) < PAGE_SIZE:
                break
            if page_authenticates(page, page_number, mac_key):
                return KeyVerdict.DAMAGED
    return KeyVerdict.WRONG_KEY
