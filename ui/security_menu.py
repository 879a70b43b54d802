"""The Case menu's security actions: lock (Ctrl+L and when idle), passphrase change, encrypt,
decrypt, backups now and on a schedule, restore from backup."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from casefile.domain.errors import CasefileError, WrongPassphrase
from ui.actions import make
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.passphrase_change import PassphraseChangeDialog
from ui.dialogs.restore_backup import RestoreBackupDialog
from ui.idle import IdleWatcher
from ui.modal import disposing, run_modal

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
MINUTE_MS = 60_000


class CaseSecurity(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        a, w = window.commands, window
        make(w, a, "lock", self.tr("&Lock Case"), self.lock, shortcut="Ctrl+L")
        make(w, a, "change_passphrase", self.tr("Change &Passphrase…"), self.change_passphrase)
        make(w, a, "encrypt", self.tr("&Encrypt Case…"), self.encrypt)
        make(w, a, "decrypt", self.tr("Remove Encryption…"), self.decrypt)
        make(w, a, "backup_now", self.tr("&Back Up Now"), self.backup_now)
        make(w, a, "restore_backup", self.tr("&Restore from Backup…"), self.restore)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.idle = IdleWatcher(app, self._idle_ms())
        self.idle.idle.connect(self.lock)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.scheduled_backup)
        self.controller.settings_changed.connect(self._settings_changed)
        self.controller.case_opened.connect(self.refresh)
        self.controller.case_closed.connect(self.refresh)
        self.controller.encryption_changed.connect(self.refresh)
        self.controller.locked.connect(lambda _path: self.ask_unlock())
        self._settings_changed()
        self.refresh()

    def actions(self) -> list[str | None]:
        return [
            "lock",
            None,
            "change_passphrase",
            "encrypt",
            "decrypt",
            None,
            "backup_now",
            "restore_backup",
        ]

    def _idle_ms(self) -> int:
        return self.controller.settings.idle_lock_minutes * MINUTE_MS

    def _settings_changed(self) -> None:
        self.idle.set_interval(self._idle_ms())
        self.backup_timer.start(
            max(5, self.controller.settings.backup_interval_minutes) * MINUTE_MS
        )

    def refresh(self) -> None:
        case = self.controller.case
        encrypted = case is not None and case.encrypted
        a = self.window.commands
        a["lock"].setEnabled(encrypted)
        a["change_passphrase"].setEnabled(encrypted)
        a["decrypt"].setEnabled(encrypted)
        a["encrypt"].setEnabled(case is not None and not encrypted)
        a["backup_now"].setEnabled(case is not None)
        a["restore_backup"].setEnabled(case is not None)
        if case is not None:
            self.window.show_case_state()

    # -- lock -------------------------------------------------------------------------------
    def lock(self) -> None:
        self.controller.lock()

    def ask_unlock(self) -> bool:
        """Shows the unlock dialog until the passphrase is right or the reporter cancels."""
        path = self.controller.locked_path
        if path is None:
            return False
        self.window.case_label.setText(self.tr("🔒 Locked — {0}").format(path.name))
        error = ""
        while True:
            dialog = PassphraseDialog(self.window, case_name=path.name, error=error)
            dialog.setWindowTitle(self.tr("Case locked"))
            if run_modal(dialog) != PassphraseDialog.DialogCode.Accepted:
                return False
            try:
                self.controller.unlock(dialog.passphrase())
                return True
            except WrongPassphrase as wrong:
                error = str(wrong)
            except CasefileError as problem:
                self._error(self.tr("Could not unlock"), problem)
                return False

    # -- passphrases ------------------------------------------------------------------------
    def change_passphrase(self) -> None:
        dialog = PassphraseChangeDialog(
            self.window, title=self.tr("Change passphrase"), ask_current=True, ask_new=True
        )
        with disposing(dialog):
            while dialog.exec() == PassphraseChangeDialog.DialogCode.Accepted:
                try:
                    self.controller.change_passphrase(dialog.current.text(), dialog.new.text())
                    self._info(
                        self.tr("Passphrase changed"),
                        self.tr(
                            "Only the new passphrase opens this case now. "
                            "Older backups keep the old one."
                        ),
                    )
                    return
                except CasefileError as problem:
                    dialog.show_error(str(problem))

    def encrypt(self) -> None:
        dialog = PassphraseChangeDialog(
            self.window, title=self.tr("Encrypt case"), ask_current=False, ask_new=True
        )
        with disposing(dialog):
            while dialog.exec() == PassphraseChangeDialog.DialogCode.Accepted:
                try:
                    self.controller.encrypt(dialog.new.text())
                    return
                except CasefileError as problem:
                    dialog.show_error(str(problem))

    def decrypt(self) -> None:
        dialog = PassphraseChangeDialog(
            self.window,
            title=self.tr("Remove encryption"),
            ask_current=True,
            ask_new=False,
            warning=self.tr(
                "Without encryption, anyone who gets this laptop or this file can read the whole "
                "case, protected identities included. Continue only if you must."
            ),
        )
        with disposing(dialog):
            while dialog.exec() == PassphraseChangeDialog.DialogCode.Accepted:
                try:
                    self.controller.decrypt(dialog.current.text())
                    return
                except CasefileError as problem:
                    dialog.show_error(str(problem))

    # -- backups ----------------------------------------------------------------------------
    def backup_now(self) -> None:
        try:
            self.controller.backup_now()
        except CasefileError as problem:
            self._error(self.tr("Backup failed"), problem)
            return
        self.window.statusBar().showMessage(self.tr("Backup taken"), 5000)

    def scheduled_backup(self) -> None:
        if not self.controller.is_open:
            return
        controller = self.controller
        generation = controller.generation

        def work(_progress: object) -> None:
            if controller.generation == generation and controller.is_open:
                controller.backup_now()

        task = controller.runner.submit("scheduled backup", work)
        task.failed.connect(lambda _e: log.warning("scheduled backup failed"))

    def restore(self) -> None:
        case = self.controller.case
        if case is None:
            return
        dialog = RestoreBackupDialog(
            self.window, backups=self.controller.list_backups(), encrypted=case.encrypted
        )
        if run_modal(dialog) != RestoreBackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        try:
            self.controller.restore(chosen, dialog.passphrase.text() or None)
        except CasefileError as problem:
            self._error(self.tr("Could not restore"), problem)

    # -- messages ---------------------------------------------------------------------------
    def _error(self, title: str, problem: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            str(problem),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)

    def _info(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)
