"""Printing figures: a source summary of N quotes (default 200) to PDF through the whole path
(snapshot, redaction, document model, QTextDocument, paged PDF), against a bare QTextDocument
of the same rows printed with QTextDocument.print_ in the same run; and a 2,000-quote summary.

Run: ./dev bench   (or QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_print.py [N])
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QPageSize, QPdfWriter, QTextCursor, QTextDocument

from benchmarks.common import quote_drafts, report, scratch
from casefile.domain.enums import Protection
from casefile.domain.records import ClaimDraft, SourceDraft
from casefile.privacy.policy import Audience
from casefile.report import PrintDocument, QuoteBlock
from casefile.services import bulk, claims, sources
from casefile.services import report as report_service
from casefile.services.case import OpenCase, create_case
from ui.printing import build_text_document, ensure_gui, pdf_writer, render_pdf


def make_case(path: Path, quotes: int) -> tuple[OpenCase, str]:
    case = create_case(path, title="Bench print", passphrase=None)
    with case.transaction("bench") as s:
        source = sources.add(
            s,
            SourceDraft(
                name="Zorvath Quillenby", pseudonym="a relative", protection=Protection.ANONYMOUS
            ),
        )
        bulk.add_quotes(s, quote_drafts(quotes, [source.id]), total=quotes)
        for i in range(quotes // 10):
            claims.add(
                s,
                ClaimDraft(
                    subject=f"subject {i % 7}",
                    value=Decimal(1000 + i),
                    unit="USD",
                    source_id=source.id,
                ),
            )
    return case, source.id


def bare_pdf(document: PrintDocument, path: Path) -> None:
    """The floor: the same quote rows as plain paragraphs, printed by Qt itself."""
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for block in document.blocks:
        if isinstance(block, QuoteBlock):
            cursor.insertBlock()
            cursor.insertText(block.text)
            for detail in block.details:
                cursor.insertBlock()
                cursor.insertText(detail)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(600)
    doc.print_(writer)
    del writer


def measure(folder: Path, quotes: int) -> dict[str, float]:
    case, source_id = make_case(folder / f"bench-{quotes}.casefile", quotes)
    figures: dict[str, float] = {}
    try:
        start = time.perf_counter()
        with case.read() as s:
            document = report_service.print_source(
                s, source_id, Audience.REDACTED, printed_on=date.today()
            )
        figures["model"] = time.perf_counter() - start
        start = time.perf_counter()
        writer = pdf_writer(folder / "layout.pdf", document)
        build_text_document(document, writer)
        del writer
        figures["layout"] = time.perf_counter() - start
        start = time.perf_counter()
        render_pdf(document, folder / f"ours-{quotes}.pdf")
        figures["render"] = time.perf_counter() - start
        start = time.perf_counter()
        bare_pdf(document, folder / f"bare-{quotes}.pdf")
        figures["bare"] = time.perf_counter() - start
    finally:
        case.close()
    return figures


def main(quotes: int) -> None:
    ensure_gui()
    folder = scratch("print")
    try:
        measure(folder, 20)  # warm-up: fonts loaded, caches filled
        rows: list[tuple[str, str]] = []
        for n in (quotes, 2_000):
            f = measure(folder, n)
            total = f["model"] + f["render"]
            rows += [
                (f"{n} quotes: snapshot + redaction + model", f"{f['model'] * 1000:.0f} ms"),
                (f"{n} quotes: QTextDocument build only", f"{f['layout'] * 1000:.0f} ms"),
                (f"{n} quotes: render_pdf (build, layout, pages)", f"{f['render'] * 1000:.0f} ms"),
                (f"{n} quotes: total to PDF", f"{total * 1000:.0f} ms"),
                (f"{n} quotes: bare QTextDocument.print_", f"{f['bare'] * 1000:.0f} ms"),
                (f"{n} quotes: ours / bare (render)", f"{f['render'] / f['bare']:.1f}x"),
            ]
        report("Printing", rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
