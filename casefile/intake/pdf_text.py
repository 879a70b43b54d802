"""The text layer of a PDF, read with pypdf; encrypted and scanned PDFs are refused clearly."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from casefile.intake.errors import IntakeError
from casefile.intake.pages import stitch_pages

_HINT = "open it in a PDF viewer and print it to a new PDF, or export its text"
_MIN_TEXT_PER_PAGE = 4  # characters; fewer on every page means there is no text layer


def pdf_to_text(data: bytes, name: str) -> tuple[str, str]:
    """(title, text) of a PDF: page texts separated by blank lines."""
    # pypdf logs every oddity of a damaged file as a warning; they say nothing to a reporter.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, name)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _metadata_title(reader)
    except IntakeError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise IntakeError(f"{name} is a damaged PDF that cannot be read", hint=_HINT) from None
    except RecursionError:
        raise IntakeError(f"{name} is a PDF too deeply nested to read safely", hint=_HINT) from None
    if not pages:
        raise IntakeError(f"{name} is a PDF without pages", hint=_HINT)
    if all(len(page.strip()) < _MIN_TEXT_PER_PAGE for page in pages):
        raise IntakeError(
            f"{name} has no text layer (it is probably a scan or photographs of pages)",
            hint="run it through OCR software first, or type out the passages you need",
        )
    return title, stitch_pages(pages)


def _unlock(reader: PdfReader, name: str) -> None:
    if not reader.is_encrypted:
        return
    # Many PDFs are "encrypted" with an empty password only to restrict printing or copying.
    try:
        unlocked = bool(reader.decrypt(""))
    except (PdfReadError, PyPdfError, NotImplementedError, ValueError):
        unlocked = False
    if not unlocked:
        raise IntakeError(
            f"{name} is an encrypted PDF protected by a password",
            hint="open it with its password and print it to a new, unprotected PDF, then add that",
        )


def _metadata_title(reader: PdfReader) -> str:
    try:
        metadata = reader.metadata
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError):
        return ""
    title = metadata.title if metadata is not None else None
    return " ".join(str(title).split()) if title else ""
