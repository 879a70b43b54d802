"""File ▸ Print: a source's summary or the case summary — preview, print, save as PDF —
redacted by default; the FULL printout is a separate action behind a confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from casefile.domain.enums import RecordKind
from casefile.privacy.policy import Audience
from ui.actions import make
from ui.print_preview import PrintFlow, PrintRequest

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class CasePrinting(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.flow = PrintFlow(window.controller, window)
        self.flow.failed.connect(
            lambda message: window.show_error(self.tr("Could not print"), message)
        )
        self.flow.saved.connect(
            lambda path: window.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        )
        a, w = window.commands, window
        make(
            w,
            a,
            "print_preview",
            self.tr("Print Pre&view…"),
            lambda: self._run("preview"),
            shortcut="Ctrl+Shift+F2",
        )
        make(w, a, "print", self.tr("&Print…"), lambda: self._run("print"), shortcut="Ctrl+P")
        make(
            w,
            a,
            "save_pdf",
            self.tr("Save as P&DF…"),
            lambda: self._run("save"),
            shortcut="Ctrl+Shift+D",
        )
        make(
            w,
            a,
            "print_full",
            self.tr("Save FULL Printout as PDF (with Protected Identities)…"),
            self._full,
        )

    def actions(self) -> list[str | None]:
        return ["print_preview", "print", "save_pdf", "print_full"]

    def set_enabled(self, enabled: bool) -> None:
        for name in self.actions():
            if name is not None:
                self.window.commands[name].setEnabled(enabled)

    def request(self, audience: Audience = Audience.REDACTED) -> PrintRequest:
        """The selected source's summary when a source is shown, else the case summary."""
        current = self.window.detail.current
        source_id = current[1] if current is not None and current[0] is RecordKind.SOURCE else None
        return PrintRequest(source_id=source_id, audience=audience)

    def _run(self, how: str) -> None:
        request = self.request()
        {"preview": self.flow.preview, "print": self.flow.print, "save": self.flow.save}[how](
            request
        )

    def _full(self) -> None:
        self.flow.save(self.request(Audience.FULL))
