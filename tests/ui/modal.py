"""Drives modal dialogs the way a person would: waits for the dialog to appear, acts on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def on_next_modal(
    act: Callable[[QWidget], None], *, poll_ms: int = 10, give_up_after: int = 500
) -> None:
    """Schedules `act(dialog)` for the next modal dialog shown (exec() blocks the test). A
    dialog already showing when this is called is not "next": its successor is."""
    tries = {"n": 0}
    showing = QApplication.activeModalWidget()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or widget is showing:
            tries["n"] += 1
            if tries["n"] < give_up_after:
                QTimer.singleShot(poll_ms, poll)
            return
        try:
            act(widget)
        except BaseException:
            # a failed check must fail the test, not leave a modal dialog waiting forever
            widget.close()
            raise

    QTimer.singleShot(0, poll)
