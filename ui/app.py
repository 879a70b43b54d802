"""Composition root of the window: builds settings, controller, privacy state and the main
window once, and passes them down. No module-level state, no singletons."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from casefile import hardening, logs
from casefile import settings as settings_store
from casefile.crash import report
from casefile.sample import ensure_sample
from ui.case_controller import CaseController
from ui.main_window import MainWindow
from ui.privacy_state import PrivacyState
from ui.style import apply_style
from ui.theme import apply_theme


def initial_case(requested: Path | None, settings: settings_store.Settings) -> Path:
    """The case to open: the one asked for, else the last one used, else the sample case."""
    if requested is not None:
        return requested
    if settings.recent_files_enabled:
        for recent in settings.recent_files:
            if Path(recent).is_file():
                return Path(recent)
    return ensure_sample(settings_store.data_dir())


def build_window(settings: settings_store.Settings) -> MainWindow:
    controller = CaseController(settings)
    privacy = PrivacyState(privacy_screen=settings.privacy_screen_on_start)
    return MainWindow(controller, privacy)


def install_crash_handler(window_of: Callable[[], QWidget | None]) -> None:
    """An unhandled exception shows a sanitised report (type and our code's frames, no field
    values), is logged the same way, and leaves the case open and intact: every user action
    is one transaction, so a failure mid-action saved nothing of it."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.__traceback__ = tb
        text = report(error)
        logging.getLogger("ui.crash").error("unhandled error", exc_info=error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Casefile — something went wrong",
            "Casefile hit an internal error. Your case was not changed by the action that failed; "
            "you can keep working. The report below names no case content and can be shared.\n\n"
            + text,
            QMessageBox.StandardButton.Ok,
            window_of(),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    sys.excepthook = hook


def run_app(requested: Path | None) -> int:
    hardening.install()  # private umask, no core dumps, no network
    logs.configure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Casefile")
    app.setOrganizationName("Casefile")
    settings = settings_store.load()
    apply_theme(app, settings.theme)
    apply_style(app)
    window = build_window(settings)
    install_crash_handler(lambda: window)
    window.show()
    window.open_path(initial_case(requested, settings))
    return app.exec()
