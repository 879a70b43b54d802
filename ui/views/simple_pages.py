"""Pages for tags (what carries the tag) and notes (the note and what it is about)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from casefile.domain.enums import RecordKind
from casefile.services import claims, contradictions, documents, notes, quotes, sources, tags
from ui.case_controller import CaseController
from ui.describe import claim_line, contradiction_line, quote_line, source_name
from ui.privacy_state import PrivacyState
from ui.views.parts import LinkList, plain_label, set_plain, text_view


def describe_ref(s: Any, kind: RecordKind, record_id: str, privacy: PrivacyState) -> str:
    """A one-line label of any record (for links)."""
    if kind is RecordKind.SOURCE:
        return source_name(sources.get(s, record_id), privacy)
    if kind is RecordKind.QUOTE:
        return quote_line(quotes.get(s, record_id))
    if kind is RecordKind.CLAIM:
        return claim_line(claims.get(s, record_id))
    if kind is RecordKind.CONTRADICTION:
        return contradiction_line(contradictions.get(s, record_id))
    if kind is RecordKind.DOCUMENT:
        return documents.title_of(s, record_id)
    if kind is RecordKind.TAG:
        return tags.get(s, record_id).name
    return kind.value


class TagPage(QWidget):
    open_record = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tag_page")
        self._controller = controller
        self._privacy = privacy
        layout = QVBoxLayout(self)
        self.title = plain_label(role="title")
        layout.addWidget(self.title)
        layout.addWidget(plain_label(self.tr("Tagged"), role="heading", selectable=False))
        self.tagged = LinkList()
        self.tagged.open_record.connect(self.open_record)
        layout.addWidget(self.tagged)
        layout.addStretch(1)

    def show_tag(self, tag_id: str) -> None:
        privacy = self._privacy

        def read(s: Any) -> tuple[str, list[tuple[RecordKind, str, str]]]:
            tag = tags.get(s, tag_id)
            refs = tags.tagged(s, tag_id)[:500]
            return tag.name, [
                (k, rid, f"{k.value}: {describe_ref(s, k, rid, privacy)}") for k, rid in refs
            ]

        name, links = self._controller.read(read)
        set_plain(self.title, name)
        self.tagged.set_links(links, empty=self.tr("Nothing carries this tag yet"))


class NotePage(QWidget):
    open_record = Signal(object, str)

    def __init__(
        self, controller: CaseController, privacy: PrivacyState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note_page")
        self._controller = controller
        self._privacy = privacy
        layout = QVBoxLayout(self)
        self.text = text_view()
        layout.addWidget(self.text, 1)
        self.about = LinkList()
        self.about.open_record.connect(self.open_record)
        layout.addWidget(plain_label(self.tr("About"), role="heading", selectable=False))
        layout.addWidget(self.about)

    def show_note(self, note_id: str) -> None:
        privacy = self._privacy

        def read(s: Any) -> tuple[str, list[tuple[RecordKind, str, str]]]:
            note = notes.get(s, note_id)
            if note.target_id is None:
                return note.text, []
            label = describe_ref(s, note.target_kind, note.target_id, privacy)
            return note.text, [
                (note.target_kind, note.target_id, f"{note.target_kind.value}: {label}")
            ]

        text, about = self._controller.read(read)
        self.text.setPlainText(text)
        self.about.set_links(about, empty=self.tr("The whole case"))
