"""Deleting asks first: Cancel is the default, and links to the record are named."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from ui.dialogs.confirm_delete import (
    ConfirmDelete,
    DeleteChoice,
    build_confirm_delete,
    confirm_delete,
    references_text,
)

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'


def make(qtbot: QtBot, what: str, references: Mapping[str, int]) -> ConfirmDelete:
    box = build_confirm_delete(None, what=what, references=references)
    qtbot.addWidget(box)
    return box


def test_without_references_it_offers_delete_and_defaults_to_cancel(qtbot: QtBot) -> None:
    box = make(qtbot, "the tag “pay”", {})
    assert box.defaultButton() is box.cancel_button
    assert box.escapeButton() is box.cancel_button
    assert box.delete_button.text() == "Delete"
    assert box.text() == "Delete the tag “pay”?"
    assert box.informativeText() == ""
    assert box.choice() is None  # nothing clicked yet
    box.delete_button.click()
    assert box.choice() is DeleteChoice.DELETE


def test_with_references_it_offers_unlink_and_delete(qtbot: QtBot) -> None:
    references: dict[str, int] = {RecordKind.QUOTE: 3, RecordKind.CLAIM: 1}
    box = make(qtbot, "this source", references)
    assert box.delete_button.text() == "Unlink and delete"
    assert box.defaultButton() is box.cancel_button
    assert box.informativeText().startswith("3 quotes and 1 number point to it.")
    box.delete_button.click()
    assert box.choice() is DeleteChoice.UNLINK_AND_DELETE


def test_cancel_means_none(qtbot: QtBot) -> None:
    box = make(qtbot, "this source", {"quote": 1})
    box.cancel_button.click()
    assert box.choice() is None


def test_enter_in_the_shown_box_cancels(qtbot: QtBot) -> None:
    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, ConfirmDelete)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert confirm_delete(None, what="this source", references={"claim": 2}) is None


def test_the_record_name_is_shown_as_plain_text(qtbot: QtBot) -> None:
    box = make(qtbot, HTML, {"<i>x</i>": 2})
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert HTML in box.text()
    assert all(label.textFormat() is Qt.TextFormat.PlainText for label in box.findChildren(QLabel))
    assert "2 <i>x</i> point to it." in box.informativeText()


def test_reference_counts_read_naturally() -> None:
    assert references_text({}) == ""
    assert references_text({"quote": 0}) == ""
    assert references_text({"quote": 1}) == "1 quote points to it."
    assert references_text({"claim": 2}) == "2 numbers point to it."
    assert (
        references_text({"quote": 1, "claim": 1, "contradiction": 1_200})
        == "1 quote, 1 number and 1,200 contradictions point to it."
    )
