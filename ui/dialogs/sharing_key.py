"""The reporter's own sharing key: the public age1… key colleagues export to, shown and copied,
or created on request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.fields import plain_label, set_tab_chain

LABEL_WIDTH = 580


class SharingKeyDialog(QDialog):
    """Built from the public key (or None) and whether one can be made here (an encrypted case);
    the caller runs `exec()`.

    Signals: create_requested() — "Create my key" was pressed; the caller makes the key and
    hands it back with `set_public_key(key)`."""

    create_requested = Signal()

    def __init__(self, parent: QWidget | None, *, public_key: str | None, can_create: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My sharing key"))
        self.setMinimumWidth(620)
        self._can_create = can_create

        layout = QVBoxLayout(self)
        self.explanation = plain_label(
            self.tr(
                "Colleagues can export a case to you with this public key instead of a "
                "passphrase. Only this case can open what they send — the key’s secret half "
                "stays inside it — and no passphrase has to travel. The public key is not a "
                "secret: send it any way you like, then read its last characters to each other "
                "on a call to be sure it arrived intact."
            ),
            name="explanation",
            wrap=True,
        )
        layout.addWidget(self.explanation)

        self.key = QLineEdit()
        self.key.setObjectName("key")
        self.key.setReadOnly(True)  # selectable and copyable, never edited
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setObjectName("copy")
        self.copy.setAutoDefault(False)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.copy)
        layout.addLayout(key_row)
        self.copied = plain_label(name="copied")
        layout.addWidget(self.copied)

        self.status = plain_label(name="status", wrap=True)
        # A wrapped label's size hint assumes a narrow width: the window would open too tall.
        for label in (self.explanation, self.status):
            label.setMinimumWidth(LABEL_WIDTH)
        layout.addWidget(self.status)
        self.create_button = QPushButton(self.tr("C&reate my key"))
        self.create_button.setObjectName("create")
        self.create_button.setAutoDefault(False)
        create_row = QHBoxLayout()
        create_row.addWidget(self.create_button)
        create_row.addStretch(1)
        layout.addLayout(create_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.buttons)

        self.copy.clicked.connect(self._copy)
        self.create_button.clicked.connect(self.create_requested.emit)
        set_tab_chain(self.key, self.copy, self.create_button, self.close_button)
        self.set_public_key(public_key)

    def set_public_key(self, key: str | None) -> None:
        """Shows `key` (after it was created), or what can be done without one."""
        has_key = bool(key)
        self.key.setText(key or "")
        self.key.setCursorPosition(0)
        self.copied.setText("")
        for widget in (self.key, self.copy):
            widget.setVisible(has_key)
        self.copied.setVisible(False)
        self.create_button.setVisible(not has_key and self._can_create)
        if has_key:
            status = ""
        elif self._can_create:
            status = self.tr(
                "This case has no sharing key yet. Creating one stores its secret half inside "
                "this encrypted case, protected by the case’s passphrase."
            )
        else:
            status = self.tr(
                "A sharing key is stored only inside an encrypted case, where the case’s "
                "passphrase protects its secret half. Encrypt this case first "
                "(Case ▸ Encrypt Case), then come back here."
            )
        self.status.setText(status)
        self.status.setVisible(bool(status))
        (
            self.copy if has_key else self.create_button if self._can_create else self.close_button
        ).setFocus()

    def public_key(self) -> str | None:
        return self.key.text() or None

    def _copy(self) -> None:
        key = self.key.text()
        if not key:
            return
        QGuiApplication.clipboard().setText(key)
        self.copied.setText(self.tr("Copied to the clipboard."))
        self.copied.setVisible(True)
