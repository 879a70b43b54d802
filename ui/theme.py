"""Light and dark themes: Fusion style with a palette, following the system unless chosen.

CASEFILE_THEME=light|dark in the environment overrides the preference (screenshots, tests)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(37, 38, 41), QColor(28, 29, 31), QColor(226, 228, 231)
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(44, 45, 49))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor(50, 51, 55))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor(255, 120, 120))
    p.setColor(QPalette.ColorRole.Link, QColor(110, 170, 255))
    p.setColor(QPalette.ColorRole.Highlight, QColor(58, 110, 200))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(140, 142, 147))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 122, 126))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(246, 246, 247))
    p.setColor(QPalette.ColorRole.WindowText, QColor(28, 28, 30))
    p.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(244, 246, 249))
    p.setColor(QPalette.ColorRole.Text, QColor(28, 28, 30))
    p.setColor(QPalette.ColorRole.Button, QColor(238, 238, 240))
    p.setColor(QPalette.ColorRole.ButtonText, QColor(28, 28, 30))
    p.setColor(QPalette.ColorRole.Highlight, QColor(44, 123, 229))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.Link, QColor(30, 90, 200))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(130, 130, 135))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(160, 160, 165))
    return p


def resolved(preference: str) -> str:
    chosen = os.environ.get("CASEFILE_THEME") or preference
    if chosen in ("light", "dark"):
        return chosen
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, preference: str) -> str:
    """Applies the theme; returns "light" or "dark". Sets the `theme` property for app.qss."""
    theme = resolved(preference)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if theme == "dark" else _light_palette())
    app.setProperty("theme", theme)
    return theme
