"""The export dialog alone: passphrase typed, generated or colleagues' keys; where to save;
redacted or full. Plain values in, plain values out, text shown as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from casefile.exchange.age import generate_identity
from casefile.exchange.passphrase import load_wordlist
from casefile.services.exchange import EXPORT_SUFFIX
from tests.ui.sharing_dialogs import (
    HTML,
    PASSPHRASE,
    all_text,
    labels_are_plain,
    shown,
)
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
from ui.widgets.fields import text_of

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
