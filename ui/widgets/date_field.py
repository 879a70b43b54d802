"""A date field that may also be empty ("No date"), with a calendar popup and a clear button."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QWidget,
)

# QDateEdit has no empty state: its minimum date stands for "no date" and shows as special text.
_EMPTY = QDate(100, 1, 1)
_SEPARATORS = frozenset("-/. ")
_STEP_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class DateField(QWidget):
    """date_changed(object) is emitted with the new `datetime.date`, or None when cleared."""

    date_changed = Signal(object)

    def __init__(
        self,
        value: datetime.date | None = None,
        *,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{name}Edit" if name else "dateEdit")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")  # unambiguous in every locale
        self.edit.setMinimumDate(_EMPTY)
        self.edit.setSpecialValueText(self.tr("No date"))
        self.edit.setDate(_EMPTY)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName(f"{name}Clear" if name else "dateClear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("No date"))
        self.clear_button.clicked.connect(lambda: self.set_date(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        # Made once here: calendarWidget() builds the popup lazily, sending events of its own.
        self._calendar = self.edit.calendarWidget()
        self._calendar.installEventFilter(self)
        self._digit_section: QDateTimeEdit.Section | None = None
        self.edit.installEventFilter(self)
        self.edit.dateChanged.connect(self._changed)
        self.set_date(value)

    def date(self) -> datetime.date | None:
        qdate = self.edit.date()
        if qdate == _EMPTY:
            return None
        return datetime.date(qdate.year(), qdate.month(), qdate.day())

    def set_date(self, value: datetime.date | None) -> None:
        self.edit.setDate(_EMPTY if value is None else QDate(value.year, value.month, value.day))
        self._sync_clear()

    def is_empty(self) -> bool:
        return self.edit.date() == _EMPTY

    def tab_widgets(self) -> list[QWidget]:
        return [self.edit, self.clear_button]

    def _changed(self, _qdate: QDate) -> None:
        self._sync_clear()
        self.date_changed.emit(self.date())

    def _sync_clear(self) -> None:
        self.clear_button.setEnabled(not self.is_empty())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self._calendar and self.is_empty():
            # Opening the calendar of an empty field shows this month, not the year 100.
            today = QDate.currentDate()
            self._calendar.setCurrentPage(today.year(), today.month())
        elif kind == QEvent.Type.KeyPress and watched is self.edit and isinstance(event, QKeyEvent):
            return self._key_on_empty(event) or self._separator_after_advance(event)
        return False

    def _separator_after_advance(self, event: QKeyEvent) -> bool:
        """QDateEdit moves on by itself once a section is full (four year digits), and then a
        typed "-" would skip the month too; that separator is swallowed, so "2024-05-12" typed
        as written lands in the right sections."""
        section = self.edit.currentSection()
        text = event.text()
        after_digit, self._digit_section = self._digit_section, None
        if text.isdigit():
            self._digit_section = section
            return False
        return text in _SEPARATORS and after_digit is not None and after_digit != section

    def _key_on_empty(self, event: QKeyEvent) -> bool:
        """Keys on an empty field start from today: arrows step from it, and typing a digit
        overwrites its year (then month and day), so "2024-05-12" can be typed straight in."""
        if not self.is_empty():
            return False
        if event.key() in _STEP_KEYS:
            self.edit.setDate(QDate.currentDate())
            return True
        if event.text().isdigit():
            self.edit.setDate(QDate.currentDate())
            self.edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
            self._digit_section = None
        return False
