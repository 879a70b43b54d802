"""The sidebar: the case's sections with live counts; open contradictions highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from casefile.domain.enums import RecordKind
from casefile.services.overview import CaseCounts

SECTIONS: list[tuple[RecordKind, str]] = [
    (RecordKind.SOURCE, "Sources"),
    (RecordKind.QUOTE, "Quotes"),
    (RecordKind.CLAIM, "Numbers"),
    (RecordKind.CONTRADICTION, "Contradictions"),
    (RecordKind.DOCUMENT, "Documents"),
    (RecordKind.TAG, "Tags"),
    (RecordKind.NOTE, "Notes"),
]


class Sidebar(QListWidget):
    """section_chosen(kind: RecordKind) when the reporter picks a section."""

    section_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Sections"))
        self._items: dict[RecordKind, QListWidgetItem] = {}
        for kind, title in SECTIONS:
            item = QListWidgetItem(self.tr(title))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.addItem(item)
            self._items[kind] = item
        self.currentItemChanged.connect(self._chosen)
        self.setMinimumWidth(190)
        self.setMaximumWidth(280)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.section_chosen.emit(RecordKind(current.data(Qt.ItemDataRole.UserRole)))

    def select(self, kind: RecordKind) -> None:
        self.setCurrentItem(self._items[kind])

    def current_kind(self) -> RecordKind | None:
        item = self.currentItem()
        return None if item is None else RecordKind(item.data(Qt.ItemDataRole.UserRole))

    def item_text(self, kind: RecordKind) -> str:
        return self._items[kind].text()

    def show_counts(self, counts: CaseCounts | None) -> None:
        numbers = {
            RecordKind.SOURCE: counts.sources if counts else None,
            RecordKind.QUOTE: counts.quotes if counts else None,
            RecordKind.CLAIM: counts.claims if counts else None,
            RecordKind.CONTRADICTION: counts.contradictions if counts else None,
            RecordKind.DOCUMENT: counts.documents if counts else None,
            RecordKind.TAG: counts.tags if counts else None,
            RecordKind.NOTE: counts.notes if counts else None,
        }
        for kind, title in SECTIONS:
            item = self._items[kind]
            n = numbers[kind]
            text = self.tr(title) if n is None else f"{self.tr(title)}  {n:,}"
            if (
                kind is RecordKind.CONTRADICTION
                and counts is not None
                and counts.open_contradictions
            ):
                text = f"{self.tr(title)}  {n:,} · {counts.open_contradictions:,} open"
            item.setText(text)
            font = QFont(item.font())
            font.setBold(
                kind is RecordKind.CONTRADICTION and bool(counts and counts.open_contradictions)
            )
            item.setFont(font)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            if kind is RecordKind.CONTRADICTION:
                open_now = bool(counts and counts.open_contradictions)
                item.setData(Qt.ItemDataRole.UserRole + 1, open_now)
                item.setForeground(self.palette().link() if open_now else self.palette().text())
