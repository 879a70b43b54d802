"""The four dialogs of sharing, each alone: export, the review before it, the merge review of an
import, and the reporter's own sharing key. Plain values in, plain values out, text shown as
plain text, and nothing identifying shown that the dialog was not meant to show."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from casefile.exchange.age import generate_identity
from casefile.exchange.passphrase import load_wordlist
from casefile.services import quotes, sources
from casefile.services.case import OpenCase
from casefile.services.exchange import EXPORT_SUFFIX, pending_findings
from tests import factories
from tests.ui.test_dialogs_widgets import tab_order
from ui.clipboard import PASSWORD_MANAGER_HINT
from ui.dialogs.export_dialog import (
    MIN_EXPORT_PASSPHRASE,
    SUFFIX,
    ExportChoice,
    ExportDialog,
    export_path,
    numbers_text,
)
from ui.dialogs.merge_review import ConflictView, MergeReviewDialog
from ui.dialogs.redaction_review import FindingView, RedactionReviewDialog
from ui.dialogs.sharing_key import SharingKeyDialog
from ui.widgets.fields import text_of
from ui.widgets.rtl import LEFT, RIGHT

HTML = '<b>x</b><img src="http://127.0.0.1:1/x">'
ARABIC = "وعدونا بألفي دولار في الشهر"
PASSPHRASE = "correct horse battery"
ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight


def all_text(root: QWidget) -> str:
    """Every piece of text the dialog could show: titles, labels, buttons, fields, table cells
    and tooltips (of widgets and of cells)."""
    parts = [root.windowTitle(), root.toolTip()]
    for widget in root.findChildren(QWidget):
        parts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        parts += [item.text(), item.toolTip()]
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                parts.append(header.text() if header is not None else "")
    return "\n".join(parts)


def labels_are_plain(root: QWidget) -> bool:
    return all(label.textFormat() is Qt.TextFormat.PlainText for label in root.findChildren(QLabel))


def shown(dialog: QWidget, widget: QWidget) -> bool:
    return widget.isVisibleTo(dialog)


# -- export ---------------------------------------------------------------------------------


def export(
    qtbot: QtBot, tmp_path: Path, *, full: bool = False, case_encrypted: bool = True
) -> ExportDialog:
    dialog = ExportDialog(
        None,
        suggested_path=tmp_path / "Harbour story.casefile.age",
        full=full,
        case_encrypted=case_encrypted,
    )
    qtbot.addWidget(dialog)
    return dialog


def type_passphrase(dialog: ExportDialog, text: str = PASSPHRASE) -> None:
    dialog.passphrase.setText(text)
    dialog.again.setText(text)


def test_a_redacted_export_with_a_typed_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path)
    assert dialog.windowTitle() == "Export case (redacted)"
    assert not shown(dialog, dialog.banner)
    assert not dialog.ok_button.isEnabled()
    assert "12 characters" in dialog.problem_label.text()
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    type_passphrase(dialog)
    assert dialog.ok_button.isEnabled(), dialog.problem()
    assert dialog.values() == ExportChoice(
        path=tmp_path / "Harbour story.casefile.age",
        passphrase=PASSPHRASE,
        recipients=(),
        include_never_reveal=False,
        case_passphrase=None,
    )


@pytest.mark.parametrize(
    ("typed", "again", "problem"),
    [
        ("x" * (MIN_EXPORT_PASSPHRASE - 1), "x" * (MIN_EXPORT_PASSPHRASE - 1), "12 characters"),
        ("x" * MIN_EXPORT_PASSPHRASE, "y" * MIN_EXPORT_PASSPHRASE, "differ"),
        ("", "", "12 characters"),
    ],
)
def test_a_typed_passphrase_needs_twelve_characters_typed_twice(
    qtbot: QtBot, tmp_path: Path, typed: str, again: str, problem: str
) -> None:
    dialog = export(qtbot, tmp_path)
    dialog.passphrase.setText(typed)
    dialog.again.setText(again)
    assert not dialog.ok_button.isEnabled()
    assert problem in dialog.problem_label.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_passphrase_of_twelve_characters_and_non_ascii_is_kept_exactly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = " سمير café 12 "  # spaces at both ends belong to it
    dialog = export(qtbot, tmp_path)
    type_passphrase(dialog, text)
    assert dialog.ok_button.isEnabled()
    assert dialog.values().passphrase == text


def test_a_generated_passphrase_is_shown_copied_and_exported(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path)
    assert not shown(dialog, dialog.generated)
    assert not shown(dialog, dialog.copy)
    dialog.generate.click()
    generated = dialog.generated.text()
    words = generated.split(" ")
    assert len(words) >= 6
    assert set(words) <= set(load_wordlist())
    assert dialog.generated.isReadOnly()
    assert dialog.generated.echoMode() is QLineEdit.EchoMode.Normal  # shown, to be read out
    assert shown(dialog, dialog.generated)
    assert not shown(dialog, dialog.passphrase)
    assert not shown(dialog, dialog.again)  # nothing to type twice
    assert shown(dialog, dialog.channel_note)
    assert "different channel" in dialog.channel_note.text()
    assert dialog.ok_button.isEnabled()
    assert dialog.values().passphrase == generated
    assert dialog.values().recipients == ()

    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == generated
    assert shown(dialog, dialog.copied_note)
    assert "cleared in 45 seconds" in dialog.copied_note.text()
    hint = QGuiApplication.clipboard().mimeData().data(PASSWORD_MANAGER_HINT)
    assert bytes(hint.data()) == b"secret"  # clipboard managers keep no history of it

    dialog.generate.click()  # another one
    assert dialog.generated.text() != generated
    assert dialog.values().passphrase == dialog.generated.text()

    dialog.own.click()  # back to typing one
    assert shown(dialog, dialog.passphrase)
    assert shown(dialog, dialog.again)
    assert not shown(dialog, dialog.generated)
    assert not dialog.ok_button.isEnabled()
    type_passphrase(dialog)
    assert dialog.values().passphrase == PASSPHRASE


def test_colleagues_keys_one_per_line(qtbot: QtBot, tmp_path: Path) -> None:
    first = generate_identity()[1]
    second = generate_identity()[1]
    dialog = export(qtbot, tmp_path)
    dialog.use_keys.setChecked(True)
    assert shown(dialog, dialog.recipients)
    assert not shown(dialog, dialog.passphrase)
    assert not shown(dialog, dialog.generate)
    assert not shown(dialog, dialog.channel_note)
    assert not dialog.ok_button.isEnabled()
    assert "public key" in dialog.problem_label.text()
    dialog.recipients.setPlainText(f"# Lina\n{first}\n\n  {second}  \n{first}\n")
    assert dialog.ok_button.isEnabled(), dialog.problem()
    choice = dialog.values()
    assert choice.recipients == (first, second)  # trimmed, repeats dropped
    assert choice.passphrase is None
    dialog.use_passphrase.setChecked(True)  # the other way again
    type_passphrase(dialog)
    assert dialog.values().recipients == ()
    assert dialog.values().passphrase == PASSPHRASE


def test_a_bad_key_line_is_named_by_number_and_not_echoed(qtbot: QtBot, tmp_path: Path) -> None:
    good = generate_identity()[1]
    bad = good[:-1] + ("q" if good[-1] != "q" else "p")  # a broken checksum
    dialog = export(qtbot, tmp_path)
    dialog.use_keys.setChecked(True)
    dialog.recipients.setPlainText(f"{good}\n{bad}")
    assert not dialog.ok_button.isEnabled()
    problem = dialog.problem_label.text()
    assert "Line 2 " in problem
    assert bad not in problem
    dialog.recipients.setPlainText(f"{good}\nage1bogus\n{good}\nssh-ed25519 AAAA\n")
    assert "Lines 2 and 4 " in dialog.problem_label.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_pasted_secret_key_is_refused_and_never_shown(qtbot: QtBot, tmp_path: Path) -> None:
    secret, public = generate_identity()
    dialog = export(qtbot, tmp_path)
    dialog.use_keys.setChecked(True)
    dialog.recipients.setPlainText(f"{public}\n{secret}")
    assert not dialog.ok_button.isEnabled()
    assert "Line 2 is a secret key" in dialog.problem_label.text()
    assert secret not in all_text(dialog).replace(text_of(dialog.recipients), "")


def test_line_numbers_read_naturally() -> None:
    assert numbers_text([2]) == "2"
    assert numbers_text([2, 5]) == "2 and 5"
    assert numbers_text([2, 5, 7]) == "2, 5 and 7"
    assert numbers_text([2, 5, 7, 9, 11]) == "2, 5, 7 and 2 more"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("story", "story.casefile.age"),
        ("story.casefile", "story.casefile.age"),
        ("story.age", "story.casefile.age"),
        ("story.casefile.age", "story.casefile.age"),
        ("  قصة المرفأ  ", "قصة المرفأ.casefile.age"),
    ],
)
def test_the_file_name_ends_in_casefile_age(
    qtbot: QtBot, tmp_path: Path, typed: str, name: str
) -> None:
    assert SUFFIX == EXPORT_SUFFIX
    assert export_path(typed, tmp_path) == tmp_path / name
    assert export_path(str(tmp_path / typed.strip()), Path("/elsewhere")) == tmp_path / name
    dialog = export(qtbot, tmp_path)
    dialog.path.setText(f"  {tmp_path / typed.strip()}  ")
    type_passphrase(dialog)
    assert dialog.values().path == tmp_path / name
    if typed.strip() != name:
        assert name in dialog.path_note.text()


def test_where_to_save_is_checked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path)
    type_passphrase(dialog)
    dialog.path.setText("")
    assert "where to save" in dialog.problem_label.text()
    dialog.path.setText(str(tmp_path / "missing" / "x"))
    assert "does not exist" in dialog.problem_label.text()
    dialog.path.setText(str(tmp_path))
    assert "folder" in dialog.problem_label.text()
    assert export_path("", tmp_path) is None
    (tmp_path / "old.casefile.age").write_bytes(b"")
    dialog.path.setText(str(tmp_path / "old"))
    assert dialog.ok_button.isEnabled()
    assert "replaced" in dialog.path_note.text()


def test_what_never_reveal_sources_said_is_left_out_unless_ticked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = export(qtbot, tmp_path)
    type_passphrase(dialog)
    assert not dialog.include_never_reveal.isChecked()
    assert shown(dialog, dialog.include_note)
    assert not shown(dialog, dialog.include_warning)
    dialog.include_never_reveal.setChecked(True)
    assert shown(dialog, dialog.include_warning)
    assert "will be in the file" in dialog.include_warning.text()
    assert dialog.values().include_never_reveal is True


def test_a_full_export_asks_for_full_and_the_case_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path, full=True)
    assert dialog.windowTitle() == "Export FULL case — contains protected identities"
    assert shown(dialog, dialog.banner)
    assert "real names, contacts and notes" in dialog.banner.text()
    assert not shown(dialog, dialog.include_never_reveal)  # everything goes in anyway
    type_passphrase(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Type FULL" in dialog.problem_label.text()
    dialog.confirm.setText("full")
    assert not dialog.ok_button.isEnabled()
    dialog.confirm.setText("FULL")
    assert not dialog.ok_button.isEnabled()
    assert "case’s passphrase" in dialog.problem_label.text()
    dialog.case_passphrase.setText("the case passphrase")
    assert dialog.case_passphrase.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.ok_button.isEnabled(), dialog.problem()
    assert dialog.values() == ExportChoice(
        path=tmp_path / "Harbour story.casefile.age",
        passphrase=PASSPHRASE,
        recipients=(),
        include_never_reveal=True,
        case_passphrase="the case passphrase",
    )


def test_a_full_export_of_a_plain_case_asks_no_case_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = export(qtbot, tmp_path, full=True, case_encrypted=False)
    assert not shown(dialog, dialog.case_passphrase)
    dialog.generate.click()
    dialog.confirm.setText("FULL")
    assert dialog.ok_button.isEnabled()
    assert dialog.values().case_passphrase is None


def test_enter_in_a_full_export_cancels(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path, full=True)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert cancel.isDefault()
    assert not dialog.ok_button.isDefault()
    type_passphrase(dialog)
    dialog.confirm.setText("FULL")
    dialog.case_passphrase.setText("the case passphrase")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cancel.isDefault()
    assert not dialog.ok_button.isDefault()
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_redacted_export_defaults_to_export(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path)
    type_passphrase(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)


def test_export_tab_order(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path, full=True)
    order = tab_order(dialog, dialog.path, 9)
    assert order == [
        "path",
        "choose",
        "usePassphrase",
        "useKeys",
        "passphrase",
        "generate",
        "again",
        "confirm",
        "casePassphrase",
        order[-1],
    ]
    assert order[-1] != "path"  # then on to the buttons


def test_export_text_is_plain(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = export(qtbot, tmp_path, full=True)
    dialog.path.setText(str(tmp_path / HTML.replace("/", "_")))
    assert labels_are_plain(dialog)
    assert HTML.replace("/", "_") in dialog.path_note.text()
    dialog.path.setText(str(tmp_path / "قصة"))
    assert "قصة.casefile.age" in dialog.path_note.text()


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
