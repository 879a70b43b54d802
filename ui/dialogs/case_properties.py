"""File ▸ Properties: the case's title and summary."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from casefile.domain.records import CaseDraft


class CasePropertiesDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, draft: CaseDraft) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case properties"))
        self.setMinimumWidth(480)
        self._draft = draft
        form = QFormLayout(self)
        self.title = QLineEdit(draft.title)
        self.title.setObjectName("title")
        form.addRow(self.tr("Title"), self.title)
        self.summary = QPlainTextEdit()
        self.summary.setPlainText(draft.summary)
        form.addRow(self.tr("Summary"), self.summary)
        self.languages = QLineEdit(draft.languages)
        form.addRow(self.tr("Languages"), self.languages)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title.textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(t.strip())
            )
        )

    def values(self) -> CaseDraft:
        return CaseDraft(
            title=self.title.text().strip(),
            summary=self.summary.toPlainText(),
            languages=self.languages.text().strip(),
        )
