"""Documents in: open a file or paste text; reading and extraction run off the UI thread with
progress, then the review window opens on the candidates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QWidget,
)

from casefile.domain.enums import RecordKind
from casefile.domain.errors import CasefileError
from casefile.intake import IntakeResult, ReadDocument, read_file
from casefile.services import intake
from ui.actions import make
from ui.modal import run_modal
from ui.tasks import Task
from ui.undo import AddRecord
from ui.views.intake_review import IntakeReview

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILE_FILTER = "Documents (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste a document"))
        self.resize(720, 520)
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.origin = QLineEdit()
        self.origin.setPlaceholderText(self.tr("Where it came from (publisher, link as text)"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("pasted_text")
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Origin"), self.origin)
        form.addRow(self.tr("Text"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add and review"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CaseIntake(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        a, w = window.commands, window
        make(
            w,
            a,
            "import_document",
            self.tr("&Add Document from File…"),
            self.open_file,
            shortcut="Ctrl+Shift+I",
        )
        make(
            w,
            a,
            "paste_document",
            self.tr("Add &Pasted Text…"),
            self.paste,
            shortcut="Ctrl+Shift+V",
        )
        self.review: IntakeReview | None = None
        self.task: Task | None = None

    def actions(self) -> list[str | None]:
        return ["import_document", "paste_document"]

    def set_enabled(self, enabled: bool) -> None:
        for name in ("import_document", "paste_document"):
            self.window.commands[name].setEnabled(enabled)

    def open_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Add document"), str(Path.home()), self.tr(FILE_FILTER)
        )
        if chosen:
            self.start(Path(chosen), None)

    def paste(self) -> None:
        dialog = PasteDialog(self.window)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.text.toPlainText().strip():
            read = intake.read_text(dialog.text.toPlainText(), title=dialog.title.text().strip())
            self.start(None, read, origin=dialog.origin.text().strip())

    def start(self, path: Path | None, read: ReadDocument | None, *, origin: str = "") -> Task:
        """Reads (a file) and extracts candidates in a worker, then adds the document and
        opens the review. Returns the task (tests wait on it)."""
        progress = QProgressDialog(
            self.tr("Reading the document…"), self.tr("Cancel"), 0, 100, self.window
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def work(report: Any) -> tuple[ReadDocument, IntakeResult]:
            document = read if read is not None else read_file(path)  # type: ignore[arg-type]
            return document, intake.propose(document.text, report)

        task = self.controller.runner.submit("intake", work)
        task.progress.connect(
            lambda done, total: progress.setValue(int(100 * done / max(1, total)))
        )
        progress.canceled.connect(task.cancel)
        generation = self.controller.generation
        task.succeeded.connect(lambda outcome: self._review(outcome, origin, generation))
        task.failed.connect(self._failed)
        task.finished.connect(progress.close)
        self.task = task
        return task

    def _failed(self, error: object) -> None:
        message = (
            str(error)
            if isinstance(error, CasefileError)
            else self.tr("the document could not be read")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Could not add the document"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)

    def _review(self, outcome: object, origin: str, generation: int) -> None:
        assert isinstance(outcome, tuple)
        read, result = outcome
        if self.controller.generation != generation or not self.controller.is_open:
            # read for a case that was closed, locked or swapped meanwhile: never add it to
            # whichever case is open now
            self.window.statusBar().showMessage(
                self.tr("The case was closed while the document was read; nothing was added"),
                8000,
            )
            return
        try:
            document = self.controller.apply(lambda s: intake.add_document(s, read, origin=origin))
        except CasefileError as problem:
            self._failed(problem)
            return
        self.window.undo_stack.push(
            AddRecord(self.controller, RecordKind.DOCUMENT, document, self.tr("Add document"))
        )
        self.review = IntakeReview(
            self.window,
            controller=self.controller,
            editor=self.window.editor,
            document=document,
            result=result,
        )
        self.review.setWindowModality(Qt.WindowModality.NonModal)
        self.review.show()
