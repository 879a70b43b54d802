"""A source's page: profile with its protection badge, then its quotes, numbers and
contradictions, each clickable. Protected names stay masked until "Reveal"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from casefile.domain.enums import RecordKind
from casefile.domain.records import Claim, Contradiction, Note, Quote, Source
from casefile.services import claims, contradictions, notes, quotes, sources
from ui.case_controller import CaseController
from ui.describe import claim_line, contradiction_line, quote_line
from ui.privacy_state import PrivacyState
from ui.views.parts import Fields, LinkList, plain_label, set_plain
from ui.widgets.protection_badge import ProtectionBadge

LIMIT = 200


@dataclass(frozen=True)
class SourcePageData:
    source: Source
    quotes: list[Quote]
    claims: list[Claim]
    contradictions: list[Contradiction]
    notes: list[Note]


def load(controller: CaseController, source_id: str) -> SourcePageData:
    def read(s: Any) -> SourcePageData:
        return SourcePageData(
            source=sources.get(s, source_id),
            quotes=quotes.list_all(s, source_id=source_id, limit=LIMIT),
            claims=claims.list_all(s, source_id=source_id)[:LIMIT],
            contradictions=contradictions.for_source(s, source_id),
            notes=notes.notes_on(s, RecordKind.SOURCE, source_id),
        )

    return controller.read(read)


class SourcePage(QWidget):
    """open_record(kind, id) when a linked record is activated."""

    open_record = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("source_page")
        self._controller = controller
        self._privacy = privacy
        self._data: SourcePageData | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = plain_label(role="title")
        self.title.setObjectName("source_title")
        self.badge = ProtectionBadge()
        self.reveal = QPushButton(self.tr("Reveal name"))
        self.reveal.setObjectName("reveal")
        self.reveal.clicked.connect(self._toggle_reveal)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)
        top.addWidget(self.reveal)
        layout.addLayout(top)
        self.fields = Fields()
        layout.addWidget(self.fields)
        self.quotes = LinkList()
        self.claims = LinkList()
        self.contradictions = LinkList()
        self.notes = LinkList()
        for heading, widget in (
            (self.tr("Quotes"), self.quotes),
            (self.tr("Numbers"), self.claims),
            (self.tr("Contradictions"), self.contradictions),
            (self.tr("Notes"), self.notes),
        ):
            layout.addWidget(plain_label(heading, role="heading", selectable=False))
            layout.addWidget(widget)
            widget.open_record.connect(self.open_record)
        layout.addStretch(1)
        privacy.changed.connect(self._render)

    @property
    def source_id(self) -> str | None:
        return None if self._data is None else self._data.source.id

    def show_source(self, source_id: str) -> None:
        self._data = load(self._controller, source_id)
        self._render()

    def clear(self) -> None:
        self._data = None
        set_plain(self.title, "")

    def _toggle_reveal(self) -> None:
        if self._data is None:
            return
        sid = self._data.source.id
        if self._privacy.is_revealed(sid):
            self._privacy.hide(sid)
        else:
            self._privacy.reveal(sid)

    def _render(self) -> None:
        data = self._data
        if data is None:
            return
        s = data.source
        privacy = self._privacy
        masked = s.protection.masks_identity and (
            privacy.privacy_screen or not privacy.is_revealed(s.id)
        )
        set_plain(self.title, privacy.name(s.id, s.name, s.pseudonym, s.protection))
        self.badge.set_protection(s.protection)
        self.reveal.setVisible(s.protection.masks_identity)
        self.reveal.setEnabled(not privacy.privacy_screen)
        self.reveal.setText(
            self.tr("Hide name") if privacy.is_revealed(s.id) else self.tr("Reveal name")
        )
        hidden = self.tr("(hidden — click Reveal name)")
        rows = [
            (self.tr("Pseudonym"), s.pseudonym),
            (self.tr("Kind"), s.kind.value),
            (self.tr("Role"), hidden if masked and s.role else s.role),
            (self.tr("Affiliation"), hidden if masked and s.affiliation else s.affiliation),
            (self.tr("Location"), hidden if masked and s.location else s.location),
            (self.tr("Contact"), privacy.contact(s.id, s.contact, s.protection)),
            (self.tr("Reliability"), s.reliability.label if s.reliability else ""),
            (
                self.tr("Reliability note"),
                hidden if masked and s.reliability_note else s.reliability_note,
            ),
            (
                self.tr("First contact"),
                s.first_contact_on.isoformat() if s.first_contact_on else "",
            ),
            (self.tr("How"), hidden if masked and s.first_contact_how else s.first_contact_how),
            (self.tr("Notes"), hidden if masked and s.notes else s.notes),
        ]
        self.fields.set_rows(rows)
        self.quotes.set_links(
            [(RecordKind.QUOTE, q.id, quote_line(q)) for q in data.quotes],
            empty=self.tr("No quotes yet"),
        )
        self.claims.set_links(
            [(RecordKind.CLAIM, c.id, claim_line(c)) for c in data.claims],
            empty=self.tr("No numbers yet"),
        )
        self.contradictions.set_links(
            [(RecordKind.CONTRADICTION, k.id, contradiction_line(k)) for k in data.contradictions],
            empty=self.tr("No contradictions"),
        )
        note_links: list[tuple[RecordKind, str, str]] = [
            (RecordKind.NOTE, n.id, n.text) for n in data.notes
        ]
        self.notes.set_links(
            [] if masked else note_links,
            empty=self.tr("(hidden)") if masked and note_links else self.tr("No notes"),
        )
