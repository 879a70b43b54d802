"""Reading document files (.txt, .md, .html, .docx, .pdf) into text, with size and type limits."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path, PurePath

from casefile.intake.document import MAX_FILE_BYTES, ReadDocument
from casefile.intake.docx_text import docx_to_text
from casefile.intake.errors import IntakeError
from casefile.intake.html_text import html_to_text
from casefile.intake.pdf_text import pdf_to_text
from casefile.intake.plain_text import decode_text
from casefile.intake.sniffing import Format, detect_format
from casefile.intake.titles import first_line_title, guess_language, trim_title

_LIMIT_TEXT = f"{MAX_FILE_BYTES // 2**20} MB"
_READ_CHUNK = 1024 * 1024


def read_file(path: Path) -> ReadDocument:
    """Read a document file. Refuses, before reading a byte, what is not a regular file or is
    larger than 50 MB; never blocks on a pipe or device."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IntakeError(f"{name} was not found", hint="check the path and try again") from None
    except PermissionError:
        raise IntakeError(
            f"{name} cannot be read: permission denied", hint="check the file's permissions"
        ) from None
    except OSError as error:
        raise IntakeError(f"{name} cannot be read ({error.strerror})") from None
    _check_regular(info.st_mode, name)
    _check_size(info.st_size, name)
    return read_bytes(_read_regular(path, name), name)


def _check_regular(mode: int, name: str) -> None:
    if stat.S_ISDIR(mode):
        raise IntakeError(f"{name} is a folder, not a file", hint="choose the files inside it")
    if not stat.S_ISREG(mode):
        raise IntakeError(
            f"{name} is not a regular file (it is a pipe, socket or device)",
            hint="save the document to an ordinary file and add that",
        )


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise IntakeError(
            f"{name} is {size / 2**20:.0f} MB, more than the {_LIMIT_TEXT} Casefile reads",
            hint="split it into smaller files, or export only the pages you need",
        )


def _read_regular(path: Path, name: str) -> bytes:
    # O_NONBLOCK: if the path was swapped for a pipe after the check, opening must not hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise IntakeError(f"{name} cannot be opened ({error.strerror})") from None
    try:
        info = os.fstat(descriptor)
        _check_regular(info.st_mode, name)
        _check_size(info.st_size, name)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, _READ_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            _check_size(size, name)  # the file grew while being read
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        if error.errno == errno.EAGAIN:
            raise IntakeError(f"{name} is not a regular file") from None
        raise IntakeError(f"{name} cannot be read ({error.strerror})") from None
    finally:
        os.close(descriptor)


def read_bytes(data: bytes, file_name: str) -> ReadDocument:
    """Read a document from its bytes; `file_name` gives its type when the content does not."""
    name = PurePath(file_name).name or "the document"
    _check_size(len(data), name)
    if not data.strip():
        raise IntakeError(f"{name} is empty", hint="check that the right file was chosen")
    kind = detect_format(data, file_name)
    if kind is Format.PDF:
        title, text = pdf_to_text(data, name)
    elif kind is Format.DOCX:
        title, text = docx_to_text(data, name)
    elif kind is Format.HTML:
        title, text = html_to_text(data, name)
    else:
        title, text = "", decode_text(data, name)
    if not text.strip():
        raise IntakeError(f"{name} contains no text", hint="check that the right file was chosen")
    title = trim_title(title) if title.strip() else ""
    title = title or first_line_title(text, markdown=kind is Format.MARKDOWN)
    return ReadDocument(
        title=title or trim_title(PurePath(name).stem),
        text=text,
        media_type=kind.value,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        file_name=name,
        language=guess_language(text),
    )
