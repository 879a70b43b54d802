"""Sharing through the window: a redacted export that passes the redaction review, opened by a
colleague's window with a merge review; the reporter's own key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from casefile.exchange import age
from casefile.services import exchange, quotes, sharing_key, sources
from casefile.services.case import create_case, open_case
from tests import factories
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.redaction_review import RedactionReviewDialog
from ui.dialogs.sharing_key import SharingKeyDialog
from ui.main_window import MainWindow


def test_redacted_export_with_review_then_colleague_import(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path
) -> None:
    canary = factories.canary_name()
    controller.create(tmp_path / "mine.casefile", title="Mine", passphrase="case passphrase here")
    src = controller.apply(lambda s: sources.add(s, factories.protected_source(name=canary)))
    # a quote that names its own protected speaker: the review must catch it
    controller.apply(
        lambda s: quotes.add(
            s, factories.quote(text=f"I am {canary} and I saw it", source_id=src.id)
        )
    )
    target = tmp_path / "out.casefile.age"
    steps: list[str] = []

    def fill_export(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.path.setText(str(target))
        dialog.passphrase.setText("export passphrase long")
        dialog.again.setText("export passphrase long")
        steps.append("export dialog")
        on_next_modal(review)
        dialog.accept()

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, RedactionReviewDialog)
        shown: list[QLabel | QAbstractButton] = [
            *dialog.findChildren(QLabel),
            *dialog.findChildren(QAbstractButton),
        ]
        assert "its own name" in " ".join(w.text() for w in shown)  # the reason is given
        steps.append("review")
        for check in dialog.checks.values():
            check.setChecked(True)
        on_next_modal(lambda box: (steps.append("done"), box.accept()))  # type: ignore[func-returns-value]
        dialog.accept()

    on_next_modal(fill_export)
    window.commands["export"].trigger()
    qtbot.waitUntil(lambda: "done" in steps, timeout=30_000)
    assert steps == ["export dialog", "review", "done"]
    data = target.read_bytes()
    plain = age.decrypt(data, passphrase="export passphrase long")
    assert b"I am" in plain  # acknowledged: the passage left as written
    # the dialogs that took the export passphrase are deleted once answered, not left to the
    # garbage collector (which would tear them down at an arbitrary moment)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(ExportDialog) == []
    assert window.findChildren(RedactionReviewDialog) == []
    controller.close()

    # a colleague's window imports it
    controller.create(tmp_path / "theirs.casefile", title="Theirs", passphrase=None)

    def passphrase(dialog: QWidget) -> None:
        dialog.field.setText("export passphrase long")  # type: ignore[attr-defined]
        on_next_modal(lambda box: (steps.append("imported"), box.accept()))  # type: ignore[func-returns-value]
        dialog.accept()  # type: ignore[attr-defined]

    on_next_modal(passphrase)
    window.sharing.start_import(target)
    qtbot.waitUntil(lambda: "imported" in steps, timeout=30_000)
    with controller.require().read() as s:
        (imported,) = sources.list_all(s)
    assert imported.pseudonym == "a relative of a recruit" and canary not in imported.name


def test_own_key_is_made_in_an_encrypted_case_and_shown(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    controller.create(tmp_path / "k.casefile", title="K", passphrase="case passphrase here")
    shown: list[str] = []

    def create(dialog: QWidget) -> None:
        assert isinstance(dialog, SharingKeyDialog)
        dialog.create_button.click()
        shown.append(dialog.public_key() or "")
        dialog.copy.click()
        dialog.accept()

    on_next_modal(create)
    window.commands["sharing_key"].trigger()
    assert shown[0].startswith("age1")
    assert QApplication.clipboard().text() == shown[0]
    with controller.require().read() as s:
        assert sharing_key.public_key(s) == shown[0]


def test_an_export_opened_for_a_case_closed_meanwhile_is_not_merged_anywhere(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    source_case = tmp_path / "mine.casefile"
    with create_case(source_case, title="Mine", passphrase=None) as mine:
        with mine.transaction() as s:
            sources.add(s, factories.source(name="Named Colleague"))
        exchange.export_case(
            mine, tmp_path / "x.casefile.age", sealing=exchange.passphrase_sealing("pass pass 1")
        )
    controller.create(tmp_path / "theirs.casefile", title="Theirs", passphrase=None)
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    on_next_modal(read_and_close)
    window.sharing.start_import(tmp_path / "x.casefile.age", "pass pass 1")
    # the reporter opens another case before the export is decrypted: the result is delivered
    # as the first case closes, and must not be merged into the one that opens next
    controller.create(tmp_path / "other.casefile", title="Other", passphrase=None)
    assert said and "nothing was imported" in said[0]
    for name in ("theirs", "other"):
        with open_case(tmp_path / f"{name}.casefile") as case, case.read() as s:
            assert sources.list_all(s) == []
