"""Widgets built for real, offscreen, on real case files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casefile.sample import build_sample
from casefile.services.case import FAST_TEST_PARAMS
from casefile.settings import Settings
from ui.case_controller import CaseController
from ui.main_window import MainWindow
from ui.privacy_state import PrivacyState


@pytest.fixture
def controller() -> Iterator[CaseController]:
    made = CaseController(
        Settings(display_name="Test Reporter"), kdf=FAST_TEST_PARAMS, persist_settings=False
    )
    yield made
    made.close()


@pytest.fixture
def privacy() -> PrivacyState:
    return PrivacyState()


@pytest.fixture
def window(qtbot: QtBot, controller: CaseController, privacy: PrivacyState) -> MainWindow:
    win = MainWindow(controller, privacy)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "sample.casefile"
    build_sample(path).close()
    return path
