"""The age v1 payload: ChaCha20-Poly1305 STREAM in 64 KiB chunks, all in memory."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casefile.exchange.age_errors import AgeHeaderDamaged, AgePayloadDamaged

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
NONCE_SIZE = 16
SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
_COUNTER_BYTES = 11
_LAST_CHUNK = b"\x01"
_MORE_CHUNKS = b"\x00"


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload")
    return hkdf.derive(file_key)


def _chunk_nonce(index: int, *, last: bool) -> bytes:
    return index.to_bytes(_COUNTER_BYTES, "big") + (_LAST_CHUNK if last else _MORE_CHUNKS)


def _chunk_count(plaintext_size: int) -> int:
    # An empty plaintext is still one (empty, final) chunk.
    return max(1, -(-plaintext_size // CHUNK_SIZE))


def sealed_size(plaintext_size: int) -> int:
    """Size of the payload (nonce included) for a plaintext of this size."""
    return NONCE_SIZE + plaintext_size + TAG_SIZE * _chunk_count(plaintext_size)


def seal_into(out: bytearray, offset: int, file_key: bytes, plaintext: bytes) -> None:
    """Write the payload for `plaintext` into `out[offset:]`, which must be exactly sized."""
    nonce = os.urandom(NONCE_SIZE)
    out[offset : offset + NONCE_SIZE] = nonce
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    source = memoryview(plaintext)
    target = memoryview(out)
    count = _chunk_count(len(plaintext))
    write_at = offset + NONCE_SIZE
    for index in range(count):
        chunk = source[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
        end = write_at + len(chunk) + TAG_SIZE
        nonce12 = _chunk_nonce(index, last=index == count - 1)
        aead.encrypt_into(nonce12, chunk, None, target[write_at:end])
        write_at = end
    if write_at != len(out):
        raise AssertionError("payload buffer was not sized for this plaintext")


def open_payload(file_key: bytes, payload: memoryview) -> bytes:
    """Decrypt the whole payload; return nothing unless every chunk, the last one included,
    authenticates and the chunk layout is exactly what an honest sender writes."""
    if len(payload) < NONCE_SIZE:
        # CCTV counts a missing or short nonce as a header failure.
        raise AgeHeaderDamaged("payload nonce missing or short")
    aead = ChaCha20Poly1305(payload_key(file_key, bytes(payload[:NONCE_SIZE])))
    sealed = payload[NONCE_SIZE:]
    if not sealed:
        raise AgePayloadDamaged("no chunks")
    count = -(-len(sealed) // SEALED_CHUNK_SIZE)
    last_size = len(sealed) - (count - 1) * SEALED_CHUNK_SIZE
    if last_size < TAG_SIZE:
        raise AgePayloadDamaged("last chunk shorter than its tag")
    if last_size == TAG_SIZE and count > 1:
        raise AgePayloadDamaged("empty final chunk after other chunks")
    plaintext = bytearray(len(sealed) - TAG_SIZE * count)
    target = memoryview(plaintext)
    try:
        for index in range(count):
            start = index * SEALED_CHUNK_SIZE
            chunk = sealed[start : start + SEALED_CHUNK_SIZE]
            # Only the chunk that ends the file may carry the last-chunk flag, and it must:
            # a truncated, extended or reordered stream fails one of these tags.
            nonce12 = _chunk_nonce(index, last=index == count - 1)
            out_start = index * CHUNK_SIZE
            out_end = out_start + len(chunk) - TAG_SIZE
            aead.decrypt_into(nonce12, chunk, None, target[out_start:out_end])
    except InvalidTag as error:
        # Best effort: overwrite what was decrypted so far before it becomes garbage.
        target[:] = bytes(len(plaintext))
        raise AgePayloadDamaged(f"chunk {index} does not authenticate") from error
    finally:
        target.release()
    return bytes(plaintext)
