"""Real workflows through the window: build a source with quotes and a number, edit, undo,
delete with confirmation, search and jump, reveal and mask, copy, palette — checking both what
the widgets show and what the case file holds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from casefile.domain.enums import Protection, RecordKind
from casefile.services import claims, quotes, sources
from casefile.services.case import open_case
from tests import factories
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.dialogs.claim_dialog import ClaimDialog
from ui.dialogs.source_dialog import SourceDialog
from ui.main_window import MainWindow


@pytest.fixture
def opened(window: MainWindow, controller: CaseController, tmp_path: Path) -> MainWindow:
    controller.create(tmp_path / "work.casefile", title="Workbench case", passphrase=None)
    return window


def accept_with(fill):  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        fill(dialog)
        assert isinstance(dialog, QDialog)
        dialog.accept()

    return act


def add_source(
    window: MainWindow, name: str, pseudonym: str, protection: Protection, contact: str = ""
) -> str:
    def fill(d: SourceDialog) -> None:
        d.name.setText(name)
        d.pseudonym.setText(pseudonym)
        d.protection.set_value(protection)
        d.contact.setPlainText(contact)

    on_next_modal(accept_with(fill))
    window.commands["new_source"].trigger()
    assert window.detail.current is not None and window.detail.current[0] is RecordKind.SOURCE
    return window.detail.current[1]


def test_build_edit_undo_delete_a_source_with_quotes_and_a_number(
    opened: MainWindow, controller: CaseController, qtbot: QtBot
) -> None:
    window = opened
    canary = factories.canary_name()
    sid = add_source(
        window, canary, "a relative of a recruit", Protection.ANONYMOUS, "+44 7700 900123"
    )
    # the list and the page show the pseudonym, never the name
    model = window.list.model_for(RecordKind.SOURCE)
    assert model.data(model.index(0, 0)) == "a relative of a recruit"
    assert window.detail.source_page.title.text() == "a relative of a recruit"
    with controller.require().read() as s:
        assert sources.get(s, sid).name == canary

    for text in ("They promised us two thousand dollars", "He has not been paid once"):
        on_next_modal(accept_with(lambda d, t=text: d.text.setPlainText(t)))
        window.jump_to(RecordKind.SOURCE, sid)  # from the source's page: the quote is linked
        window.commands["new_quote"].trigger()

    def fill_claim(d: ClaimDialog) -> None:
        d.subject.setText("monthly pay")
        d.value.setText("2000")
        d.unit.setCurrentText("USD")

    window.jump_to(RecordKind.SOURCE, sid)
    on_next_modal(accept_with(fill_claim))
    window.commands["new_claim"].trigger()
    with controller.require().read() as s:
        assert {q.text for q in quotes.list_all(s, source_id=sid)} == {
            "They promised us two thousand dollars",
            "He has not been paid once",
        }
        (claim,) = claims.list_all(s, source_id=sid)
        assert (claim.value, claim.unit) == (Decimal(2000), "USD")
    window.jump_to(RecordKind.SOURCE, sid)
    page = window.detail.source_page
    assert len(page.quotes.links()) == 2 and len(page.claims.links()) == 1

    # edit a quote, undo, redo
    quote_id = next(q[1] for q in page.quotes.links() if "promised" in q[2])
    window.jump_to(RecordKind.QUOTE, quote_id)
    on_next_modal(
        accept_with(lambda d: d.text.setPlainText("They promised us one thousand dollars"))
    )
    window.commands["edit"].trigger()
    assert "one thousand" in window.detail.quote_page.text.text()
    window.commands["undo"].trigger()
    with controller.require().read() as s:
        assert quotes.get(s, quote_id).text == "They promised us two thousand dollars"
    window.commands["redo"].trigger()
    with controller.require().read() as s:
        assert quotes.get(s, quote_id).text == "They promised us one thousand dollars"

    # delete the source: the confirmation defaults to Cancel
    window.jump_to(RecordKind.SOURCE, sid)

    def press_default(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.escapeButton()  # Cancel
        box.defaultButton().click()

    on_next_modal(press_default)
    window.commands["delete"].trigger()
    with controller.require().read() as s:
        assert sources.count(s) == 1

    def unlink_and_delete(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if "Unlink" in b.text()]
        button.click()

    on_next_modal(unlink_and_delete)
    window.commands["delete"].trigger()
    with controller.require().read() as s:
        assert sources.count(s) == 0
        assert quotes.get(s, quote_id).source_id is None
    window.commands["undo"].trigger()
    with controller.require().read() as s:
        assert sources.get(s, sid).name == canary
        assert quotes.get(s, quote_id).source_id == sid
    assert "Sources  1" in window.sidebar.item_text(RecordKind.SOURCE)


def test_search_jumps_to_the_result(opened: MainWindow, controller: CaseController) -> None:
    src = controller.apply(lambda s: sources.add(s, factories.source(name="Lucas Ferreira")))
    q = controller.apply(
        lambda s: quotes.add(
            s, factories.quote(text="We were told it was temporary", source_id=src.id)
        )
    )
    window = opened
    window.focus_search()
    window.search.setText("tempor")
    window.search.flush()
    assert window.middle.currentWidget() is window.results
    top = window.results.topLevelItem(0)
    assert top is not None and top.text(0).startswith("Quotes (1)")
    item = top.child(0)
    assert item is not None
    assert "temporary" in item.text(0) and item.text(1) == "Lucas Ferreira"
    window.results.itemActivated.emit(item, 0)
    assert window.middle.currentWidget() is window.list
    assert window.list.kind is RecordKind.QUOTE
    assert window.list.selected_ids() == [q.id]
    assert window.detail.current == (RecordKind.QUOTE, q.id)


def test_reveal_privacy_screen_and_copy(
    opened: MainWindow, controller: CaseController, qtbot: QtBot
) -> None:
    canary, phone = factories.canary_name(), factories.canary_phone()
    src = controller.apply(
        lambda s: sources.add(s, factories.protected_source(name=canary, contact=phone))
    )
    window = opened
    window.sidebar.select(RecordKind.SOURCE)
    window.jump_to(RecordKind.SOURCE, src.id)
    page = window.detail.source_page
    assert page.title.text() == "a relative of a recruit"
    assert phone not in repr([page.fields.value(t) for t in ("Contact",)])
    page.reveal.click()
    assert page.title.text() == canary
    assert page.fields.value("Contact") == phone
    model = window.list.model_for(RecordKind.SOURCE)
    assert model.data(model.index(0, 0)) == canary
    # copy puts the pseudonym on the clipboard, even while revealed
    window.list.selectRow(0)
    window.commands["copy"].trigger()
    assert QApplication.clipboard().text() == "a relative of a recruit"
    # the privacy screen masks everything again, contacts too
    window.commands["privacy"].setChecked(True)
    assert page.title.text() == "a relative of a recruit"
    assert page.fields.value("Contact") == "••••••"
    assert model.data(model.index(0, 0)) == "a relative of a recruit"
    assert not page.reveal.isEnabled()
    window.commands["privacy"].setChecked(False)
    # closing the case clears the clipboard it filled and forgets reveals
    controller.close()
    assert QApplication.clipboard().text() == ""
    assert not window.privacy.is_revealed(src.id)


def test_palette_finds_and_runs_actions(opened: MainWindow, controller: CaseController) -> None:
    from ui.dialogs.command_palette import CommandPalette, fuzzy_score

    assert fuzzy_score("nq", "New Quote") is not None
    assert fuzzy_score("nq", "New Quote") > (fuzzy_score("nq", "Unlink quote") or -999)  # type: ignore[operator]
    assert fuzzy_score("zz", "New Quote") is None
    palette = CommandPalette(opened, opened.commands.all)
    palette.query.setText("new tag")
    assert palette.labels()[0].startswith("New Tag")

    def run_palette(dialog: QWidget) -> None:
        assert isinstance(dialog, CommandPalette)
        dialog.query.setText("prefs")
        assert dialog.labels()[0].startswith("Preferences")
        dialog.query.setText("privacy scr")
        dialog.accept_current()

    on_next_modal(run_palette)
    opened.commands["palette"].trigger()
    assert opened.privacy.privacy_screen


def test_filters_apply_in_sql(opened: MainWindow, controller: CaseController) -> None:
    from casefile.domain.enums import QuoteStatus

    def add(s: object) -> None:
        quotes.add(s, factories.quote(text="Confirmed words", status=QuoteStatus.CONFIRMED))  # type: ignore[arg-type]
        quotes.add(s, factories.quote(text="Unverified words"))  # type: ignore[arg-type]

    controller.apply(add)
    window = opened
    window.sidebar.select(RecordKind.QUOTE)
    model = window.list.model_for(RecordKind.QUOTE)
    assert model.rowCount() == 2
    window.filter_bar.set_filter("status", QuoteStatus.CONFIRMED)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Confirmed words"
    window.filter_bar.reset()
    assert model.rowCount() == 2


def test_case_file_reopens_with_everything_the_window_saved(
    opened: MainWindow, controller: CaseController
) -> None:
    sid = add_source(opened, "سمير الحلبي", "", Protection.NAMED)
    path = controller.require().path
    controller.close()
    with open_case(path) as case, case.read() as s:
        assert sources.get(s, sid).name == "سمير الحلبي"
        assert sources.get(s, sid).created_by == "Test Reporter"


def test_hidden_columns_are_remembered_per_section(
    opened: MainWindow, controller: CaseController, privacy: object
) -> None:
    opened.show_section(RecordKind.QUOTE)
    opened.columns.show_column(1, False)
    assert opened.list.isColumnHidden(1)
    assert RecordKind.QUOTE.value in controller.settings.column_state
    # another section keeps its own columns; coming back restores the hidden one
    opened.show_section(RecordKind.SOURCE)
    assert not opened.list.isColumnHidden(1)
    opened.show_section(RecordKind.QUOTE)
    assert opened.list.isColumnHidden(1)
    # a new window on the same settings starts with the column hidden
    fresh = MainWindow(controller, opened.privacy)
    fresh.show_section(RecordKind.QUOTE)
    assert fresh.list.isColumnHidden(1)
    fresh.columns.show_column(1, True)
    assert not fresh.list.isColumnHidden(1)
    fresh.deleteLater()
