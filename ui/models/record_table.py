"""A table model over an ordered list of row keys; rows are fetched by key in pages.

rowCount comes from the key list (or, while a long list is still loading in the background,
from its count, with the first page of keys already known); `data()` finds the row in a bounded
cache or fetches the page around it (one query for PAGE rows). Sorting and filtering happen in
SQL: the model asks for a new key list through `sort_requested`. Edits repaint single rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.services.listing import Row
from ui.models.columns import LEFT, RIGHT, Column
from ui.privacy_state import PrivacyState
from ui.views.parts import is_rtl

PAGE = 100
CACHE_ROWS = 5_000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
LOADING = "…"

RowFetcher = Callable[[RecordKind, Sequence[int]], dict[int, Row]]
AnyIndex = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """sort_requested(key: str, descending: bool) asks the owner for keys in a new order."""

    sort_requested = Signal(str, bool)

    def __init__(
        self,
        kind: RecordKind,
        columns: Sequence[Column],
        fetch: RowFetcher,
        privacy: PrivacyState,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = list(columns)
        self._fetch = fetch
        self._privacy = privacy
        self._keys: list[int] = []
        self._total = 0
        self._row_of_key: dict[int, int] | None = None
        self._cache: OrderedDict[int, Row] = OrderedDict()
        self._key_of_id: dict[str, int] = {}
        # Display text per row key, computed once per row (and again after the privacy state
        # changes): painting asks for several roles per cell.
        self._texts: dict[int, list[str]] = {}
        self.fetch_count = 0  # pages fetched (tests and benchmarks read these)
        self.data_calls = 0
        privacy.changed.connect(self._repaint_all)

    # -- content ----------------------------------------------------------------------------
    def set_keys(self, keys: Sequence[int], total: int | None = None) -> None:
        """A new list. With `total` > len(keys) the rest is still loading (see complete_keys)."""
        self.beginResetModel()
        self._keys = list(keys)
        self._total = max(len(self._keys), total or 0)
        self._row_of_key = None
        self._cache.clear()
        self._key_of_id.clear()
        self._texts.clear()
        self.endResetModel()

    def complete_keys(self, keys: Sequence[int]) -> None:
        """The full key list of a list shown from its first page: fills in without a reset."""
        known = len(self._keys)
        if list(keys[:known]) != self._keys or len(keys) != self._total:
            self.set_keys(keys)  # the case changed meanwhile: start over
            return
        self._keys = list(keys)
        self._row_of_key = None
        if self._total > known:
            last = self.index(self._total - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(known, 0), last)

    @property
    def loading(self) -> bool:
        return len(self._keys) < self._total

    def key_at(self, row: int) -> int | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def id_at(self, row: int) -> RecordId | None:
        value = self.row_value(row)
        return None if value is None else value.id

    def row_of_key(self, key: int) -> int:
        if self._row_of_key is None:
            self._row_of_key = {k: i for i, k in enumerate(self._keys)}
        return self._row_of_key.get(key, -1)

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id` if its row has been fetched (see row_of_key)."""
        key = self._key_of_id.get(record_id)
        return -1 if key is None else self.row_of_key(key)

    def refresh_rows(self, record_ids: Sequence[str]) -> None:
        """Drops cached rows for these ids and repaints them (after an edit)."""
        for rid in record_ids:
            key = self._key_of_id.pop(rid, None)
            if key is None:
                continue  # never fetched: nothing stale to repaint
            self._cache.pop(key, None)
            self._texts.pop(key, None)
            row = self.row_of_key(key)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def invalidate(self) -> None:
        """Drops every cached row and repaints (one signal, whatever the row count)."""
        self._cache.clear()
        self._key_of_id.clear()
        self._repaint_all()

    def clear(self) -> None:
        self.set_keys([])

    def _repaint_all(self) -> None:
        self._texts.clear()
        if self._total:
            last = self.index(self._total - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def row_value(self, row: int) -> Row | None:
        key = self.key_at(row)
        if key is None:
            return None
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        start = (row // PAGE) * PAGE
        page = [k for k in self._keys[start : start + PAGE] if k not in self._cache]
        fetched = self._fetch(self.kind, page)
        self.fetch_count += 1
        for k, value in fetched.items():
            self._cache[k] = value
            self._key_of_id[value.id] = k
        while len(self._cache) > CACHE_ROWS:
            dropped_key, dropped = self._cache.popitem(last=False)
            self._key_of_id.pop(dropped.id, None)
            self._texts.pop(dropped_key, None)
        return self._cache.get(key)

    def texts(self, row: int) -> list[str] | None:
        """The display text of every column of a row (cached)."""
        key = self.key_at(row)
        if key is None:
            return None
        cached = self._texts.get(key)
        if cached is None:
            value = self.row_value(row)
            if value is None:
                return None
            cached = self._texts[key] = [c.display(value, self._privacy) for c in self.columns]
        return cached

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        self.data_calls += 1
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = self.columns[column].alignment
            if alignment == LEFT and index.row() < len(self._keys):
                texts = self.texts(index.row())
                if texts is not None and is_rtl(texts[column]):
                    return RIGHT  # Arabic and Hebrew text reads from the right edge
            return alignment
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            ID_ROLE,
            ROW_ROLE,
        ):
            return None
        if index.row() >= len(self._keys):
            return LOADING if role == Qt.ItemDataRole.DisplayRole and column == 0 else None
        if role in (ID_ROLE, ROW_ROLE):
            row = self.row_value(index.row())
            if row is None:
                return None
            return row.id if role == ID_ROLE else row
        texts = self.texts(index.row())
        if texts is None:
            return None
        text = texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sort_key:
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(self.columns[column].sort_key, descending)
