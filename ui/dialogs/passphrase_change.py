"""Asks for the current and/or a new passphrase (change, encrypt, decrypt)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from casefile.cli.passphrases import MIN_NEW_PASSPHRASE


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    return field


class PassphraseChangeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        ask_current: bool,
        ask_new: bool,
        warning: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        if warning:
            label = QLabel(warning)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setProperty("role", "error")
            form.addRow(label)
        self.current = _secret("current")
        self.new = _secret("new")
        self.again = _secret("again")
        if ask_current:
            form.addRow(self.tr("Current passphrase"), self.current)
        if ask_new:
            form.addRow(self.tr("New passphrase"), self.new)
            form.addRow(self.tr("Again"), self.again)
        self._ask_current, self._ask_new = ask_current, ask_new
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setProperty("role", "error")
        form.addRow(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.current, self.new, self.again):
            field.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str:
        if self._ask_current and not self.current.text():
            return self.tr("Enter the current passphrase.")
        if self._ask_new:
            if len(self.new.text()) < MIN_NEW_PASSPHRASE:
                return self.tr("The new passphrase needs at least {0} characters.").format(
                    MIN_NEW_PASSPHRASE
                )
            if self.new.text() != self.again.text():
                return self.tr("The two new passphrases differ.")
        return ""

    def _update(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def show_error(self, message: str) -> None:
        self.problem_label.setText(message)
