"""Composition root of the window: builds settings, controller, privacy state and the main
window once, and passes them down. No module-level state, no singletons."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from casefile import settings as settings_store
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


def run_app(requested: Path | None) -> int:
    os.umask(0o077)  # everything we write (settings, backups, exports) is private to the user
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Casefile")
    app.setOrganizationName("Casefile")
    settings = settings_store.load()
    apply_theme(app, settings.theme)
    apply_style(app)
    window = build_window(settings)
    window.show()
    window.open_path(initial_case(requested, settings))
    return app.exec()
