"""Notices when the reporter has been away: no key press, click or mouse movement for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent, QWindow
from shiboken6 import isValid

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
# The filter's arguments are wrapped for Python on every call; the wrapper types it can meet
# are made here, once, so that no type is first created inside the filter (see IdleWatcher).
_WRAPPED_TYPES = (QWindow, QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class IdleWatcher(QObject):
    """idle() after `interval_ms` without user input; any input restarts the count.

    Input reaches a top-level window (QWindow) before any widget, so the watcher filters the
    windows — the main window and each dialog as it takes the focus — and not the application:
    a Python filter on the application is handed every object that gets any event, and PySide
    creating a Python type for one of them inside the filter crashed the process (seen in a test
    run on a fresh machine, as a dialog closed while an export ran in the background).
    `stop()` (the window calls it when it closes) takes the filter off every window."""

    idle = Signal()

    def __init__(self, app: QGuiApplication, interval_ms: int) -> None:
        super().__init__()
        self._app = app
        self._watched: list[QWindow] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Exact, so that "restarted" is visible in remaining_ms(); a coarse timer rounds it.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        app.focusWindowChanged.connect(self._watch)
        self.set_interval(interval_ms)

    @property
    def counting(self) -> bool:
        return self._timer.interval() > 0

    def remaining_ms(self) -> int:
        """Time left before idle(); -1 when not counting."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def set_interval(self, interval_ms: int) -> None:
        """0 turns the watcher off."""
        self._timer.stop()
        self._timer.setInterval(max(0, interval_ms))
        if interval_ms > 0:
            for window in self._app.topLevelWindows():
                self._watch(window)
            self._timer.start()
        else:
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._timer.setInterval(0)
        for window in self._watched:
            if isValid(window):
                window.removeEventFilter(self)
        self._watched.clear()

    def _watch(self, window: QWindow | None) -> None:
        if window is None or not self.counting or window in self._watched:
            return
        window.installEventFilter(self)
        self._watched.append(window)
        # A closed dialog's window goes away; Qt drops its filters with it.
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))

    def _forget(self, window: QWindow) -> None:
        if window in self._watched:
            self._watched.remove(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._timer.interval() > 0:
            self._timer.start()
        return False
