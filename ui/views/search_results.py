"""Whole-case search: a debounced field for the toolbar and the grouped results it fills.

Results show in the middle of the window, grouped by kind; activating one jumps to it. Names
of protected sources are masked like everywhere else, and a masked source's snippet (which may
come from its contact or notes) is not shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QWidget

from casefile.domain.enums import RecordKind
from casefile.services import search
from casefile.services.search import SearchHit
from ui.case_controller import CaseController
from ui.privacy_state import PrivacyState

DEBOUNCE_MS = 200
PER_KIND = 100  # hits shown per kind; the list filters narrow further
GROUPS = [
    (RecordKind.SOURCE, "Sources"),
    (RecordKind.QUOTE, "Quotes"),
    (RecordKind.CLAIM, "Numbers"),
    (RecordKind.DOCUMENT, "Documents"),
    (RecordKind.NOTE, "Notes"),
]
KIND_ROLE = Qt.ItemDataRole.UserRole + 20
ID_ROLE = Qt.ItemDataRole.UserRole + 21


class SearchField(QLineEdit):
    """query_changed(text: str) after typing pauses; escaped() on Esc; move_down() on ↓."""

    query_changed = Signal(str)
    escaped = Signal()
    move_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.setPlaceholderText(self.tr("Search the case (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.query_changed.emit(self.text()))
        self.textChanged.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Runs a pending query now (Enter, and tests)."""
        self._timer.stop()
        self.query_changed.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class SearchResults(QTreeWidget):
    """jump(kind, id) when a result is activated."""

    jump = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_results")
        self._controller = controller
        self._privacy = privacy
        self.setHeaderLabels([self.tr("Result"), self.tr("Who"), self.tr("Where it matched")])
        self.setColumnWidth(0, 360)
        self.setColumnWidth(1, 170)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activated)
        self.hits: list[SearchHit] = []
        self.last_query = ""

    def run(self, query: str) -> None:
        self.last_query = query
        if not self._controller.is_open or not query.strip():
            self.hits = []
        else:
            self.hits = self._controller.read(lambda s: search.search(s, query, limit=PER_KIND))
        self._fill()

    def _label(self, hit: SearchHit) -> tuple[str, str, str]:
        """(what was found, who said it, where it matched), masked like the rest of the window."""
        privacy = self._privacy
        if hit.kind is RecordKind.SOURCE:
            name = privacy.name(hit.id, hit.title, hit.pseudonym, hit.protection)
            masked = name != hit.title
            return name, "", "" if masked else hit.snippet
        who = ""
        if hit.source_id is not None:
            who = privacy.name(hit.source_id, hit.source_name, hit.pseudonym, hit.protection)
        return hit.title, who, hit.snippet

    def _fill(self) -> None:
        self.clear()
        for kind, heading in GROUPS:
            group = [h for h in self.hits if h.kind is kind]
            if not group:
                continue
            top = QTreeWidgetItem([f"{self.tr(heading)} ({len(group)})"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.addTopLevelItem(top)
            for hit in group:
                texts = [" ".join(part.split())[:300] for part in self._label(hit)]
                item = QTreeWidgetItem(texts)
                item.setData(0, KIND_ROLE, hit.kind.value)
                item.setData(0, ID_ROLE, hit.id)
                top.addChild(item)
            top.setExpanded(True)
        if not self.hits and self.last_query.strip():
            empty = QTreeWidgetItem([self.tr("Nothing found")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)

    def focus_first(self) -> None:
        self.setFocus()
        first = self.topLevelItem(0)
        child = first.child(0) if first is not None and first.childCount() else None
        if child is not None:
            self.setCurrentItem(child)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind: Any = item.data(0, KIND_ROLE)
        if kind is not None:
            self.jump.emit(RecordKind(kind), str(item.data(0, ID_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._activated(current)
            return
        super().keyPressEvent(event)
