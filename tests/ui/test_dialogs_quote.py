"""The quote editor, alone: the source picked by typing, the document link kept untouched."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casefile.domain.enums import Medium, Protection, QuoteKind, QuoteStatus
from casefile.domain.ids import RecordId
from casefile.domain.records import QuoteDraft
from tests.ui.test_dialogs_widgets import SOURCES, find, tab_order, type_text
from ui.dialogs.quote_dialog import QuoteDialog
from ui.widgets.fields import text_of
from ui.widgets.source_picker import SourceChoice

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
SAMIR = RecordId("id-samir")
DOC = RecordId("id-doc")

DRAFTS = {
    "required only": QuoteDraft(text="The offer was rejected by the majority"),
    "one optional": QuoteDraft(text="We were paid in cash", source_id=RecordId("id-relative")),
    "many optional": QuoteDraft(
        text="قال إن الراتب كان 2000 دولار شهريا\nوإن العقد لستة أشهر",
        source_id=SAMIR,
        document_id=DOC,
        span_start=1_200,
        span_end=1_290,
        medium=Medium.INTERVIEW,
        place="Harbour Road",
        said_on=date(2024, 5, 1),
        context="asked about the contract",
        status=QuoteStatus.DISPUTED,
        kind=QuoteKind.PARAPHRASE,
        language="ar",
    ),
}


def label(source_id: str) -> SourceChoice | None:
    return next((s for s in SOURCES if s.id == source_id), None)


def make(qtbot: QtBot, draft: QuoteDraft | None = None, **kwargs: str) -> QuoteDialog:
    dialog = QuoteDialog(None, draft=draft, find_sources=find, source_label=label, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("draft", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_comes_back_unchanged(qtbot: QtBot, draft: QuoteDraft) -> None:
    dialog = make(qtbot, draft)
    assert dialog.ok_button.isEnabled(), dialog.problem()
    assert dialog.values() == draft


def test_the_source_is_shown_by_its_label_and_badge(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["one optional"])
    assert dialog.source.line.text() == "a relative of a recruit"
    assert dialog.source.badge.protection() is Protection.ANONYMOUS


def test_a_new_quote_needs_words(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "Write the words of the quote."
    dialog.text.setPlainText("  \n ")
    assert not dialog.ok_button.isEnabled()
    dialog.text.setPlainText("It was voluntary")
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == QuoteDraft(text="It was voluntary")


def test_a_source_typed_but_not_picked_blocks_ok(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    qtbot.keyClicks(dialog.source.line, "minis")
    assert not dialog.ok_button.isEnabled()
    assert "Pick the source" in dialog.problem_label.text()
    dialog.source.search_now()
    qtbot.keyClick(dialog.source.line, Qt.Key.Key_Return)
    assert dialog.ok_button.isEnabled()
    assert dialog.values().source_id == "id-ministry"
    dialog.source.clear_button.click()
    assert dialog.values().source_id is None


def test_a_source_the_caller_cannot_name_keeps_its_link(qtbot: QtBot) -> None:
    draft = QuoteDraft(text="x", source_id=RecordId("id-gone"))
    dialog = make(qtbot, draft)
    assert dialog.source.line.text() == "Unknown source"
    assert dialog.values() == draft


def test_the_document_link_is_shown_read_only_and_kept(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"], document_title=HTML)
    assert dialog.document.text() == f"“{HTML}”, characters 1,200–1,290"
    assert dialog.document.textFormat() is Qt.TextFormat.PlainText
    values = dialog.values()
    assert (values.document_id, values.span_start, values.span_end) == (DOC, 1_200, 1_290)


def test_no_document_row_without_a_document(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    assert dialog.form.labelForField(dialog.document) is None


def test_html_in_the_quote_stays_literal(qtbot: QtBot) -> None:
    draft = QuoteDraft(text=HTML, place=HTML, context=HTML)
    dialog = make(qtbot, draft)
    assert text_of(dialog.text) == HTML
    assert dialog.place.text() == HTML
    assert "<img" not in dialog.text.document().toHtml()
    assert dialog.values() == draft


def test_arabic_typed_into_the_quote_reads_right_to_left(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    type_text(dialog.text, "الراتب")
    assert text_of(dialog.text) == "الراتب"
    assert dialog.text.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert dialog.text.document().firstBlock().textDirection() is Qt.LayoutDirection.RightToLeft
    assert dialog.ok_button.isEnabled()


def test_a_control_character_in_the_place_is_refused_inline(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    dialog.place.setText("Harbour\x00Road")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text().startswith("Place: contains control characters")


def test_tab_goes_down_the_form(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["one optional"])
    assert tab_order(dialog, dialog.text, 8) == [
        "text",
        "sourceSearch",
        "sourceClear",
        "medium",
        "saidOnEdit",
        "place",
        "context",
        "status",
        "kind",
    ]
