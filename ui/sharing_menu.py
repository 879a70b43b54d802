"""Sharing from the window: redacted export (with the redaction review), full export (with
the case passphrase and a typed confirmation), import with merge review, and the reporter's
own sharing key. Encryption, reading and merging run in workers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from casefile.domain.enums import RecordKind
from casefile.domain.errors import CasefileError
from casefile.exchange.age_errors import AgeNoMatchingIdentity, AgePassphraseRequired
from casefile.exchange.merge import Conflict
from casefile.exchange.payload_incoming import IncomingExport
from casefile.privacy.classification import FieldClass, field_class
from casefile.services import exchange, exchange_import, security, sharing_key
from casefile.services.changelog import TABLE_OF_KIND
from ui.actions import make
from ui.dialogs.passphrase import PassphraseDialog
from ui.modal import run_modal
from ui.tasks import Task
from ui.views.simple_pages import describe_ref

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILTER = "Casefile exports (*.casefile.age);;All files (*)"


class CaseSharing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        a, w = window.commands, window
        make(
            w,
            a,
            "export",
            self.tr("&Export for a Colleague…"),
            self.export_redacted,
            shortcut="Ctrl+Shift+E",
        )
        make(
            w,
            a,
            "export_full",
            self.tr("Export FULL Case (with Protected Identities)…"),
            self.export_full,
        )
        make(w, a, "import_export", self.tr("&Import a Colleague's Export…"), self.import_export)
        make(w, a, "sharing_key", self.tr("My &Sharing Key…"), self.show_key)
        self.task: Task | None = None
        self._last_by_passphrase = False

    def actions(self) -> list[str | None]:
        return ["export", "export_full", "import_export", None, "sharing_key"]

    def set_enabled(self, enabled: bool) -> None:
        for name in self.actions():
            if name is not None:
                self.window.commands[name].setEnabled(enabled)

    # -- export -----------------------------------------------------------------------------
    def _suggested(self) -> Path:
        # a neutral name: the case title could itself be sensitive in a shared folder
        return Path.home() / "case-export.casefile.age"

    def export_redacted(self) -> None:
        self._export(full=False)

    def export_full(self) -> None:
        self._export(full=True)

    def _export(self, *, full: bool) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        case = self.controller.case
        if case is None:
            return
        dialog = ExportDialog(
            self.window, suggested_path=self._suggested(), full=full, case_encrypted=case.encrypted
        )
        if run_modal(dialog) != ExportDialog.DialogCode.Accepted:
            return
        choice = dialog.values()
        if (
            full
            and case.encrypted
            and not security.check_passphrase(case, choice.case_passphrase or "")
        ):
            self._error(
                self.tr("Full export refused"),
                CasefileError("the case passphrase is wrong; nothing was exported"),
            )
            return
        acknowledged: list[str] = []
        if not full:
            reviewed = self._review(choice.include_never_reveal)
            if reviewed is None:
                return
            acknowledged = reviewed
        self._last_by_passphrase = bool(choice.passphrase)
        sealing = (
            exchange.passphrase_sealing(choice.passphrase)
            if choice.passphrase
            else exchange.recipients_sealing(choice.recipients)
        )
        controller = self.controller

        def work(_progress: Any) -> exchange.ExportResult:
            return exchange.export_case(
                controller.require(), choice.path, sealing=sealing, full=full,
                include_never_reveal=choice.include_never_reveal, acknowledged=acknowledged,
                actor=controller.actor,
            )  # fmt: skip

        self._run(self.tr("Encrypting the export…"), work, self._exported)

    def _review(self, include_never_reveal: bool) -> list[str] | None:
        """The redaction review; the acknowledged keys, or None when the reporter stops."""
        from ui.dialogs.redaction_review import FindingView, RedactionReviewDialog

        case = self.controller.require()
        findings = exchange.pending_findings(case, include_never_reveal=include_never_reveal)
        if not findings:
            return []
        privacy = self.window.privacy
        views = self.controller.read(
            lambda s: [
                FindingView(
                    key=f.key,
                    record_kind=f.record_kind,
                    record_id=f.record_id,
                    field=f.field,
                    what=f.what,
                    label=describe_ref(s, f.record_kind, f.record_id, privacy),
                )
                for f in findings
            ]
        )
        dialog = RedactionReviewDialog(self.window, findings=views)
        opened: list[tuple[RecordKind, str]] = []
        dialog.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
        accepted = run_modal(dialog) == RedactionReviewDialog.DialogCode.Accepted
        if opened:
            self.window.jump_to(*opened[-1])
            return None
        return dialog.acknowledged() if accepted else None

    def _exported(self, result: object) -> None:
        assert isinstance(result, exchange.ExportResult)
        kind = (
            self.tr("FULL export (contains protected identities)")
            if result.full
            else self.tr("Redacted export")
        )
        text = self.tr("{0} written to {1}.").format(kind, result.path)
        if self._last_by_passphrase:
            text += "\n\n" + self.tr("Send its passphrase by another channel than the file.")
        self._info(self.tr("Export written"), text)

    # -- import -----------------------------------------------------------------------------
    def import_export(self) -> None:
        if self.controller.case is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import export"), str(Path.home()), self.tr(FILTER)
        )
        if chosen:
            self.start_import(Path(chosen))

    def start_import(self, path: Path, passphrase: str | None = None) -> Task | None:
        controller = self.controller
        identity = controller.read(sharing_key.identity)
        if passphrase is None and identity is None:
            passphrase = self._ask_passphrase(path, "")
            if passphrase is None:
                return None
        opener = (
            exchange_import.passphrase_opener(passphrase)
            if passphrase is not None
            else exchange_import.identity_opener([identity or ""])
        )

        def work(_progress: Any) -> Any:
            return exchange_import.read_export(path, decrypt=opener)

        def failed(error: object) -> None:
            if passphrase is None and isinstance(
                error, (AgeNoMatchingIdentity, AgePassphraseRequired)
            ):
                typed = self._ask_passphrase(path, "")
                if typed is not None:
                    self.start_import(path, typed)
                return
            if (
                isinstance(error, CasefileError)
                and "passphrase" in str(error).lower()
                and passphrase is not None
            ):
                typed = self._ask_passphrase(path, str(error))
                if typed is not None:
                    self.start_import(path, typed)
                return
            self._error(self.tr("Could not import"), error)

        generation = controller.generation
        return self._run(
            self.tr("Opening the export…"),
            work,
            lambda outcome: self._merge(outcome, generation),
            failed,
        )

    def _ask_passphrase(self, path: Path, error: str) -> str | None:
        dialog = PassphraseDialog(self.window, case_name=path.name, error=error)
        dialog.setWindowTitle(self.tr("Passphrase of the export"))
        return (
            dialog.passphrase()
            if run_modal(dialog) == PassphraseDialog.DialogCode.Accepted
            else None
        )

    def _merge(self, outcome: object, generation: int) -> None:
        from ui.dialogs.merge_review import MergeReviewDialog

        assert isinstance(outcome, IncomingExport)
        incoming = outcome
        if self.controller.generation != generation or self.controller.case is None:
            # The case it was meant for was closed, locked or swapped while the export was
            # being decrypted: merging into whatever is open now would be the wrong case.
            self._info(
                self.tr("Nothing imported"),
                self.tr(
                    "The case was closed before the export was opened, so nothing was "
                    "imported. Open the case and import the export again."
                ),
            )
            return
        case = self.controller.case
        plan = exchange_import.preview_import(case, incoming)
        resolutions: dict[str, Any] = {}
        if plan.conflicts:
            views = self.controller.read(
                lambda s: [self._conflict_view(s, c) for c in plan.conflicts]
            )
            summary = self.tr("{0} records differ between your case and the export.").format(
                len(plan.conflicts)
            )
            dialog = MergeReviewDialog(self.window, summary=summary, conflicts=views)
            if run_modal(dialog) != MergeReviewDialog.DialogCode.Accepted:
                return
            resolutions = dict(dialog.resolutions())
        try:
            report = exchange_import.import_export(
                case, incoming, resolutions=resolutions, actor=self.controller.actor
            )
        except CasefileError as problem:
            self._error(self.tr("Could not import"), problem)
            return
        self.controller.broadcast(report.changes)
        added = ", ".join(f"{n} {kind}" for kind, n in report.added.items() if n) or self.tr(
            "nothing new"
        )
        updated = ", ".join(f"{n} {kind}" for kind, n in report.updated.items() if n) or self.tr(
            "nothing"
        )
        self._info(
            self.tr("Import done"),
            self.tr("Added: {0}.\nUpdated: {1}.\nConflicts settled: {2}.").format(
                added, updated, len(report.conflicts)
            ),
        )

    def _conflict_view(self, s: Any, conflict: Conflict) -> Any:
        from ui.dialogs.merge_review import ConflictView

        identifying = (
            field_class(TABLE_OF_KIND[conflict.kind], conflict.field) is FieldClass.IDENTIFYING
        )
        try:
            described = describe_ref(s, conflict.kind, conflict.record_id, self.window.privacy)
            label = f"{conflict.kind.value}: {described}"
        except CasefileError:
            label = conflict.kind.value
        return ConflictView(
            key=conflict.key, record_label=label, field=conflict.field,
            mine=str(conflict.mine), theirs=str(conflict.theirs), identifying=identifying,
        )  # fmt: skip

    # -- key --------------------------------------------------------------------------------
    def show_key(self) -> None:
        from ui.dialogs.sharing_key import SharingKeyDialog

        case = self.controller.case
        if case is None:
            return
        dialog = SharingKeyDialog(
            self.window,
            public_key=self.controller.read(sharing_key.public_key),
            can_create=case.encrypted,
        )

        def create() -> None:
            try:
                public = self.controller.apply(
                    lambda s: sharing_key.create(s, encrypted=case.encrypted)
                )
            except CasefileError as problem:
                self._error(self.tr("Could not make the key"), problem)
                return
            dialog.set_public_key(public)

        dialog.create_requested.connect(create)
        run_modal(dialog)

    # -- plumbing ---------------------------------------------------------------------------
    def _run(self, label: str, work: Any, done: Any, failed: Any = None) -> Task:
        progress = QProgressDialog(label, "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        task = self.controller.runner.submit(label, work)
        task.succeeded.connect(done)
        task.failed.connect(failed or (lambda error: self._error(self.tr("Sharing failed"), error)))
        task.finished.connect(progress.close)
        self.task = task
        return task

    def _error(self, title: str, problem: object) -> None:
        text = (
            str(problem)
            if isinstance(problem, CasefileError)
            else self.tr("an internal error stopped it; nothing was changed")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)

    def _info(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)
