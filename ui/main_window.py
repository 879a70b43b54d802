"""The main window: menus, toolbar, sidebar, list, detail pane and status bar. Wiring only —
work happens in the controller, the editor and the views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.domain.enums import RecordKind
from casefile.domain.errors import CasefileError, WrongPassphrase
from casefile.domain.records import MemberRef
from casefile.services import claims as claim_service
from casefile.services.case import get_case
from ui.actions import Actions, Key, fill_menu, make
from ui.analysis_menu import CaseAnalysis
from ui.case_controller import CaseController
from ui.clipboard import CaseClipboard
from ui.dialogs.new_case import NewCaseDialog
from ui.dialogs.passphrase import PassphraseDialog
from ui.editing import Editor
from ui.intake_menu import CaseIntake
from ui.modal import run_modal
from ui.models.record_table import ROW_ROLE
from ui.print_menu import CasePrinting
from ui.privacy_state import PrivacyState
from ui.security_menu import CaseSecurity
from ui.sharing_menu import CaseSharing
from ui.views.column_prefs import ColumnPrefs
from ui.views.detail import DetailPane
from ui.views.filter_bar import FilterBar
from ui.views.record_list import RecordList
from ui.views.search_results import SearchField, SearchResults
from ui.views.sidebar import SECTIONS, Sidebar

NEW_KINDS = [
    (RecordKind.SOURCE, "New &Source…", "Ctrl+Shift+S"),
    (RecordKind.QUOTE, "New &Quote…", "Ctrl+Shift+Q"),
    (RecordKind.CLAIM, "New &Number…", "Ctrl+Shift+N"),
    (RecordKind.TAG, "New &Tag…", "Ctrl+Shift+T"),
    (RecordKind.NOTE, "New N&ote…", "Ctrl+Shift+O"),
]


class MainWindow(QMainWindow):
    def __init__(self, controller: CaseController, privacy: PrivacyState) -> None:
        super().__init__()
        self.controller = controller
        self.privacy = privacy
        self.setObjectName("main_window")
        self.setWindowTitle("Casefile")
        self._fit_to_screen()
        self.undo_stack = QUndoStack(self)
        self.editor = Editor(self, controller, privacy, self.undo_stack)
        self.clipboard = CaseClipboard()
        self.sidebar = Sidebar()
        self.list = RecordList(controller, privacy)
        self.columns = ColumnPrefs(self.list, controller)
        self.results = SearchResults(controller, privacy)
        self.filter_bar = FilterBar()
        self.detail = DetailPane(controller, privacy)
        self._lay_out()
        self.commands = Actions()
        self._build_actions()
        # Each group of the Case and File menus brings its own actions (one module per job).
        self.security = CaseSecurity(self)
        self.analysis = CaseAnalysis(self)
        self.intake = CaseIntake(self)
        self.sharing = CaseSharing(self)
        self.printing = CasePrinting(self)
        self._build_menus_and_toolbar()
        self._wire()
        self._on_closed()

    def _lay_out(self) -> None:
        self.middle = QStackedWidget()
        self.middle.addWidget(self.list)
        self.middle.addWidget(self.results)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(self.filter_bar)
        center_layout.addWidget(self.middle, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([245, 640, 615])
        self.setCentralWidget(self.splitter)
        self.search = SearchField()
        self.case_label = QLabel()
        self.case_label.setObjectName("case_label")
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.case_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 800:
            self.resize(1400, 860)
            return
        self.resize(min(1500, int(screen.width() * 0.92)), min(950, int(screen.height() * 0.92)))

    # -- actions ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        a, w = self.commands, self
        keys = QKeySequence.StandardKey
        table: list[tuple[str, str, Callable[[], object], Key]] = [
            ("new_case", self.tr("&New Case…"), self.new_case, keys.New),
            ("open_case", self.tr("&Open Case…"), self.open_case_dialog, keys.Open),
            ("close_case", self.tr("&Close Case"), self.controller.close, "Ctrl+Shift+W"),
            (
                "properties",
                self.tr("Case &Properties…"),
                self.editor.edit_case_properties,
                "Ctrl+I",
            ),
            ("preferences", self.tr("P&references…"), self.edit_preferences, keys.Preferences),
            ("quit", self.tr("&Quit"), self.close, keys.Quit),
            ("copy", self.tr("&Copy"), self.copy_selection, keys.Copy),
            *[
                (f"new_{kind.value}", self.tr(text), lambda k=kind: self.new_record(k), key)
                for kind, text, key in NEW_KINDS
            ],
            (
                "new_contradiction",
                self.tr("New &Contradiction from Selection…"),
                self.new_contradiction,
                "Ctrl+Shift+C",
            ),
            ("edit", self.tr("&Edit…"), self.edit_selected, "Ctrl+E"),
            ("delete", self.tr("&Delete…"), self.delete_selected, keys.Delete),
            ("find", self.tr("&Search the Case"), self.focus_search, keys.Find),
            ("palette", self.tr("Command &Palette…"), self.show_palette, "Ctrl+K"),
            (
                "reveal",
                self.tr("Re&veal / Hide Selected Source"),
                self.toggle_reveal,
                "Ctrl+Shift+R",
            ),
            ("columns", self.tr("Choose &Columns…"), self.columns.choose, None),
            ("shortcuts", self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1"),
            *[
                (
                    f"section_{kind.value}",
                    self.tr("Go to {0}").format(title),
                    lambda k=kind: self.sidebar.select(k),
                    f"Ctrl+{i}",
                )
                for i, (kind, title) in enumerate(SECTIONS, start=1)
            ],
        ]
        for name, text, slot, key in table:
            make(w, a, name, text, slot, shortcut=key)
        make(
            w,
            a,
            "privacy",
            self.tr("P&rivacy Screen"),
            self.toggle_privacy,
            shortcut="Ctrl+Shift+P",
            checkable=True,
            tip=self.tr(
                "Hide every protected name and all contact details (screen sharing, public places)"
            ),
        )
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(keys.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(name)
            self.addAction(action)
            a.by_name[name] = action

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        fill_menu(file_menu, self.commands, ["new_case", "open_case"])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        fill_menu(file_menu, self.commands, [None, *self.intake.actions()])
        fill_menu(file_menu, self.commands, [None, *self.sharing.actions()])
        fill_menu(file_menu, self.commands, [None, *self.printing.actions()])
        fill_menu(
            file_menu,
            self.commands,
            [None, "properties", "close_case", None, "preferences", None, "quit"],
        )
        self.file_menu = file_menu
        edit_menu = bar.addMenu(self.tr("&Edit"))
        fill_menu(edit_menu, self.commands, ["undo", "redo", None, "copy", None])
        fill_menu(
            edit_menu,
            self.commands,
            [f"new_{k.value}" for k, _t, _s in NEW_KINDS]
            + ["new_contradiction", None, "edit", "delete"],
        )
        self.edit_menu = edit_menu
        view_menu = bar.addMenu(self.tr("&View"))
        fill_menu(
            view_menu,
            self.commands,
            ["find", "palette", None, "privacy", "reveal", None, "columns", None],
        )
        fill_menu(view_menu, self.commands, [f"section_{k.value}" for k, _t in SECTIONS])
        self.view_menu = view_menu
        self.case_menu = bar.addMenu(self.tr("&Case"))
        fill_menu(self.case_menu, self.commands, [*self.analysis.actions(), None])
        fill_menu(self.case_menu, self.commands, self.security.actions())
        help_menu = bar.addMenu(self.tr("&Help"))
        fill_menu(help_menu, self.commands, ["shortcuts"])
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        new_button = QToolButton()
        new_button.setText(self.tr("New"))
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(new_button)
        fill_menu(
            new_menu,
            self.commands,
            [f"new_{k.value}" for k, _t, _s in NEW_KINDS] + ["new_contradiction"],
        )
        new_button.setMenu(new_menu)
        toolbar.addWidget(new_button)
        toolbar.addAction(self.commands["edit"])
        toolbar.addAction(self.commands["delete"])
        toolbar.addSeparator()
        toolbar.addAction(self.commands["undo"])
        toolbar.addAction(self.commands["redo"])
        toolbar.addSeparator()
        toolbar.addAction(self.commands["privacy"])
        toolbar.addAction(self.commands["lock"])
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _wire(self) -> None:
        c = self.controller
        self.sidebar.section_chosen.connect(self.show_section)
        self.list.record_selected.connect(self._selected)
        self.list.record_activated.connect(self._open_editor)
        self.detail.open_record.connect(self.jump_to)
        self.detail.contradiction_page.status_requested.connect(
            self.editor.set_contradiction_status
        )
        self.detail.contradiction_page.edit_requested.connect(
            lambda rid: self.editor.edit(RecordKind.CONTRADICTION, rid)
        )
        self.results.jump.connect(self.jump_to)
        self.search.query_changed.connect(self._search)
        self.search.escaped.connect(self._end_search)
        self.search.move_down.connect(self.results.focus_first)
        self.filter_bar.filters_changed.connect(self._filters_changed)
        self.editor.record_created.connect(self.jump_to)
        c.case_opened.connect(self._on_opened)
        c.case_closed.connect(self._on_closed)
        c.records_changed.connect(lambda _c: self._refresh_counts())
        c.records_changed.connect(lambda _c: self._refresh_title())
        self.privacy.changed.connect(
            lambda: self.commands["privacy"].setChecked(self.privacy.privacy_screen)
        )

    # -- sections, selection and jumps ---------------------------------------------------------
    def show_section(self, kind: RecordKind) -> None:
        self._end_search()
        units: list[str] = []
        if kind is RecordKind.CLAIM and self.controller.is_open:
            units = self.controller.read(claim_service.units)
        self.filter_bar.show_for(kind, units)
        self.columns.show_kind(kind)
        self.detail.clear()

    def _filters_changed(self, kind: RecordKind, filters: dict[str, object]) -> None:
        self.list.set_query(replace(self.list.query(kind), filters=filters))

    def _selected(self, kind: RecordKind, record_id: str | None) -> None:
        if record_id is None:
            self.detail.clear()
        else:
            self.detail.show_record(kind, record_id)

    def jump_to(self, kind: RecordKind, record_id: str) -> None:
        """Shows a record: its section, its row (filters cleared if they hide it), its page."""
        self._end_search()
        if self.sidebar.current_kind() is not kind:
            self.sidebar.select(kind)
        if not self.list.select_id(record_id) and self.filter_bar.filters():
            self.filter_bar.reset()
            self.list.select_id(record_id)
        self.detail.show_record(kind, record_id)

    def _open_editor(self, kind: RecordKind, record_id: str) -> None:
        self.editor.edit(kind, record_id)

    def selected(self) -> tuple[RecordKind | None, list[str]]:
        return self.list.kind, [str(i) for i in self.list.selected_ids()]

    # -- search -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search(self, query: str) -> None:
        if not query.strip():
            self._end_search()
            return
        self.results.run(query)
        self.middle.setCurrentWidget(self.results)

    def _end_search(self) -> None:
        self.middle.setCurrentWidget(self.list)

    # -- editing ------------------------------------------------------------------------------
    def new_record(self, kind: RecordKind) -> None:
        """New record; a quote or number made from a source's page is linked to that source."""
        if not self.controller.is_open:
            return
        current = self.detail.current
        on_source = current is not None and current[0] is RecordKind.SOURCE
        source_id = (
            current[1]
            if on_source and kind in (RecordKind.QUOTE, RecordKind.CLAIM) and current
            else None
        )
        self.editor.new(kind, source_id=source_id)

    def new_contradiction(self) -> None:
        kind, ids = self.selected()
        if kind in (RecordKind.QUOTE, RecordKind.CLAIM):
            self.editor.new_contradiction([MemberRef(kind, i) for i in ids])  # type: ignore[arg-type]
        else:
            self.editor.new_contradiction([])

    def edit_selected(self) -> None:
        kind, ids = self.selected()
        if kind is not None and len(ids) == 1:
            self.editor.edit(kind, ids[0])

    def delete_selected(self) -> None:
        kind, ids = self.selected()
        if kind is not None and ids and self.middle.currentWidget() is self.list:
            self.editor.delete(kind, ids)

    def copy_selection(self) -> None:
        kind = self.list.kind
        if kind is None or self.list.selectionModel() is None:
            return
        model = self.list.model_for(kind)
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        values = [model.data(model.index(r, 0), ROW_ROLE) for r in rows]
        self.clipboard.copy_rows(kind, [v for v in values if v is not None])

    # -- privacy ----------------------------------------------------------------------------
    def toggle_privacy(self) -> None:
        self.privacy.set_privacy_screen(self.commands["privacy"].isChecked())

    def toggle_reveal(self) -> None:
        kind, ids = self.selected()
        if kind is RecordKind.SOURCE and len(ids) == 1:
            if self.privacy.is_revealed(ids[0]):
                self.privacy.hide(ids[0])
            else:
                self.privacy.reveal(ids[0])

    # -- dialogs ----------------------------------------------------------------------------
    def show_palette(self) -> None:
        from ui.dialogs.command_palette import CommandPalette

        palette = CommandPalette(
            self, [a for a in self.commands.all if a.objectName() != "palette"]
        )
        if run_modal(palette) == CommandPalette.DialogCode.Accepted and palette.chosen is not None:
            palette.chosen.trigger()

    def edit_preferences(self) -> None:
        from ui.dialogs.preferences import PreferencesDialog
        from ui.theme import apply_theme

        dialog = PreferencesDialog(self, settings=self.controller.settings)
        if run_modal(dialog) == PreferencesDialog.DialogCode.Accepted:
            self.controller.update_settings(dialog.values())
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self.controller.settings.theme)

    def show_shortcuts(self) -> None:
        lines = []
        for action in self.commands.all:
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if key:
                lines.append(f"{key:<18} {action.text().replace('&', '')}")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Keyboard shortcuts"),
            "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        run_modal(box)

    # -- opening ----------------------------------------------------------------------------
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
                if run_modal(dialog) != PassphraseDialog.DialogCode.Accepted:
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
        if run_modal(dialog) != NewCaseDialog.DialogCode.Accepted:
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
        run_modal(box)

    # -- state ------------------------------------------------------------------------------
    def _case_actions(self, enabled: bool) -> None:
        for name in (
            "close_case",
            "properties",
            "copy",
            "new_contradiction",
            "edit",
            "delete",
            "find",
            "reveal",
            "columns",
        ):
            self.commands[name].setEnabled(enabled)
        for kind, _t, _k in NEW_KINDS:
            self.commands[f"new_{kind.value}"].setEnabled(enabled)
        self.search.setEnabled(enabled)
        self.sidebar.setEnabled(enabled)
        self.analysis.set_enabled(enabled)
        self.intake.set_enabled(enabled)
        self.sharing.set_enabled(enabled)
        self.printing.set_enabled(enabled)

    def _on_opened(self) -> None:
        self.undo_stack.clear()
        self._refresh_title()
        self.show_case_state()
        self._case_actions(True)
        self._refresh_counts()
        self.sidebar.select(self.sidebar.current_kind() or RecordKind.SOURCE)
        self.show_section(self.sidebar.current_kind() or RecordKind.SOURCE)

    def show_case_state(self) -> None:
        """The status bar: which file, and whether it is encrypted (always visible)."""
        case = self.controller.case
        if case is None:
            return
        lock = self.tr("🔒 Encrypted") if case.encrypted else self.tr("⚠ NOT ENCRYPTED")
        self.case_label.setText(f"{lock}   {case.path}")
        self.case_label.setProperty("encrypted", case.encrypted)
        self.case_label.style().unpolish(self.case_label)
        self.case_label.style().polish(self.case_label)

    def _refresh_title(self) -> None:
        if self.controller.is_open:
            title = self.controller.read(get_case).title
            self.setWindowTitle(f"{title} — Casefile")

    def _on_closed(self) -> None:
        self.undo_stack.clear()
        self.clipboard.clear_if_ours()
        self.privacy.forget()
        self.setWindowTitle("Casefile")
        self.case_label.setText(self.tr("No case open — File ▸ New Case or Open Case"))
        self.counts_label.setText("")
        self.search.clear()
        self._end_search()
        self.detail.clear()
        self._case_actions(False)
        self.sidebar.show_counts(None)

    def _refresh_counts(self) -> None:
        counts = self.controller.counts()
        self.sidebar.show_counts(counts)
        if counts is not None:
            self.counts_label.setText(
                f"{counts.sources:,} sources · {counts.quotes:,} quotes · "
                f"{counts.claims:,} numbers · {counts.open_contradictions:,} open contradictions"
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.security.idle.stop()
        self.controller.close()
        super().closeEvent(event)
