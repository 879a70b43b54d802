"""Small building blocks of the detail pages: plain-text labels, fields, and lists of links."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from casefile.domain.enums import RecordKind

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11


def is_rtl(text: str) -> bool:
    """True when the first strong directional character of `text` is right-to-left."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def plain_label(
    text: str = "", *, wrap: bool = True, selectable: bool = True, role: str = ""
) -> QLabel:
    """A label that never interprets its text as HTML, aligned by the text's direction."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    set_plain(label, text)
    return label


def set_plain(label: QLabel, text: str) -> None:
    """Sets plain text; right-to-left text (Arabic, Hebrew) reads from the right edge."""
    label.setText(text)
    rtl = is_rtl(text)
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    label.setLayoutDirection(direction)
    # AlignAbsolute: in a right-to-left widget Qt would otherwise swap left and right again
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)


def clear_layout(layout: QLayout) -> None:
    """Removes and deletes every widget of a layout."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def text_view(text: str = "") -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setPlainText(text)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return view


class Fields(QWidget):
    """Label/value rows; values are plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._values: dict[str, QLabel] = {}

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._values.clear()
        for title, value in rows:
            if not value:
                continue
            label = plain_label(value)
            self._values[title] = label
            self.form.addRow(plain_label(title, wrap=False, selectable=False, role="field"), label)

    def value(self, title: str) -> str:
        label = self._values.get(title)
        return "" if label is None else label.text()


class LinkList(QListWidget):
    """A list of records; activating one (Enter, double-click) emits open_record(kind, id)."""

    open_record = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemActivated.connect(self._activated)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setWordWrap(True)

    def set_links(self, links: list[tuple[RecordKind, str, str]], *, empty: str = "") -> None:
        self.clear()
        for kind, record_id, text in links:
            item = QListWidgetItem(" ".join(text.split())[:400])
            item.setData(KIND_ROLE, kind.value)
            item.setData(ID_ROLE, record_id)
            if is_rtl(text):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addItem(item)
        if not links and empty:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        rows = max(1, min(self.count(), 8))
        self.setFixedHeight(rows * (self.sizeHintForRow(0) if self.count() else 20) + 6)

    def links(self) -> list[tuple[RecordKind, str, str]]:
        out = []
        for i in range(self.count()):
            item = self.item(i)
            kind = item.data(KIND_ROLE)
            if kind is not None:
                out.append((RecordKind(kind), str(item.data(ID_ROLE)), item.text()))
        return out

    def _activated(self, item: QListWidgetItem) -> None:
        kind = item.data(KIND_ROLE)
        if kind is not None:
            self.open_record.emit(RecordKind(kind), str(item.data(ID_ROLE)))
