"""Shared test setup: Qt offscreen, real case files in tmp_path, a private HOME per test run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Set before Qt is imported anywhere. `setdefault` would keep an exported-but-empty value, with
# which Qt aborts for want of a screen (STYLE.md).
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from casefile.services.case import OpenCase, create_case
from casefile.storage.kdf import FAST_TEST_PARAMS


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, data and temp folders of the code under test live in a fresh folder."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    return home


@pytest.fixture
def case(tmp_path: Path) -> Iterator[OpenCase]:
    """An empty plain case in tmp_path."""
    opened = create_case(
        tmp_path / "test.casefile", title="Test case", passphrase=None, actor="Tester"
    )
    yield opened
    opened.close()


@pytest.fixture
def encrypted_case(tmp_path: Path) -> Iterator[OpenCase]:
    """An empty encrypted case (fast KDF parameters, for tests only)."""
    opened = create_case(
        tmp_path / "secret.casefile",
        title="Secret case",
        passphrase="correct horse battery staple",
        actor="Tester",
        kdf=FAST_TEST_PARAMS,
    )
    yield opened
    opened.close()


# -- the window, for UI and security tests (Qt imported only when these fixtures are used) --
@pytest.fixture
def controller() -> Iterator[Any]:
    from casefile.services.case import FAST_TEST_PARAMS
    from casefile.settings import Settings
    from ui.case_controller import CaseController

    made = CaseController(
        Settings(display_name="Test Reporter"), kdf=FAST_TEST_PARAMS, persist_settings=False
    )
    yield made
    made.close()


@pytest.fixture
def privacy() -> Any:
    from ui.privacy_state import PrivacyState

    return PrivacyState()


@pytest.fixture
def window(qtbot: Any, controller: Any, privacy: Any) -> Any:
    from ui.main_window import MainWindow

    win = MainWindow(controller, privacy)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    from casefile.sample import build_sample

    path = tmp_path / "sample.casefile"
    build_sample(path).close()
    return path


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test that fails while a modal dialog is up (or on its way, from a task still running)
    must fail, not hang: during teardown, before pytest-qt closes the test's widgets, any modal
    dialog that shows is dismissed as if the reporter pressed Escape."""
    if "qtbot" not in getattr(item, "fixturenames", ()):
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    def dismiss() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            widget.reject()
        elif widget is not None:
            widget.close()

    guard = QTimer()
    guard.setInterval(20)
    guard.timeout.connect(dismiss)
    guard.start()
    try:
        yield
    finally:
        guard.stop()
