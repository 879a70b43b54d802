"""Rendering summaries to real PDFs (offscreen): content, Arabic, pages, metadata, preview,
threads, and the window's print flow."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from casefile.domain.errors import CasefileError
from casefile.privacy.policy import Audience
from casefile.report import Heading, Paragraph, PrintDocument, QuoteBlock, Table
from casefile.sample import build_sample
from casefile.services import report, sources
from casefile.services.case import OpenCase, open_case
from tests.ui.test_printing_leaks import pdf_info, pdf_text
from ui.case_controller import CaseController
from ui.print_preview import PrintFlow, PrintRequest, confirm_full_dialog, preview_dialog
from ui.printing import build_text_document, ensure_gui, pdf_writer, render_pdf, script_runs

PRINTED = date(2026, 6, 1)
ARABIC_NAME = "سمير الحلبي"


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[OpenCase]:
    opened = build_sample(tmp_path / "sample.casefile")
    yield opened
    opened.close()


def source_id(case: OpenCase, name: str) -> str:
    with case.read() as s:
        return next(x.id for x in sources.list_all(s) if x.name == name)


def has_arabic(text: str, word: str) -> bool:
    """pdftotext gives Arabic in logical or visual order, in presentation forms or not."""
    text = unicodedata.normalize("NFKC", text)
    return word in text or word[::-1] in text


def source_pdf(case: OpenCase, name: str, path: Path) -> PrintDocument:
    with case.read() as s:
        doc = report.print_source(s, source_id(case, name), Audience.REDACTED, printed_on=PRINTED)
    render_pdf(doc, path)
    return doc


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_source_summary_pdf_carries_every_quote_number_and_contradiction(
    sample: OpenCase, tmp_path: Path
) -> None:
    path = tmp_path / "father.pdf"
    doc = source_pdf(sample, ARABIC_NAME, path)
    text = one_line(pdf_text(path))
    quotes = [b.text for b in doc.blocks if isinstance(b, QuoteBlock)]
    assert len(quotes) == 2
    for quote in quotes:
        assert one_line(quote) in text
    numbers = next(b for b in doc.blocks if isinstance(b, Table) and "As written" in b.header)
    for row in numbers.rows:
        assert row[3] in text  # as written
    assert "$2,000/month" in text and "91.31 days" in text  # as stated, as compared
    for heading in ("Monthly pay: US$2,000 (father)", "Contract length: three months"):
        assert heading in text
    assert has_arabic(text, "الحلبي")
    assert "Redacted — for editor" in text and "page 1 of 1" in text
    assert "Sample case: the Harbour Road recruits" in text


def test_case_summary_pdf_has_its_sections_and_no_protected_name(
    sample: OpenCase, tmp_path: Path
) -> None:
    with sample.read() as s:
        doc = report.print_case(s, printed_on=PRINTED)
    path = tmp_path / "case.pdf"
    render_pdf(doc, path)
    text = one_line(pdf_text(path))
    for wanted in ("Sources (5)", "Open (3)", "Resolved (0)", "Numbers by subject (8)"):
        assert wanted in text
    assert "Timeline (14)" in text
    for protected in ("Lina", "Marcovic", "Daniel", "Okoro"):
        assert protected.casefold() not in text.casefold()
    assert "a former agency employee" in text


def test_pages_have_header_footer_and_numbers(case: OpenCase, tmp_path: Path) -> None:
    blocks = tuple(QuoteBlock(f"Quote number {i} " + "word " * 30, ("detail",)) for i in range(80))
    doc = PrintDocument(
        "Source summary", "Source summary", Audience.REDACTED, "Redacted — for editor",
        "Test case · printed 2026-06-01", PRINTED, (Heading("Many", 1), *blocks),
    )  # fmt: skip
    path = tmp_path / "long.pdf"
    render_pdf(doc, path)
    pages = pdf_text(path).split("\f")[:-1]
    assert len(pages) > 3
    for n, page in enumerate(pages, start=1):
        assert f"page {n} of {len(pages)}" in page
        # (a paragraph split over two pages is clipped, not cut: its hidden half is still in
        # the text layer, and pdftotext may interleave it with the header)
        assert "Redacted — for editor" in page and "printed 2026-06-01" in page
    assert all(f"Quote number {i} " in one_line(pdf_text(path)) for i in range(80))


def test_metadata_is_neutral(sample: OpenCase, tmp_path: Path) -> None:
    path = tmp_path / "m.pdf"
    source_pdf(sample, ARABIC_NAME, path)
    info = dict(line.split(":", 1) for line in pdf_info(path).splitlines() if ":" in line[:20])
    assert info["Title"].strip() == "Source summary"
    assert info.get("Author", "").strip() == ""
    assert info.get("Creator", "").strip() == ""
    assert "Harbour" not in pdf_info(path) and "Casefile sample" not in pdf_info(path)


def test_a_page_is_not_blank(sample: OpenCase, tmp_path: Path) -> None:
    path = tmp_path / "p.pdf"
    source_pdf(sample, ARABIC_NAME, path)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", path, tmp_path / "pg"],
                   check=True)  # fmt: skip
    image = QImage(str(next(tmp_path.glob("pg*.png"))))
    assert not image.isNull()
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 300


def glyph_runs(doc: PrintDocument) -> Iterator[tuple[str, str, int, list[int]]]:
    ensure_gui()
    writer = pdf_writer(Path("/dev/null"), doc)
    text_doc = build_text_document(doc, writer)
    text_doc.setPageSize(text_doc.pageSize())
    text_doc.pageCount()  # lays everything out
    block = text_doc.begin()
    while block.isValid():
        for run in block.layout().glyphRuns(0, len(block.text())):
            font = run.rawFont()
            yield block.text(), font.familyName(), font.weight(), list(run.glyphIndexes())
        block = block.next()


def test_arabic_is_shaped_in_a_font_that_covers_it_in_every_weight() -> None:
    doc = PrintDocument(
        "t", "t", Audience.REDACTED, "label", "header", PRINTED,
        (Heading(ARABIC_NAME, 1), Paragraph("قال إن الراتب 2000 دولار شهريا"),
         Table(("المصدر", "Source"), ((ARABIC_NAME, "Name: " + ARABIC_NAME),), lead=True)),
    )  # fmt: skip
    runs = list(glyph_runs(doc))
    arabic = [r for r in runs if any("\u0600" <= ch <= "\u06ff" for ch in r[0])]
    assert {r[2] for r in arabic if r[1] == "Noto Naskh Arabic"} >= {400, 700}  # regular, bold
    for text, family, _weight, glyphs in runs:
        assert 0 not in glyphs, f"missing glyph (a box) in {family} for {text!r}"


def test_script_runs_keep_an_arabic_phrase_together() -> None:
    assert list(script_runs("Name: سمير الحلبي (father) 2026")) == [
        ("Name: ", False),
        ("سمير الحلبي", True),
        (" (father) 2026", False),
    ]


def test_an_arabic_name_does_not_turn_the_date_after_it(tmp_path: Path) -> None:
    """ "<name>: 2026-05-10" in a left-to-right line reads 2026 … 05 … 10 from left to right."""
    line = "\u2068" + ARABIC_NAME + "\u2069: 2026-05-10"
    doc = PrintDocument("t", "t", Audience.REDACTED, "l", "h", PRINTED, (Paragraph(line),))
    ensure_gui()
    writer = pdf_writer(tmp_path / "x.pdf", doc)  # kept alive: the layout measures with it
    text_doc = build_text_document(doc, writer)
    text_doc.pageCount()
    block = text_doc.begin()
    layout_line = block.layout().lineAt(0)

    def x_of(part: str) -> float:
        found: object = layout_line.cursorToX(block.text().index(part))
        return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]

    xs = [x_of(part) for part in ("2026", "05-", "10")]
    assert xs == sorted(xs)
    assert x_of(ARABIC_NAME) < xs[0]


def test_render_in_a_worker_thread_gives_the_same_text(sample: OpenCase, tmp_path: Path) -> None:
    with sample.read() as s:
        doc = report.print_case(s, printed_on=PRINTED)
    render_pdf(doc, tmp_path / "main.pdf")
    pool = QThreadPool()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            render_pdf(doc, tmp_path / "worker.pdf")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    pool.start(work)
    assert pool.waitForDone(60_000)
    assert errors == []
    assert pdf_text(tmp_path / "worker.pdf") == pdf_text(tmp_path / "main.pdf")


def test_a_failed_render_leaves_the_old_file_and_no_temp(
    sample: OpenCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with sample.read() as s:
        doc = report.print_case(s, printed_on=PRINTED)

    def broken(*_args: object) -> int:
        raise CasefileError("could not start the printout")

    monkeypatch.setattr("ui.printing.paint", broken)
    with pytest.raises(CasefileError):
        render_pdf(doc, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with pytest.raises(CasefileError, match="folder"):
        render_pdf(doc, tmp_path / "missing" / "x.pdf")


def test_preview_paints_the_pages(qtbot: QtBot, sample: OpenCase, tmp_path: Path) -> None:
    with sample.read() as s:
        doc = report.print_source(s, source_id(sample, ARABIC_NAME), printed_on=PRINTED)
    dialog = preview_dialog(None, doc)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    dialog.paintRequested.emit(printer)
    text = one_line(pdf_text(tmp_path / "preview.pdf"))
    assert "They promised him US$2000 per month" in text and "page 1 of 1" in text


def test_full_printout_confirmation_defaults_to_cancel(qtbot: QtBot) -> None:
    box = confirm_full_dialog(None)
    qtbot.addWidget(box)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)


def test_the_window_builds_a_summary_off_the_ui_thread(
    qtbot: QtBot, controller: CaseController, sample_path: Path
) -> None:
    controller.open(sample_path)
    flow = PrintFlow(controller)
    got: list[PrintDocument] = []
    with qtbot.waitSignal(flow.document_ready, timeout=30_000):
        flow.build(PrintRequest(), got.append)
    assert got and got[0].title == "Case summary" and got[0].audience is Audience.REDACTED
    assert "Lina Marcovic" not in "\n".join(got[0].strings())


def test_a_full_request_without_confirmation_builds_nothing(
    qtbot: QtBot, controller: CaseController, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.open(sample_path)
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Cancel)
    flow = PrintFlow(controller)
    assert flow.build(PrintRequest(audience=Audience.FULL), lambda _d: None) is None


def test_save_pdf_writes_in_the_worker(
    qtbot: QtBot, controller: CaseController, sample_path: Path, tmp_path: Path
) -> None:
    controller.open(sample_path)
    flow = PrintFlow(controller)
    with controller.require().read() as s:
        doc = report.print_case(s, printed_on=PRINTED)
    with qtbot.waitSignal(flow.saved, timeout=30_000) as saved:
        flow.save_pdf(doc, tmp_path / "saved.pdf")
    assert saved.args == [tmp_path / "saved.pdf"]
    assert "Case summary" in pdf_text(tmp_path / "saved.pdf")


def test_the_launcher_renders_through_the_cli(tmp_path: Path) -> None:
    """The CLI gets render_pdf from the launcher and prints without a window."""
    from casefile.cli import Frontends, main
    from ui import launcher

    path = tmp_path / "c.casefile"
    build_sample(path).close()
    with open_case(path) as case:
        sid = source_id(case, ARABIC_NAME)
    frontends = Frontends(render_pdf=launcher._render_pdf)
    assert (
        main(["print", str(path), "--source", sid, "--pdf", str(tmp_path / "o.pdf")], frontends)
        == 0
    )
    assert has_arabic(pdf_text(tmp_path / "o.pdf"), "الحلبي")
