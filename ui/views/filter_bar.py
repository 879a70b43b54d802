"""Filters of the current list (applied in SQL): status, source, dates, unit, protection."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionStatus,
    Protection,
    QuoteStatus,
    RecordKind,
)
from ui.views.parts import clear_layout


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class DateBound(QWidget):
    """An optional date: a checkbox enables the date editor."""

    changed = Signal()

    def __init__(self, label: str) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.editor = QDateEdit(QDate.currentDate())
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("yyyy-MM-dd")
        self.editor.setEnabled(False)
        self.enabled.toggled.connect(self.editor.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.changed.emit())
        self.editor.dateChanged.connect(lambda _d: self.changed.emit())
        layout.addWidget(self.enabled)
        layout.addWidget(self.editor)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        d = self.editor.date()
        return date(d.year(), d.month(), d.day())


class FilterBar(QWidget):
    """filters_changed(kind: RecordKind, filters: dict) when the reporter changes a filter."""

    filters_changed = Signal(object, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self.kind: RecordKind | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._controls: dict[str, Any] = {}

    def show_for(self, kind: RecordKind, units: list[str] | None = None) -> None:
        self.kind = kind
        clear_layout(self._layout)
        self._controls = {}
        label = QLabel(self.tr("Show:"))
        self._layout.addWidget(label)
        if kind is RecordKind.SOURCE:
            self._add(
                "protection",
                _combo(
                    "filter_protection",
                    [(self.tr("All protections"), None)] + [(p.label, p) for p in Protection],
                ),
            )
        elif kind is RecordKind.QUOTE:
            self._add(
                "status",
                _combo(
                    "filter_status",
                    [(self.tr("Any status"), None)] + [(s.value, s) for s in QuoteStatus],
                ),
            )
            self._add_dates()
        elif kind is RecordKind.CLAIM:
            self._add(
                "unit",
                _combo(
                    "filter_unit", [(self.tr("Any unit"), None)] + [(u, u) for u in (units or [])]
                ),
            )
            self._add_dates()
        elif kind is RecordKind.CONTRADICTION:
            self._add(
                "status",
                _combo(
                    "filter_status",
                    [(self.tr("Any status"), None)] + [(s.value, s) for s in ContradictionStatus],
                ),
            )
            self._add(
                "kind",
                _combo(
                    "filter_kind",
                    [(self.tr("Any kind"), None)] + [(k.value, k) for k in ContradictionKind],
                ),
            )
        else:
            label.setVisible(False)
        self._layout.addStretch(1)
        reset = QPushButton(self.tr("Clear filters"))
        reset.clicked.connect(self.reset)
        reset.setVisible(bool(self._controls))
        self._layout.addWidget(reset)

    def _add(self, key: str, widget: QComboBox) -> None:
        self._controls[key] = widget
        widget.currentIndexChanged.connect(lambda _i: self._emit())
        self._layout.addWidget(widget)

    def _add_dates(self) -> None:
        for key, text in (("date_from", self.tr("from")), ("date_to", self.tr("to"))):
            bound = DateBound(text)
            bound.changed.connect(self._emit)
            self._controls[key] = bound
            self._layout.addWidget(bound)

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, control in self._controls.items():
            value = control.currentData() if isinstance(control, QComboBox) else control.value()
            if value is not None:
                out[key] = value
        return out

    def set_filter(self, key: str, value: Any) -> None:
        control = self._controls[key]
        if isinstance(control, QComboBox):
            control.setCurrentIndex(max(0, control.findData(value)))

    def reset(self) -> None:
        for control in self._controls.values():
            if isinstance(control, QComboBox):
                control.setCurrentIndex(0)
            else:
                control.enabled.setChecked(False)
        self._emit()

    def _emit(self) -> None:
        if self.kind is not None:
            self.filters_changed.emit(self.kind, self.filters())
