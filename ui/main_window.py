"""The main window: menus, toolbar, sidebar, list and detail pane. Wiring only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from casefile.domain.enums import RecordKind
from casefile.domain.errors import CasefileError, WrongPassphrase
from casefile.settings import data_dir
from ui.case_controller import CaseController
from ui.dialogs.new_case import NewCaseDialog
from ui.dialogs.passphrase import PassphraseDialog
from ui.privacy_state import PrivacyState
from ui.views.detail import DetailPane
from ui.views.record_list import RecordList
from ui.views.sidebar import Sidebar


class MainWindow(QMainWindow):
    def __init__(self, controller: CaseController, privacy: PrivacyState) -> None:
        super().__init__()
        self.controller = controller
        self.privacy = privacy
        self.setWindowTitle("Casefile")
        self.resize(1280, 800)
        self.sidebar = Sidebar()
        self.list = RecordList(controller, privacy)
        self.detail = DetailPane()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.case_label = QLabel()
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.case_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self.sidebar.section_chosen.connect(self.list.show_kind)
        self.list.record_selected.connect(self._show_record)
        controller.case_opened.connect(self._on_opened)
        controller.case_closed.connect(self._on_closed)
        controller.records_changed.connect(lambda _c: self._refresh_counts())
        self._on_closed()

    # -- menus ------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self.tr(text), self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action("&New Case…", self.new_case, QKeySequence.StandardKey.New)
        self.open_action = self._action(
            "&Open Case…", self.open_case_dialog, QKeySequence.StandardKey.Open
        )
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.close_action = self._action("&Close Case", self.controller.close, "Ctrl+Shift+W")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        settings = self.controller.settings
        if not settings.recent_files_enabled:
            self.recent_menu.addAction(self.tr("(recent files are turned off)")).setEnabled(False)
            return
        paths = [Path(p) for p in settings.recent_files]
        if not paths:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))

    # -- opening ----------------------------------------------------------------------------
    def open_case_dialog(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open case"),
            str(Path.home()),
            self.tr("Case files (*.casefile);;All files (*)"),
        )
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        """Opens a case, asking for its passphrase as often as needed. False if not opened."""
        try:
            if not self.controller.needs_passphrase(path):
                self.controller.open(path)
                return True
            error = ""
            while True:
                dialog = PassphraseDialog(self, case_name=path.name, error=error)
                if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
                    return False
                try:
                    self.controller.open(path, dialog.passphrase())
                    return True
                except WrongPassphrase as wrong:
                    error = str(wrong)
        except CasefileError as problem:
            self.show_error(self.tr("Could not open the case"), str(problem))
            return False

    def new_case(self) -> None:
        dialog = NewCaseDialog(self, folder=Path.home())
        if dialog.exec() != NewCaseDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        try:
            self.controller.create(values.path, title=values.title, passphrase=values.passphrase)
        except CasefileError as problem:
            self.show_error(self.tr("Could not create the case"), str(problem))

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    # -- state ------------------------------------------------------------------------------
    def _on_opened(self) -> None:
        case = self.controller.require()
        from casefile.services.case import get_case

        info = self.controller.read(get_case)
        self.setWindowTitle(f"{info.title} — Casefile")
        lock = "🔒 Encrypted" if case.encrypted else "⚠ Not encrypted"
        self.case_label.setText(f"{lock}   {case.path}")
        self.case_label.setProperty("encrypted", case.encrypted)
        self.close_action.setEnabled(True)
        self.sidebar.setEnabled(True)
        self._refresh_counts()
        if self.sidebar.current_kind() is None:
            self.sidebar.select(RecordKind.SOURCE)
        else:
            self.list.show_kind(self.sidebar.current_kind() or RecordKind.SOURCE)

    def _on_closed(self) -> None:
        self.setWindowTitle("Casefile")
        self.case_label.setText(self.tr("No case open — File ▸ New Case or Open Case"))
        self.counts_label.setText("")
        self.detail.show_text("")
        self.close_action.setEnabled(False)
        self.sidebar.show_counts(None)
        self.sidebar.setEnabled(False)

    def _refresh_counts(self) -> None:
        counts = self.controller.counts()
        self.sidebar.show_counts(counts)
        if counts is not None:
            self.counts_label.setText(
                f"{counts.sources:,} sources · {counts.quotes:,} quotes · "
                f"{counts.claims:,} numbers · {counts.open_contradictions:,} open contradictions"
            )

    def _show_record(self, kind: RecordKind, record_id: str | None) -> None:
        if record_id is None:
            self.detail.show_text("")
            return
        model = self.list.model_for(kind)
        row = model.row_value(model.row_of(record_id))
        if row is None:
            self.detail.show_text("")
            return
        lines = [f"{c.title}: {c.display(row, self.privacy)}" for c in model.columns]
        self.detail.show_text("\n".join(lines))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.close()
        super().closeEvent(event)


def default_case_folder() -> Path:
    return data_dir()


def _unused(_: QWidget) -> None:
    return None
