"""The source editor, alone: drafts in, drafts out, problems inline, text shown as typed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casefile.domain.enums import Protection, Reliability, SourceKind
from casefile.domain.records import SourceDraft
from tests.ui.test_dialogs_widgets import tab_order
from ui.dialogs.source_dialog import SourceDialog
from ui.widgets.fields import text_of

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'

DRAFTS = {
    "required only": SourceDraft(name="Akram Testname"),
    "one optional": SourceDraft(name="Akram Testname", pseudonym="a recruiter"),
    "many optional": SourceDraft(
        name="سمير الحلبي",
        pseudonym="a relative of a recruit",
        protection=Protection.NEVER_REVEAL,
        kind=SourceKind.ORGANISATION,
        role="recruiter",
        affiliation="18th Division",
        location="Harbour Road",
        contact="+44 7700 900123\nsignal: samir.01",
        reliability=Reliability.C,
        reliability_note="two of his figures checked out",
        first_contact_on=date(2024, 3, 2),
        first_contact_how="introduced by a colleague",
        notes="ملاحظات\nMet twice.",
    ),
}


def make(qtbot: QtBot, draft: SourceDraft | None = None) -> SourceDialog:
    dialog = SourceDialog(None, draft=draft)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("draft", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_comes_back_unchanged(qtbot: QtBot, draft: SourceDraft) -> None:
    dialog = make(qtbot, draft)
    assert dialog.problem() == ""
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == draft


def test_a_new_source_needs_a_name(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.windowTitle() == "New source"
    assert not dialog.ok_button.isEnabled()
    assert "name" in dialog.problem_label.text()
    dialog.name.setText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("Lina Marcovic")
    assert dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == ""
    assert dialog.values() == SourceDraft(name="Lina Marcovic")


def test_accept_refuses_while_there_is_a_problem(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.accept()
    assert dialog.result() == 0


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "Ali\u202eecilA", "direction-changing"),
        ("pseudonym", "a\x07b", "control characters"),
        ("role", "x" * 2_001, "longer than"),
    ],
)
def test_values_the_case_would_refuse_show_inline(
    qtbot: QtBot, field: str, text: str, message: str
) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    getattr(dialog, field).setText(text)
    assert not dialog.ok_button.isEnabled()
    assert message in dialog.problem_label.text()
    assert dialog.problem_label.isVisibleTo(dialog)


@pytest.mark.parametrize("protection", [Protection.ANONYMOUS, Protection.NEVER_REVEAL])
def test_a_masked_source_without_pseudonym_is_warned_about_not_blocked(
    qtbot: QtBot, protection: Protection
) -> None:
    dialog = make(qtbot, SourceDraft(name="Lina Marcovic"))
    assert not dialog.pseudonym_warning.isVisibleTo(dialog)
    dialog.protection.set_value(protection)
    assert dialog.pseudonym_warning.isVisibleTo(dialog)
    assert "pseudonym" in dialog.pseudonym_warning.text()
    assert dialog.ok_button.isEnabled()  # a warning, not a refusal
    assert dialog.badge.property("protection") == protection.value
    dialog.pseudonym.setText("a nurse")
    assert not dialog.pseudonym_warning.isVisibleTo(dialog)


def test_background_sources_need_no_warning(qtbot: QtBot) -> None:
    dialog = make(qtbot, SourceDraft(name="Lina", protection=Protection.BACKGROUND))
    assert not dialog.pseudonym_warning.isVisibleTo(dialog)


def test_the_protection_combo_explains_each_level(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    for index in range(dialog.protection.count()):
        assert dialog.protection.itemData(index, Qt.ItemDataRole.ToolTipRole)
    dialog.protection.set_value(Protection.NEVER_REVEAL)
    assert "colleagues" in dialog.protection_help.text()


def test_reliability_offers_none_and_every_grade_with_its_label(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    labels = [dialog.reliability.itemText(i) for i in range(dialog.reliability.count())]
    assert labels[1:] == [r.label for r in Reliability]
    assert dialog.values().reliability is None


def test_html_in_a_field_stays_literal(qtbot: QtBot) -> None:
    draft = SourceDraft(name=HTML, role=HTML, notes=HTML)
    dialog = make(qtbot, draft)
    assert dialog.name.text() == HTML
    assert text_of(dialog.notes) == HTML
    assert "<img" not in dialog.notes.document().toHtml()
    assert dialog.values() == draft
    for label in (dialog.protection_help, dialog.pseudonym_warning, dialog.problem_label):
        assert label.textFormat() is Qt.TextFormat.PlainText


def test_an_arabic_name_reads_right_to_left(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    assert dialog.name.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert dialog.name.alignment() & Qt.AlignmentFlag.AlignRight
    assert dialog.role.alignment() & Qt.AlignmentFlag.AlignLeft
    assert dialog.notes.layoutDirection() is Qt.LayoutDirection.RightToLeft


def test_tab_goes_down_the_form(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    order = tab_order(dialog, dialog.name, 13)
    assert order == [
        "name",
        "pseudonym",
        "protection",
        "kind",
        "role",
        "affiliation",
        "location",
        "contact",
        "reliability",
        "reliabilityNote",
        "firstContactOnEdit",
        "firstContactOnClear",
        "firstContactHow",
        "notes",
    ]
