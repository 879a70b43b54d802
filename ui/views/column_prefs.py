"""Which columns of each record list are shown, and how wide: chosen from a menu, kept in the
settings per kind of record, restored when the section is shown again."""

from __future__ import annotations

import base64
from dataclasses import replace

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QMenu

from casefile.domain.enums import RecordKind
from ui.case_controller import CaseController
from ui.views.record_list import RecordList


class ColumnPrefs(QObject):
    def __init__(self, record_list: RecordList, controller: CaseController) -> None:
        super().__init__(record_list)
        self.list = record_list
        self.controller = controller
        # Switching sections resets the header to the new kind's defaults, which fires
        # sectionResized: while that happens nothing may be remembered, or the defaults would
        # overwrite what the reporter chose.
        self._switching = False
        record_list.horizontalHeader().sectionResized.connect(lambda *_a: self.remember())

    def show_kind(self, kind: RecordKind) -> None:
        """Shows `kind` in the list with the columns last chosen for it."""
        self._switching = True
        try:
            self.list.show_kind(kind)
            self.restore(kind)
        finally:
            self._switching = False

    def choose(self) -> None:
        """A menu of the list's columns, each ticked while shown."""
        kind = self.list.kind
        if kind is None:
            return
        menu = QMenu(self.list)
        model = self.list.model_for(kind)
        for i, column in enumerate(model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not self.list.isColumnHidden(i))
            action.toggled.connect(lambda on, col=i: self.show_column(col, on))
        menu.exec(self.list.mapToGlobal(self.list.rect().topLeft()))

    def show_column(self, column: int, shown: bool) -> None:
        self.list.setColumnHidden(column, not shown)
        self.remember()

    def remember(self) -> None:
        kind = self.list.kind
        if kind is None or self._switching:
            return
        header_state = bytes(self.list.horizontalHeader().saveState().data())
        state = base64.b64encode(header_state).decode("ascii")
        settings = self.controller.settings
        if settings.column_state.get(kind.value) != state:
            self.controller.settings = replace(
                settings, column_state={**settings.column_state, kind.value: state}
            )

    def restore(self, kind: RecordKind) -> None:
        state = self.controller.settings.column_state.get(kind.value)
        if state:
            self.list.horizontalHeader().restoreState(QByteArray(base64.b64decode(state)))
