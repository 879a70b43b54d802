"""The pane on the right: the page of the selected record (one page widget per kind)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget

from casefile.domain.enums import RecordKind
from casefile.domain.errors import NotFound
from ui.case_controller import CaseController
from ui.privacy_state import PrivacyState
from ui.views.claim_page import ClaimPage
from ui.views.contradiction_page import ContradictionPage
from ui.views.document_page import DocumentPage
from ui.views.quote_page import QuotePage
from ui.views.simple_pages import NotePage, TagPage
from ui.views.source_page import SourcePage


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class DetailPane(QStackedWidget):
    """open_record(kind, id) when a link on a page is activated."""

    open_record = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.setMinimumWidth(360)
        self.empty = QLabel(self.tr("Select something to see it here."))
        self.empty.setObjectName("empty_detail")
        self.addWidget(self.empty)
        self.source_page = SourcePage(controller, privacy)
        self.quote_page = QuotePage(controller, privacy)
        self.claim_page = ClaimPage(controller, privacy)
        self.contradiction_page = ContradictionPage(controller, privacy)
        self.document_page = DocumentPage(controller)
        self.tag_page = TagPage(controller, privacy)
        self.note_page = NotePage(controller, privacy)
        self._pages: dict[RecordKind, QWidget] = {}
        for kind, page, scroll in (
            (RecordKind.SOURCE, self.source_page, True),
            (RecordKind.QUOTE, self.quote_page, True),
            (RecordKind.CLAIM, self.claim_page, True),
            (RecordKind.CONTRADICTION, self.contradiction_page, False),
            (RecordKind.DOCUMENT, self.document_page, False),
            (RecordKind.TAG, self.tag_page, True),
            (RecordKind.NOTE, self.note_page, True),
        ):
            holder = _scrolling(page) if scroll else page
            self.addWidget(holder)
            self._pages[kind] = holder
            page.open_record.connect(self.open_record)
        self.quote_page.show_span.connect(lambda doc, a, b: self.show_document(doc, (a, b)))
        self.current: tuple[RecordKind, str] | None = None
        controller.case_closed.connect(self.clear)
        controller.records_changed.connect(lambda _c: self.refresh())

    def clear(self) -> None:
        self.current = None
        self.setCurrentWidget(self.empty)

    def show_record(self, kind: RecordKind, record_id: str) -> None:
        try:
            if kind is RecordKind.SOURCE:
                self.source_page.show_source(record_id)
            elif kind is RecordKind.QUOTE:
                self.quote_page.show_quote(record_id)
            elif kind is RecordKind.CLAIM:
                self.claim_page.show_claim(record_id)
            elif kind is RecordKind.CONTRADICTION:
                self.contradiction_page.show_contradiction(record_id)
            elif kind is RecordKind.DOCUMENT:
                self.document_page.show_document(record_id)
            elif kind is RecordKind.TAG:
                self.tag_page.show_tag(record_id)
            elif kind is RecordKind.NOTE:
                self.note_page.show_note(record_id)
        except NotFound:
            self.clear()
            return
        self.current = (kind, record_id)
        self.setCurrentWidget(self._pages[kind])

    def show_document(self, document_id: str, span: tuple[int, int] | None = None) -> None:
        self.document_page.show_document(document_id, span)
        self.current = (RecordKind.DOCUMENT, document_id)
        self.setCurrentWidget(self._pages[RecordKind.DOCUMENT])

    def refresh(self) -> None:
        """After an edit: the shown record may have changed or gone."""
        if self.current is not None:
            kind, record_id = self.current
            if kind is RecordKind.DOCUMENT:
                self.document_page.show_document(record_id, reload=True)
                return
            self.show_record(kind, record_id)
