"""The age v1 payload: ChaCha20-Poly1305 STREAM in 64 KiB chunks, all in memory."""

from __future__ import annotations

import io
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


class _Output:
    """A `bytes` result written in place.

    BytesIO lends a writable view of its own storage and `getvalue()` then hands that storage
    over as bytes without copying it; `bytes(bytearray)` would copy a large export once more
    (a third of the time of a 50 MB round trip, measured in benchmarks/bench_age.py).
    """

    def __init__(self, size: int) -> None:
        self._buffer = io.BytesIO()
        if size:
            self._buffer.seek(size - 1)
            self._buffer.write(b"\0")
        self.view = self._buffer.getbuffer()

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # The view must go before the buffer, whatever happened (BytesIO refuses otherwise).
        self.view.release()

    def wipe(self) -> None:
        """Best effort: overwrite what was written before the memory is given back."""
        self.view[:] = bytes(len(self.view))

    def finish(self) -> bytes:
        self.view.release()
        return self._buffer.getvalue()


def seal(file_key: bytes, plaintext: bytes, *, header: bytes) -> bytes:
    """`header` followed by the payload that encrypts `plaintext` under `file_key`."""
    nonce = os.urandom(NONCE_SIZE)
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    count = _chunk_count(len(plaintext))
    with (
        _Output(len(header) + sealed_size(len(plaintext))) as output,
        memoryview(plaintext) as source,
    ):
        target = output.view
        target[: len(header)] = header
        target[len(header) : len(header) + NONCE_SIZE] = nonce
        write_at = len(header) + NONCE_SIZE
        for index in range(count):
            chunk = source[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
            end = write_at + len(chunk) + TAG_SIZE
            last = index == count - 1
            aead.encrypt_into(_chunk_nonce(index, last=last), chunk, None, target[write_at:end])
            write_at = end
        return output.finish()


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
    with _Output(len(sealed) - TAG_SIZE * count) as output:
        for index in range(count):
            start = index * SEALED_CHUNK_SIZE
            chunk = sealed[start : start + SEALED_CHUNK_SIZE]
            out_start = index * CHUNK_SIZE
            out_end = out_start + len(chunk) - TAG_SIZE
            # Only the chunk that ends the file may carry the last-chunk flag, and it must:
            # a truncated, extended or reordered stream fails one of these tags.
            nonce = _chunk_nonce(index, last=index == count - 1)
            try:
                aead.decrypt_into(nonce, chunk, None, output.view[out_start:out_end])
            except InvalidTag as error:
                output.wipe()
                raise AgePayloadDamaged(f"chunk {index} does not authenticate") from error
        return output.finish()
