"""The review of an import's conflicts: for each field changed on both sides, keep yours or take
theirs. Values are shown as plain text; identifying ones are not shown at all."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.choice_combo import Choice, ChoiceCombo
from ui.widgets.fields import plain_label, set_tab_chain
from ui.widgets.rtl import LEFT, RIGHT, is_rtl

Resolution = Literal["mine", "theirs"]
MAX_CELL = 300  # characters painted in a cell; the tooltip holds more
MAX_TIP = 2_000
RECORD, FIELD, MINE, THEIRS, CHOICE = range(5)


@dataclass(frozen=True)
class ConflictView:
    """One conflict as the dialog shows it. `key` is the Conflict's key; `mine` and `theirs`
    are display texts; `identifying` ones are not shown."""

    key: str
    record_label: str
    field: str
    mine: str
    theirs: str
    identifying: bool


def one_line(text: str) -> str:
    """A cell's text: one line, bounded (a 100k-character value must not stall painting)."""
    clipped = text[:MAX_CELL]
    line = " ".join(clipped.split())
    return line + "…" if len(text) > MAX_CELL else line


def tooltip(text: str) -> str:
    """The full value as a tooltip that Qt cannot read as HTML: escaped inside a <qt> block."""
    if len(text) > MAX_TIP:
        text = text[:MAX_TIP] + "…"
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class MergeReviewDialog(QDialog):
    """Built from a summary and ConflictViews; the caller runs `exec()` and, when accepted
    (Import), reads `resolutions()`. Every row starts on "Keep mine"."""

    def __init__(
        self, parent: QWidget | None, *, summary: str, conflicts: Sequence[ConflictView]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review the import"))
        self.setMinimumSize(760, 360)
        self._conflicts = list(conflicts)
        self.hidden_text = self.tr("(identifying: not shown)")

        outer = QVBoxLayout(self)
        self.summary = plain_label(summary, name="summary", wrap=True)
        outer.addWidget(self.summary)
        intro = plain_label(
            self.tr(
                "These fields were changed both here and in the file. Choose which version to "
                "keep for each; everything else merges by itself."
            )
            if self._conflicts
            else self.tr("Nothing conflicts: the file merges by itself."),
            name="intro",
            wrap=True,
        )
        outer.addWidget(intro)

        self.table = QTableWidget(len(self._conflicts), 5)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Yours"),
                self.tr("Theirs"),
                self.tr("Use"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (RECORD, MINE, THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (FIELD, CHOICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(self._conflicts))
        self.choices: dict[str, ChoiceCombo[Resolution]] = {}
        for row, conflict in enumerate(self._conflicts):
            self._fill_row(row, conflict)
        outer.addWidget(self.table, 1)

        self.all_mine = _button(self.tr("All &mine"), "allMine")
        self.all_theirs = _button(self.tr("All &theirs"), "allTheirs")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.import_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)  # an import changes the case: Enter alone does not
        self.all_mine.clicked.connect(lambda: self.set_all("mine"))
        self.all_theirs.clicked.connect(lambda: self.set_all("theirs"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_mine)
        bottom.addWidget(self.all_theirs)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)
        for button in (self.all_mine, self.all_theirs):
            button.setVisible(bool(self._conflicts))
        set_tab_chain(
            *self.choices.values(),
            self.all_mine,
            self.all_theirs,
            self.import_button,
            self.cancel_button,
        )
        if self.choices:
            next(iter(self.choices.values())).setFocus()

    def _fill_row(self, row: int, conflict: ConflictView) -> None:
        cells = [conflict.record_label, conflict.field]
        if conflict.identifying:
            cells += [self.hidden_text, self.hidden_text]
        else:
            cells += [conflict.mine, conflict.theirs]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(one_line(text))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setTextAlignment((RIGHT if is_rtl(text) else LEFT) | Qt.AlignmentFlag.AlignVCenter)
            if conflict.identifying and column in (MINE, THEIRS):
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(
                    self.tr("This field can identify a protected source; its values stay hidden.")
                )
            elif len(text) > 40 or "\n" in text:
                item.setToolTip(tooltip(text))
            self.table.setItem(row, column, item)
        combo = ChoiceCombo[Resolution](
            [Choice("mine", self.tr("Keep mine")), Choice("theirs", self.tr("Take theirs"))],
            name=f"choice{row}",
        )
        self.table.setCellWidget(row, CHOICE, combo)
        self.choices[conflict.key] = combo
        combo.currentIndexChanged.connect(lambda _index: self._mark_chosen(row))
        self._mark_chosen(row)

    def _mark_chosen(self, row: int) -> None:
        """The value that will be kept is bold."""
        combo = self.table.cellWidget(row, CHOICE)
        assert isinstance(combo, ChoiceCombo)
        chosen = MINE if combo.value() == "mine" else THEIRS
        for column in (MINE, THEIRS):
            item = self.table.item(row, column)
            if item is not None:
                font = item.font()
                font.setBold(column == chosen)
                item.setFont(font)

    def set_all(self, side: Resolution) -> None:
        for combo in self.choices.values():
            combo.set_value(side)

    def resolutions(self) -> dict[str, Resolution]:
        """Each conflict's key → "mine" or "theirs", as chosen."""
        return {key: combo.value() for key, combo in self.choices.items()}
