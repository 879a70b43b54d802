"""A document in a reader: its full text (never edited, never rendered as HTML), with the spans
of its quotes and numbers highlighted; a span can be selected and shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from casefile.domain.records import Document
from casefile.services import claims, documents, quotes
from ui.case_controller import CaseController
from ui.views.parts import Fields, plain_label, set_plain


@dataclass(frozen=True)
class DocumentPageData:
    document: Document
    quote_spans: list[tuple[int, int]]
    claim_spans: list[tuple[int, int]]


def load(controller: CaseController, document_id: str) -> DocumentPageData:
    from casefile.domain.enums import RecordKind
    from casefile.services import listing
    from casefile.services.listing import ListQuery

    def read(s: Any) -> DocumentPageData:
        doc = documents.get(s, document_id)
        qids = listing.ids(s, ListQuery(RecordKind.QUOTE, filters={"document_id": document_id}))
        cids = listing.ids(s, ListQuery(RecordKind.CLAIM, filters={"document_id": document_id}))
        q_spans = [
            (q.span_start, q.span_end)
            for q in (quotes.get(s, i) for i in qids[:2000])
            if q.span_start is not None and q.span_end is not None
        ]
        c_spans = [
            (c.span_start, c.span_end)
            for c in (claims.get(s, i) for i in cids[:2000])
            if c.span_start is not None and c.span_end is not None
        ]
        return DocumentPageData(doc, q_spans, c_spans)

    return controller.read(read)


class DocumentPage(QWidget):
    open_record = Signal(object, str)

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_page")
        self._controller = controller
        self._data: DocumentPageData | None = None
        layout = QVBoxLayout(self)
        self.title = plain_label(role="title")
        layout.addWidget(self.title)
        self.fields = Fields()
        layout.addWidget(self.fields)
        self.reader = QPlainTextEdit()
        self.reader.setObjectName("reader")
        self.reader.setReadOnly(True)
        layout.addWidget(self.reader, 1)

    @property
    def document_id(self) -> str | None:
        return None if self._data is None else self._data.document.id

    def show_document(
        self, document_id: str, span: tuple[int, int] | None = None, *, reload: bool = False
    ) -> None:
        if reload or self.document_id != document_id:
            self._data = load(self._controller, document_id)
            d = self._data.document
            set_plain(self.title, d.title)
            self.fields.set_rows(
                [
                    (self.tr("Origin"), d.origin),
                    (self.tr("URL"), d.url),
                    (self.tr("Published"), d.published_on.isoformat() if d.published_on else ""),
                    (self.tr("Language"), d.language),
                    (self.tr("SHA-256"), d.sha256),
                ]
            )
            self.reader.setPlainText(d.text)
        self._highlight(span)

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _highlight(self, span: tuple[int, int] | None) -> None:
        if self._data is None:
            return
        selections = [
            self._selection(a, b, QColor(255, 235, 150, 110)) for a, b in self._data.quote_spans
        ]
        selections += [
            self._selection(a, b, QColor(150, 200, 255, 110)) for a, b in self._data.claim_spans
        ]
        if span is not None:
            selections.append(self._selection(span[0], span[1], QColor(255, 170, 60, 200)))
            cursor = QTextCursor(self.reader.document())
            cursor.setPosition(span[0])
            self.reader.setTextCursor(cursor)
            self.reader.centerCursor()
        self.reader.setExtraSelections(selections)

    def highlighted_span(self) -> tuple[int, int] | None:
        selections = self.reader.extraSelections()
        if not selections or self._data is None:
            return None
        last = selections[-1].cursor
        if len(selections) == len(self._data.quote_spans) + len(self._data.claim_spans):
            return None
        return (last.selectionStart(), last.selectionEnd())
