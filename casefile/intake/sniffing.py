"""What a file really is, from its first bytes and its name: PDF, Word, HTML or plain text."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from casefile.intake.errors import IntakeError


class Format(StrEnum):
    TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    HTML = "text/html"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    PDF = "application/pdf"


_BY_EXTENSION = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".docx": Format.DOCX,
    ".pdf": Format.PDF,
}
# Formats that cannot be read, by their first bytes, with what the reporter can do instead.
_REFUSED_SIGNATURES = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Word (.doc) or password-protected Office file",
        "open it in Word or LibreOffice, remove any password and save it as .docx",
    ),
    (b"{\\rtf", "a Rich Text (.rtf) file", "save it as .docx or .txt and add that"),
    (b"\x89PNG", "a PNG image", "images have no text to read; type or transcribe it"),
    (b"\xff\xd8\xff", "a JPEG image", "images have no text to read; type or transcribe it"),
    (b"GIF8", "a GIF image", "images have no text to read; type or transcribe it"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and add the document inside"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "unpack it and add the document inside"),
    (b"Rar!", "a RAR archive", "unpack it and add the document inside"),
    (b"\x7fELF", "a program", "only documents can be added"),
    (b"MZ", "a Windows program", "only documents can be added"),
)
_PDF_SIGNATURE = b"%PDF-"
_ZIP_SIGNATURE = b"PK\x03\x04"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect_format(data: bytes, file_name: str) -> Format:
    """The format to read `data` as. Content wins over the name: a PDF named .txt is a PDF."""
    name = PurePath(file_name).name or "the file"
    extension = PurePath(file_name).suffix.lower()
    claimed = _BY_EXTENSION.get(extension)
    head = data[:1024]
    if _PDF_SIGNATURE in head:
        return Format.PDF
    if head.startswith(_ZIP_SIGNATURE):
        return Format.DOCX  # the Word reader refuses a ZIP that is not a Word document
    for signature, what, hint in _REFUSED_SIGNATURES:
        if head.startswith(signature):
            raise IntakeError(f"{name} is {what}, which cannot be read", hint=hint)
    if claimed in (Format.PDF, Format.DOCX):
        kind = "a PDF" if claimed is Format.PDF else "a Word document"
        raise IntakeError(
            f"{name} is named like {kind} but its content is not one",
            hint="it may be damaged or renamed; open it in its program and save it again",
        )
    if claimed is not None:
        return claimed
    if _looks_like_html(head):
        return Format.HTML
    return Format.TEXT


def _looks_like_html(head: bytes) -> bool:
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
    start = head.lstrip()[:32].lower().replace(b"\x00", b"")
    return start.startswith(_HTML_STARTS)
