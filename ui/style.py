"""Loads resources/app.qss and the bundled fonts."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QApplication


def apply_style(app: QApplication) -> None:
    qss = resources.files("resources").joinpath("app.qss")
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
