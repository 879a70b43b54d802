"""Editor of a contradiction: its kind and status, what would settle it, how it was resolved."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionOrigin,
    ContradictionStatus,
    RecordKind,
)
from casefile.domain.records import ContradictionDraft
from casefile.domain.validation import clean_text
from ui.widgets.choice_combo import Choice, ChoiceCombo
from ui.widgets.fields import plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog, first_invalid
from ui.widgets.rtl import LEFT, RIGHT, is_rtl

MemberLabels = dict[tuple[RecordKind, str], str]


class ContradictionDialog(FormDialog):
    """Edit of a contradiction; `values()` returns the ContradictionDraft. Its members are shown,
    not edited (they are chosen in the lists); origin and signature are kept unchanged."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        draft: ContradictionDraft,
        member_labels: MemberLabels,
    ) -> None:
        super().__init__(parent, title=self.tr("Contradiction"))
        self.setMinimumWidth(560)
        self._draft = draft
        self.members = QListWidget()
        self.members.setObjectName("members")
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.members.setWordWrap(True)
        kind_names = {RecordKind.CLAIM: self.tr("Number"), RecordKind.QUOTE: self.tr("Quote")}
        for member in draft.members:
            text = member_labels.get((member.kind, member.id)) or self.tr("(not found)")
            item = QListWidgetItem(f"{kind_names.get(member.kind, member.kind.value)}: {text}")
            vertical = Qt.AlignmentFlag.AlignVCenter
            item.setTextAlignment((RIGHT if is_rtl(text) else LEFT) | vertical)
            self.members.addItem(item)
        rows = max(2, min(len(draft.members), 6))
        row_height = max(self.members.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.members.setFixedHeight(row_height * rows + 2 * self.members.frameWidth() + 4)
        origin = (
            self.tr("Found by detection")
            if draft.origin is ContradictionOrigin.DETECTED
            else self.tr("Added by hand")
        )
        self.origin = plain_label(origin, name="origin")
        self.kind = ChoiceCombo(
            [
                Choice(ContradictionKind.NUMERIC, self.tr("Numbers differ")),
                Choice(ContradictionKind.DURATION, self.tr("Durations differ")),
                Choice(ContradictionKind.DATE, self.tr("Dates differ")),
                Choice(ContradictionKind.NAME, self.tr("Names differ")),
                Choice(ContradictionKind.STATEMENT, self.tr("Statements conflict")),
            ],
            name="kind",
        )
        self.kind.set_value(draft.kind)
        self.status = ChoiceCombo(
            [
                Choice(ContradictionStatus.OPEN, self.tr("Open"), self.tr("Not settled yet")),
                Choice(
                    ContradictionStatus.EXPLAINED,
                    self.tr("Explained"),
                    self.tr("Both can be true: the difference has an explanation"),
                ),
                Choice(
                    ContradictionStatus.CONFIRMED,
                    self.tr("Confirmed"),
                    self.tr("They really disagree: at least one is wrong"),
                ),
                Choice(
                    ContradictionStatus.DISMISSED,
                    self.tr("Dismissed"),
                    self.tr("Not a contradiction (a false alarm)"),
                ),
            ],
            name="status",
        )
        self.status.set_value(draft.status)
        self.status_help = plain_label(self.status.explanation(), name="statusHelp", wrap=True)
        self.status.currentIndexChanged.connect(
            lambda _i: self.status_help.setText(self.status.explanation())
        )
        self.description = text_edit(
            draft.description,
            name="description",
            lines=3,
            placeholder=self.tr("What disagrees with what"),
        )
        self.settle_by = text_edit(
            draft.settle_by,
            name="settleBy",
            lines=2,
            placeholder=self.tr("A payslip, a second source, the official record…"),
        )
        self.resolution = text_edit(
            draft.resolution,
            name="resolution",
            lines=3,
            placeholder=self.tr("How it was settled, and on what evidence"),
        )

        row = self.add_row
        row(self.tr("Members"), self.members)
        row(self.tr("Origin"), self.origin)
        row(self.tr("&Kind"), self.kind)
        row(self.tr("&Status"), self.status)
        self.add_note(self.status_help)
        row(self.tr("&Description"), self.description)
        row(self.tr("What would s&ettle it"), self.settle_by)
        row(self.tr("&Resolution"), self.resolution)

        self.watch(self.description, self.settle_by, self.resolution)
        self.tab_through(self.kind, self.status, self.description, self.settle_by, self.resolution)
        self.refresh()
        self.kind.setFocus()

    def problem(self) -> str:
        return first_invalid(
            [
                (
                    self.tr("Description"),
                    lambda: clean_text("description", text_of(self.description)),
                ),
                (
                    self.tr("What would settle it"),
                    lambda: clean_text("what would settle it", text_of(self.settle_by)),
                ),
                (self.tr("Resolution"), lambda: clean_text("resolution", text_of(self.resolution))),
            ]
        )

    def values(self) -> ContradictionDraft:
        return replace(
            self._draft,
            kind=self.kind.value(),
            status=self.status.value(),
            description=text_of(self.description).strip(),
            settle_by=text_of(self.settle_by).strip(),
            resolution=text_of(self.resolution).strip(),
        )
