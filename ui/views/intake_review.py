"""Intake review: the document in a reader with its candidate quotes and numbers highlighted;
the reporter accepts, edits or rejects each one (J/K move, A accept, R reject, E edit), or
selects any span and makes it a quote or a number by hand."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeGuard

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.domain.enums import Medium, Period, Qualifier, RecordKind
from casefile.domain.errors import CasefileError
from casefile.domain.ids import RecordId
from casefile.domain.records import ClaimDraft, Document, QuoteDraft
from casefile.intake import (
    PROPOSED,
    IntakeResult,
    NumberCandidate,
    QuoteCandidate,
    as_said,
    extract_numbers,
)
from casefile.services import intake, sources
from ui.case_controller import CaseController
from ui.editing import Editor
from ui.modal import run_modal
from ui.undo import AddRecord


class State(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass
class Item:
    candidate: QuoteCandidate | NumberCandidate
    state: State = State.PENDING

    @property
    def start(self) -> int:
        return self.candidate.start

    @property
    def end(self) -> int:
        return self.candidate.end

    @property
    def is_quote(self) -> bool:
        return isinstance(self.candidate, QuoteCandidate)

    def label(self) -> str:
        mark = {State.PENDING: "•", State.ACCEPTED: "✓", State.REJECTED: "✗"}[self.state]
        c = self.candidate
        # Scare quotes, a lone "one", a denied figure: shown for the reporter, but flagged.
        unsure = "  (unsure)" if c.confidence < PROPOSED else ""
        if isinstance(c, QuoteCandidate):
            text = " ".join(c.text.split())
            shown = text[:90] + ("…" if len(text) > 90 else "")
            return f"{mark} Quote  “{shown}” — {c.speaker or '(no speaker)'}{unsure}"
        upper = f"–{c.value_max}" if c.value_max is not None else ""
        return f"{mark} Number  {c.raw}  →  {c.value}{upper} {c.unit}{unsure}"


COLORS = {
    (State.PENDING, True): QColor(255, 225, 110, 150),  # a quote to review: yellow
    (State.PENDING, False): QColor(140, 190, 255, 150),  # a number to review: blue
    (State.ACCEPTED, True): QColor(120, 200, 120, 140),
    (State.ACCEPTED, False): QColor(120, 200, 120, 140),
    (State.REJECTED, True): QColor(160, 160, 160, 90),
    (State.REJECTED, False): QColor(160, 160, 160, 90),
}


def _needs_unit(candidate: object) -> TypeGuard[NumberCandidate]:
    """A number whose unit the text does not say: it cannot become a claim as it stands."""
    return isinstance(candidate, NumberCandidate) and not candidate.unit.strip()


class IntakeReview(QDialog):
    """accepted(kind, id) for each record stored from the review."""

    accepted_record = Signal(object, str)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        controller: CaseController,
        editor: Editor,
        document: Document,
        result: IntakeResult,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review intake — {0}").format(document.title))
        self.setObjectName("intake_review")
        self.resize(1200, 760)
        self.controller = controller
        self.editor = editor
        self.document = document
        self.items = sorted(
            [Item(q) for q in result.quotes] + [Item(n) for n in result.numbers],
            key=lambda i: (i.start, i.end),
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        self.list.currentRowChanged.connect(self._show_current)
        self.reader = QPlainTextEdit()
        self.reader.setObjectName("reader")
        self.reader.setReadOnly(True)
        self.reader.setPlainText(document.text)
        splitter.addWidget(self.list)
        splitter.addWidget(self.reader)
        splitter.setSizes([460, 740])
        layout.addWidget(splitter, 1)
        # what needs the reporter's hand (a number with no unit), said where they look next
        self.status = QLabel()
        self.status.setObjectName("review_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Accept (A)"), self.accept_current),
            (self.tr("Reject (R)"), self.reject_current),
            (self.tr("Edit… (E)"), self.edit_current),
            (self.tr("Accept all proposed"), self.accept_all),
            (self.tr("Selection → quote"), self.quote_from_selection),
            (self.tr("Selection → number"), self.number_from_selection),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, f=slot: f())
            buttons.addWidget(button)
        buttons.addStretch(1)
        done = QPushButton(self.tr("Done"))
        done.clicked.connect(self.close)
        buttons.addWidget(done)
        layout.addLayout(buttons)
        self._keys = {
            Qt.Key.Key_J: self.next,
            Qt.Key.Key_K: self.previous,
            Qt.Key.Key_A: self.accept_current,
            Qt.Key.Key_R: self.reject_current,
            Qt.Key.Key_E: self.edit_current,
        }
        # Plain letter keys, read where the reporter's focus is (the list or the reader), so
        # they never fire while typing in another field.
        self.list.installEventFilter(self)
        self.reader.installEventFilter(self)
        self._refresh()
        if self.items:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in self._keys
        ):
            self._keys[Qt.Key(event.key())]()
            return True
        return super().eventFilter(watched, event)

    # -- navigation -------------------------------------------------------------------------
    def current(self) -> Item | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def next(self) -> None:
        self.list.setCurrentRow(min(len(self.items) - 1, self.list.currentRow() + 1))

    def previous(self) -> None:
        self.list.setCurrentRow(max(0, self.list.currentRow() - 1))

    def _advance(self) -> None:
        row = self.list.currentRow()
        for i in range(row + 1, len(self.items)):
            if self.items[i].state is State.PENDING:
                self.list.setCurrentRow(i)
                return

    # -- decisions --------------------------------------------------------------------------
    def accept_current(self) -> None:
        item = self.current()
        if item is not None and item.state is not State.ACCEPTED and self._accept(item):
            self._advance()

    def reject_current(self) -> None:
        item = self.current()
        if item is not None and item.state is State.PENDING:
            item.state = State.REJECTED
            self._refresh()
            self._advance()

    def accept_all(self) -> None:
        """Accept every pending proposal; unsure ones and figures without a unit stay pending
        for the reporter to decide one by one."""
        waiting = unsure = 0
        for item in self.items:
            if item.state is not State.PENDING:
                continue
            if _needs_unit(item.candidate):
                waiting += 1  # left pending: the reporter says what it counts (E) or rejects it
                continue
            if item.candidate.confidence < PROPOSED:
                unsure += 1  # a scare quote or a denied figure: accepted only one by one (A)
                continue
            if not self._accept(item, ask=False):
                break
        notes = []
        if waiting:
            notes.append(
                self.tr(
                    "{0} numbers do not say what they count: edit each (E) to set a unit, "
                    "or reject it (R)."
                ).format(waiting)
            )
        if unsure:
            notes.append(
                self.tr(
                    "{0} unsure candidates left pending: accept (A) or reject (R) each."
                ).format(unsure)
            )
        if notes:
            self.status.setText(" ".join(notes))

    def _speaker_choice(self, speaker: str) -> tuple[bool, str | None]:
        """(go on, source id or None to create). Asks when no existing source matches."""
        existing = self.controller.read(sources.list_all)
        if intake.match_source(existing, speaker) is not None:
            return True, None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New speaker"),
            self.tr("“{0}” is not a source of this case yet.").format(speaker),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        create = box.addButton(self.tr("Create this source"), QMessageBox.ButtonRole.AcceptRole)
        unattributed = box.addButton(
            self.tr("Keep without a speaker"), QMessageBox.ButtonRole.ActionRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(create)
        run_modal(box)
        clicked = box.clickedButton()
        if clicked is cancel:
            return False, None
        if clicked is unattributed:
            return True, ""
        return True, None

    def _accept(self, item: Item, *, ask: bool = True) -> bool:
        candidate = item.candidate
        if _needs_unit(candidate):
            self.status.setText(
                self.tr(
                    "“{0}” does not say what it counts: edit it (E) to set a unit, "
                    "or reject it (R)."
                ).format(candidate.raw)
            )
            return False
        speaker = candidate.speaker
        if ask and speaker:
            go_on, choice = self._speaker_choice(speaker)
            if not go_on:
                return False
            if choice == "":
                candidate = replace(candidate, speaker=None)
        quotes_in = [candidate] if isinstance(candidate, QuoteCandidate) else []
        numbers_in = [candidate] if isinstance(candidate, NumberCandidate) else []
        try:
            report = self.controller.apply(
                lambda s: intake.accept(s, self.document, quotes_in, numbers_in)
            )
        except CasefileError as problem:
            self.editor.show_error(self.tr("Could not accept"), problem)
            return False
        stack = self.editor.undo_stack
        stack.beginMacro(self.tr("Accept from intake"))
        for src in report.sources_created:
            stack.push(AddRecord(self.controller, RecordKind.SOURCE, src, self.tr("New source")))
        for q in report.quotes:
            stack.push(AddRecord(self.controller, RecordKind.QUOTE, q, self.tr("New quote")))
            self.accepted_record.emit(RecordKind.QUOTE, q.id)
        for c in report.claims:
            stack.push(AddRecord(self.controller, RecordKind.CLAIM, c, self.tr("New number")))
            self.accepted_record.emit(RecordKind.CLAIM, c.id)
        stack.endMacro()
        item.state = State.ACCEPTED
        self._refresh()
        return True

    def edit_current(self) -> None:
        item = self.current()
        if item is None or item.state is State.ACCEPTED:
            return
        c = item.candidate
        doc_id = RecordId(self.document.id)
        if isinstance(c, QuoteCandidate):
            draft: Any = QuoteDraft(
                text=as_said(c.text),
                document_id=doc_id,
                span_start=c.start,
                span_end=c.end,
                medium=Medium.DOCUMENT,
                said_on=self.document.published_on,
                kind=c.kind,
            )
            value = self.editor.new(RecordKind.QUOTE, draft)
        else:
            draft = ClaimDraft(
                subject=c.subject, value=c.value, value_max=c.value_max, qualifier=c.qualifier,
                unit=c.unit, period=c.period, per=c.per, as_of=self.document.published_on,
                document_id=doc_id, span_start=c.start, span_end=c.end, raw_text=as_said(c.raw),
            )  # fmt: skip
            value = self.editor.new(RecordKind.CLAIM, draft)
        if value is not None:
            item.state = State.ACCEPTED
            self._refresh()
            self._advance()

    def _selection(self) -> tuple[int, int, str] | None:
        cursor = self.reader.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        return start, end, self.document.text[start:end]

    def quote_from_selection(self) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        start, end, text = chosen
        draft = QuoteDraft(
            text=as_said(text),
            document_id=RecordId(self.document.id),
            span_start=start,
            span_end=end,
            medium=Medium.DOCUMENT,
            said_on=self.document.published_on,
        )
        self.editor.new(RecordKind.QUOTE, draft)

    def number_from_selection(self) -> None:
        chosen = self._selection()
        if chosen is None:
            return
        start, end, text = chosen
        found = extract_numbers(text)
        base = found[0] if found else None
        draft = ClaimDraft(
            subject=base.subject if base else "",
            value=base.value if base else Decimal(0),
            value_max=base.value_max if base else None,
            unit=base.unit if base else "",
            qualifier=base.qualifier if base else Qualifier.EXACT,
            period=base.period if base else Period.TOTAL,
            document_id=RecordId(self.document.id), span_start=start, span_end=end,
            raw_text=text.strip()[:2000],
            as_of=self.document.published_on,
        )  # fmt: skip
        self.editor.new(RecordKind.CLAIM, draft)

    # -- display ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            self.list.addItem(item.label())
        self.list.blockSignals(False)
        if 0 <= row < len(self.items):
            self.list.setCurrentRow(row)
        counts = {state: sum(1 for i in self.items if i.state is state) for state in State}
        self.summary.setText(
            self.tr("{0} candidates: {1} to review, {2} accepted, {3} rejected").format(
                len(self.items),
                counts[State.PENDING],
                counts[State.ACCEPTED],
                counts[State.REJECTED],
            )
        )
        self._highlight()

    def _selection_of(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _highlight(self) -> None:
        # quotes first, numbers over them: a figure inside a quote stays visible
        ordered = sorted(self.items[:5000], key=lambda i: not i.is_quote)
        selections = [
            self._selection_of(i.start, i.end, COLORS[(i.state, i.is_quote)]) for i in ordered
        ]
        current = self.current()
        if current is not None:
            selections.append(
                self._selection_of(current.start, current.end, QColor(255, 150, 50, 200))
            )
        self.reader.setExtraSelections(selections)

    def _show_current(self, _row: int) -> None:
        item = self.current()
        if item is None:
            return
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(item.start)
        self.reader.setTextCursor(cursor)
        self.reader.centerCursor()
        self._highlight()
