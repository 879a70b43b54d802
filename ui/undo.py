"""Undo and redo of every edit through one QUndoStack. Commands re-run services; the change log
in the case file stays the record of truth (an undo is itself logged as a change).

Each edit is applied *before* its command is pushed (so a validation error reaches the reporter
and nothing is pushed); QUndoStack.push then calls redo(), which skips that first time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from casefile.domain.enums import RecordKind
from casefile.services import deletion
from casefile.services.deletion import Deleted, OnReferences
from ui.case_controller import CaseController

Updater = Callable[[Any, str, Any], Any]  # (session, id, draft) -> record value


class _Applied(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.again()

    def again(self) -> None:
        raise NotImplementedError


class AddRecord(_Applied):
    """A record was created; undo deletes it (unlinking what was linked to it since); redo
    restores it with the same identity."""

    def __init__(self, controller: CaseController, kind: RecordKind, value: Any, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.kind = kind
        self.value = value
        self.deleted: Deleted | None = None

    def again(self) -> None:
        if self.deleted is not None:
            restored, self.deleted = self.deleted, None
            self.controller.apply(lambda s: deletion.restore(s, restored))

    def undo(self) -> None:
        record_id = self.value.id
        self.deleted = self.controller.apply(
            lambda s: deletion.delete(s, self.kind, record_id, on_references=OnReferences.UNLINK)
        )


class EditRecord(_Applied):
    """A record's editable fields were replaced; undo puts the previous draft back."""

    def __init__(
        self,
        controller: CaseController,
        record_id: str,
        before: Any,
        after: Any,
        *,
        update: Updater,
        text: str,
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.record_id = record_id
        self.before = before
        self.after = after
        self.update = update

    def again(self) -> None:
        self.controller.apply(lambda s: self.update(s, self.record_id, self.after))

    def undo(self) -> None:
        self.controller.apply(lambda s: self.update(s, self.record_id, self.before))


class DeleteRecord(_Applied):
    """A record was deleted; undo restores it with its links, memberships, tags and notes."""

    def __init__(
        self, controller: CaseController, deleted: Deleted, policy: OnReferences, text: str
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self.deleted = deleted
        self.policy = policy

    def again(self) -> None:
        kind, record_id = self.deleted.kind, self.deleted.id
        self.deleted = self.controller.apply(
            lambda s: deletion.delete(s, kind, record_id, on_references=self.policy)
        )

    def undo(self) -> None:
        restored = self.deleted
        self.controller.apply(lambda s: deletion.restore(s, restored))


class Apply(_Applied):
    """Any pair of service calls that undo each other (tag/untag, status changes, merges)."""

    def __init__(
        self,
        controller: CaseController,
        do: Callable[[Any], Any],
        undo: Callable[[Any], Any],
        text: str,
    ) -> None:
        super().__init__(text)
        self.controller = controller
        self._do = do
        self._undo = undo

    def again(self) -> None:
        self.controller.apply(self._do)

    def undo(self) -> None:
        self.controller.apply(self._undo)
