"""Copying records to the clipboard, masked like the screen, and clearing what we put there
when the case locks or closes."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from casefile.domain.enums import Protection, RecordKind
from casefile.privacy.policy import PROTECTED_PLACEHOLDER
from casefile.services.listing import Row
from ui.models.columns import COLUMNS
from ui.privacy_state import PrivacyState


def cited(name: str, pseudonym: str, protection: Protection | None) -> str:
    """How a copied source is named: never by its real name unless it is a named source —
    not even when its name is revealed on screen (the clipboard leaves the window)."""
    if protection is None or not protection.cited_by_pseudonym:
        return name
    return pseudonym or PROTECTED_PLACEHOLDER


def row_text(kind: RecordKind, row: Row, privacy: PrivacyState) -> str:
    """What a copied row reads as."""
    if kind is RecordKind.SOURCE:
        v = row.values
        return cited(v["name"], v["pseudonym"], v["protection"])
    if kind is RecordKind.QUOTE:
        who = ""
        if row.source_id is not None:
            who = cited(row.source_name, row.source_pseudonym, row.source_protection)
        text = row.values["text"]
        return f"“{text}” — {who}" if who else f"“{text}”"
    columns = COLUMNS[kind]
    return "\t".join(c.display(row, privacy) for c in columns[:3])


class CaseClipboard:
    def __init__(self) -> None:
        # Copies are masked as under the privacy screen, whatever is revealed on screen.
        self._masked = PrivacyState(privacy_screen=True)
        self._ours: str | None = None

    def copy_rows(self, kind: RecordKind, rows: list[Row]) -> str:
        text = "\n".join(row_text(kind, row, self._masked) for row in rows)
        QGuiApplication.clipboard().setText(text)
        self._ours = text
        return text

    def clear_if_ours(self) -> bool:
        """Empties the clipboard if it still holds what we copied (on lock and close)."""
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
            self._ours = None
            return True
        self._ours = None
        return False
