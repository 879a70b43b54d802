"""A document read from a file: its text and what is known about the file it came from."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before a byte is read (50 MB)."""

MAX_TITLE_LENGTH = 200


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """The text of a document file, ready for `extract`.

    `sha256` and `size_bytes` describe the original bytes (not the extracted text), so the same
    file added twice can be recognised. `language` is a guess ("en", "ar", ...) or "".
    """

    title: str
    text: str
    media_type: str
    sha256: str
    size_bytes: int
    file_name: str
    language: str = ""
