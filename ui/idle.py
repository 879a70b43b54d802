"""Notices when the reporter has been away: no key press, click or mouse movement for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """idle() after `interval_ms` without user input; any input restarts the count.

    It watches the whole application through an event filter, installed only while it counts
    and removed by `stop()` (the window calls it when it closes): a filter left on the
    application after its owner is gone makes PySide crash."""

    idle = Signal()

    def __init__(self, app: QApplication, interval_ms: int) -> None:
        super().__init__()
        self._app = app
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        """0 turns the watcher off."""
        self._timer.stop()
        self._timer.setInterval(max(0, interval_ms))
        if interval_ms > 0:
            if not self._installed:
                self._app.installEventFilter(self)
                self._installed = True
            self._timer.start()
        else:
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        if self._installed:
            self._app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._timer.interval() > 0:
            self._timer.start()
        return False
