"""One runner for background work. A task runs a plain function off the UI thread (it opens
its own session inside), reports `progress(done, total)`, then `succeeded(result)` or
`failed(error)` on the UI thread. Tasks never touch widgets.

Worker threads never see a Qt object. They are plain Python threads (a ThreadPoolExecutor, not
QThreadPool with a QRunnable subclass) holding a plain `_Job`; what happens is put on a queue
that a timer on the UI thread drains, and the Task's signals are emitted there. Two PySide6
hazards make this the rule: signals emitted from worker threads to Python callables crash now
and then (PYSIDE-3124), and a QObject whose last reference dies on a worker thread (an
auto-deleted QRunnable holding a Task) tears down its signal connections there while the UI
thread is delivering others, which segfaulted under load. Every Task is created, kept and
dropped on the UI thread.
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from casefile.crash import describe

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]
DRAIN_MS = 15


class TaskCancelled(Exception):
    pass


class _Job:
    """What a worker holds of a task: its number, its name and whether it was cancelled."""

    __slots__ = ("cancelled", "name", "number")

    def __init__(self, number: int, name: str) -> None:
        self.number = number
        self.name = name
        self.cancelled = False


class Task(QObject):
    """Signals of one task, all emitted on the UI thread. progress(done: int, total: int);
    succeeded(result: object); failed(error: BaseException); finished() after either."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, job: _Job) -> None:
        super().__init__()
        self._job = job
        self.name = job.name
        self.done = False

    @property
    def cancelled(self) -> bool:
        return self._job.cancelled

    def cancel(self) -> None:
        self._job.cancelled = True


def _run(job: _Job, work: Work, events: queue.SimpleQueue[tuple[Any, ...]]) -> None:
    """The worker's side of a task (runs on a pool thread; touches no Qt object)."""

    def progress(done: int, total: int) -> None:
        if job.cancelled:
            raise TaskCancelled
        events.put(("progress", job.number, done, total))

    try:
        result = work(progress)
    except TaskCancelled:
        pass
    except BaseException as error:  # noqa: BLE001 - reported to the UI thread, never lost
        log.warning("task %s failed: %s", job.name, describe(error))
        events.put(("failed", job.number, error))
    else:
        events.put(("succeeded", job.number, result))
    events.put(("finished", job.number))


class TaskRunner(QObject):
    """Runs tasks on a private pool of Python threads; delivers their news on the UI thread."""

    def __init__(self, max_threads: int = 2) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="casefile")
        self._numbers = itertools.count(1)
        self._events: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._running: dict[int, Task] = {}
        self._futures: set[Future[None]] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.deliver)

    def submit(self, name: str, work: Work) -> Task:
        job = _Job(next(self._numbers), name)
        task = Task(job)
        self._running[job.number] = task
        self._timer.start()
        future = self._pool.submit(_run, job, work, self._events)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return task

    def deliver(self) -> None:
        """Emits everything the workers reported since last time (UI thread only)."""
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            what, number = event[0], event[1]
            task = self._running.get(number)
            if task is None:
                continue
            if what == "progress":
                task.progress.emit(event[2], event[3])
            elif what == "succeeded":
                task.succeeded.emit(event[2])
            elif what == "failed":
                task.failed.emit(event[2])
            else:
                task.done = True
                del self._running[number]
                task.finished.emit()
        if not self._running:
            self._timer.stop()

    def wait(self, msecs: int = 30_000) -> bool:
        """Waits for every task, then delivers what they reported."""
        _, pending = wait_for_futures(set(self._futures), timeout=msecs / 1000)
        self.deliver()
        return not pending

    @property
    def busy(self) -> bool:
        return bool(self._running)
