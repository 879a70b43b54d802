"""The scripted reporter session through the real window (pytest-qt): an encrypted case with
canary-named protected sources, their quotes, numbers and a contradiction, a document taken in,
an edit undone, a search, redacted and full exports and printouts, a colleague's export
imported, lock and unlock, close. Then every file under the private HOME, XDG and temp folders,
and everything written to stdout and stderr, is scanned for the canaries in UTF-8, UTF-16,
case-folded and NFKD forms. Only the encrypted case (unreadable raw) and the full export and
printout may hold them — and the full ones must (positive control)."""

from __future__ import annotations

import logging
import subprocess
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from casefile import logs
from casefile.domain.enums import Protection, RecordKind
from casefile.exchange import age
from casefile.privacy.policy import Audience
from casefile.report import PrintDocument
from casefile.services import claims, contradictions, exchange, quotes, sources
from casefile.services.case import create_case
from tests import factories
from tests.security.traces import hits, scan_tree
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.passphrase import PassphraseDialog
from ui.main_window import MainWindow
from ui.print_preview import PrintFlow, PrintRequest

PASS = "correct horse battery staple"
EXPORT_PASS = "export passphrase long enough"


def accept(fill: Any) -> Any:
    def act(dialog: QWidget) -> None:
        fill(dialog)
        assert isinstance(dialog, QDialog)
        dialog.accept()

    return act


def save_to(flow: PrintFlow, pdf: Path, document: PrintDocument) -> None:
    flow.save_pdf(document, pdf)


@pytest.mark.slow
def test_a_day_in_the_window_leaves_no_trace(
    window: MainWindow,
    controller: CaseController,
    qtbot: QtBot,
    tmp_path: Path,
    private_home: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    work = tmp_path / "work"
    work.mkdir()
    log_file = logs.configure("DEBUG")
    names = [factories.canary_name(), factories.canary_name()]
    phone = factories.canary_phone()
    canaries = [*names, phone]
    try:
        controller.backup_root = private_home / "backups"
        case_path = work / "story.casefile"
        controller.create(case_path, title="Story", passphrase=PASS)
        window.show()
        # two protected sources through the source dialog
        ids = []
        for name, protection, pseudonym in (
            (names[0], Protection.ANONYMOUS, "a relative"),
            (names[1], Protection.NEVER_REVEAL, "an insider"),
        ):

            def fill(
                d: Any, n: str = name, p: Protection = protection, ps: str = pseudonym
            ) -> None:
                d.name.setText(n)
                d.pseudonym.setText(ps)
                d.protection.set_value(p)
                d.contact.setPlainText(phone)

            on_next_modal(accept(fill))
            window.commands["new_source"].trigger()
            assert window.detail.current is not None
            ids.append(window.detail.current[1])
        # quotes and numbers from the first source's page
        window.jump_to(RecordKind.SOURCE, ids[0])
        on_next_modal(
            accept(lambda d: d.text.setPlainText("They promised us two thousand dollars"))
        )
        window.commands["new_quote"].trigger()
        for value in ("2000", "900"):
            window.jump_to(RecordKind.SOURCE, ids[0] if value == "2000" else ids[1])

            def fill_claim(d: Any, v: str = value) -> None:
                d.subject.setText("monthly pay")
                d.value.setText(v)
                d.unit.setCurrentText("USD")

            on_next_modal(accept(fill_claim))
            window.commands["new_claim"].trigger()
        # a contradiction found by the machine, and a document taken in
        window.analysis.detect()
        qtbot.waitUntil(lambda: controller.read(contradictions.count) == 1, timeout=20_000)
        from casefile.services import intake

        task = window.intake.start(
            None, intake.read_text('"We were paid late," said Lucas Ferreira.', title="Note")
        )
        qtbot.waitUntil(lambda: window.intake.review is not None, timeout=20_000)
        assert task is not None
        window.intake.review.accept_all()  # type: ignore[union-attr]
        window.intake.review.close()  # type: ignore[union-attr]
        # an edit, undone
        quote_id = controller.read(lambda s: quotes.list_all(s, source_id=ids[0]))[0].id
        window.jump_to(RecordKind.QUOTE, quote_id)
        on_next_modal(
            accept(lambda d: d.text.setPlainText("They promised us one thousand dollars"))
        )
        window.commands["edit"].trigger()
        window.commands["undo"].trigger()
        assert controller.read(lambda s: quotes.get(s, quote_id)).text.startswith(
            "They promised us two"
        )
        # a search for a protected name (masked in the results)
        window.search.setText(names[0].split()[0])
        window.search.flush()
        window.search.escaped.emit()
        # exports: redacted, then full
        for full, target in (
            (False, work / "red.casefile.age"),
            (True, work / "full.casefile.age"),
        ):

            def fill_export(d: Any, f: bool = full, t: Path = target) -> None:
                assert isinstance(d, ExportDialog)
                d.path.setText(str(t))
                d.passphrase.setText(EXPORT_PASS)
                d.again.setText(EXPORT_PASS)
                if f:
                    d.confirm.setText("FULL")
                    d.case_passphrase.setText(PASS)
                on_next_modal(lambda box: box.accept())  # "export written"

            on_next_modal(accept(fill_export))
            window.commands["export_full" if full else "export"].trigger()
            qtbot.waitUntil(target.exists, timeout=30_000)
        # printouts: redacted and full, of the first source
        for audience, pdf in (
            (Audience.REDACTED, work / "red.pdf"),
            (Audience.FULL, work / "full.pdf"),
        ):
            if audience is Audience.FULL:
                on_next_modal(lambda box: box.button(box.StandardButton.Ok).click())
            flow = window.printing.flow
            flow.build(PrintRequest(ids[0], audience), partial(save_to, flow, pdf))
            qtbot.waitUntil(pdf.exists, timeout=30_000)
        # a colleague's export comes in
        colleague = work / "colleague.casefile"
        with (
            create_case(colleague, title="Colleague", passphrase=None) as other,
            other.transaction() as s,
        ):
            sources.add(s, factories.source(name="Colleague Named Source"))
        with create_case(work / "c2.casefile", title="C2", passphrase=None) as other:
            pass
        from casefile.services.case import open_case

        with open_case(colleague) as other:
            exchange.export_case(
                other,
                work / "from-colleague.casefile.age",
                sealing=exchange.passphrase_sealing(EXPORT_PASS, log2_work=10),
                acknowledged=True,
            )

        def import_passphrase(dialog: PassphraseDialog) -> None:
            dialog.field.setText(EXPORT_PASS)
            on_next_modal(lambda box: box.accept())
            dialog.accept()

        on_next_modal(import_passphrase)
        window.sharing.start_import(work / "from-colleague.casefile.age")
        qtbot.waitUntil(lambda: controller.read(sources.count) >= 4, timeout=30_000)
        # lock, unlock, close
        on_next_modal(
            accept(lambda d: d.field.setText(PASS) if isinstance(d, PassphraseDialog) else None)
        )
        window.commands["lock"].trigger()
        assert controller.is_open
        assert controller.read(claims.count) >= 2
        controller.close()
        window.close()
    finally:
        logging.getLogger("casefile").handlers.clear()
        logging.getLogger("ui").handlers.clear()
    # positive controls
    full_text = subprocess.run(
        ["pdftotext", str(work / "full.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert names[0].split()[1] in full_text
    assert names[0].encode() in age.decrypt(
        (work / "full.casefile.age").read_bytes(), passphrase=EXPORT_PASS
    )
    # the scan
    allowed = [case_path, work / "full.casefile.age", work / "full.pdf"]
    found = {
        **scan_tree(private_home, canaries),
        **scan_tree(temp, canaries),
        **scan_tree(work, canaries, allowed=allowed),
    }
    assert found == {}, found
    out, err = capfd.readouterr()
    assert hits(out.encode(), canaries) == [] and hits(err.encode(), canaries) == []
    assert log_file.exists() and log_file.stat().st_size > 0
