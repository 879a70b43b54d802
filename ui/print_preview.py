"""Printing from the window: the summary is built in a worker, then previewed, printed or saved as
PDF. A full printout (protected identities shown) only follows a confirmation that defaults to
Cancel.

Threads, as measured (benchmarks/bench_print.py, 2 cores): the document model of a 2,000-quote
source summary takes 0.1-0.4 s and is built in a worker with progress. Laying it out and painting
it takes 1-2.6 s; "Save as PDF" does that in the worker too (QTextDocument, QPdfWriter and
QPainter work off the GUI thread; a test renders the same PDF from a worker). The preview and the
printer paint on the GUI thread, because QPrintPreviewDialog asks for pages there: ~0.1 s for 200
quotes, about a second for 2,000.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from casefile.crash import describe
from casefile.domain.errors import CasefileError
from casefile.privacy.policy import Audience
from casefile.report import PrintDocument
from casefile.services import report
from ui.case_controller import CaseController
from ui.modal import run_modal
from ui.printing import PAGE_MARGINS_MM, paint, render_pdf
from ui.tasks import Progress, Task


@dataclass(frozen=True)
class PrintRequest:
    """What to print: one source's summary (source_id) or the case summary (None)."""

    source_id: str | None = None
    audience: Audience = Audience.REDACTED


def configure_printer(printer: QPrinter, document: PrintDocument) -> None:
    """A4 with our margins; a neutral job name and no creator (the print queue is visible to
    anyone on the machine or the print server)."""
    a4, portrait = QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(a4, portrait, PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter))
    printer.setFullPage(False)
    printer.setDocName(document.job_name)
    printer.setCreator("")


def new_printer(document: PrintDocument) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, document)
    return printer


def print_dialog(parent: QWidget | None, printer: QPrinter) -> QPrintDialog:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(dialog.tr("Print"))
    return dialog


def print_document(parent: QWidget | None, document: PrintDocument) -> bool:
    """The native print dialog, then the printout; False when the reporter cancelled."""
    printer = new_printer(document)
    if run_modal(print_dialog(parent, printer)) != QPrintDialog.DialogCode.Accepted:
        return False
    paint(document, printer)
    return True


def preview_dialog(parent: QWidget | None, document: PrintDocument) -> QPrintPreviewDialog:
    """A print preview of `document` (the caller shows it); printing from it uses the same
    neutral job name."""
    dialog = QPrintPreviewDialog(new_printer(document), parent)
    dialog.setWindowTitle(dialog.tr("Print preview — %1").replace("%1", document.job_name))
    dialog.paintRequested.connect(lambda printer: paint(document, printer))
    return dialog


def preview(parent: QWidget | None, document: PrintDocument) -> None:
    run_modal(preview_dialog(parent, document))


def confirm_full_dialog(parent: QWidget | None) -> QMessageBox:
    """Asks before a printout that shows protected identities; Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("Full printout"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(box.tr("Print with the real names of protected sources?"))
    box.setInformativeText(
        box.tr(
            "The printout will show who your anonymous and never-reveal sources are. Paper "
            "cannot be encrypted: keep it with the same care as the case file."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(box.tr("Print FULL"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def pdf_path_dialog(parent: QWidget | None, document: PrintDocument) -> Path | None:
    """Where to save the PDF. The suggested name is the neutral title, never case data."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PrintPreview", "Save as PDF"),
        str(Path(folder or Path.home()) / f"{document.title}.pdf"),
        "PDF (*.pdf)",
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def message_of(error: BaseException) -> str:
    """Our own errors say what to do; anything else is named by type only (no values)."""
    if isinstance(error, CasefileError):
        return str(error)
    return QCoreApplication.translate("PrintPreview", "The printout failed (%1).").replace(
        "%1", describe(error)
    )


class PrintFlow(QObject):
    """Builds summaries off the UI thread and hands them on. document_ready(PrintDocument) once a
    summary is built; saved(Path) once a PDF is written; failed(str) with a message to show."""

    document_ready = Signal(object)
    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._parent = parent

    def confirmed(self, request: PrintRequest) -> bool:
        """A redacted request needs nothing; a full one needs the reporter's yes."""
        if request.audience is Audience.REDACTED:
            return True
        return run_modal(confirm_full_dialog(self._parent)) == QMessageBox.StandardButton.Ok

    def build(self, request: PrintRequest, then: Callable[[PrintDocument], object]) -> Task | None:
        """Builds the summary in a worker with a progress dialog, then calls `then` on the UI
        thread, unless the case was closed or switched meanwhile."""
        if not self.confirmed(request):
            return None
        controller = self._controller
        case = controller.require()
        generation = controller.generation

        def work(progress: Progress) -> PrintDocument:
            with case.read() as s:
                if request.source_id is None:
                    return report.print_case(s, request.audience, progress=progress)
                return report.print_source(
                    s, request.source_id, request.audience, progress=progress
                )

        task = controller.runner.submit("build a summary", work)
        self._follow(task, self.tr("Preparing the printout…"))

        def done(document: object) -> None:
            if controller.generation == generation and isinstance(document, PrintDocument):
                self.document_ready.emit(document)
                then(document)

        task.succeeded.connect(done)
        return task

    def preview(self, request: PrintRequest) -> Task | None:
        return self.build(request, lambda document: preview(self._parent, document))

    def print(self, request: PrintRequest) -> Task | None:
        return self.build(request, lambda document: print_document(self._parent, document))

    def save(self, request: PrintRequest) -> Task | None:
        """Builds, asks where (after the build, so the dialog offers the neutral name), saves."""

        def ask(document: PrintDocument) -> None:
            path = pdf_path_dialog(self._parent, document)
            if path is not None:
                self.save_pdf(document, path)

        return self.build(request, ask)

    def save_pdf(self, document: PrintDocument, path: Path) -> Task:
        """Lays out and writes the PDF in a worker (atomic: the old file stays until done)."""
        task = self._controller.runner.submit(
            "save a PDF", lambda _progress: render_pdf(document, path)
        )
        self._follow(task, self.tr("Saving the PDF…"))
        task.succeeded.connect(lambda _result: self.saved.emit(path))
        return task

    def _follow(self, task: Task, label: str) -> None:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick ones never flash a dialog
        dialog.canceled.connect(task.cancel)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        task.progress.connect(progressed)
        task.failed.connect(lambda error: self.failed.emit(message_of(error)))
        task.finished.connect(dialog.reset)
        task.finished.connect(dialog.deleteLater)
