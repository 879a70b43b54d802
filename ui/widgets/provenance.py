"""How the editors name where a quote or number was found (a document and a character span)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def found_in_text(document_id: str | None, start: int | None, end: int | None, title: str) -> str:
    """ "“Title”, characters 120–240"; "" when there is no document."""
    if document_id is None:
        return ""
    tr = QCoreApplication.translate
    name = f"“{title}”" if title else tr("Provenance", "a document")
    if start is None or end is None:
        return name
    return tr("Provenance", "{0}, characters {1}–{2}").format(name, f"{start:,}", f"{end:,}")
