"""Type-to-find picker that links a quote or claim to a source, with its protection shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from casefile.domain.enums import Protection
from ui.widgets.protection_badge import ProtectionBadge, protection_text
from ui.widgets.rtl import follow_direction

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150  # typing pauses this long before `find_sources` runs


@dataclass(frozen=True)
class SourceChoice:
    """A source as the picker may show it: `label` is already masked by the caller (a protected
    source's pseudonym, never its real name)."""

    id: str
    label: str
    protection: Protection


FindSources = Callable[[str], list[SourceChoice]]
SourceLabel = Callable[[str], SourceChoice | None]


def choice_for(source_id: str | None, source_label: SourceLabel) -> SourceChoice | None:
    """The choice to show for a draft's source id. A source the caller cannot name (gone, or not
    loaded) keeps its id under a neutral label and the strictest badge, so the link survives."""
    if source_id is None:
        return None
    found = source_label(source_id)
    if found is not None:
        return found
    label = QCoreApplication.translate("SourcePicker", "Unknown source")
    return SourceChoice(source_id, label, Protection.NEVER_REVEAL)


class _ChoiceModel(QAbstractListModel):
    """The few sources found for the text typed; the popup shows "label — protection"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[SourceChoice] = []

    def set_choices(self, choices: list[SourceChoice]) -> None:
        self.beginResetModel()
        self.choices = list(choices)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{choice.label} — {protection_text(choice.protection)}"
        if role == Qt.ItemDataRole.EditRole:
            return choice.label
        if role == ID_ROLE:
            return choice.id
        return None


class SourcePicker(QWidget):
    """source_changed(object) is emitted with the chosen SourceChoice, or None when the link is
    cleared (by the clear button, or by editing the text after a choice)."""

    source_changed = Signal(object)

    def __init__(
        self,
        find_sources: FindSources,
        *,
        name: str = "source",
        delay_ms: int = SEARCH_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._find = find_sources
        self._chosen: SourceChoice | None = None
        self.line = QLineEdit()
        self.line.setObjectName(f"{name}Search")
        self.line.setPlaceholderText(self.tr("Type to find a source, or leave empty"))
        follow_direction(self.line)
        self.model = _ChoiceModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Attached with setWidget, not QLineEdit.setCompleter: the line edit's text changes only
        # when a source is picked, never while arrowing through the list.
        self.completer.setWidget(self.line)
        # The stubs do not know overloaded signals: activated(QString) and activated(QModelIndex).
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        popup = self.completer.popup()
        assert popup is not None  # a completer always makes its popup on demand
        self.popup = popup
        self.badge = ProtectionBadge()
        self.clear_button = QToolButton()
        self.clear_button.setObjectName(f"{name}Clear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("No source (unattributed)"))
        self.clear_button.clicked.connect(lambda: self.set_source(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.badge)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.line)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)
        self.line.textEdited.connect(self._edited)
        self.line.textChanged.connect(lambda text: self.clear_button.setEnabled(bool(text)))
        self.line.installEventFilter(self)
        self._sync()

    def source_id(self) -> str | None:
        return None if self._chosen is None else self._chosen.id

    def source(self) -> SourceChoice | None:
        return self._chosen

    def set_source(self, choice: SourceChoice | None) -> None:
        self._timer.stop()
        self.popup.hide()
        changed = choice != self._chosen
        self._chosen = choice
        self.line.setText("" if choice is None else choice.label)
        self.line.setCursorPosition(0)
        self._sync()
        if changed:
            self.source_changed.emit(choice)

    def is_pending(self) -> bool:
        """Text was typed but no source picked from the list: the link would be lost."""
        return self._chosen is None and bool(self.line.text().strip())

    def tab_widgets(self) -> list[QWidget]:
        return [self.line, self.clear_button]

    def search_now(self) -> None:
        """Look up the typed text and show what was found (normally run after a short pause)."""
        self._timer.stop()
        text = self.line.text().strip()
        self.model.set_choices(self._find(text) if text else [])
        if self.model.rowCount() and self.line.hasFocus():
            self.completer.complete()
            # The first match is highlighted, so Enter picks it straight away.
            self.popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        else:
            self.popup.hide()

    def _edited(self, _text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self._sync()
            self.source_changed.emit(None)
        self._timer.start()

    def _picked(self, index: QModelIndex) -> None:
        source_id = index.data(ID_ROLE)
        for choice in self.model.choices:
            if choice.id == source_id:
                self.set_source(choice)
                return

    def _sync(self) -> None:
        self.badge.set_protection(None if self._chosen is None else self._chosen.protection)
        self.clear_button.setEnabled(bool(self.line.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.is_pending():
                # Enter with text typed picks the first match; it never closes the dialog with
                # a half-typed source.
                if self._timer.isActive() or not self.model.choices:
                    self.search_now()
                if self.model.choices:
                    self.set_source(self.model.choices[0])
                return True
            popup_shown = self.popup.isVisible()
            if key == Qt.Key.Key_Down and self.is_pending() and not popup_shown:
                self.search_now()
                return True
        return False
