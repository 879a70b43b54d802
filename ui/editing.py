"""Creating, editing and deleting records from the window: opens the editor dialog, runs the
service in one unit of work, and pushes an undoable command. Errors become a clear message."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from casefile.domain.enums import ContradictionStatus, RecordKind
from casefile.domain.errors import CasefileError
from casefile.domain.records import (
    CaseDraft,
    ClaimDraft,
    ContradictionDraft,
    MemberRef,
    NoteDraft,
    QuoteDraft,
    SourceDraft,
    TagDraft,
)
from casefile.services import (
    analysis,
    claims,
    contradictions,
    deletion,
    documents,
    notes,
    quotes,
    sources,
    tags,
)
from casefile.services.case import get_case, update_case
from casefile.services.deletion import OnReferences
from ui.case_controller import CaseController
from ui.describe import claim_line, quote_line
from ui.modal import run_modal
from ui.privacy_state import PrivacyState
from ui.undo import AddRecord, Apply, DeleteRecord, EditRecord
from ui.widgets.source_picker import SourceChoice

SERVICES: dict[RecordKind, Any] = {
    RecordKind.SOURCE: sources,
    RecordKind.QUOTE: quotes,
    RecordKind.CLAIM: analysis.CLAIMS_WITH_RECHECK,  # edits keep the contradiction ledger current
    RecordKind.CONTRADICTION: contradictions,
    RecordKind.DOCUMENT: documents,
    RecordKind.TAG: tags,
    RecordKind.NOTE: notes,
}
NOUNS = {
    RecordKind.SOURCE: "source",
    RecordKind.QUOTE: "quote",
    RecordKind.CLAIM: "number",
    RecordKind.CONTRADICTION: "contradiction",
    RecordKind.DOCUMENT: "document",
    RecordKind.TAG: "tag",
    RecordKind.NOTE: "note",
}


class Editor(QObject):
    """record_created(kind, id) after a new record is saved (the window selects it)."""

    record_created = Signal(object, str)

    def __init__(
        self,
        parent: QWidget,
        controller: CaseController,
        privacy: PrivacyState,
        undo_stack: QUndoStack,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.controller = controller
        self.privacy = privacy
        self.undo_stack = undo_stack
        # Dialogs are made by factories so tests can drive them without exec().
        self.run_dialog: Callable[[QDialog], bool] = lambda d: (
            run_modal(d) == QDialog.DialogCode.Accepted
        )

    # -- data the dialogs need --------------------------------------------------------------
    def find_sources(self, text: str) -> list[SourceChoice]:
        """Sources for a picker, matched on what the screen may show (never a masked name)."""
        privacy = self.privacy
        found = self.controller.read(lambda s: sources.matching(s, text, limit=30))
        needle = text.strip().casefold()
        out = []
        for src in found:
            label = privacy.name(src.id, src.name, src.pseudonym, src.protection)
            if needle in label.casefold():
                out.append(SourceChoice(id=src.id, label=label, protection=src.protection))
        return out[:30]

    def source_label(self, source_id: str) -> SourceChoice | None:
        try:
            src = self.controller.read(lambda s: sources.get(s, source_id))
        except CasefileError:
            return None
        label = self.privacy.name(src.id, src.name, src.pseudonym, src.protection)
        return SourceChoice(id=src.id, label=label, protection=src.protection)

    def subjects(self, prefix: str) -> list[str]:
        needle = prefix.strip().casefold()
        found = self.controller.read(claims.subjects)
        return [subject for subject, _n in found if needle in subject.casefold()][:30]

    # -- dialogs ----------------------------------------------------------------------------
    def _dialog(self, kind: RecordKind, draft: Any) -> Any:
        from ui.dialogs.claim_dialog import ClaimDialog
        from ui.dialogs.contradiction_dialog import ContradictionDialog
        from ui.dialogs.document_dialog import DocumentDialog
        from ui.dialogs.note_dialog import NoteDialog
        from ui.dialogs.quote_dialog import QuoteDialog
        from ui.dialogs.source_dialog import SourceDialog
        from ui.dialogs.tag_dialog import TagDialog

        p = self._parent
        if kind is RecordKind.SOURCE:
            return SourceDialog(p, draft=draft)
        if kind is RecordKind.QUOTE:
            return QuoteDialog(
                p, draft=draft, find_sources=self.find_sources, source_label=self.source_label
            )
        if kind is RecordKind.CLAIM:
            return ClaimDialog(
                p,
                draft=draft,
                find_sources=self.find_sources,
                source_label=self.source_label,
                subjects=self.subjects,
            )
        if kind is RecordKind.CONTRADICTION:
            return ContradictionDialog(
                p, draft=draft, member_labels=self.member_labels(draft.members)
            )
        if kind is RecordKind.DOCUMENT:
            return DocumentDialog(p, draft=draft)
        if kind is RecordKind.TAG:
            return TagDialog(p, draft=draft)
        return NoteDialog(p, draft=draft)

    def member_labels(self, members: Sequence[MemberRef]) -> dict[tuple[RecordKind, str], str]:
        def read(s: Any) -> dict[tuple[RecordKind, str], str]:
            out: dict[tuple[RecordKind, str], str] = {}
            for m in members:
                if m.kind is RecordKind.QUOTE:
                    out[(m.kind, m.id)] = quote_line(quotes.get(s, m.id))
                else:
                    out[(m.kind, m.id)] = claim_line(claims.get(s, m.id))
            return out

        return self.controller.read(read)

    def show_error(self, title: str, error: BaseException) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, str(error), QMessageBox.StandardButton.Ok, self._parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)

    # -- actions ----------------------------------------------------------------------------
    def _add(self, service: Any, draft: Any) -> Any:
        return self.controller.apply(lambda s: service.add(s, draft))

    def _update(self, service: Any, record_id: str, draft: Any) -> Any:
        return self.controller.apply(lambda s: service.update(s, record_id, draft))

    def _references(self, kind: RecordKind, record_id: str) -> dict[str, int]:
        return self.controller.read(lambda s: deletion.references(s, kind, record_id))

    def _delete(self, kind: RecordKind, record_id: str, policy: OnReferences) -> deletion.Deleted:
        return self.controller.apply(
            lambda s: deletion.delete(s, kind, record_id, on_references=policy)
        )

    def create(self, kind: RecordKind, draft: Any) -> Any | None:
        """Saves a new record from a draft (no dialog) as one undoable step."""
        service = SERVICES[kind]
        try:
            value = self.controller.apply(lambda s: service.add(s, draft))
        except CasefileError as error:
            self.show_error(self.tr("Could not save"), error)
            return None
        self.undo_stack.push(
            AddRecord(self.controller, kind, value, self.tr("New {0}").format(NOUNS[kind]))
        )
        self.record_created.emit(kind, value.id)
        return value

    def new(
        self, kind: RecordKind, draft: Any = None, *, source_id: str | None = None
    ) -> Any | None:
        """Opens the editor for a new record (prefilled with `draft`, or linked to the source
        `source_id`), and saves it if accepted."""
        if kind is RecordKind.CONTRADICTION and draft is None:
            return None  # made from selected members: see new_contradiction
        if kind is RecordKind.DOCUMENT and draft is None:
            return None  # documents arrive through intake (paste or open a file)
        dialog = self._dialog(kind, draft)
        if source_id is not None and hasattr(dialog, "source"):
            dialog.source.set_source(self.source_label(source_id))
        while self.run_dialog(dialog):
            service = SERVICES[kind]
            values = dialog.values()
            try:
                value = self._add(service, values)
            except CasefileError as error:
                self.show_error(self.tr("Could not save"), error)
                continue
            self.undo_stack.push(
                AddRecord(self.controller, kind, value, self.tr("New {0}").format(NOUNS[kind]))
            )
            self.record_created.emit(kind, value.id)
            return value
        return None

    def new_contradiction(self, members: Sequence[MemberRef]) -> Any | None:
        if len(members) < 2:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("New contradiction"),
                self.tr(
                    "Select two or more quotes or numbers (Ctrl+click), "
                    "then choose New contradiction."
                ),
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            run_modal(box)
            return None
        return self.new(RecordKind.CONTRADICTION, ContradictionDraft(members=tuple(members)))

    def edit(self, kind: RecordKind, record_id: str) -> bool:
        service = SERVICES[kind]
        try:
            current = self.controller.read(lambda s: service.get(s, record_id))
        except CasefileError as error:
            self.show_error(self.tr("Could not open"), error)
            return False
        before = current.draft()
        dialog = self._dialog(kind, before)
        while self.run_dialog(dialog):
            after = dialog.values()
            if after == before:
                return False
            try:
                self._update(service, record_id, after)
            except CasefileError as error:
                self.show_error(self.tr("Could not save"), error)
                continue
            self.undo_stack.push(
                EditRecord(
                    self.controller,
                    record_id,
                    before,
                    after,
                    update=service.update,
                    text=self.tr("Edit {0}").format(NOUNS[kind]),
                )
            )
            return True
        return False

    def delete(self, kind: RecordKind, record_ids: Sequence[str]) -> bool:
        """Deletes after a confirmation whose default is Cancel; offers to unlink references."""
        from ui.dialogs.confirm_delete import DeleteChoice, confirm_delete

        if not record_ids:
            return False
        references: dict[str, int] = {}
        for rid in record_ids:
            for what, n in self._references(kind, rid).items():
                references[what] = references.get(what, 0) + n
        noun = NOUNS[kind] if len(record_ids) == 1 else f"{len(record_ids)} {NOUNS[kind]}s"
        choice = confirm_delete(self._parent, what=noun, references=references)
        if choice is None:
            return False
        policy = (
            OnReferences.UNLINK if choice is DeleteChoice.UNLINK_AND_DELETE else OnReferences.REFUSE
        )
        self.undo_stack.beginMacro(self.tr("Delete {0}").format(noun))
        try:
            for rid in record_ids:
                removed = self._delete(kind, rid, policy)
                self.undo_stack.push(
                    DeleteRecord(
                        self.controller, removed, policy, self.tr("Delete {0}").format(NOUNS[kind])
                    )
                )
        except CasefileError as error:
            self.show_error(self.tr("Could not delete"), error)
            return False
        finally:
            self.undo_stack.endMacro()
        return True

    def set_contradiction_status(self, contradiction_id: str, status: ContradictionStatus) -> None:
        current = self.controller.read(lambda s: contradictions.get(s, contradiction_id))
        before, after = current.draft(), replace(current.draft(), status=status)
        try:
            self.controller.apply(lambda s: contradictions.update(s, contradiction_id, after))
        except CasefileError as error:
            self.show_error(self.tr("Could not save"), error)
            return
        self.undo_stack.push(
            EditRecord(
                self.controller,
                contradiction_id,
                before,
                after,
                update=contradictions.update,
                text=self.tr("Mark contradiction {0}").format(status.value),
            )
        )

    def tag(self, tag_id: str, kind: RecordKind, record_ids: Sequence[str]) -> None:
        ids = list(record_ids)

        def do(s: Any) -> None:
            for rid in ids:
                tags.tag(s, tag_id, kind, rid)

        def undo(s: Any) -> None:
            for rid in ids:
                tags.untag(s, tag_id, kind, rid)

        try:
            self.controller.apply(do)
        except CasefileError as error:
            self.show_error(self.tr("Could not tag"), error)
            return
        self.undo_stack.push(Apply(self.controller, do, undo, self.tr("Tag")))

    def edit_case_properties(self) -> bool:
        from ui.dialogs.case_properties import CasePropertiesDialog

        before = self.controller.read(get_case).draft()
        dialog = CasePropertiesDialog(self._parent, draft=before)
        if not self.run_dialog(dialog):
            return False
        after: CaseDraft = dialog.values()
        if after == before:
            return False
        try:
            self.controller.apply(lambda s: update_case(s, after))
        except CasefileError as error:
            self.show_error(self.tr("Could not save"), error)
            return False
        self.undo_stack.push(
            Apply(
                self.controller,
                lambda s: update_case(s, after),
                lambda s: update_case(s, before),
                self.tr("Edit case properties"),
            )
        )
        return True


__all__ = ["ClaimDraft", "Editor", "NoteDraft", "QuoteDraft", "SourceDraft", "TagDraft"]
