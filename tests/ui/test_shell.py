"""The window shell: opens a case, shows its title and counts, lists its sources lazily."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casefile.domain.enums import RecordKind
from casefile.services import sources
from casefile.services.case import create_case
from tests import factories
from ui.case_controller import CaseController
from ui.dialogs.new_case import NewCaseDialog
from ui.main_window import MainWindow
from ui.models.record_table import ID_ROLE


def test_opening_the_sample_shows_title_counts_and_sources(
    window: MainWindow, sample_path: Path
) -> None:
    assert window.open_path(sample_path)
    assert "Harbour Road recruits" in window.windowTitle()
    assert "Sources  5" in window.sidebar.item_text(RecordKind.SOURCE)
    assert "3 open" in window.sidebar.item_text(RecordKind.CONTRADICTION)
    assert "NOT ENCRYPTED" in window.case_label.text()
    model = window.list.model_for(RecordKind.SOURCE)
    names = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert "سمير الحلبي" in names
    assert "a relative of a recruit" in names  # masked: the pseudonym, not the real name
    assert "Lina Marcovic" not in names


def test_the_source_model_passes_qtmodeltester(
    qtmodeltester: object, window: MainWindow, sample_path: Path
) -> None:
    window.open_path(sample_path)
    model = window.list.model_for(RecordKind.SOURCE)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.parametrize("count", [0, 1, 250])
def test_rows_are_fetched_in_pages(
    window: MainWindow, controller: CaseController, tmp_path: Path, count: int
) -> None:
    path = tmp_path / "many.casefile"
    with create_case(path, title="Many", passphrase=None) as case, case.transaction() as s:
        for i in range(count):
            sources.add(s, factories.source(name=f"Source {i:04d}"))
    window.open_path(path)
    model = window.list.model_for(RecordKind.SOURCE)
    assert model.rowCount() == count
    if count:
        model.fetch_count = 0
        assert model.data(model.index(count - 1, 0)) == f"Source {count - 1:04d}"
        assert model.data(model.index(0, 0)) == "Source 0000"
        assert model.fetch_count <= 2
        assert model.data(model.index(0, 0), ID_ROLE) is not None


def test_an_edit_elsewhere_repaints_the_row(
    window: MainWindow, controller: CaseController, sample_path: Path, qtbot: QtBot
) -> None:
    from dataclasses import replace

    window.open_path(sample_path)
    model = window.list.model_for(RecordKind.SOURCE)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "سمير الحلبي")
    rid = model.id_at(row)
    assert rid is not None
    with qtbot.waitSignal(model.dataChanged):
        controller.apply(
            lambda s: sources.update(
                s, rid, replace(sources.get(s, rid).draft(), name="Samir Halabi")
            )
        )
    assert model.data(model.index(row, 0)) == "Samir Halabi"
    assert "Sources  5" in window.sidebar.item_text(RecordKind.SOURCE)


def test_close_clears_the_window(
    window: MainWindow, controller: CaseController, sample_path: Path
) -> None:
    window.open_path(sample_path)
    window.commands["close_case"].trigger()
    assert not controller.is_open
    assert window.windowTitle() == "Casefile"
    assert window.list.model_for(RecordKind.SOURCE).rowCount() == 0
    assert not window.commands["close_case"].isEnabled()


def test_recent_files_remember_paths_only(
    window: MainWindow, controller: CaseController, sample_path: Path
) -> None:
    window.open_path(sample_path)
    assert controller.settings.recent_files == (str(sample_path),)
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == [sample_path.name]


def test_new_case_dialog_values(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewCaseDialog(None, folder=tmp_path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    dialog.title.setText("Harbour")
    dialog.path.setText(str(tmp_path / "harbour"))
    assert dialog.problem() != ""  # encrypted by default: needs a passphrase
    dialog.passphrase.setText("correct horse battery")
    dialog.confirm.setText("correct horse battery")
    assert dialog.problem() == ""
    values = dialog.values()
    assert values.path == tmp_path / "harbour.casefile"
    assert values.passphrase == "correct horse battery"
    dialog.encrypt.setChecked(False)
    assert dialog.values().passphrase is None
    assert "anyone" in dialog.warning.text()
    assert ok is not None


def test_creating_an_encrypted_case_from_the_window(
    window: MainWindow, controller: CaseController, tmp_path: Path
) -> None:
    controller.create(
        tmp_path / "w.casefile", title="Window case", passphrase="long enough passphrase"
    )
    assert controller.is_open and controller.require().encrypted
    assert "Encrypted" in window.case_label.text()
