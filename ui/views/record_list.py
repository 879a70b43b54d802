"""The list in the middle: one table per section, over ids, sorted and filtered in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from casefile.domain.changes import Changes
from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.services.listing import ListQuery
from ui.case_controller import CaseController
from ui.models.columns import COLUMNS
from ui.models.record_table import RecordTableModel
from ui.privacy_state import PrivacyState

SYNC_LIMIT = 20_000  # lists up to this long load their keys at once (~15 ms)
FIRST_PAGE = 200


class RecordList(QTableView):
    """record_selected(kind: RecordKind, id: str | None) when the selection changes;
    record_activated(kind: RecordKind, id: str) on Enter or double-click;
    list_loaded(kind: RecordKind) when a list's keys are (fully) loaded."""

    record_selected = Signal(object, object)
    record_activated = Signal(object, str)
    list_loaded = Signal(object)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("record_list")
        self._controller = controller
        self._privacy = privacy
        self._models: dict[RecordKind, RecordTableModel] = {}
        self._queries: dict[RecordKind, ListQuery] = {}
        self.kind: RecordKind | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(False)  # sorting runs in SQL; the header only asks for it
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.sectionClicked.connect(self._header_clicked)
        self.doubleClicked.connect(lambda index: self._activate(index.row()))
        controller.records_changed.connect(self._on_changes)
        controller.case_closed.connect(self._on_closed)

    def model_for(self, kind: RecordKind) -> RecordTableModel:
        model = self._models.get(kind)
        if model is None:
            model = RecordTableModel(
                kind, COLUMNS[kind], self._controller.rows, self._privacy, self
            )
            model.sort_requested.connect(lambda key, desc, k=kind: self._sort(k, key, desc))
            self._models[kind] = model
        return model

    def show_kind(self, kind: RecordKind) -> None:
        self.kind = kind
        model = self.model_for(kind)
        if self.model() is not model:
            self.setModel(model)
            for i, column in enumerate(model.columns):
                self.setColumnWidth(i, column.width)
                self.setColumnHidden(i, column.hidden_by_default)
            self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def query(self, kind: RecordKind) -> ListQuery:
        return self._queries.get(kind) or ListQuery(kind)

    def set_query(self, query: ListQuery) -> None:
        self._queries[query.kind] = query
        if query.kind is self.kind:
            self.reload()

    def reload(self) -> None:
        """Fetches the list's keys. Short lists load at once; long ones show their first page
        and count at once and load the rest in the background."""
        if self.kind is None or not self._controller.is_open:
            return
        kind = self.kind
        query = self.query(kind)
        selected = self.selected_ids()
        model = self.model_for(kind)
        total = self._controller.count(query)
        if total <= SYNC_LIMIT:
            model.set_keys(self._controller.keys(query))
        else:
            model.set_keys(self._controller.keys(query, limit=FIRST_PAGE), total)
            self._load_rest(kind, query)
        for rid in selected[:1]:
            self.select_id(rid)
        self.list_loaded.emit(kind)

    def _load_rest(self, kind: RecordKind, query: ListQuery) -> None:
        controller = self._controller
        generation = controller.generation
        task = controller.runner.submit(
            f"load {kind.value} list", lambda _p: controller.keys(query)
        )

        def done(keys: object) -> None:
            if controller.generation == generation and self.query(kind) == query:
                assert isinstance(keys, list)
                self.model_for(kind).complete_keys(keys)
                self.list_loaded.emit(kind)

        task.succeeded.connect(done)

    def _sort(self, kind: RecordKind, key: str, descending: bool) -> None:
        from dataclasses import replace

        self.set_query(replace(self.query(kind), sort=key, descending=descending))

    def _header_clicked(self, section: int) -> None:
        if self.kind is None:
            return
        model = self.model_for(self.kind)
        column = model.columns[section]
        if not column.sort_key:
            return
        query = self.query(self.kind)
        descending = query.sort == column.sort_key and not query.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.horizontalHeader().setSortIndicator(section, order)
        model.sort(section, order)

    def selected_ids(self) -> list[RecordId]:
        if self.kind is None or self.selectionModel() is None:
            return []
        model = self.model_for(self.kind)
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [rid for r in rows if (rid := model.id_at(r)) is not None]

    def select_id(self, record_id: str) -> bool:
        if self.kind is None or not self._controller.is_open:
            return False
        model = self.model_for(self.kind)
        key = self._controller.key_of(self.kind, record_id)
        row = -1 if key is None else model.row_of_key(key)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_ids()
        self.record_selected.emit(self.kind, ids[0] if len(ids) == 1 else None)

    def _activate(self, row: int) -> None:
        if self.kind is None:
            return
        rid = self.model_for(self.kind).id_at(row)
        if rid is not None:
            self.record_activated.emit(self.kind, rid)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _on_changes(self, changes: Changes) -> None:
        for kind, model in self._models.items():
            if not changes.touches(kind) and not _shows_sources(kind, changes):
                continue
            if kind is self.kind and (
                any(k is kind for k, _ in changes.created)
                or any(k is kind for k, _ in changes.deleted)
            ):
                self.reload()
            elif kind is self.kind:
                if _shows_sources(kind, changes):
                    model.invalidate()
                else:
                    model.refresh_rows([rid for k, rid in changes.updated if k is kind])
            else:
                model.clear()  # reloaded when shown again

    def _on_closed(self) -> None:
        for model in self._models.values():
            model.clear()


def _shows_sources(kind: RecordKind, changes: Changes) -> bool:
    """Quotes and claims show their source's name: a source edit repaints them."""
    return kind in (RecordKind.QUOTE, RecordKind.CLAIM) and changes.touches(RecordKind.SOURCE)
