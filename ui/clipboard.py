"""Copying records to the clipboard, masked like the screen, and clearing what we put there
when the case locks or closes; copying secrets (a generated export passphrase) so that they
leave the clipboard on their own."""

from __future__ import annotations

import hashlib
import hmac

from PySide6.QtCore import QByteArray, QMimeData, QTimer
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


# How long a copied secret stays: long enough to paste it into a messenger, short enough
# that it is not there for whoever uses the laptop next (password managers use 10 to 45 s).
SECRET_CLEAR_MS = 45_000
# Clipboard managers (KDE's Klipper, and others that honour it) keep no history of this copy.
PASSWORD_MANAGER_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a MIME type, not a secret


def copy_secret(text: str, clear_after_ms: int | None = None) -> int:
    """Puts a secret on the clipboard, marked as a password, and clears it after a while if
    it is still there (anything the reporter copied since is left alone). Only a digest of
    the secret is kept for that check. Returns the delay in milliseconds."""
    delay = SECRET_CLEAR_MS if clear_after_ms is None else clear_after_ms
    data = QMimeData()
    data.setText(text)
    data.setData(PASSWORD_MANAGER_HINT, QByteArray(b"secret"))
    QGuiApplication.clipboard().setMimeData(data)
    digest = _digest(text)
    QTimer.singleShot(delay, lambda: clear_if_digest(digest))
    return delay


def clear_if_digest(digest: bytes) -> bool:
    """Empties the clipboard if it holds the text with this digest."""
    clipboard = QGuiApplication.clipboard()
    if hmac.compare_digest(_digest(clipboard.text()), digest):
        clipboard.clear()
        return True
    return False


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
