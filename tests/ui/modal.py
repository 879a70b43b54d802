"""Drives modal dialogs the way a person would: waits for the dialog to appear, acts on it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog


def on_next_modal(
    act: Callable[[Any], object], *, poll_ms: int = 10, give_up_after_s: float = 60.0
) -> None:
    """Schedules `act(dialog)` for the next modal dialog shown (exec() blocks the test). A
    dialog already showing when this is called is not "next": its successor is, and progress
    dialogs (which show only when work is slow) are never one a person would answer.

    It waits long (a loaded CI machine can take seconds to reach the dialog); a test that
    fails meanwhile does not hang, because the teardown guard in tests/conftest.py dismisses
    whatever modal dialog is left."""
    deadline = time.monotonic() + give_up_after_s
    showing = QApplication.activeModalWidget()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if (
            widget is None
            or not widget.isVisible()
            or widget is showing
            or isinstance(widget, QProgressDialog)
        ):
            if time.monotonic() < deadline:
                QTimer.singleShot(poll_ms, poll)
            return
        try:
            act(widget)
        except BaseException:
            # a failed check must fail the test, not leave a modal dialog waiting forever
            widget.close()
            raise

    QTimer.singleShot(0, poll)
