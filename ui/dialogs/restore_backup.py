"""File ▸ Restore from Backup: pick one of the case's backups (newest first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.services.backups import BackupInfo


class RestoreBackupDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, *, backups: list[BackupInfo], encrypted: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The case will be replaced by the backup you choose. Its current state is backed "
                "up first, so this can be undone by restoring again."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.list = QListWidget()
        for b in backups:
            local = b.taken_at.astimezone()
            item = QListWidgetItem(
                f"{local:%Y-%m-%d %H:%M:%S}   ({b.size_bytes / 1_048_576:.1f} MB)"
            )
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(
            self.tr("Passphrase the case had when the backup was taken")
        )
        self.passphrase.setVisible(encrypted)
        layout.addWidget(self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return None if item is None else Path(str(item.data(Qt.ItemDataRole.UserRole)))
