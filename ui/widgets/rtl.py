"""Right-to-left text in fields: direction and alignment follow the text's first strong letter."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_RTL_CLASSES = frozenset({"R", "AL"})

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


def direction_of(text: str) -> Qt.LayoutDirection | None:
    """The direction of a paragraph by its first strong character (the Unicode rule P2), or
    None when the text has no strong character (empty, digits, punctuation)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in _RTL_CLASSES:
            return Qt.LayoutDirection.RightToLeft
        if bidi == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


def is_rtl(text: str) -> bool:
    return direction_of(text) is Qt.LayoutDirection.RightToLeft


def _set_widget_direction(widget: QWidget, direction: Qt.LayoutDirection | None) -> None:
    if direction is None:
        widget.unsetLayoutDirection()  # no strong letter: follow the window
    else:
        widget.setLayoutDirection(direction)


def apply_line_direction(field: QLineEdit) -> None:
    """Arabic in a line edit: right-to-left, aligned right; other text: left; empty: as the app."""
    direction = direction_of(field.text())
    _set_widget_direction(field, direction)
    vertical = Qt.AlignmentFlag.AlignVCenter
    if direction is Qt.LayoutDirection.RightToLeft:
        field.setAlignment(RIGHT | vertical)
    elif direction is Qt.LayoutDirection.LeftToRight:
        field.setAlignment(LEFT | vertical)
    else:
        field.setAlignment(Qt.AlignmentFlag.AlignLeading | vertical)


def apply_text_direction(edit: QTextEdit) -> None:
    """A QTextEdit lays out each paragraph by its own direction; the widget (cursor on an empty
    line, scroll bar side) follows the first strong letter of the whole text."""
    _set_widget_direction(edit, direction_of(edit.document().toRawText()))


def apply_plain_direction(edit: QPlainTextEdit, text: str | None = None) -> None:
    """QPlainTextEdit does not align paragraphs by their direction: the whole text follows its
    first strong letter (used for long read-only text, where QTextEdit would be slow). Pass
    the text when it is at hand, to spare copying a long document out of the widget."""
    document = edit.document()
    sample = document.toRawText()[:10_000] if text is None else text[:10_000]
    direction = direction_of(sample)
    _set_widget_direction(edit, direction)
    option = document.defaultTextOption()
    if direction is Qt.LayoutDirection.RightToLeft:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(RIGHT)
    else:
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(LEFT)
    current = document.defaultTextOption()
    if (option.alignment(), option.textDirection()) != (
        current.alignment(),
        current.textDirection(),
    ):
        document.setDefaultTextOption(QTextOption(option))


def follow_direction(field: QLineEdit | QTextEdit | QPlainTextEdit) -> None:
    """Set the field's direction now and whenever its text changes."""
    if isinstance(field, QLineEdit):
        apply_line_direction(field)
        field.textChanged.connect(lambda _text: apply_line_direction(field))
    elif isinstance(field, QTextEdit):
        apply_text_direction(field)
        field.textChanged.connect(lambda: apply_text_direction(field))
    else:
        apply_plain_direction(field)
        field.textChanged.connect(lambda: apply_plain_direction(field))
