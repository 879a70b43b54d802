"""SECURITY.md tests 24 and 26 in the window: lock (Ctrl+L and when idle) disposes the engine,
drops the key, clears every view and the clipboard, and asks for the passphrase; passphrase
change, encryption and restore from the Case menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.pool import QueuePool

from casefile.domain.enums import RecordKind
from casefile.services import sources
from casefile.services.case import open_case
from tests import factories
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.passphrase_change import PassphraseChangeDialog
from ui.dialogs.restore_backup import RestoreBackupDialog
from ui.main_window import MainWindow

PASS = "correct horse battery staple"


def encrypted_window(window: MainWindow, controller: CaseController, tmp_path: Path) -> str:
    controller.backup_root = tmp_path / "backups"
    controller.create(tmp_path / "locked.casefile", title="Locked case", passphrase=PASS)
    src = controller.apply(
        lambda s: sources.add(s, factories.protected_source(name="Zorvath Quillenby"))
    )
    window.jump_to(RecordKind.SOURCE, src.id)
    window.list.selectRow(0)
    window.commands["copy"].trigger()
    assert QApplication.clipboard().text() == "a relative of a recruit"
    return str(src.id)


def test_ctrl_l_locks_everything_and_unlock_restores(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    sid = encrypted_window(window, controller, tmp_path)
    case = controller.require()
    store = case.store
    shown: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseDialog)
        # at this moment the case is closed: nothing of it is on screen or in memory we hold
        model = window.list.model_for(RecordKind.SOURCE)
        clip = QApplication.clipboard().text()
        shown.append(f"rows={model.rowCount()} detail={window.detail.current} clip={clip!r}")
        dialog.reject()

    on_next_modal(cancel)
    window.commands["lock"].trigger()
    assert shown == ["rows=0 detail=None clip=''"]
    assert not controller.is_open
    assert store.key is not None and not any(store.key._key)  # the key was wiped
    assert isinstance(store.engine.pool, QueuePool) and store.engine.pool.checkedout() == 0
    assert "Locked" in window.case_label.text()

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseDialog)
        dialog.field.setText(PASS)
        dialog.accept()

    on_next_modal(unlock)
    assert window.security.ask_unlock()
    assert controller.case is not None  # open again
    window.jump_to(RecordKind.SOURCE, sid)
    assert window.detail.source_page.title.text() == "a relative of a recruit"
    # the dialog that took the passphrase is gone, not kept as a hidden child of the window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(PassphraseDialog) == []
    assert PASS not in [field.text() for field in window.findChildren(QLineEdit)]


def test_idle_time_locks_the_case(
    window: MainWindow, controller: CaseController, tmp_path: Path, qtbot: QtBot
) -> None:
    encrypted_window(window, controller, tmp_path)
    on_next_modal(lambda d: d.reject() if isinstance(d, PassphraseDialog) else None)
    with qtbot.waitSignal(controller.locked, timeout=3000):
        window.security.idle.set_interval(50)
    assert not controller.is_open
    window.security.idle.set_interval(0)


def test_input_in_the_window_or_a_dialog_restarts_the_idle_count(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    idle = window.security.idle
    idle.set_interval(60_000)

    def restarted_by(target: QWindow, act: Callable[[QWindow], object]) -> bool:
        qtbot.wait(30)
        before = idle.remaining_ms()
        act(target)
        return idle.remaining_ms() > before

    main = window.windowHandle()
    assert main is not None
    # input arrives through the top-level window, as a real key press or mouse move does
    assert restarted_by(main, lambda w: QTest.keyClick(w, Qt.Key.Key_A))
    assert restarted_by(main, lambda w: QTest.mouseMove(w, QPoint(40, 40)))
    assert restarted_by(main, lambda w: QTest.mouseClick(w, Qt.MouseButton.LeftButton))
    # a dialog is watched from when it takes the focus
    dialog = QDialog(window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    handle = dialog.windowHandle()
    assert handle is not None
    assert restarted_by(handle, lambda w: QTest.keyClick(w, Qt.Key.Key_B))
    dialog.close()
    dialog.deleteLater()
    # other events do not count, and a stopped watcher counts nothing
    assert not restarted_by(main, lambda w: QGuiApplication.sendEvent(w, QEvent(QEvent.Type.User)))
    idle.stop()
    assert idle.remaining_ms() == -1
    QTest.keyClick(main, Qt.Key.Key_C)
    assert idle.remaining_ms() == -1


def test_a_plain_case_cannot_be_locked_but_can_be_encrypted(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    controller.create(tmp_path / "plain.casefile", title="Plain", passphrase=None)
    assert not window.commands["lock"].isEnabled()
    assert "NOT ENCRYPTED" in window.case_label.text()

    def encrypt(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseChangeDialog)
        dialog.new.setText(PASS)
        dialog.again.setText(PASS)
        dialog.accept()

    on_next_modal(encrypt)
    window.commands["encrypt"].trigger()
    assert controller.require().encrypted
    assert "Encrypted" in window.case_label.text()
    assert window.commands["lock"].isEnabled()
    path = controller.require().path
    controller.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    open_case(path, passphrase=PASS).close()


def test_change_passphrase_then_restore_a_backup(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    sid = encrypted_window(window, controller, tmp_path)
    window.commands["backup_now"].trigger()
    controller.apply(lambda s: sources.add(s, factories.source(name="Added after the backup")))

    def change(dialog: QWidget) -> None:
        if isinstance(dialog, PassphraseChangeDialog):
            dialog.current.setText(PASS)
            dialog.new.setText("an entirely new passphrase")
            dialog.again.setText("an entirely new passphrase")
            dialog.accept()
            on_next_modal(lambda box: box.close())  # the "passphrase changed" note

    on_next_modal(change)
    window.commands["change_passphrase"].trigger()
    path = controller.require().path

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreBackupDialog)
        assert dialog.list.count() == 1
        dialog.passphrase.setText(PASS)  # the backup keeps the passphrase it was taken with
        dialog.accept()

    on_next_modal(restore)
    window.commands["restore_backup"].trigger()
    with controller.require().read() as s:
        names = {x.name for x in sources.list_all(s)}
    assert names == {"Zorvath Quillenby"}
    assert controller.require().path == path
    assert sid


def test_an_unhandled_error_shows_a_report_without_case_content(
    window: MainWindow, controller: CaseController, tmp_path: Path, monkeypatch: object
) -> None:
    import sys

    from PySide6.QtWidgets import QMessageBox

    from ui.app import install_crash_handler

    canary = factories.canary_name()
    controller.create(tmp_path / "c.casefile", title="Crash", passphrase=None)
    seen: list[str] = []

    def read_report(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    old = sys.excepthook
    install_crash_handler(lambda: window)
    try:
        on_next_modal(read_report)
        error = ValueError(f"constraint failed for {canary}")
        try:
            raise error
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    (text,) = seen
    assert "ValueError" in text and "test_security_ui.py" in text
    for token in canary.split():
        assert token not in text
    assert controller.is_open
