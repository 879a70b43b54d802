"""The other sharing dialogs, each alone: the redaction review before an export, the merge
review of an import, and the reporter's own sharing key. Text shown as plain text, and nothing
identifying shown that the dialog was not meant to show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
)
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from casefile.exchange.age import generate_identity
from casefile.services import quotes, sources
from casefile.services.case import OpenCase
from casefile.services.exchange import pending_findings
from tests import factories
from tests.ui.sharing_dialogs import (
    ALIGN,
    ARABIC,
    HTML,
    all_text,
    labels_are_plain,
    shown,
)
from tests.ui.test_dialogs_widgets import tab_order
from ui.dialogs.merge_review import ConflictView, MergeReviewDialog
from ui.dialogs.redaction_review import FindingView, RedactionReviewDialog
from ui.dialogs.sharing_key import SharingKeyDialog
from ui.widgets.rtl import LEFT, RIGHT

# -- redaction review -----------------------------------------------------------------------


def finding(index: int, what: str = "name", label: str = "") -> FindingView:
    return FindingView(
        key=f"quote:q{index}:text:s1:{what}",
        record_kind=RecordKind.QUOTE,
        record_id=f"q{index}",
        field="text",
        what=what,
        label=label or f"Quote “They promised …” ({index}) — a relative of a recruit",
    )


FINDINGS = {
    "none": [],
    "one": [finding(0)],
    "many": [finding(0), finding(1, "phone"), finding(2, "e-mail")],
}


def review(qtbot: QtBot, findings: list[FindingView]) -> RedactionReviewDialog:
    dialog = RedactionReviewDialog(None, findings=findings)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("findings", FINDINGS.values(), ids=FINDINGS.keys())
def test_export_waits_until_every_finding_is_acknowledged(
    qtbot: QtBot, findings: list[FindingView]
) -> None:
    dialog = review(qtbot, findings)
    assert dialog.export_button.isEnabled() is (not findings)
    assert dialog.acknowledged() == []
    for index, item in enumerate(findings):
        assert not dialog.export_button.isEnabled()
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Rejected
        dialog.checks[item.key].setChecked(True)
        assert dialog.acknowledged() == [f.key for f in findings[: index + 1]]
        assert dialog.checks[item.key].text() == "Acknowledged: leave it as it is"
    assert dialog.export_button.isEnabled()
    if findings:
        dialog.checks[findings[0].key].setChecked(False)
        assert not dialog.export_button.isEnabled()
        assert dialog.count.text() == f"{len(findings) - 1} of {len(findings)} acknowledged"


def test_what_was_found_is_named_in_words(qtbot: QtBot) -> None:
    dialog = review(qtbot, FINDINGS["many"])
    text = all_text(dialog)
    for words in ("its own name", "a phone number", "an e-mail address"):
        assert words in text
    for item in FINDINGS["many"]:
        assert item.label in text
        assert item.key not in text


def test_open_names_the_record_and_closes_apart_from_ok_and_cancel(qtbot: QtBot) -> None:
    findings = [
        finding(0),
        FindingView("claim:c7:raw_text:s1:phone", RecordKind.CLAIM, "c7", "raw_text", "phone", "x"),
    ]
    dialog = review(qtbot, findings)
    with (
        qtbot.waitSignal(dialog.open_record, timeout=1000) as opened,
        qtbot.waitSignal(dialog.finished, timeout=1000) as finished,
    ):
        dialog.open_buttons[1].click()
    assert opened.args == [RecordKind.CLAIM, "c7"]
    assert finished.args == [RedactionReviewDialog.OPENED]
    assert dialog.result() == RedactionReviewDialog.OPENED
    assert RedactionReviewDialog.OPENED not in {
        QDialog.DialogCode.Accepted.value,
        QDialog.DialogCode.Rejected.value,
    }
    assert dialog.opened() == (RecordKind.CLAIM, "c7")


def test_the_review_never_shows_what_it_matched(qtbot: QtBot, case: OpenCase) -> None:
    """Findings from a real case, labelled as the glue labels them (masked): the protected
    source's name, phone and e-mail are nowhere in the dialog."""
    name = factories.canary_name()
    phone = factories.canary_phone()
    email = f"{name.split()[0].lower()}@example.org"
    with case.transaction() as s:
        source = sources.add(s, factories.protected_source(name=name, contact=f"{phone}\n{email}"))
        quote = quotes.add(
            s,
            factories.quote(
                text=f"I am {name.split()[0]}; call {phone} or write to {email}",
                source_id=source.id,
            ),
        )
    found = pending_findings(case)
    assert {f.what for f in found} == {"name", "phone", "e-mail"}
    views = [
        FindingView(f.key, f.record_kind, f.record_id, f.field, f.what, "Quote — a relative")
        for f in found
    ]
    dialog = review(qtbot, views)
    text = all_text(dialog).casefold()
    for secret in (*name.split(), phone, phone.replace(" ", ""), email):
        assert secret.casefold() not in text
    assert "Quote — a relative".casefold() in text
    with qtbot.waitSignal(dialog.open_record) as opened:
        dialog.open_buttons[0].click()
    assert opened.args == [RecordKind.QUOTE, quote.id]


def test_review_labels_are_plain_and_follow_their_direction(qtbot: QtBot) -> None:
    dialog = review(qtbot, [finding(0, label=HTML), finding(1, label=ARABIC)])
    assert labels_are_plain(dialog)
    html_label = dialog.findChild(QLabel, "label0")
    arabic_label = dialog.findChild(QLabel, "label1")
    assert html_label is not None and arabic_label is not None
    assert html_label.text() == HTML
    assert arabic_label.text() == ARABIC
    assert arabic_label.alignment() & ALIGN == RIGHT & ALIGN
    assert html_label.alignment() & ALIGN == LEFT & ALIGN


def test_the_review_defaults_to_cancel_and_tabs_row_by_row(qtbot: QtBot) -> None:
    dialog = review(qtbot, FINDINGS["many"])
    assert dialog.cancel_button.isDefault()
    assert not dialog.export_button.isDefault()
    for key in dialog.checks:
        dialog.checks[key].setChecked(True)
    assert tab_order(dialog, dialog.checks[FINDINGS["many"][0].key], 6) == [
        "acknowledged0",
        "open0",
        "acknowledged1",
        "open1",
        "acknowledged2",
        "open2",
        "export",
    ]


# -- merge review ---------------------------------------------------------------------------


CONFLICTS = [
    ConflictView("source:s1:role", "Source “a recruiter”", "role", "recruiter", "driver", False),
    ConflictView("source:s1:name", "Source “a recruiter”", "name", "Samir Q", "S. Q.", True),
    ConflictView("quote:q1:text", "Quote", "text", ARABIC, "وعدونا بألفين", False),
    ConflictView("note:n1:text", HTML, "text", HTML, "line one\nline two", False),
]


def merge(qtbot: QtBot, conflicts: list[ConflictView], summary: str = "") -> MergeReviewDialog:
    dialog = MergeReviewDialog(None, summary=summary or "3 new, 1 updated", conflicts=conflicts)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("count", [0, 1, len(CONFLICTS)], ids=["none", "one", "many"])
def test_resolutions_follow_the_choices(qtbot: QtBot, count: int) -> None:
    conflicts = CONFLICTS[:count]
    dialog = merge(qtbot, conflicts)
    assert dialog.table.rowCount() == count
    assert dialog.import_button.isEnabled()
    assert dialog.resolutions() == {c.key: "mine" for c in conflicts}
    if count:
        dialog.choices[conflicts[-1].key].set_value("theirs")
        expected = {c.key: "mine" for c in conflicts} | {conflicts[-1].key: "theirs"}
        assert dialog.resolutions() == expected
    dialog.all_theirs.click()
    assert dialog.resolutions() == {c.key: "theirs" for c in conflicts}
    dialog.all_mine.click()
    assert dialog.resolutions() == {c.key: "mine" for c in conflicts}


def test_identifying_values_are_not_shown_but_can_be_chosen(qtbot: QtBot) -> None:
    dialog = merge(qtbot, CONFLICTS)
    text = all_text(dialog)
    assert "Samir" not in text
    assert "S. Q." not in text
    row = 1
    for column in (2, 3):
        item = dialog.table.item(row, column)
        assert item is not None
        assert item.text() == "(identifying: not shown)"
    dialog.choices["source:s1:name"].set_value("theirs")
    assert dialog.resolutions()["source:s1:name"] == "theirs"


def test_merge_text_is_shown_literally_and_arabic_on_the_right(qtbot: QtBot) -> None:
    dialog = merge(qtbot, CONFLICTS, summary=HTML)
    assert dialog.summary.text() == HTML
    assert labels_are_plain(dialog)

    def cell(row: int, column: int) -> tuple[str, Qt.AlignmentFlag]:
        item = dialog.table.item(row, column)
        assert item is not None
        return item.text(), Qt.AlignmentFlag(item.textAlignment()) & ALIGN

    assert cell(3, 0) == (HTML, LEFT & ALIGN)
    assert cell(3, 2) == (HTML, LEFT & ALIGN)
    assert cell(3, 3) == ("line one line two", LEFT & ALIGN)  # one line in a cell
    assert cell(2, 2) == (ARABIC, RIGHT & ALIGN)
    assert cell(2, 3) == ("وعدونا بألفين", RIGHT & ALIGN)
    # A long value's tooltip holds all of it, escaped: Qt cannot read it as HTML.
    long = HTML + " " + "word " * 40
    dialog = merge(qtbot, [ConflictView("k", "r", "text", long, "b", False)])
    item = dialog.table.item(0, 2)
    assert item is not None
    assert "<img" not in item.toolTip()
    assert "&lt;img" in item.toolTip()


def test_a_long_value_is_bounded_in_its_cell(qtbot: QtBot) -> None:
    dialog = merge(qtbot, [ConflictView("k", "r", "text", "x" * 100_000, "y", False)])
    item = dialog.table.item(0, 2)
    assert item is not None
    assert len(item.text()) < 1_000
    assert item.text().endswith("…")


def test_the_merge_review_defaults_to_cancel(qtbot: QtBot) -> None:
    dialog = merge(qtbot, CONFLICTS)
    assert dialog.cancel_button.isDefault()
    assert not dialog.import_button.isDefault()
    assert tab_order(dialog, dialog.choices[CONFLICTS[0].key], 6)[:7] == [
        "choice0",
        "choice1",
        "choice2",
        "choice3",
        "allMine",
        "allTheirs",
        "import",
    ]


# -- sharing key ----------------------------------------------------------------------------


def key_dialog(qtbot: QtBot, key: str | None, *, can_create: bool = True) -> SharingKeyDialog:
    dialog = SharingKeyDialog(None, public_key=key, can_create=can_create)
    qtbot.addWidget(dialog)
    return dialog


def test_the_key_is_shown_selectable_monospace_and_copied(qtbot: QtBot) -> None:
    public = generate_identity()[1]
    dialog = key_dialog(qtbot, public)
    assert dialog.key.text() == public
    assert dialog.key.isReadOnly()
    metrics = QFontMetrics(dialog.key.font())  # QFontInfo.fixedPitch() is wrong for Noto Mono
    assert metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("MMMM")
    assert not shown(dialog, dialog.create_button)
    assert "public key" in dialog.explanation.text()
    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == public
    assert shown(dialog, dialog.copied)
    assert labels_are_plain(dialog)


def test_create_my_key_asks_the_caller_and_shows_the_key_it_gets(qtbot: QtBot) -> None:
    dialog = key_dialog(qtbot, None)
    assert shown(dialog, dialog.create_button)
    assert not shown(dialog, dialog.key)
    assert not shown(dialog, dialog.copy)
    assert "no sharing key yet" in dialog.status.text()
    with qtbot.waitSignal(dialog.create_requested, timeout=1000):
        dialog.create_button.click()
    public = generate_identity()[1]
    dialog.set_public_key(public)
    assert dialog.public_key() == public
    assert shown(dialog, dialog.key)
    assert shown(dialog, dialog.copy)
    assert not shown(dialog, dialog.create_button)
    assert not shown(dialog, dialog.status)


def test_without_an_encrypted_case_there_is_no_key_to_make(qtbot: QtBot) -> None:
    dialog = key_dialog(qtbot, None, can_create=False)
    assert not shown(dialog, dialog.create_button)
    assert not shown(dialog, dialog.key)
    assert "only inside an encrypted case" in dialog.status.text()
    assert dialog.public_key() is None
    assert labels_are_plain(dialog)
