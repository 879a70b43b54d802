"""The background task runner: results, errors, progress and cancellation reach the UI thread;
workers run elsewhere and never hold a Qt object."""

from __future__ import annotations

import sys
import threading
import weakref
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable
from pytestqt.qtbot import QtBot

from ui.tasks import Progress, TaskRunner


def test_a_result_and_its_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    ran_on: list[int] = []
    seen: list[tuple[str, Any, int]] = []

    def work(progress: Progress) -> str:
        ran_on.append(threading.get_ident())
        for done in range(1, 4):
            progress(done, 3)
        return "ready"

    task = runner.submit("count", work)
    task.progress.connect(
        lambda done, total: seen.append(("progress", done, threading.get_ident()))
    )
    task.succeeded.connect(lambda result: seen.append(("ok", result, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert ran_on and ran_on[0] != ui_thread
    assert [(what, value) for what, value, _ in seen] == [
        ("progress", 1), ("progress", 2), ("progress", 3), ("ok", "ready"),
    ]  # fmt: skip
    assert {thread for _, _, thread in seen} == {ui_thread}
    assert task.done and not runner.busy


def test_an_error_is_delivered_not_raised(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def work(_progress: Progress) -> None:
        raise ValueError("the file is damaged")

    task = runner.submit("break", work)
    failures: list[object] = []
    task.failed.connect(failures.append)
    task.succeeded.connect(lambda _r: failures.append("should not succeed"))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(failures) == 1 and isinstance(failures[0], ValueError)


def test_a_cancelled_task_stops_at_its_next_progress_report(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    reached: list[int] = []

    def work(progress: Progress) -> str:
        started.set()
        release.wait(10)
        for done in range(100):
            progress(done, 100)
            reached.append(done)
        return "finished anyway"

    task = runner.submit("long", work)
    outcomes: list[object] = []
    task.succeeded.connect(outcomes.append)
    task.failed.connect(outcomes.append)
    assert started.wait(10)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.cancelled and reached == [] and outcomes == []


def _square(n: int, _progress: Progress) -> int:
    return n * n


def test_wait_delivers_everything_before_returning() -> None:
    runner = TaskRunner()
    results: list[int] = []
    tasks = [runner.submit(f"n{n}", partial(_square, n)) for n in range(5)]
    for task in tasks:
        task.succeeded.connect(results.append)
    assert runner.wait()
    assert sorted(results) == [0, 1, 4, 9, 16] and not runner.busy


def test_workers_hold_no_qt_object() -> None:
    """A Task must live and die on the UI thread: nothing on a worker's stack refers to a Qt
    object (so nothing there can be the last reference that destroys one), and once the caller
    lets go of a finished task it is gone."""
    runner = TaskRunner()
    held: list[str] = []

    def work(_progress: Progress) -> None:
        frame = sys._getframe(1)
        while frame is not None:
            held.extend(
                f"{frame.f_code.co_name}.{name}"
                for name, value in frame.f_locals.items()
                if isinstance(value, (QObject, QRunnable))
            )
            frame = frame.f_back  # type: ignore[assignment]

    task = runner.submit("inspect", work)
    runner.wait()
    assert held == []
    gone = weakref.ref(task)
    del task
    assert gone() is None
