"""Passphrase → 256-bit SQLCipher key with Argon2id, and the 16-byte key header that records how.

The header is the SQLCipher file salt (the first 16 bytes of an encrypted case), so a case stays
one file. Layout:
  0..10  random salt (88 bits)
  11     marker 0xCF (Casefile key header, version 1)
  12     log2 of Argon2 memory in KiB
  13     Argon2 time cost
  14     Argon2 parallelism
  15     CRC-8 of bytes 0..14, so damaged key material is told apart from a wrong passphrase
Bytes 0..14 are the Argon2 salt, binding the parameters to the key. Parameters are read back
within hard limits, so a tampered file cannot demand unbounded memory or time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from casefile.domain.errors import KeyMaterialDamaged, NotACaseFile

HEADER_SIZE = 16
MARKER = 0xCF
KEY_BYTES = 32

# Bounds on what a file may ask for when read (memory in log2 KiB: 8 MiB .. 1 GiB).
MIN_LOG2_MEMORY_KIB, MAX_LOG2_MEMORY_KIB = 13, 20
MAX_TIME_COST = 8
MAX_PARALLELISM = 8


@dataclass(frozen=True)
class KdfParams:
    log2_memory_kib: int
    time_cost: int
    parallelism: int

    @property
    def memory_kib(self) -> int:
        return 1 << self.log2_memory_kib

    def check(self) -> None:
        if not (
            MIN_LOG2_MEMORY_KIB <= self.log2_memory_kib <= MAX_LOG2_MEMORY_KIB
            and 1 <= self.time_cost <= MAX_TIME_COST
            and 1 <= self.parallelism <= MAX_PARALLELISM
        ):
            raise KeyMaterialDamaged(
                "the key settings at the start of this case file are out of range",
                hint="the file is damaged or was tampered with; restore it from a backup",
            )


# About 0.8 s and 256 MiB on a current laptop (SECURITY.md); raise here when laptops get faster:
# files keep the parameters they were written with.
DEFAULT_PARAMS = KdfParams(log2_memory_kib=18, time_cost=3, parallelism=2)
# Only for tests that create many encrypted cases in-process; never the default anywhere.
FAST_TEST_PARAMS = KdfParams(log2_memory_kib=13, time_cost=1, parallelism=1)


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


@dataclass(frozen=True)
class KeyHeader:
    raw: bytes
    params: KdfParams

    @property
    def argon2_salt(self) -> bytes:
        return self.raw[:15]

    @classmethod
    def new(cls, params: KdfParams = DEFAULT_PARAMS) -> KeyHeader:
        params.check()
        body = os.urandom(11) + bytes(
            [MARKER, params.log2_memory_kib, params.time_cost, params.parallelism]
        )
        return cls(body + bytes([_crc8(body)]), params)

    @classmethod
    def parse(cls, raw: bytes) -> KeyHeader:
        if len(raw) != HEADER_SIZE:
            raise NotACaseFile("this file is too short to be a case file")
        if raw[11] != MARKER:
            raise NotACaseFile(
                "this is not a Casefile case file",
                hint="if it is one, its first bytes are damaged: restore it from a backup",
            )
        if _crc8(raw[:15]) != raw[15]:
            raise KeyMaterialDamaged(
                "the key settings at the start of this case file are damaged",
                hint="no passphrase can open it as it is; restore it from a backup",
            )
        params = KdfParams(raw[12], raw[13], raw[14])
        params.check()
        return cls(bytes(raw), params)


class CaseKey:
    """The raw SQLCipher key of one open case, with its header. `wipe()` on lock or close.

    Python may have copied the key elsewhere in memory; wiping is best effort, which is why
    swap and hibernation need full-disk encryption (README, security model).
    """

    def __init__(self, key: bytes, header: KeyHeader) -> None:
        self._key = bytearray(key)
        self.header = header

    @classmethod
    def derive(cls, passphrase: str, header: KeyHeader) -> CaseKey:
        secret = bytearray(passphrase.encode("utf-8"))
        try:
            key = hash_secret_raw(
                secret=bytes(secret),
                salt=header.argon2_salt,
                time_cost=header.params.time_cost,
                memory_cost=header.params.memory_kib,
                parallelism=header.params.parallelism,
                hash_len=KEY_BYTES,
                type=Type.ID,
            )
        finally:
            secret[:] = bytes(len(secret))
        return cls(key, header)

    @property
    def key(self) -> bytes:
        if not any(self._key):
            raise ValueError("this key was wiped")
        return bytes(self._key)

    def pragma_value(self) -> str:
        """The PRAGMA key literal: raw key and explicit salt, so no SQLCipher KDF runs."""
        return f"\"x'{self.key.hex()}{self.header.raw.hex()}'\""

    def wipe(self) -> None:
        self._key[:] = bytes(len(self._key))

    def __repr__(self) -> str:
        return "CaseKey(<hidden>)"
