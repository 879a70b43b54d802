"""The small widgets of the editors: source picker, date field, protection badge, RTL fields."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casefile.domain.enums import Protection
from ui.widgets.date_field import DateField
from ui.widgets.fields import line_edit, text_edit, text_of
from ui.widgets.protection_badge import ProtectionBadge
from ui.widgets.rtl import direction_of, is_rtl
from ui.widgets.source_picker import SourceChoice, SourcePicker, choice_for

SOURCES = [
    SourceChoice("id-samir", "سمير الحلبي", Protection.NAMED),
    SourceChoice("id-relative", "a relative of a recruit", Protection.ANONYMOUS),
    SourceChoice("id-ministry", "Ministry of Defence", Protection.BACKGROUND),
    SourceChoice("id-recruiter", "a recruiter", Protection.NEVER_REVEAL),
]


def find(text: str) -> list[SourceChoice]:
    return [s for s in SOURCES if text.casefold() in s.label.casefold()]


def type_text(widget: QWidget, text: str) -> None:
    """Types any text, Arabic included (qtbot.keyClicks aborts on non-ASCII: STYLE.md)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def tab_order(dialog: QWidget, start: QWidget, steps: int) -> list[str]:
    """Where Tab goes from `start`: the focus chain as Qt walks it (tab-focusable, enabled,
    shown, not a proxy's inner part). Offscreen windows never get real focus to follow."""
    names = [start.objectName()]
    widget: QWidget | None = start
    while len(names) <= steps:
        widget = widget.nextInFocusChain() if widget is not None else None
        if widget is None or widget is start:
            break
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and widget.isVisibleTo(dialog)
            and widget.focusProxy() is None
        ):
            names.append(widget.objectName())
    return names


@pytest.fixture
def picker_dialog(qtbot: QtBot) -> tuple[QDialog, SourcePicker]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    picker = SourcePicker(find, delay_ms=5)
    layout.addWidget(picker)
    layout.addWidget(QLineEdit())
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.line.setFocus()
    return dialog, picker


def test_the_picker_finds_by_typed_text_and_arrow_keys_and_enter_pick(
    qtbot: QtBot, picker_dialog: tuple[QDialog, SourcePicker]
) -> None:
    dialog, picker = picker_dialog
    qtbot.keyClicks(picker.line, "rec")
    qtbot.waitUntil(picker.popup.isVisible)
    assert [c.id for c in picker.model.choices] == ["id-relative", "id-recruiter"]
    assert picker.popup.currentIndex().row() == 0  # Enter alone would pick the first
    qtbot.keyClick(picker.popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.source_changed) as changed:
        qtbot.keyClick(picker.popup, Qt.Key.Key_Return)
    assert changed.args == [SOURCES[3]]
    assert picker.source_id() == "id-recruiter"
    assert picker.line.text() == "a recruiter"
    assert picker.badge.protection() is Protection.NEVER_REVEAL
    assert not picker.is_pending()
    assert dialog.result() == 0 and dialog.isVisible()  # Enter picked; it did not close


def test_enter_in_the_field_picks_the_first_match_and_never_closes_the_dialog(
    qtbot: QtBot, picker_dialog: tuple[QDialog, SourcePicker]
) -> None:
    dialog, picker = picker_dialog
    qtbot.keyClicks(picker.line, "minis")
    picker.popup.hide()
    qtbot.keyClick(picker.line, Qt.Key.Key_Return)
    assert picker.source_id() == "id-ministry"
    qtbot.keyClicks(picker.line, "zzz")  # editing after a choice drops the link
    assert picker.source_id() is None and picker.is_pending()
    qtbot.keyClick(picker.line, Qt.Key.Key_Return)  # nothing matches: nothing picked
    assert picker.source_id() is None
    assert dialog.isVisible() and dialog.result() == 0


def test_arabic_typed_text_finds_the_source_and_reads_right_to_left(
    qtbot: QtBot, picker_dialog: tuple[QDialog, SourcePicker]
) -> None:
    _dialog, picker = picker_dialog
    type_text(picker.line, "سمير")
    assert picker.line.text() == "سمير"
    assert picker.line.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert picker.line.alignment() & Qt.AlignmentFlag.AlignRight
    picker.search_now()
    assert [c.id for c in picker.model.choices] == ["id-samir"]
    qtbot.keyClick(picker.line, Qt.Key.Key_Return)
    assert picker.source_id() == "id-samir"


def test_the_clear_button_unlinks(qtbot: QtBot) -> None:
    picker = SourcePicker(find)
    qtbot.addWidget(picker)
    picker.set_source(SOURCES[1])
    assert picker.source_id() == "id-relative"
    assert picker.clear_button.isEnabled()
    with qtbot.waitSignal(picker.source_changed) as changed:
        picker.clear_button.click()
    assert changed.args == [None]
    assert picker.source_id() is None and picker.line.text() == ""
    assert picker.badge.protection() is None and picker.badge.text() == ""
    assert not picker.clear_button.isEnabled()


def test_a_source_the_caller_cannot_name_keeps_its_id() -> None:
    assert choice_for(None, lambda _id: None) is None
    assert choice_for("id-samir", lambda _id: SOURCES[0]) == SOURCES[0]
    unknown = choice_for("id-gone", lambda _id: None)
    assert unknown is not None
    assert unknown.id == "id-gone"
    assert unknown.protection is Protection.NEVER_REVEAL


def test_picker_labels_are_plain_text(qtbot: QtBot) -> None:
    html = '<b>x</b><img src="http://127.0.0.1:1/x">'
    picker = SourcePicker(lambda _t: [SourceChoice("id-h", html, Protection.NAMED)])
    qtbot.addWidget(picker)
    picker.line.setText("x")
    picker.search_now()
    index = picker.model.index(0, 0)
    assert picker.model.data(index, Qt.ItemDataRole.EditRole) == html
    assert str(picker.model.data(index, Qt.ItemDataRole.DisplayRole)).startswith(html)
    picker.set_source(picker.model.choices[0])
    assert picker.line.text() == html


def test_the_date_field_starts_empty_and_can_be_cleared(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    assert field.date() is None and field.is_empty()
    assert field.edit.text() == "No date"
    assert not field.clear_button.isEnabled()
    with qtbot.waitSignal(field.date_changed) as changed:
        field.set_date(date(2024, 5, 12))
    assert changed.args == [date(2024, 5, 12)]
    assert field.date() == date(2024, 5, 12)
    assert field.edit.text() == "2024-05-12"
    with qtbot.waitSignal(field.date_changed) as changed:
        field.clear_button.click()
    assert changed.args == [None]
    assert field.date() is None


def test_arrow_keys_on_an_empty_date_start_from_today(qtbot: QtBot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.date() == date.today()


@pytest.mark.parametrize("typed", ["20240512", "2024-05-12"])
def test_a_date_can_be_typed_into_an_empty_field(qtbot: QtBot, typed: str) -> None:
    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field.edit, typed)
    assert field.date() == date(2024, 5, 12)


@pytest.mark.parametrize(
    ("protection", "text"),
    [
        (Protection.NAMED, "Named"),
        (Protection.BACKGROUND, "On background"),
        (Protection.ANONYMOUS, "Anonymous"),
        (Protection.NEVER_REVEAL, "Never reveal"),
    ],
)
def test_the_badge_names_each_level_and_styles_it_by_property(
    qtbot: QtBot, protection: Protection, text: str
) -> None:
    badge = ProtectionBadge(protection)
    qtbot.addWidget(badge)
    assert badge.text() == text
    assert badge.property("badge") == "protection"
    assert badge.property("protection") == protection.value
    assert badge.textFormat() is Qt.TextFormat.PlainText
    badge.set_protection(None)
    assert badge.text() == "" and badge.property("protection") == ""


def test_the_style_sheet_colours_every_level() -> None:
    from importlib import resources

    qss = resources.files("resources").joinpath("app.qss").read_text(encoding="utf-8")
    for protection in Protection:
        assert f'[protection="{protection.value}"] {{ background-color' in qss


@pytest.mark.parametrize(
    ("text", "rtl"),
    [("سمير", True), ("2000 دولار", True), ("Samir سمير", False), ("2000", False), ("", False)],
)
def test_direction_follows_the_first_strong_letter(text: str, rtl: bool) -> None:
    assert is_rtl(text) is rtl
    if text in ("2000", ""):
        assert direction_of(text) is None


def test_a_line_edit_turns_right_to_left_with_arabic_and_back(qtbot: QtBot) -> None:
    field = line_edit(name="f")
    qtbot.addWidget(field)
    type_text(field, "قال")
    assert field.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert field.alignment() & Qt.AlignmentFlag.AlignRight
    field.setText("said")
    assert field.layoutDirection() is Qt.LayoutDirection.LeftToRight
    assert field.alignment() & Qt.AlignmentFlag.AlignLeft


def test_a_text_edit_lays_out_each_paragraph_in_its_direction(qtbot: QtBot) -> None:
    edit = text_edit(name="t")
    qtbot.addWidget(edit)
    type_text(edit, "قال")
    edit.append("English")
    assert edit.layoutDirection() is Qt.LayoutDirection.RightToLeft
    first = edit.document().firstBlock()
    assert first.textDirection() is Qt.LayoutDirection.RightToLeft
    assert first.next().textDirection() is Qt.LayoutDirection.LeftToRight


def test_text_edits_keep_text_exactly_and_never_take_html(qtbot: QtBot) -> None:
    edit = text_edit(name="t")
    qtbot.addWidget(edit)
    text = '2\u00a0000 <b>x</b><img src="http://127.0.0.1:1/x">\nline two'
    edit.setPlainText(text)
    assert text_of(edit) == text
    assert not edit.acceptRichText()
    assert edit.document().toHtml().count("<img") == 0
