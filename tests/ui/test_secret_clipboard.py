"""A secret put on the clipboard (a generated export passphrase) leaves it on its own, unless
the reporter has copied something else since."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui.clipboard import copy_secret


def test_a_copied_secret_is_cleared_after_the_delay(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    assert copy_secret("correct horse battery staple ocean lamp", clear_after_ms=50) == 50
    assert clipboard.text() == "correct horse battery staple ocean lamp"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5_000)


def test_what_the_reporter_copied_since_is_left_alone(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_secret("correct horse battery staple ocean lamp", clear_after_ms=50)
    clipboard.setText("a note the reporter copied afterwards")
    qtbot.wait(300)
    assert clipboard.text() == "a note the reporter copied afterwards"
