"""The text of a Word (.docx) file, read with zipfile and ElementTree, with zip-bomb limits."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from casefile.intake.errors import IntakeError

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
_TITLE = "{http://purl.org/dc/elements/1.1/}title"
MAX_ENTRIES = 5000
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed size over compressed size, for the entries we read
_HINT = "open it in Word or LibreOffice and save it again as .docx"
_TITLE_STYLES = frozenset({"Title", "Heading1", "heading1", "Titre", "Titel"})


def docx_to_text(data: bytes, name: str) -> tuple[str, str]:
    """(title, text) of a .docx file: paragraphs one per line, table cells split by tabs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IntakeError(
            f"{name} is damaged: it is not a readable ZIP archive", hint=_HINT
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise IntakeError(
                f"{name} holds {len(infos)} parts, more than a Word document ever has",
                hint="it may be a zip bomb; do not open it on this computer",
            )
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise IntakeError(
                f"{name} would unpack to more than {MAX_TOTAL_BYTES // 2**20} MB",
                hint="it may be a zip bomb; do not open it on this computer",
            )
        names = {info.filename for info in infos}
        if _DOCUMENT not in names:
            raise IntakeError(
                f"{name} is a ZIP archive but not a Word document (it has no word/document.xml)",
                hint="unpack it and add the documents inside, or save the file as .docx",
            )
        body = _read_part(archive, _DOCUMENT, name)
        core = _read_part(archive, _CORE, name) if _CORE in names else b""
    paragraphs, styled_title = _paragraphs(_parse(body, name))
    title = _core_title(core) or styled_title
    return title, "\n".join(paragraphs).strip()


def _read_part(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    info = archive.getinfo(part)
    limit = MAX_DOCUMENT_BYTES
    ratio_too_high = info.file_size > MAX_RATIO * max(1, info.compress_size)
    if info.file_size > 1024 * 1024 and ratio_too_high:
        raise IntakeError(
            f"{name} is compressed {info.file_size // max(1, info.compress_size)} to 1, "
            "far more than any Word document",
            hint="it may be a zip bomb; do not open it on this computer",
        )
    try:
        with archive.open(info) as stream:
            content = stream.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise IntakeError(
            f"{name} is damaged: part {part} cannot be unpacked", hint=_HINT
        ) from None
    if len(content) > limit:
        raise IntakeError(
            f"{name} has a text part larger than {limit // 2**20} MB",
            hint="it may be a zip bomb; if it is a real document, split it into smaller files",
        )
    return content


def _parse(xml: bytes, name: str) -> ElementTree.Element:
    # Word never writes a DTD; one here could only be an entity-expansion attack.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise IntakeError(f"{name} contains XML declarations Word never writes", hint=_HINT)
    try:
        # Safe: documents with a DTD were refused above, and expat never fetches anything.
        return ElementTree.fromstring(xml)  # noqa: S314
    except ElementTree.ParseError:
        raise IntakeError(f"{name} is damaged: its text is not valid XML", hint=_HINT) from None


def _paragraphs(root: ElementTree.Element) -> tuple[list[str], str]:
    body = root.find(f"{_WORD}body")
    lines: list[str] = []
    title = ""
    for block in body if body is not None else []:
        if block.tag == f"{_WORD}p":
            text = _paragraph_text(block)
            lines.append(text)
            if not title and text.strip() and _style(block) in _TITLE_STYLES:
                title = text.strip()
        elif block.tag == f"{_WORD}tbl":
            lines.extend(_table_rows(block))
            lines.append("")
    return lines, title


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for element in paragraph.iter():
        tag = element.tag
        if tag == f"{_WORD}t" and element.text:
            parts.append(element.text)
        elif tag == f"{_WORD}tab":
            parts.append("\t")
        elif tag in (f"{_WORD}br", f"{_WORD}cr"):
            parts.append("\n")
        elif tag == f"{_WORD}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _table_rows(table: ElementTree.Element) -> list[str]:
    rows: list[str] = []
    for row in table.iter(f"{_WORD}tr"):
        cells = []
        for cell in row.findall(f"{_WORD}tc"):
            texts = [_paragraph_text(p) for p in cell.iter(f"{_WORD}p")]
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        rows.append("\t".join(cells))
    return rows


def _style(paragraph: ElementTree.Element) -> str:
    style = paragraph.find(f"{_WORD}pPr/{_WORD}pStyle")
    return style.get(f"{_WORD}val", "") if style is not None else ""


def _core_title(core: bytes) -> str:
    if not core or b"<!DOCTYPE" in core or b"<!ENTITY" in core:
        return ""
    try:
        root = ElementTree.fromstring(core)  # noqa: S314 (no DTD: checked just above)
    except ElementTree.ParseError:
        return ""
    title = root.find(_TITLE)
    return " ".join((title.text or "").split()) if title is not None else ""
