"""Renders a report PrintDocument: plain text into a QTextDocument, then pages with a header and
footer onto a PDF or a printer. Case data goes in through insertText only, never as HTML."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QApplication

from casefile.domain.errors import CasefileError
from casefile.report.model import (
    Block,
    Heading,
    KeyValues,
    PageBreak,
    Paragraph,
    PrintDocument,
    QuoteBlock,
    Table,
    Tone,
)
from casefile.report.text import Direction, first_strong
from casefile.services.report import raise_if_disk_full, write_atomically

# Named explicitly: a printout must look the same on every machine, and only DejaVu (from the
# setup script) and the bundled Noto Naskh Arabic are sure to be there. Arabic runs get Noto Naskh
# first, in regular and bold alike, so no style can fall back to a face without Arabic (boxes).
LATIN_FAMILIES = ["DejaVu Sans", "Noto Naskh Arabic"]
ARABIC_FAMILIES = ["Noto Naskh Arabic", "DejaVu Sans"]
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
FONTS_REGISTERED = "casefileFontsRegistered"  # a property of the application object

BODY_POINTS = 9.5
ARABIC_SCALE = 1.15  # Naskh is small on the body of the letter beside DejaVu at the same size
PAGE_MARGINS_MM = QMarginsF(18, 12, 18, 12)
BAND_MM = 10.0  # height of the header and of the footer band inside the margins
MUTED = QColor("#5a5a5a")
WARNING = QColor("#9b1c1c")
RULE = QColor("#9a9a9a")
HEADER_FILL = QColor("#e9e9e9")
QUOTE_FILL = QColor("#f3f3f3")
# Arabic letters (its blocks and presentation forms), and a run of them with the spaces, digits
# and punctuation between them, so an Arabic phrase is shaped in one font.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_RUN = re.compile(f"[{_ARABIC}]+(?:[\\W\\d_]*[{_ARABIC}]+)*")


def ensure_gui() -> QGuiApplication:
    """The running application, or a windowless one for the CLI: printing to PDF needs fonts, not
    a screen, so without an explicit platform it runs offscreen (no display needed)."""
    app = QGuiApplication.instance()
    if app is None:
        offscreen = [] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
        # A QApplication, not a QGuiApplication: a dialog opened later in the same process
        # (a preview, a test) needs one, and the first application made is the only one.
        app = QApplication([sys.argv[0] if sys.argv else "casefile", *offscreen])
    assert isinstance(app, QGuiApplication)
    register_fonts(app)
    return app


def register_fonts(app: QCoreApplication) -> None:
    """Adds the bundled fonts once per application."""
    if app.property(FONTS_REGISTERED):
        return
    folder = resources.files("resources").joinpath("fonts")
    for name in FONT_FILES:
        data = folder.joinpath(name).read_bytes()
        if QFontDatabase.addApplicationFontFromData(data) < 0:
            raise CasefileError(f"the bundled font {name} could not be loaded")
    app.setProperty(FONTS_REGISTERED, True)


def script_runs(text: str) -> Iterator[tuple[str, bool]]:
    """Splits text into (run, is_arabic)."""
    at = 0
    for match in ARABIC_RUN.finditer(text):
        if match.start() > at:
            yield text[at : match.start()], False
        yield match.group(), True
        at = match.end()
    if at < len(text):
        yield text[at:], False


def char_format(
    bold: bool = False, color: QColor | None = None, *, points: float = BODY_POINTS
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(points)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(False)  # no italic anywhere: synthetic obliques of Arabic read badly
    if color is not None:
        fmt.setForeground(color)
    return fmt


def spacing(above: float, below: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(above)
    fmt.setBottomMargin(below)
    return fmt


def directed(fmt: QTextBlockFormat, text: str) -> QTextBlockFormat:
    """Right-to-left and right-aligned when the paragraph's first strong character is RTL."""
    rtl = first_strong(text) is Direction.RTL
    fmt.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    fmt.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    return fmt


class DocumentBuilder:
    """Writes the blocks of a PrintDocument into a QTextDocument with a cursor, as plain text."""

    def __init__(self, doc: QTextDocument) -> None:
        self.cursor = QTextCursor(doc)
        # The main cursor sits in an empty block to fill first: at the start and after a table.
        self.fresh = True

    def insert(self, cursor: QTextCursor, text: str, fmt: QTextCharFormat) -> None:
        for run, arabic in script_runs(text):
            part = QTextCharFormat(fmt)
            part.setFontFamilies(ARABIC_FAMILIES if arabic else LATIN_FAMILIES)
            if arabic:
                part.setFontPointSize((fmt.fontPointSize() or BODY_POINTS) * ARABIC_SCALE)
            cursor.insertText(run, part)

    def lines(
        self,
        cursor: QTextCursor,
        text: str,
        fmt: QTextCharFormat,
        block: QTextBlockFormat | None = None,
        *,
        fresh: bool,
    ) -> None:
        """Each line of `text` as its own paragraph with its own direction. `fresh`: the cursor
        sits in an empty block that the first line takes (a new cell or frame)."""
        for i, line in enumerate(text.split("\n")):
            line_format = directed(QTextBlockFormat(block or QTextBlockFormat()), line)
            if i == 0 and fresh:
                # not setBlockCharFormat: in a table cell that holds the cell's own background
                cursor.setBlockFormat(line_format)
            else:
                cursor.insertBlock(line_format, fmt)
            self.insert(cursor, line, fmt)

    def top_level(self, text: str, fmt: QTextCharFormat, block: QTextBlockFormat) -> None:
        """A paragraph of the body (not in a table or frame)."""
        self.lines(self.cursor, text, fmt, block, fresh=self.fresh)
        self.fresh = False

    def add(self, block: Block) -> None:
        match block:
            case Heading():
                self.heading(block)
            case Paragraph():
                self.paragraph(block)
            case KeyValues():
                if block.rows:
                    self.table(Table(("", ""), block.rows, (26, 74)), facts=True)
            case QuoteBlock():
                self.quote(block)
            case Table():
                self.table(block)
            case PageBreak():
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                self.cursor.insertBlock(fmt)
                self.fresh = True

    def heading(self, heading: Heading) -> None:
        sizes = {1: (17.0, 2.0, 5.0), 2: (12.5, 14.0, 5.0)}
        points, above, below = sizes.get(heading.level, (10.5, 8.0, 3.0))
        self.top_level(heading.text, char_format(points=points, bold=True), spacing(above, below))

    def paragraph(self, paragraph: Paragraph) -> None:
        tones = {Tone.MUTED: char_format(color=MUTED), Tone.WARNING: char_format(True, WARNING)}
        self.top_level(paragraph.text, tones.get(paragraph.tone, char_format()), spacing(0, 4))

    def quote(self, quote: QuoteBlock) -> None:
        """A shaded box of paragraphs. Not a QTextFrame: inserting one costs time in proportion
        to the frames already there, and a summary has thousands of quotes."""
        shade = spacing(0, 0)
        shade.setBackground(QUOTE_FILL)
        shade.setIndent(1)  # the document's indent width is the box's inner padding
        padding, top, bottom = char_format(points=3.0), QTextBlockFormat(shade), shade
        top.setTopMargin(3.0)
        self.top_level("", padding, top)
        self.lines(self.cursor, quote.text, char_format(points=10.0), shade, fresh=False)
        detail_format = char_format(points=8.0, color=MUTED)
        for detail in quote.details:
            self.lines(self.cursor, detail, detail_format, shade, fresh=False)
        bottom.setBottomMargin(5.0)
        self.lines(self.cursor, "", padding, bottom, fresh=False)

    def table(self, table: Table, *, facts: bool = False) -> None:
        """A bordered table with a header row repeated on every page, or (facts) a borderless
        two-column list of labels and values."""
        header = None if facts else table.header
        all_rows = ([header] if header is not None else []) + list(table.rows)
        if self.fresh:  # the empty block Qt keeps before a table: a hairline, not a blank line
            self.cursor.setBlockCharFormat(char_format(points=1.0))
        fmt = table_format(table.widths, header=header is not None, facts=facts)
        qtable = self.cursor.insertTable(len(all_rows), len(table.header), fmt)
        size = BODY_POINTS if facts else 8.5
        strong = char_format(points=size, bold=not facts, color=MUTED if facts else None)
        plain = char_format(points=size)
        for r, row in enumerate(all_rows):
            for c, text in enumerate(row):
                cell = qtable.cellAt(r, c)
                cursor = cell.firstCursorPosition()
                if header is not None and r == 0:
                    shaded = cell.format()
                    shaded.setBackground(HEADER_FILL)
                    cell.setFormat(shaded)
                    self.lines(cursor, text, strong, fresh=True)
                elif facts:
                    self.lines(cursor, text, strong if c == 0 else plain, fresh=True)
                elif table.lead:
                    title, _, rest = text.partition("\n")
                    self.lines(cursor, title, strong, fresh=True)
                    if rest:
                        self.lines(cursor, rest, plain, fresh=False)
                else:
                    self.lines(cursor, text, plain, fresh=True)
        self.cursor = QTextCursor(qtable.lastCursorPosition())
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.fresh = True


def table_format(widths: tuple[int, ...], *, header: bool, facts: bool) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setCellPadding(1.5 if facts else 3.0)
    fmt.setCellSpacing(0.0)
    fmt.setBorder(0.0 if facts else 1.0)  # collapsed borders thinner than 1 are not drawn
    fmt.setBorderBrush(RULE)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setTopMargin(2.0)
    fmt.setBottomMargin(6.0)
    fmt.setHeaderRowCount(1 if header else 0)
    if widths:
        lengths = [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        fmt.setColumnWidthConstraints(lengths)
    return fmt


def text_document() -> QTextDocument:
    doc = QTextDocument()
    font = QFont(LATIN_FAMILIES)
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0.0)
    doc.setIndentWidth(6.0)
    doc.setUndoRedoEnabled(False)
    return doc


def build_text_document(document: PrintDocument, device: QPagedPaintDevice) -> QTextDocument:
    """The whole document, laid out for `device` (fonts scaled to its resolution)."""
    doc = text_document()
    builder = DocumentBuilder(doc)
    for block in document.blocks:
        builder.add(block)
    return for_device(doc, device)


def for_device(doc: QTextDocument, device: QPagedPaintDevice) -> QTextDocument:
    """Lays the finished document out for `device` (fonts scaled to its resolution). Only now:
    a layout that exists while the document is built works again after every insertion."""
    doc.documentLayout().setPaintDevice(device)
    doc.markContentsDirty(0, doc.characterCount())
    return doc


def one_line(device: QPagedPaintDevice, text: str, fmt: QTextCharFormat) -> QTextDocument:
    doc = text_document()
    DocumentBuilder(doc).lines(QTextCursor(doc), text, fmt, fresh=True)
    return for_device(doc, device)


class Pager:
    """Paints a laid-out document page by page, with the header and footer bands."""

    def __init__(self, document: PrintDocument, device: QPagedPaintDevice) -> None:
        self.device = device
        dpi = device.logicalDpiY()  # a PDF writer's or printer's own resolution
        area = device.pageLayout().paintRectPixels(dpi)
        self.band = BAND_MM / 25.4 * dpi
        self.body = QRectF(0, self.band, area.width(), area.height() - 2 * self.band)
        self.doc = build_text_document(document, device)
        self.doc.setPageSize(self.body.size())
        self.small = char_format(points=7.5, color=MUTED)
        label = char_format(True, WARNING if document.audience == "full" else MUTED, points=7.5)
        self.header = one_line(device, document.header_text, self.small)
        self.header.setTextWidth(self.body.width())
        self.footer = one_line(device, document.audience_label, label)
        self.pages = self.doc.pageCount()

    def paint(self, painter: QPainter, index: int) -> None:
        body, band = self.body, self.band
        painter.save()
        painter.setClipRect(body)  # a paragraph that runs over the page is drawn whole
        painter.translate(0, body.top() - index * body.height())
        self.doc.drawContents(painter, body.translated(0, index * body.height() - body.top()))
        painter.restore()
        painter.setPen(QPen(RULE, max(1.0, band / 200)))
        top, bottom = body.top() - band * 0.25, body.bottom() + band * 0.25
        for y in (top, bottom):
            painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))
        text = QCoreApplication.translate("Printing", "page %1 of %2")
        text = text.replace("%1", str(index + 1)).replace("%2", str(self.pages))
        number = one_line(self.device, text, self.small)
        for doc, x, y in (
            (self.header, 0.0, top - band * 0.1 - self.header.size().height()),
            (self.footer, 0.0, bottom + band * 0.15),
            (number, body.width() - number.idealWidth(), bottom + band * 0.15),
        ):
            painter.save()
            painter.translate(x, y)
            doc.drawContents(painter)
            painter.restore()


def paint(document: PrintDocument, device: QPagedPaintDevice) -> int:
    """Paints every page of `document` on `device` (a PDF writer or a printer, already set up)
    with the case header and the audience footer; returns the number of pages."""
    ensure_gui()
    pager = Pager(document, device)
    painter = QPainter()
    if not painter.begin(device):
        raise CasefileError("could not start the printout", hint="check the printer or the folder")
    try:
        for index in range(pager.pages):
            if index and not device.newPage():
                raise CasefileError("could not add a page to the printout")
            pager.paint(painter, index)
    finally:
        painter.end()
    return pager.pages


def pdf_writer(path: Path, document: PrintDocument) -> QPdfWriter:
    """A PDF writer for A4 with neutral metadata: a generic title, no author or creator."""
    writer = QPdfWriter(str(path))
    portrait, mm = QPageLayout.Orientation.Portrait, QPageLayout.Unit.Millimeter
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), portrait, PAGE_MARGINS_MM, mm)
    )
    writer.setResolution(600)
    writer.setTitle(document.title)
    writer.setCreator("")
    writer.setAuthor("")
    return writer


def render_pdf(document: PrintDocument, path: Path) -> None:
    """Writes `document` to `path` as a PDF, all or nothing (temp file, fsync, rename)."""
    ensure_gui()

    folder = Path(path).absolute().parent

    def write(temp: Path) -> None:
        writer = pdf_writer(temp, document)
        try:
            paint(document, writer)
        except CasefileError:
            # Qt's PDF writer only says that a page failed; a full disk is the usual reason
            raise_if_disk_full(folder, "save the PDF")
            raise
        finally:
            del writer  # closes the file before it is checked, synced and renamed

    def verify(temp: Path) -> None:
        """A PDF cut short (disk full after the last page) must not replace the old file."""
        with temp.open("rb") as f:
            f.seek(max(0, temp.stat().st_size - 1024))
            tail = f.read()
        if b"%%EOF" not in tail:
            raise_if_disk_full(folder, "save the PDF")
            raise CasefileError("the PDF could not be written completely; nothing was saved")

    write_atomically(Path(path), write, what="save the PDF", verify=verify)
