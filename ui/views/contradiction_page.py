"""A contradiction side by side: each member with its source, protection, date and the exact
span in its document; status and resolution controls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.domain.enums import ContradictionStatus, RecordKind
from casefile.domain.records import Contradiction, Source
from casefile.services import claims, contradictions, documents, quotes, sources
from ui.case_controller import CaseController
from ui.describe import claim_line, quote_line
from ui.privacy_state import PrivacyState
from ui.views.parts import Fields, LinkList, clear_layout, plain_label, set_plain
from ui.widgets.protection_badge import ProtectionBadge


@dataclass(frozen=True)
class Member:
    kind: RecordKind
    id: str
    text: str
    source: Source | None
    date: str
    document_title: str
    excerpt: tuple[str, str, str] | None


def load(controller: CaseController, contradiction_id: str) -> tuple[Contradiction, list[Member]]:
    def read(s: Any) -> tuple[Contradiction, list[Member]]:
        k = contradictions.get(s, contradiction_id)
        members = []
        for m in k.members:
            record = (quotes if m.kind is RecordKind.QUOTE else claims).get(s, m.id)
            source = sources.get(s, record.source_id) if record.source_id else None
            when = record.said_on if m.kind is RecordKind.QUOTE else record.as_of
            title = ""
            excerpt = None
            if record.document_id:
                title = documents.title_of(s, record.document_id)
                if record.span_start is not None and record.span_end is not None:
                    excerpt = documents.excerpt(
                        s, record.document_id, record.span_start, record.span_end
                    )
            text = quote_line(record) if m.kind is RecordKind.QUOTE else claim_line(record)
            members.append(
                Member(m.kind, m.id, text, source, when.isoformat() if when else "", title, excerpt)
            )
        return k, members

    return controller.read(read)


def excerpt_view(before: str, span: str, after: str) -> QTextEdit:
    """The words around a member in its document, the member's exact span marked. Built from
    plain text with character formats: nothing of the document is read as HTML."""
    view = QTextEdit()
    view.setReadOnly(True)
    view.setAcceptRichText(False)
    view.setObjectName("excerpt")
    cursor = view.textCursor()
    plain = QTextCharFormat()
    marked = QTextCharFormat()
    marked.setFontWeight(QFont.Weight.Bold)
    marked.setBackground(QColor(255, 200, 80, 120))
    cursor.insertText(" ".join(before.split()) + " ", plain)
    cursor.insertText(" ".join(span.split()), marked)
    cursor.insertText(" " + " ".join(after.split()), plain)
    view.setMinimumHeight(90)
    view.setMaximumHeight(170)
    return view


class MemberCard(QFrame):
    open_record = Signal(object, str)

    def __init__(self, member: Member, privacy: PrivacyState) -> None:
        super().__init__()
        self.setObjectName("member_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        src = member.source
        who = (
            "(unattributed)"
            if src is None
            else privacy.name(src.id, src.name, src.pseudonym, src.protection)
        )
        header = QHBoxLayout()
        header.addWidget(plain_label(who, role="heading"), 1)
        header.addWidget(ProtectionBadge(src.protection if src else None))
        layout.addLayout(header)
        layout.addWidget(plain_label(member.text, role="quote"))
        fields = Fields()
        fields.set_rows(
            [(self.tr("Date"), member.date), (self.tr("Document"), member.document_title)]
        )
        layout.addWidget(fields)
        if member.excerpt is not None:
            layout.addWidget(excerpt_view(*member.excerpt))
        links = LinkList()
        links.set_links(
            [(member.kind, member.id, self.tr("Open this {0}").format(member.kind.value))]
        )
        links.open_record.connect(self.open_record)
        layout.addWidget(links)
        layout.addStretch(1)


class ContradictionPage(QWidget):
    """open_record(kind, id); status_requested(id, status); edit_requested(id)."""

    open_record = Signal(object, str)
    status_requested = Signal(str, object)
    edit_requested = Signal(str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contradiction_page")
        self._controller = controller
        self._privacy = privacy
        self._id: str | None = None
        self._data: tuple[Contradiction, list[Member]] | None = None
        self._cards: list[MemberCard] = []
        layout = QVBoxLayout(self)
        self.title = plain_label(role="title")
        layout.addWidget(self.title)
        self.fields = Fields()
        layout.addWidget(self.fields)
        buttons = QHBoxLayout()
        self.status_buttons: dict[ContradictionStatus, QPushButton] = {}
        for status, text in (
            (ContradictionStatus.EXPLAINED, self.tr("Explained")),
            (ContradictionStatus.CONFIRMED, self.tr("Confirmed")),
            (ContradictionStatus.DISMISSED, self.tr("Dismiss")),
            (ContradictionStatus.OPEN, self.tr("Reopen")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, st=status: self._request(st))
            buttons.addWidget(button)
            self.status_buttons[status] = button
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self._request_edit)
        buttons.addStretch(1)
        buttons.addWidget(edit)
        layout.addLayout(buttons)
        self.side_by_side = QHBoxLayout()
        holder = QWidget()
        holder.setLayout(self.side_by_side)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(scroll, 1)
        privacy.changed.connect(self._render)

    def show_contradiction(self, contradiction_id: str) -> None:
        self._id = contradiction_id
        self._data = load(self._controller, contradiction_id)
        self._render()

    def member_cards(self) -> list[MemberCard]:
        return list(self._cards)

    def _request_edit(self) -> None:
        if self._id is not None:
            self.edit_requested.emit(self._id)

    def _request(self, status: ContradictionStatus) -> None:
        if self._id is not None:
            self.status_requested.emit(self._id, status)

    def _render(self) -> None:
        if self._data is None:
            return
        k, members = self._data
        set_plain(self.title, k.description or self.tr("Contradiction"))
        self.fields.set_rows(
            [
                (self.tr("Status"), k.status.value),
                (self.tr("Kind"), k.kind.value),
                (self.tr("Found"), k.origin.value),
                (self.tr("What would settle it"), k.settle_by),
                (self.tr("Resolution"), k.resolution),
            ]
        )
        for status, button in self.status_buttons.items():
            button.setVisible(status is not k.status)
        clear_layout(self.side_by_side)
        self._cards = []
        for member in members:
            card = MemberCard(member, self._privacy)
            card.setMinimumWidth(220)
            card.open_record.connect(self.open_record)
            self.side_by_side.addWidget(card)
            self._cards.append(card)
