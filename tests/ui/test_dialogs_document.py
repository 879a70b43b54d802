"""The document editor, alone: its description is edited, its text only shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casefile.domain.records import DocumentDraft
from tests.ui.test_dialogs_widgets import tab_order
from ui.dialogs.document_dialog import DocumentDialog
from ui.widgets.fields import text_of

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
TEXT = f"Transcript\n{HTML}\n\u00a0indented line\n"

DRAFTS = {
    "required only": DocumentDraft(title="Transcript", text=TEXT),
    "one optional": DocumentDraft(title="Transcript", text=TEXT, url="https://example.org/a"),
    "many optional": DocumentDraft(
        title="محضر المقابلة",
        text="نص المقابلة الكامل\nsecond line",
        origin="Local paper",
        url='https://example.org/<script>alert("x")</script>',
        file_name="interview.txt",
        media_type="text/plain",
        published_on=date(2024, 1, 3),
        retrieved_on=date(2024, 2, 4),
        language="ar",
        sha256="ab" * 32,
        size_bytes=1_234,
    ),
}


def make(qtbot: QtBot, draft: DocumentDraft) -> DocumentDialog:
    dialog = DocumentDialog(None, draft=draft)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("draft", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_comes_back_unchanged(qtbot: QtBot, draft: DocumentDraft) -> None:
    dialog = make(qtbot, draft)
    assert dialog.ok_button.isEnabled(), dialog.problem()
    assert dialog.values() == draft


def test_the_text_is_shown_exactly_and_never_edited(qtbot: QtBot) -> None:
    draft = DRAFTS["required only"]
    dialog = make(qtbot, draft)
    assert dialog.text.isReadOnly()
    assert text_of(dialog.text) == TEXT
    dialog.title.setText("Transcript, 2 May")
    assert dialog.values() == replace(draft, title="Transcript, 2 May")


def test_the_address_is_plain_text_never_a_link(qtbot: QtBot) -> None:
    draft = DRAFTS["many optional"]
    dialog = make(qtbot, draft)
    assert dialog.url.text() == draft.url
    assert dialog.facts.textFormat() is Qt.TextFormat.PlainText
    assert not dialog.facts.openExternalLinks()


def test_a_document_needs_a_title(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    dialog.title.setText(" ")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "Give the document a title."


def test_dates_can_be_emptied(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    dialog.published_on.set_date(None)
    assert dialog.values().published_on is None


def test_arabic_title_and_text_read_right_to_left(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    assert dialog.title.alignment() & Qt.AlignmentFlag.AlignRight
    option = dialog.text.document().defaultTextOption()
    assert option.textDirection() is Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight


def test_tab_goes_down_the_form(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    assert tab_order(dialog, dialog.title, 8) == [
        "title",
        "origin",
        "url",
        "publishedOnEdit",
        "publishedOnClear",
        "retrievedOnEdit",
        "retrievedOnClear",
        "language",
        "text",
    ]
