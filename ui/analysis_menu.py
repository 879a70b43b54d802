"""The Case menu's number actions: detect contradictions, merge subjects, exchange rates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from casefile.domain.changes import Changes
from casefile.domain.enums import ContradictionStatus, RecordKind
from casefile.domain.errors import CasefileError
from casefile.services import analysis, claims
from ui.actions import make
from ui.modal import run_modal
from ui.undo import Apply

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class MergeSubjectsDialog(QDialog):
    """Two of the case's subjects: the one that goes away and the one it becomes."""

    def __init__(self, parent: QWidget | None, *, subjects: list[tuple[str, int]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge subjects"))
        form = QFormLayout(self)
        self.merged = QComboBox()
        self.into = QComboBox()
        for subject, n in subjects:
            self.merged.addItem(f"{subject}  ({n})", subject)
            self.into.addItem(f"{subject}  ({n})", subject)
        if len(subjects) > 1:
            self.into.setCurrentIndex(1)
        form.addRow(self.tr("Merge"), self.merged)
        form.addRow(self.tr("into"), self.into)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return str(self.merged.currentData()), str(self.into.currentData())


class RatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, text: str, base: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange rates"))
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "Claims in different currencies are compared only with a rate you set here. "
                "Write what one unit is worth in {0}, e.g. EUR=1.08, GBP=1.27."
            ).format(base)
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(note)
        self.rates = QLineEdit(text)
        self.rates.setObjectName("rates")
        form.addRow(self.tr("Rates"), self.rates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CaseAnalysis(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        a, w = window.commands, window
        make(w, a, "detect", self.tr("&Detect Contradictions"), self.detect, shortcut="Ctrl+D")
        make(w, a, "merge_subjects", self.tr("&Merge Subjects…"), self.merge_subjects)
        make(w, a, "rates", self.tr("Exchange &Rates…"), self.edit_rates)

    def actions(self) -> list[str | None]:
        return ["detect", "merge_subjects", "rates"]

    def set_enabled(self, enabled: bool) -> None:
        for name in self.actions():
            if name is not None:
                self.window.commands[name].setEnabled(enabled)

    def detect(self) -> None:
        if not self.controller.is_open:
            return
        controller = self.controller
        generation = controller.generation

        def work(_progress: Any) -> tuple[analysis.DetectionResult, Changes]:
            tx = controller.require().transaction(controller.actor)
            with tx as s:
                result = analysis.run_detection(s)
            return result, tx.changes

        self.window.statusBar().showMessage(self.tr("Comparing the case's numbers…"))
        task = controller.runner.submit("detect contradictions", work)

        def done(outcome: object) -> None:
            if controller.generation != generation:
                return
            assert isinstance(outcome, tuple)
            result, changes = outcome
            controller.broadcast(changes)
            added = len(result.added)
            message = (
                self.tr("{0} new contradictions found").format(added)
                if added
                else self.tr("No new contradictions between the case's numbers")
            )
            self.window.statusBar().showMessage(message, 8000)
            if added:
                self.window.sidebar.select(RecordKind.CONTRADICTION)
                self.window.filter_bar.set_filter("status", ContradictionStatus.OPEN)

        task.succeeded.connect(done)
        task.failed.connect(lambda error: self._error(self.tr("Detection failed"), error))
        self.last_task = task

    def merge_subjects(self) -> None:
        subjects = self.controller.read(claims.subjects)
        if len(subjects) < 2:
            return
        dialog = MergeSubjectsDialog(self.window, subjects=subjects)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        merged, into = dialog.values()
        if merged == into:
            return
        try:
            changed = self.controller.apply(lambda s: analysis.merge_subjects(s, merged, into))
        except CasefileError as problem:
            self._error(self.tr("Could not merge"), problem)
            return
        self.window.undo_stack.push(
            Apply(
                self.controller,
                lambda s: analysis.merge_subjects(s, merged, into),
                lambda s: analysis.set_subject(s, changed, merged),
                self.tr("Merge subjects"),
            )
        )

    def edit_rates(self) -> None:
        current, base = self.controller.read(analysis.rates)
        text = ", ".join(f"{code}={value}" for code, value in current.items())
        dialog = RatesDialog(self.window, text=text, base=base)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        try:
            wanted = analysis.parse_rates(dialog.rates.text())

            def apply(s: Any) -> None:
                for code in set(current) - set(wanted):
                    analysis.set_rate(s, code, None)
                for code, value in wanted.items():
                    analysis.set_rate(s, code, value)

            self.controller.apply(apply)
        except CasefileError as problem:
            self._error(self.tr("Could not set the rates"), problem)

    def _error(self, title: str, problem: object) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            str(problem),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)
