"""The contradiction editor, alone: members shown as given, never edited; the rest round-trips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casefile.domain.enums import (
    ContradictionKind,
    ContradictionOrigin,
    ContradictionStatus,
    RecordKind,
)
from casefile.domain.ids import RecordId
from casefile.domain.records import ContradictionDraft, MemberRef
from tests.ui.test_dialogs_widgets import tab_order
from ui.dialogs.contradiction_dialog import ContradictionDialog

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
CLAIM = MemberRef(RecordKind.CLAIM, RecordId("id-claim"))
QUOTE = MemberRef(RecordKind.QUOTE, RecordId("id-quote"))
OTHER = MemberRef(RecordKind.CLAIM, RecordId("id-other"))
LABELS = {
    (RecordKind.CLAIM, "id-claim"): "monthly pay: up to 2,000 USD / month",
    (RecordKind.QUOTE, "id-quote"): "«الراتب 500 دولار» — سمير الحلبي",
    (RecordKind.CLAIM, "id-other"): HTML,
}

DRAFTS = {
    "required only": ContradictionDraft(members=(CLAIM, QUOTE)),
    "one optional": ContradictionDraft(members=(CLAIM, QUOTE), description="Pay differs"),
    "many optional": ContradictionDraft(
        members=(CLAIM, QUOTE, OTHER),
        kind=ContradictionKind.NUMERIC,
        origin=ContradictionOrigin.DETECTED,
        status=ContradictionStatus.EXPLAINED,
        description="Pay differs by a factor of four",
        settle_by="payslips",
        resolution="One figure is before the raise.\nالأخرى بعد الزيادة",
        signature="claim:monthly pay:USD",
    ),
}


def make(qtbot: QtBot, draft: ContradictionDraft) -> ContradictionDialog:
    dialog = ContradictionDialog(None, draft=draft, member_labels=LABELS)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("draft", DRAFTS.values(), ids=DRAFTS.keys())
def test_a_draft_comes_back_unchanged(qtbot: QtBot, draft: ContradictionDraft) -> None:
    dialog = make(qtbot, draft)
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == draft


def test_edits_change_only_the_editable_fields(qtbot: QtBot) -> None:
    draft = DRAFTS["many optional"]
    dialog = make(qtbot, draft)
    dialog.status.set_value(ContradictionStatus.DISMISSED)
    dialog.kind.set_value(ContradictionKind.DATE)
    dialog.resolution.setPlainText("A typo in the transcript")
    values = dialog.values()
    assert values.status is ContradictionStatus.DISMISSED
    assert values.kind is ContradictionKind.DATE
    assert values.resolution == "A typo in the transcript"
    assert (values.members, values.origin, values.signature) == (
        draft.members,
        draft.origin,
        draft.signature,
    )
    assert "false alarm" in dialog.status_help.text()


def test_members_are_listed_read_only_with_their_labels(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["many optional"])
    texts = [dialog.members.item(i).text() for i in range(dialog.members.count())]
    assert texts == [
        "Number: monthly pay: up to 2,000 USD / month",
        "Quote: «الراتب 500 دولار» — سمير الحلبي",
        f"Number: {HTML}",  # an item's text is never read as HTML
    ]
    assert all(
        not dialog.members.item(i).flags() & Qt.ItemFlag.ItemIsEditable
        for i in range(dialog.members.count())
    )
    arabic = dialog.members.item(1).textAlignment()
    assert arabic & Qt.AlignmentFlag.AlignRight
    assert dialog.members.item(0).textAlignment() & Qt.AlignmentFlag.AlignLeft
    assert dialog.origin.text() == "Found by detection"


def test_a_member_without_a_label_still_shows(qtbot: QtBot) -> None:
    gone = MemberRef(RecordKind.QUOTE, RecordId("id-gone"))
    dialog = make(qtbot, ContradictionDraft(members=(CLAIM, gone)))
    assert dialog.members.item(1).text() == "Quote: (not found)"


def test_a_control_character_is_refused_inline(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    dialog.settle_by.setPlainText("ask\x1b[31m")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text().startswith("What would settle it: contains control")


def test_arabic_resolution_reads_right_to_left(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["required only"])
    dialog.resolution.setPlainText("الأرقام من فترتين مختلفتين")
    assert dialog.resolution.layoutDirection() is Qt.LayoutDirection.RightToLeft


def test_tab_goes_down_the_form(qtbot: QtBot) -> None:
    dialog = make(qtbot, DRAFTS["one optional"])
    assert tab_order(dialog, dialog.kind, 4) == [
        "kind",
        "status",
        "description",
        "settleBy",
        "resolution",
    ]
