"""A number's page: as written and as a typed value, who claimed it, and what it contradicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from casefile.domain.enums import RecordKind
from casefile.domain.records import Claim, Contradiction, Quote, Source
from casefile.services import analysis, claims, contradictions, quotes, sources
from ui.case_controller import CaseController
from ui.describe import claim_line, contradiction_line, quote_line, source_name
from ui.privacy_state import PrivacyState
from ui.views.parts import Fields, LinkList, plain_label, set_plain


@dataclass(frozen=True)
class ClaimPageData:
    claim: Claim
    source: Source | None
    quote: Quote | None
    contradictions: list[Contradiction]
    compared_as: str
    standing: str


def load(controller: CaseController, claim_id: str) -> ClaimPageData:
    def read(s: Any) -> ClaimPageData:
        c = claims.get(s, claim_id)
        return ClaimPageData(
            claim=c,
            source=sources.get(s, c.source_id) if c.source_id else None,
            quote=quotes.get(s, c.quote_id) if c.quote_id else None,
            contradictions=contradictions.list_all(s, member=c.id),
            compared_as=analysis.compared_form(s, c),
            standing=analysis.standing(s, c),
        )

    return controller.read(read)


class ClaimPage(QWidget):
    open_record = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claim_page")
        self._controller = controller
        self._privacy = privacy
        self._data: ClaimPageData | None = None
        layout = QVBoxLayout(self)
        self.title = plain_label(role="title")
        layout.addWidget(self.title)
        self.fields = Fields()
        layout.addWidget(self.fields)
        self.links = LinkList()
        self.contradictions = LinkList()
        for heading, widget in (
            (self.tr("From"), self.links),
            (self.tr("Contradictions"), self.contradictions),
        ):
            layout.addWidget(plain_label(heading, role="heading", selectable=False))
            layout.addWidget(widget)
            widget.open_record.connect(self.open_record)
        layout.addStretch(1)
        privacy.changed.connect(self._render)

    def show_claim(self, claim_id: str) -> None:
        self._data = load(self._controller, claim_id)
        self._render()

    def _render(self) -> None:
        if self._data is None:
            return
        c = self._data.claim
        set_plain(self.title, claim_line(c))
        self.fields.set_rows(
            [
                (self.tr("As written"), c.raw_text),
                (self.tr("Compared as"), self._data.compared_as),
                (self.tr("Standing"), self._data.standing),
                (self.tr("As of"), c.as_of.isoformat() if c.as_of else ""),
                (self.tr("Note"), c.note),
            ]
        )
        links: list[tuple[RecordKind, str, str]] = []
        if self._data.source is not None:
            links.append(
                (
                    RecordKind.SOURCE,
                    self._data.source.id,
                    source_name(self._data.source, self._privacy),
                )
            )
        if self._data.quote is not None:
            links.append((RecordKind.QUOTE, self._data.quote.id, quote_line(self._data.quote)))
        self.links.set_links(links, empty=self.tr("(unattributed)"))
        self.contradictions.set_links(
            [
                (RecordKind.CONTRADICTION, k.id, contradiction_line(k))
                for k in self._data.contradictions
            ],
            empty=self.tr("None"),
        )
