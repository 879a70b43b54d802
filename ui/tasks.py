"""One runner for background work. A task runs a plain function off the UI thread (it opens
its own session inside), reports `progress(done, total)`, then `succeeded(result)` or
`failed(error)` on the UI thread. Tasks never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from casefile.crash import describe

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class Task(QObject):
    """Signals of one task. progress(done: int, total: int); succeeded(result: object);
    failed(error: BaseException); finished() after either."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self.task = task
        self.work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task

        def progress(done: int, total: int) -> None:
            if task.cancelled:
                raise TaskCancelled
            task.progress.emit(done, total)

        try:
            result = self.work(progress)
        except TaskCancelled:
            task.finished.emit()
            return
        except BaseException as error:  # noqa: BLE001 - reported to the UI thread, never lost
            log.warning("task %s failed: %s", task.name, describe(error))
            task.failed.emit(error)
        else:
            task.succeeded.emit(result)
        task.finished.emit()


class TaskCancelled(Exception):
    pass


class TaskRunner(QObject):
    """Runs tasks on a private pool; keeps each Task alive until it finished."""

    def __init__(self, max_threads: int = 2) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def submit(self, name: str, work: Work) -> Task:
        task = Task(name)
        self._running.add(task)
        task.finished.connect(lambda: self._running.discard(task))
        self._pool.start(_Runnable(task, work))
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
