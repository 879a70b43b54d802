"""The pane on the right: the selected record, as plain text (never interpreted as HTML)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget


class DetailPane(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.setReadOnly(True)
        self.setMinimumWidth(320)

    def show_text(self, text: str) -> None:
        self.setPlainText(text)
