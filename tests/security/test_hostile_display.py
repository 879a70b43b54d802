"""SECURITY.md test 15 / issue 9: hostile text is shown literally everywhere and never makes a
request. HTML with a beacon image, links, bidi overrides, zero-width characters and a
100k-character line go into every kind of record; the window shows every section, page,
search result and editor; a loopback server started here must see zero requests."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from casefile.domain.enums import RecordKind
from casefile.domain.records import (
    ContradictionDraft,
    DocumentDraft,
    MemberRef,
    NoteDraft,
    TagDraft,
)
from casefile.services import claims, contradictions, documents, notes, quotes, sources, tags
from tests import factories
from tests.ui.modal import on_next_modal
from ui.case_controller import CaseController
from ui.main_window import MainWindow


class Beacon(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Beacon.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def beacon() -> Iterator[int]:
    Beacon.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), Beacon)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def hostile(port: int) -> str:
    return (
        f'<img src="http://127.0.0.1:{port}/x"><a href="http://127.0.0.1:{port}/link">click</a>'
        f'<b>bold</b> <a href="file:///etc/passwd">file</a> <style>body{{background:url(http://127.0.0.1:{port}/css)}}</style>'
        " \u202eevil\u202c zero\u200bwidth"
    )


def fill(controller: CaseController, port: int) -> None:
    html = hostile(port)
    # one-line fields refuse direction overrides outright (validation); free text keeps them
    line = html.replace("\u202e", "").replace("\u202c", "")
    long_line = "x" * 100_000

    def build(s: Session) -> None:
        src = sources.add(
            s,
            factories.source(
                name=f'<img src="http://127.0.0.1:{port}/name"> Named', role=line[:1500]
            ),
        )
        doc = documents.add(s, DocumentDraft(title="<b>Doc</b>", text=html + "\n" + long_line))
        q = quotes.add(
            s,
            factories.quote(
                text=html + long_line,
                source_id=src.id,
                document_id=doc.id,
                span_start=0,
                span_end=10,
            ),
        )
        q2 = quotes.add(s, factories.quote(text="<i>second</i>", source_id=src.id))
        c = claims.add(
            s, factories.claim(subject=line[:400], raw_text=line[:1500], source_id=src.id)
        )
        c2 = claims.add(s, factories.claim(subject=line[:400], value=Decimal(1), source_id=src.id))
        contradictions.add(
            s,
            ContradictionDraft(
                members=(MemberRef(RecordKind.CLAIM, c.id), MemberRef(RecordKind.QUOTE, q2.id)),
                description=html,
            ),
        )
        del c2
        tags.add(s, TagDraft(name="<b>tag</b>"))
        notes.add(s, NoteDraft(text=html, target_kind=RecordKind.QUOTE, target_id=q.id))

    controller.apply(build)


def visit_everything(window: MainWindow, qtbot: QtBot) -> None:
    for kind in (
        RecordKind.SOURCE,
        RecordKind.QUOTE,
        RecordKind.CLAIM,
        RecordKind.CONTRADICTION,
        RecordKind.DOCUMENT,
        RecordKind.TAG,
        RecordKind.NOTE,
    ):
        window.sidebar.select(kind)
        model = window.list.model_for(kind)
        for row in range(model.rowCount()):
            window.list.selectRow(row)
            window.list.viewport().repaint()
            window.detail.repaint()
            QApplication.processEvents()
    window.search.setText("bold")
    window.search.flush()
    window.results.repaint()


def test_hostile_text_is_inert_everywhere(
    window: MainWindow, controller: CaseController, qtbot: QtBot, tmp_path: Path, beacon: int
) -> None:
    controller.create(tmp_path / "hostile.casefile", title="<img src=x> Hostile", passphrase=None)
    fill(controller, beacon)
    window.show()
    visit_everything(window, qtbot)
    # every editor shows the values too
    for kind in (RecordKind.SOURCE, RecordKind.QUOTE, RecordKind.CLAIM, RecordKind.CONTRADICTION):
        window.sidebar.select(kind)
        window.list.selectRow(0)
        on_next_modal(lambda d: (d.repaint(), d.reject()))
        window.commands["edit"].trigger()
    QApplication.processEvents()
    assert Beacon.hits == []
    # labels that show case data never interpret it
    for label in window.findChildren(QLabel):
        if "<img" in label.text() or "<b>" in label.text():
            assert label.textFormat().name == "PlainText", label.objectName()
    for view in window.findChildren(QTextEdit):
        assert not view.acceptRichText() or view.toPlainText() == ""
    # the last quote page shown reads literally, tags and all
    window.sidebar.select(RecordKind.QUOTE)
    for row in range(window.list.model_for(RecordKind.QUOTE).rowCount()):
        window.list.selectRow(row)
        text = window.detail.quote_page.text.text()
        assert "<i>second</i>" in text or ("<img src=" in text and "x" * 1000 in text)
    # plain text views hold the markup as characters: the document has no links or images
    for plain in window.findChildren(QPlainTextEdit):
        assert (
            "<a href" not in plain.document().toHtml() or "&lt;a href" in plain.document().toHtml()
        )
