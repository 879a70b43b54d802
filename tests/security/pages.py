"""Reads an SQLCipher file (and its WAL) page by page with the raw key, as a forensic tool
would once it had the key: used to prove deleted data is really gone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
IV = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, page_number: int, key: bytes) -> bytes:
    start = 16 if page_number == 1 else 0
    body = page[start : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def file_pages(path: Path, key: bytes | None) -> Iterator[bytes]:
    data = path.read_bytes()
    for n in range(len(data) // PAGE):
        page = data[n * PAGE : (n + 1) * PAGE]
        yield page if key is None else decrypt_page(page, n + 1, key)


def wal_pages(path: Path, key: bytes | None) -> Iterator[bytes]:
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
        yield page if key is None or page_number == 0 else decrypt_page(page, page_number, key)
        offset += FRAME_HEADER + PAGE


def contains(blobs: Iterator[bytes], needle: str) -> bool:
    forms = {needle.encode("utf-8"), needle.encode("utf-16-le"), needle.casefold().encode("utf-8")}
    return any(form in blob for blob in blobs for form in forms)
