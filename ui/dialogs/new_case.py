"""New case: title, where to save it, and its passphrase (encrypted unless unticked)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.cli.passphrases import MIN_NEW_PASSPHRASE


@dataclass(frozen=True)
class NewCaseValues:
    path: Path
    title: str
    passphrase: str | None


class NewCaseDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(460)
        self._folder = folder
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        form.addRow(self.tr("Title"), self.title)
        row = QHBoxLayout()
        self.path = QLineEdit(str(folder / "Untitled.casefile"))
        self.path.setObjectName("path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.encrypt = QCheckBox(self.tr("Encrypt this case with a passphrase (recommended)"))
        self.encrypt.setChecked(True)
        self.encrypt.toggled.connect(self._update)
        form.addRow("", self.encrypt)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setObjectName("confirm")
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.confirm)
        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        form.addRow("", self.warning)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.title, self.path, self.passphrase, self.confirm):
            field.textChanged.connect(self._update)
        self._update()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save case as"), self.path.text(), self.tr("Case files (*.casefile)")
        )
        if chosen:
            self.path.setText(chosen if chosen.endswith(".casefile") else chosen + ".casefile")

    def problem(self) -> str:
        if not self.title.text().strip():
            return self.tr("Give the case a title.")
        if not self.path.text().strip():
            return self.tr("Choose where to save the case.")
        if self.encrypt.isChecked():
            if len(self.passphrase.text()) < MIN_NEW_PASSPHRASE:
                return self.tr(
                    "The passphrase needs at least {0} characters; several unrelated words "
                    "are best."
                ).format(MIN_NEW_PASSPHRASE)
            if self.passphrase.text() != self.confirm.text():
                return self.tr("The two passphrases differ.")
        return ""

    def _update(self) -> None:
        encrypted = self.encrypt.isChecked()
        self.passphrase.setEnabled(encrypted)
        self.confirm.setEnabled(encrypted)
        problem = self.problem()
        if not problem and not encrypted:
            problem = self.tr("Without encryption, anyone with this laptop can read the case.")
        self.warning.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.problem())

    def values(self) -> NewCaseValues:
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix != ".casefile":
            path = path.with_name(path.name + ".casefile")
        return NewCaseValues(
            path=path,
            title=self.title.text().strip(),
            passphrase=self.passphrase.text() if self.encrypt.isChecked() else None,
        )
