"""A quote's page: the words, who said them, when and how, where they were found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from casefile.domain.enums import RecordKind
from casefile.domain.records import Claim, Contradiction, Quote, Source
from casefile.services import claims, contradictions, documents, quotes, sources
from ui.case_controller import CaseController
from ui.describe import claim_line, contradiction_line, source_name
from ui.privacy_state import PrivacyState
from ui.views.parts import Fields, LinkList, plain_label, set_plain


@dataclass(frozen=True)
class QuotePageData:
    quote: Quote
    source: Source | None
    document_title: str
    claims: list[Claim]
    contradictions: list[Contradiction]


def load(controller: CaseController, quote_id: str) -> QuotePageData:
    def read(s: Any) -> QuotePageData:
        q = quotes.get(s, quote_id)
        return QuotePageData(
            quote=q,
            source=sources.get(s, q.source_id) if q.source_id else None,
            document_title=documents.get(s, q.document_id).title if q.document_id else "",
            claims=claims.list_all(s, quote_id=quote_id),
            contradictions=contradictions.list_all(s, member=q.id),
        )

    return controller.read(read)


class QuotePage(QWidget):
    """open_record(kind, id); show_span(document_id, start, end) for "Show in document"."""

    open_record = Signal(object, str)
    show_span = Signal(str, int, int)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quote_page")
        self._controller = controller
        self._privacy = privacy
        self._data: QuotePageData | None = None
        layout = QVBoxLayout(self)
        self.text = plain_label(role="quote")
        self.text.setObjectName("quote_text")
        layout.addWidget(self.text)
        self.speaker = LinkList()
        layout.addWidget(self.speaker)
        self.speaker.open_record.connect(self.open_record)
        self.fields = Fields()
        layout.addWidget(self.fields)
        self.in_document = QPushButton(self.tr("Show in document"))
        self.in_document.clicked.connect(self._show_in_document)
        layout.addWidget(self.in_document)
        self.claims = LinkList()
        self.contradictions = LinkList()
        for heading, widget in (
            (self.tr("Numbers from this quote"), self.claims),
            (self.tr("Contradictions"), self.contradictions),
        ):
            layout.addWidget(plain_label(heading, role="heading", selectable=False))
            layout.addWidget(widget)
            widget.open_record.connect(self.open_record)
        layout.addStretch(1)
        privacy.changed.connect(self._render)

    def show_quote(self, quote_id: str) -> None:
        self._data = load(self._controller, quote_id)
        self._render()

    def _show_in_document(self) -> None:
        q = self._data.quote if self._data else None
        if q is not None and q.document_id and q.span_start is not None and q.span_end is not None:
            self.show_span.emit(q.document_id, q.span_start, q.span_end)

    def _render(self) -> None:
        if self._data is None:
            return
        q = self._data.quote
        set_plain(self.text, f"“{q.text}”")
        src = self._data.source
        label = source_name(src, self._privacy)
        if src is not None:
            label = f"{label} — {src.protection.label}"
            self.speaker.set_links([(RecordKind.SOURCE, src.id, label)])
        else:
            self.speaker.set_links([], empty=self.tr("(unattributed)"))
        masked = (
            src is not None
            and src.protection.masks_identity
            and not self._privacy.is_revealed(src.id)
        )
        self.fields.set_rows(
            [
                (self.tr("Said on"), q.said_on.isoformat() if q.said_on else ""),
                (self.tr("How"), q.medium.value if q.medium else ""),
                (self.tr("Place"), self.tr("(hidden)") if masked and q.place else q.place),
                (self.tr("Status"), q.status.value),
                (self.tr("Kind"), q.kind.value),
                (self.tr("Document"), self._data.document_title),
                (self.tr("Context"), q.context),
            ]
        )
        self.in_document.setVisible(bool(q.document_id and q.span_start is not None))
        self.claims.set_links(
            [(RecordKind.CLAIM, c.id, claim_line(c)) for c in self._data.claims],
            empty=self.tr("None"),
        )
        self.contradictions.set_links(
            [
                (RecordKind.CONTRADICTION, k.id, contradiction_line(k))
                for k in self._data.contradictions
            ],
            empty=self.tr("None"),
        )
