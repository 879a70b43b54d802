"""Builders of form fields that show case data as plain text and follow its writing direction."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.widgets.rtl import apply_plain_direction, follow_direction


def plain_label(text: str = "", *, name: str = "", wrap: bool = False, role: str = "") -> QLabel:
    """A label that never interprets its text as HTML or opens links."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    label.setText(text)
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    return label


def line_edit(text: str = "", *, name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setText(text)
    field.setPlaceholderText(placeholder)
    field.setCursorPosition(0)
    follow_direction(field)
    return field


def text_edit(text: str = "", *, name: str, lines: int = 4, placeholder: str = "") -> QTextEdit:
    """Multi-line text typed by the reporter: plain only (pasted HTML arrives as text), Tab moves
    to the next field, each paragraph laid out in its own direction."""
    edit = QTextEdit()
    edit.setObjectName(name)
    edit.setAcceptRichText(False)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setPlainText(text)
    line = QFontMetrics(edit.font()).lineSpacing()
    edit.setFixedHeight(line * lines + 2 * edit.frameWidth() + 10)
    follow_direction(edit)
    return edit


def read_only_text(text: str, *, name: str) -> QPlainTextEdit:
    """Long text shown, never edited (a document's text): plain, selectable, fast when large."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setReadOnly(True)
    edit.setTabChangesFocus(True)
    edit.setPlainText(text)
    apply_plain_direction(edit, text)  # read-only: its text never changes
    return edit


def text_of(edit: QTextEdit | QPlainTextEdit) -> str:
    """The text exactly as typed: toPlainText() would turn no-break spaces into spaces."""
    raw = edit.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


def set_tab_chain(*widgets: QWidget) -> None:
    """Tab order through the widgets given, entering compound widgets (a picker's line edit, then
    its clear button) through their `tab_widgets()`."""
    chain: list[QWidget] = []
    for widget in widgets:
        parts = getattr(widget, "tab_widgets", None)
        chain.extend(parts() if callable(parts) else [widget])
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
