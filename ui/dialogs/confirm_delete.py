"""Asks before a record is deleted; Cancel is the default, and links to it are named."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from ui.modal import run_modal


class DeleteChoice(StrEnum):
    """DELETE: nothing points to the record. UNLINK_AND_DELETE: clear the links, then delete
    (the services' OnReferences.UNLINK)."""

    DELETE = "delete"
    UNLINK_AND_DELETE = "unlink_and_delete"


def _nouns() -> dict[str, tuple[str, str]]:
    tr = QCoreApplication.translate
    return {
        "source": (tr("ConfirmDelete", "source"), tr("ConfirmDelete", "sources")),
        "quote": (tr("ConfirmDelete", "quote"), tr("ConfirmDelete", "quotes")),
        "claim": (tr("ConfirmDelete", "number"), tr("ConfirmDelete", "numbers")),
        "document": (tr("ConfirmDelete", "document"), tr("ConfirmDelete", "documents")),
        "contradiction": (
            tr("ConfirmDelete", "contradiction"),
            tr("ConfirmDelete", "contradictions"),
        ),
        "note": (tr("ConfirmDelete", "note"), tr("ConfirmDelete", "notes")),
        "tag": (tr("ConfirmDelete", "tag"), tr("ConfirmDelete", "tags")),
    }


def references_text(references: Mapping[str, int]) -> str:
    """ "3 quotes and 1 number point to it"; "" when nothing does. Keys are record kinds
    ("quote", "claim", … — RecordKind values work too)."""
    tr = QCoreApplication.translate
    nouns = _nouns()
    parts: list[str] = []
    total = 0
    for key, count in references.items():
        if count <= 0:
            continue
        total += count
        singular, plural = nouns.get(str(key), (str(key), str(key)))
        parts.append(f"{count:,} {singular if count == 1 else plural}")
    if not parts:
        return ""
    listed = (
        parts[0]
        if len(parts) == 1
        else ", ".join(parts[:-1]) + " " + tr("ConfirmDelete", "and") + " " + parts[-1]
    )
    if total == 1:
        return tr("ConfirmDelete", "{0} points to it.").format(listed)
    return tr("ConfirmDelete", "{0} point to it.").format(listed)


class ConfirmDelete(QMessageBox):
    """The question, built but not shown: the caller runs `exec()` and reads `choice()`.
    `what` names the record as it may be shown, e.g. "the source “a relative of a recruit”"."""

    def __init__(self, parent: QWidget | None, *, what: str, references: Mapping[str, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("Delete {0}?").format(what))
        linked = references_text(references)
        self.has_references = bool(linked)
        if linked:
            self.setInformativeText(
                linked
                + " "
                + self.tr(
                    "“Unlink and delete” keeps those records and removes only their link to "
                    "this one."
                )
            )
            label = self.tr("Unlink and delete")
        else:
            label = self.tr("Delete")
        self.delete_button: QPushButton = self.addButton(
            label, QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("delete")
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self._plain_labels()

    def _plain_labels(self) -> None:
        # The record's name is case data: no label of the box may read it as HTML.
        for text_label in self.findChildren(QLabel):
            text_label.setTextFormat(Qt.TextFormat.PlainText)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._plain_labels()  # in case the box rebuilt a label while laying itself out

    def choice(self) -> DeleteChoice | None:
        """What the clicked button means; None for Cancel, Escape or closing the box."""
        if self.clickedButton() is not self.delete_button:
            return None
        return DeleteChoice.UNLINK_AND_DELETE if self.has_references else DeleteChoice.DELETE


def build_confirm_delete(
    parent: QWidget | None, *, what: str, references: Mapping[str, int]
) -> ConfirmDelete:
    return ConfirmDelete(parent, what=what, references=references)


def confirm_delete(
    parent: QWidget | None, *, what: str, references: Mapping[str, int]
) -> DeleteChoice | None:
    """Asks, waits for the answer (a modal box), and returns it; None means keep the record."""
    box = build_confirm_delete(parent, what=what, references=references)
    run_modal(box)
    return box.choice()
