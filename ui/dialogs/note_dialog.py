"""Editor of a note: free text on the case or on one of its records."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from casefile.domain.records import NoteDraft
from casefile.domain.validation import clean_text
from ui.widgets.fields import plain_label, text_edit, text_of
from ui.widgets.form_dialog import FormDialog, first_invalid


class NoteDialog(FormDialog):
    """New note (draft=None: on the case) or edit of one; `values()` returns the NoteDraft with
    its target unchanged. `target_label` names what the note is on, as the caller may show it."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        draft: NoteDraft | None = None,
        target_label: str = "",
    ) -> None:
        super().__init__(parent, title=self.tr("New note") if draft is None else self.tr("Note"))
        self.setMinimumWidth(480)
        self._draft = draft or NoteDraft(text="")
        self.target = plain_label(target_label or self.tr("The case"), name="target", wrap=True)
        self.text = text_edit(self._draft.text, name="text", lines=10)
        self.add_row(self.tr("On"), self.target)
        self.add_row(self.tr("&Note"), self.text)
        self.watch(self.text)
        self.tab_through(self.text)
        self.refresh()
        self.text.setFocus()

    def problem(self) -> str:
        if not text_of(self.text).strip():
            return self.tr("Write the note.")
        return first_invalid([(self.tr("Note"), lambda: clean_text("note", text_of(self.text)))])

    def values(self) -> NoteDraft:
        return replace(self._draft, text=text_of(self.text).strip())
