"""The tag and note editors, alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import NoteDraft, TagDraft
from tests.ui.test_dialogs_widgets import type_text
from ui.dialogs.note_dialog import NoteDialog
from ui.dialogs.tag_dialog import SWATCHES, TagDialog
from ui.widgets.fields import text_of

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'

TAGS = {
    "required only": TagDraft(name="pay"),
    "one optional": TagDraft(name="pay", color=SWATCHES[2]),
    "custom colour": TagDraft(name="رواتب", color="#123456"),
}


@pytest.mark.parametrize("draft", TAGS.values(), ids=TAGS.keys())
def test_a_tag_comes_back_unchanged(qtbot: QtBot, draft: TagDraft) -> None:
    dialog = TagDialog(None, draft=draft)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == draft


def test_swatches_choose_the_colour(qtbot: QtBot) -> None:
    dialog = TagDialog(None, draft=TAGS["required only"])
    qtbot.addWidget(dialog)
    assert dialog.none_button.isChecked()
    dialog.swatch_buttons[5].click()
    assert dialog.values().color == SWATCHES[5]
    assert dialog.swatch_buttons[5].isChecked()
    assert dialog.color_label.text() == SWATCHES[5]
    dialog.none_button.click()
    assert dialog.values().color == ""
    dialog.set_color("#123456")  # what the "Other…" colour dialog returns
    assert not any(b.isChecked() for b in dialog.group.buttons())


def test_a_tag_needs_a_unique_name(qtbot: QtBot) -> None:
    dialog = TagDialog(None, draft=TagDraft(name="pay"), existing=["Pay", "recruits"])
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()  # its own name is not a clash
    dialog.name.setText("Recruits ")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "There is already a tag with this name."
    dialog.name.setText("")
    assert dialog.problem_label.text() == "Give the tag a name."


def test_a_tag_name_is_plain_and_follows_its_direction(qtbot: QtBot) -> None:
    dialog = TagDialog(None)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "رواتب")
    assert dialog.name.alignment() & Qt.AlignmentFlag.AlignRight
    dialog.name.setText(HTML)
    assert dialog.values().name == HTML


NOTES = {
    "on the case": NoteDraft(text="Call the ministry back"),
    "on a source": NoteDraft(
        text="اتصل به يوم الاثنين\nCall on Monday",
        target_kind=RecordKind.SOURCE,
        target_id=RecordId("id-samir"),
    ),
}


@pytest.mark.parametrize("draft", NOTES.values(), ids=NOTES.keys())
def test_a_note_comes_back_unchanged(qtbot: QtBot, draft: NoteDraft) -> None:
    dialog = NoteDialog(None, draft=draft, target_label="source “a relative of a recruit”")
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == draft


def test_a_note_needs_text_and_shows_its_target_plainly(qtbot: QtBot) -> None:
    dialog = NoteDialog(None, target_label=HTML)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.target.text() == HTML
    assert dialog.target.textFormat() is Qt.TextFormat.PlainText
    dialog.text.setPlainText(HTML)
    assert dialog.ok_button.isEnabled()
    assert text_of(dialog.text) == HTML
    assert dialog.values() == NoteDraft(text=HTML)
