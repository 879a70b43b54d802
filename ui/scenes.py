"""Opens the window on a fresh copy of the sample case at a named scene, for screenshots and
manual checks: `python -m ui.scenes SCENE [--dark]`.

Scenes: sources, quotes, numbers, contradictions, documents, tags, notes, source-arabic,
source-protected, ledger, search, intake, palette, privacy.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from casefile.domain.enums import Protection, RecordKind
from casefile.sample import build_sample
from casefile.services import contradictions, documents, intake, sources
from casefile.settings import Settings
from ui.case_controller import CaseController
from ui.main_window import MainWindow
from ui.privacy_state import PrivacyState
from ui.style import apply_style
from ui.theme import apply_theme

SECTIONS = {
    "sources": RecordKind.SOURCE,
    "quotes": RecordKind.QUOTE,
    "numbers": RecordKind.CLAIM,
    "contradictions": RecordKind.CONTRADICTION,
    "documents": RecordKind.DOCUMENT,
    "tags": RecordKind.TAG,
    "notes": RecordKind.NOTE,
}


def main(argv: list[str]) -> int:
    scene = argv[0] if argv else "sources"
    if "--dark" in argv:
        os.environ["CASEFILE_THEME"] = "dark"
    app = QApplication(sys.argv[:1])
    apply_theme(app, "system")
    apply_style(app)
    folder = Path(tempfile.mkdtemp(prefix="casefile-scene-"))
    path = folder / "Sample case.casefile"
    build_sample(path).close()
    controller = CaseController(Settings(display_name="Reporter"), persist_settings=False)
    window = MainWindow(controller, PrivacyState())
    window.show()
    window.open_path(path)
    QTimer.singleShot(300, lambda: stage(window, controller, scene))
    return app.exec()


def stage(window: MainWindow, controller: CaseController, scene: str) -> None:
    if scene in SECTIONS:
        window.sidebar.select(SECTIONS[scene])
        window.list.selectRow(0)
        return
    everyone = controller.read(sources.list_all)
    if scene in ("source-arabic", "source-protected", "privacy"):
        wanted = Protection.NAMED if scene == "source-arabic" else Protection.ANONYMOUS
        chosen = next(
            s
            for s in everyone
            if s.protection is wanted and (scene != "source-arabic" or not s.name.isascii())
        )
        window.jump_to(RecordKind.SOURCE, chosen.id)
        if scene == "privacy":
            window.commands["privacy"].setChecked(True)
        return
    if scene == "ledger":
        ledger = controller.read(contradictions.list_all)
        window.jump_to(RecordKind.CONTRADICTION, ledger[0].id)
        return
    if scene == "search":
        window.search.setText("month")
        window.search.flush()
        return
    if scene == "palette":
        QTimer.singleShot(100, window.show_palette)
        return
    if scene == "intake":
        docs = controller.read(documents.list_info)
        document = controller.read(lambda s: documents.get(s, docs[0].id))
        from ui.views.intake_review import IntakeReview

        review = IntakeReview(
            window,
            controller=controller,
            editor=window.editor,
            document=document,
            result=intake.propose(document.text),
        )
        review.show()
        review.list.setCurrentRow(1)
        window._scene_review = review  # type: ignore[attr-defined]  # keep it alive


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
