"""One runner for background work. A task runs a plain function off the UI thread (it opens
its own session inside), reports `progress(done, total)`, then `succeeded(result)` or
`failed(error)` on the UI thread. Tasks never touch widgets.

Workers never emit Qt signals themselves: they put what happened on a queue that a timer on the
UI thread drains, and the signals are emitted there. Signals emitted from worker threads to
Python callables crash PySide6 6.8+ now and then (PYSIDE-3124); a queue cannot.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from casefile.crash import describe

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]
DRAIN_MS = 15


class TaskCancelled(Exception):
    pass


class Task(QObject):
    """Signals of one task, all emitted on the UI thread. progress(done: int, total: int);
    succeeded(result: object); failed(error: BaseException); finished() after either."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancelled = False
        self.done = False

    def cancel(self) -> None:
        self.cancelled = True


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work, events: queue.SimpleQueue[tuple[Any, ...]]) -> None:
        super().__init__()
        self.task = task
        self.work = work
        self.events = events
        self.setAutoDelete(True)

    def run(self) -> None:
        task, events = self.task, self.events

        def progress(done: int, total: int) -> None:
            if task.cancelled:
                raise TaskCancelled
            events.put(("progress", task, done, total))

        try:
            result = self.work(progress)
        except TaskCancelled:
            events.put(("finished", task))
            return
        except BaseException as error:  # noqa: BLE001 - reported to the UI thread, never lost
            log.warning("task %s failed: %s", task.name, describe(error))
            events.put(("failed", task, error))
        else:
            events.put(("succeeded", task, result))
        events.put(("finished", task))


class TaskRunner(QObject):
    """Runs tasks on a private pool; delivers their news on the UI thread."""

    def __init__(self, max_threads: int = 2) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._events: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._running: set[Task] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.deliver)

    def submit(self, name: str, work: Work) -> Task:
        task = Task(name)
        self._running.add(task)
        self._timer.start()
        self._pool.start(_Runnable(task, work, self._events))
        return task

    def deliver(self) -> None:
        """Emits everything the workers reported since last time (UI thread only)."""
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            what, task = event[0], event[1]
            if what == "progress":
                task.progress.emit(event[2], event[3])
            elif what == "succeeded":
                task.succeeded.emit(event[2])
            elif what == "failed":
                task.failed.emit(event[2])
            else:
                task.done = True
                self._running.discard(task)
                task.finished.emit()
        if not self._running:
            self._timer.stop()

    def wait(self, msecs: int = 30_000) -> bool:
        """Waits for every task, then delivers what they reported."""
        done = self._pool.waitForDone(msecs)
        self.deliver()
        return done

    @property
    def busy(self) -> bool:
        return bool(self._running)
