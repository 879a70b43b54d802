"""What the sharing dialogs' tests share: hostile and right-to-left text, and ways to read
everything a dialog shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
ARABIC = "وعدونا بألفي دولار في الشهر"
PASSPHRASE = "correct horse battery"
ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight


def all_text(root: QWidget) -> str:
    """Every piece of text the dialog could show: titles, labels, buttons, fields, table cells
    and tooltips (of widgets and of cells)."""
    parts = [root.windowTitle(), root.toolTip()]
    for widget in root.findChildren(QWidget):
        parts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        parts += [item.text(), item.toolTip()]
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                parts.append(header.text() if header is not None else "")
    return "\n".join(parts)


def labels_are_plain(root: QWidget) -> bool:
    return all(label.textFormat() is Qt.TextFormat.PlainText for label in root.findChildren(QLabel))


def shown(dialog: QWidget, widget: QWidget) -> bool:
    return widget.isVisibleTo(dialog)
