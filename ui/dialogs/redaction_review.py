"""The review before a redacted export: passages that mention their protected source's own name,
phone or e-mail, each acknowledged or opened to be edited. The matched text is never shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casefile.domain.enums import RecordKind
from ui.widgets.fields import plain_label, set_tab_chain
from ui.widgets.rtl import LEFT, RIGHT, is_rtl


@dataclass(frozen=True)
class FindingView:
    """One finding as the dialog shows it. `key` is the Finding's key; `what` is "name", "phone"
    or "e-mail"; `label` is a short, already-masked description of the record."""

    key: str
    record_kind: RecordKind
    record_id: str
    field: str
    what: str
    label: str


def what_text(what: str) -> str:
    tr = QCoreApplication.translate
    return {
        "name": tr("RedactionReview", "its own name"),
        "phone": tr("RedactionReview", "a phone number"),
        "e-mail": tr("RedactionReview", "an e-mail address"),
    }.get(what, tr("RedactionReview", "an identifying detail"))


def field_text(field: str) -> str:
    """The field's name as the editors call it."""
    tr = QCoreApplication.translate
    return {
        "text": tr("RedactionReview", "text"),
        "context": tr("RedactionReview", "context"),
        "pseudonym": tr("RedactionReview", "pseudonym"),
        "subject": tr("RedactionReview", "subject"),
        "raw_text": tr("RedactionReview", "original wording"),
        "note": tr("RedactionReview", "note"),
        "per": tr("RedactionReview", "“per”"),
        "description": tr("RedactionReview", "description"),
        "settle_by": tr("RedactionReview", "what would settle it"),
        "resolution": tr("RedactionReview", "resolution"),
    }.get(field, field.replace("_", " "))


class RedactionReviewDialog(QDialog):
    """Built from FindingViews; the caller runs `exec()`. Accepted: export, with `acknowledged()`.
    OPENED: the reporter pressed Open on a row (see `opened()`). Rejected: no export.

    Signals: open_record(RecordKind, str) — the kind and id of the record whose Open was
    pressed, emitted just before the dialog closes with OPENED."""

    OPENED = 2  # a result apart from Accepted (1) and Rejected (0)

    open_record = Signal(RecordKind, str)

    def __init__(self, parent: QWidget | None, *, findings: Sequence[FindingView]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review before export"))
        self.setMinimumWidth(640)
        self._findings = list(findings)
        self._opened: tuple[RecordKind, str] | None = None
        self.checks: dict[str, QCheckBox] = {}
        self.open_buttons: list[QPushButton] = []

        outer = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "These passages are linked to protected sources and mention that source’s own "
                "name, phone number or e-mail address. The export leaves out the source’s own "
                "details, but it cannot rewrite what a passage says. Open each one to edit it, "
                "or acknowledge it to export it as it is."
            )
            if self._findings
            else self.tr("Nothing to review: no passage mentions its protected source’s details."),
            name="intro",
            wrap=True,
        )
        outer.addWidget(intro)
        self.count = plain_label(name="count", role="heading")
        outer.addWidget(self.count)

        rows = QWidget()
        grid = QGridLayout(rows)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        grid.setHorizontalSpacing(12)
        chain: list[QWidget] = []
        for index, finding in enumerate(self._findings):
            check, button = self._add_row(grid, index, finding)
            chain += [check, button]
        grid.setRowStretch(len(self._findings) * 3 + 1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("findings")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(rows)
        scroll.setVisible(bool(self._findings))
        scroll.setMinimumHeight(min(380, 24 + 62 * len(self._findings)))
        outer.addWidget(scroll, 1)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.export_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        set_tab_chain(*chain, self.export_button, self.cancel_button)
        self._update()
        if chain:
            chain[0].setFocus()

    def _add_row(
        self, grid: QGridLayout, index: int, finding: FindingView
    ) -> tuple[QCheckBox, QPushButton]:
        label = plain_label(finding.label, name=f"label{index}", wrap=True)
        label.setAlignment((RIGHT if is_rtl(finding.label) else LEFT) | Qt.AlignmentFlag.AlignTop)
        detail = plain_label(
            self.tr("Mentions {0} — in its {1}").format(
                what_text(finding.what), field_text(finding.field)
            ),
            name=f"detail{index}",
            role="field",
        )
        check = QCheckBox(self.tr("Acknowledged: leave it as it is"))
        check.setObjectName(f"acknowledged{index}")
        check.toggled.connect(self._update)
        button = QPushButton(self.tr("Open"))
        button.setObjectName(f"open{index}")
        button.setAutoDefault(False)
        button.setToolTip(self.tr("Close this review and go to the record to edit it"))
        button.clicked.connect(lambda: self._open(finding))
        row = index * 3
        if index:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Plain)
            line.setForegroundRole(QPalette.ColorRole.Mid)  # a quiet rule in both themes
            grid.addWidget(line, row, 0, 1, 3)
        row += 1
        grid.addWidget(label, row, 0)
        grid.addWidget(detail, row + 1, 0)
        grid.addWidget(check, row, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(button, row, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.checks[finding.key] = check
        self.open_buttons.append(button)
        return check, button

    def _open(self, finding: FindingView) -> None:
        self._opened = (finding.record_kind, finding.record_id)
        self.open_record.emit(finding.record_kind, finding.record_id)
        self.done(self.OPENED)

    def _update(self) -> None:
        done = len(self.acknowledged())
        total = len(self._findings)
        self.count.setText(self.tr("{0} of {1} acknowledged").format(done, total))
        self.count.setVisible(total > 0)
        self.export_button.setEnabled(done == total)

    def acknowledged(self) -> list[str]:
        """The keys of the findings ticked, in the order shown."""
        return [key for key, check in self.checks.items() if check.isChecked()]

    def opened(self) -> tuple[RecordKind, str] | None:
        """The record whose Open was pressed (the result is then OPENED), else None."""
        return self._opened

    def accept(self) -> None:
        if not self.export_button.isEnabled():
            return
        super().accept()
