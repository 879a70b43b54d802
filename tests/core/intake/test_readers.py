"""Reading document files: each format, content sniffing, and the limits with their messages."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from casefile.domain.errors import CasefileError
from casefile.intake import MAX_FILE_BYTES, IntakeError, extract, read_bytes, read_file
from tests.core.intake.docx_builder import docx, paragraph, table

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
TEXT = "Lucas Ferreira said: “We were paid $400 a month.”\nسمير الحلبي confirmed it.\n"


def test_intake_errors_are_casefile_errors() -> None:
    assert issubclass(IntakeError, CasefileError)


def test_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    document = read_file(path)
    assert document.text == TEXT
    assert document.title == "Lucas Ferreira said: “We were paid $400 a month.”"
    assert document.media_type == "text/plain"
    assert document.file_name == "notes.txt"
    assert document.size_bytes == len(TEXT.encode("utf-8"))
    assert len(document.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_text_with_a_byte_order_mark(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    assert read_bytes(data, "notes.txt").text == TEXT


def test_windows_line_ends_and_old_windows_text() -> None:
    assert read_bytes("Café\r\nline two\r\n".encode("cp1252"), "a.txt").text == "Café\nline two\n"


def test_the_hash_is_of_the_original_bytes() -> None:
    import hashlib

    data = "\ufeffA title\r\nbody".encode()
    document = read_bytes(data, "a.txt")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.text == "A title\nbody"


def test_markdown_title_from_its_first_heading() -> None:
    document = read_bytes(b"Draft, do not share\n\n# The long road back\n\nText.", "story.md")
    assert document.title == "The long road back"
    assert document.media_type == "text/markdown"


def test_a_title_is_trimmed_to_200_characters() -> None:
    document = read_bytes(("word " * 100).encode(), "long.txt")
    assert len(document.title) <= 200
    assert document.title.endswith("…")


def test_html_text_without_scripts_styles_or_templates() -> None:
    document = read_file(FIXTURES / "article.html")
    assert document.title == "Port workers unpaid for months – Harbour Gazette"
    assert document.media_type == "text/html"
    assert "MUST-NOT-APPEAR" not in document.text
    assert "window.tracker" not in document.text and "font-family" not in document.text
    assert "By Oleh Marchenko & Sara Lind" in document.text  # entities decoded
    assert "96\u00a0million" not in document.text and "96 million" in document.text
    assert "Average monthly wage: 28,000 hryvnias\nArrears: almost five months" in document.text
    assert "North\t640" in document.text
    quotes = extract(document.text).quotes
    spoken = next(q for q in quotes if q.text.startswith("We were told"))
    assert spoken.speaker == "Iryna Kovalenko"


def test_html_is_sniffed_without_an_extension() -> None:
    document = read_bytes(b"<!DOCTYPE html><title>T</title><p>Hello</p>", "download")
    assert (document.media_type, document.title, document.text) == ("text/html", "T", "Hello")


def test_docx_paragraphs_tables_and_title() -> None:
    body = (
        paragraph("Recruitment figures", style="Title")
        + paragraph("About 350 young men signed contracts.")
        + table([["State", "Recruits"], ["Bahia", "180"]])
        + paragraph("“We were told it was safe,” said Ana Lima.")
    )
    document = read_bytes(docx(body), "figures.docx")
    assert document.title == "Recruitment figures"
    assert document.text == (
        "Recruitment figures\nAbout 350 young men signed contracts.\n"
        "State\tRecruits\nBahia\t180\n\n“We were told it was safe,” said Ana Lima."
    )
    assert document.media_type.endswith("wordprocessingml.document")


def test_docx_title_from_its_properties() -> None:
    document = read_bytes(docx(paragraph("Body text."), title="Case notes"), "n.docx")
    assert document.title == "Case notes"


def test_pdf_text_layer() -> None:
    document = read_file(FIXTURES / "statement.pdf")
    assert document.media_type == "application/pdf"
    assert document.title == "Ministry statement"
    assert "approved 1,240 applications" in document.text
    quote = next(q for q in extract(document.text).quotes if q.kind == "direct")
    assert quote.speaker == "Daniel Okafor"


def test_a_pdf_named_txt_is_read_as_a_pdf() -> None:
    document = read_bytes((FIXTURES / "statement.pdf").read_bytes(), "statement.txt")
    assert document.media_type == "application/pdf"


def test_a_docx_named_txt_is_read_as_a_docx() -> None:
    document = read_bytes(docx(paragraph("Hello there.")), "notes.txt")
    assert document.text == "Hello there."


def refused(data: bytes, name: str) -> str:
    with pytest.raises(IntakeError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert name in message
    return message


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"not really")
    assert "not a Word document" in refused(buffer.getvalue(), "archive.txt")


def test_binary_junk_named_txt() -> None:
    junk = bytes(range(256)) * 8
    message = refused(junk, "junk.txt")
    assert "does not contain text" in message
    assert "\\x00" not in message  # the content is never quoted


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"plain words", "report.pdf", "not one"),
        (b"plain words", "report.docx", "not one"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old.doc", "old Word"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "scan.txt", "PNG image"),
        (b"", "empty.txt", "empty"),
        (b"%PDF-1.4\n garbage", "broken.pdf", "damaged PDF"),
        (b"PK\x03\x04 truncated", "broken.docx", "damaged"),
    ],
)
def test_refusals_say_what_is_wrong(data: bytes, name: str, expected: str) -> None:
    message = refused(data, name)
    assert expected in message
    assert " — " in message  # a hint: what to do


def test_a_60_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no 60 MB are written

    def no_opening(*args: object, **kwargs: object) -> int:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(os, "open", no_opening)
    with pytest.raises(IntakeError, match=r"huge.txt is 60 MB, more than the 50 MB"):
        read_file(path)


def test_bytes_over_the_limit_are_refused() -> None:
    with pytest.raises(IntakeError, match="more than the 50 MB"):
        read_bytes(b" " * (MAX_FILE_BYTES + 1), "big.txt")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="is a folder, not a file"):
        read_file(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(IntakeError, match="not a regular file"):
        read_file(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match=r"gone\.txt was not found"):
        read_file(tmp_path / "gone.txt")


def test_a_docx_with_too_many_parts_is_refused() -> None:
    extra = {f"word/media/part{i}.xml": b"<a/>" for i in range(5001)}
    assert "more than a Word document ever has" in refused(
        docx(paragraph("x"), extra=extra), "many.docx"
    )


def test_a_zip_bomb_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(80):
                part.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    message = refused(data, "bomb.docx")
    assert "zip bomb" in message


def test_a_docx_with_an_entity_declaration_is_refused() -> None:
    body = '<!DOCTYPE w:document [<!ENTITY lol "lol">]>'
    data = docx(paragraph("x"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"?>", b"?>" + body.encode(), 1)
            target.writestr(info, content)
    assert "XML declarations Word never writes" in refused(buffer.getvalue(), "lol.docx")


def test_an_encrypted_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "statement.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "encrypted PDF protected by a password" in refused(buffer.getvalue(), "locked.pdf")


def test_a_pdf_locked_only_against_printing_is_read() -> None:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "statement.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "approved 1,240" in read_bytes(buffer.getvalue(), "open.pdf").text


def test_a_pdf_without_a_text_layer_is_refused() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "has no text layer" in refused(buffer.getvalue(), "scan.pdf")


STORY = (
    "<p>KATHMANDU — Families of men recruited to fight abroad say they were deceived.</p>"
    + "<p>“They promised him a job guarding a warehouse,” said Sita Magar, 52. "
    + "The family paid Rs 900,000 to an agent in Kathmandu, Nepal.</p>" * 8
)


def test_a_web_page_is_read_as_its_story_without_menus_teasers_or_footers() -> None:
    page = (
        "<html><head><title>Families deceived | The Daily</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        "<h1>Families say recruits were deceived</h1>"
        f"<article class='story'>{STORY}</article>"
        "<aside><h2>Related</h2><p>Minister says “nothing to hide”</p></aside>"
        "<article class='teaser'><p>Other story: “we will appeal”, lawyer says</p></article>"
        "<form><button>Accept cookies</button></form>"
        "<footer>© 2026 The Daily. All rights reserved.</footer></body></html>"
    )
    document = read_bytes(page.encode(), "story.html")
    assert document.text.startswith("Families say recruits were deceived\n\nKATHMANDU")
    assert "said Sita Magar" in document.text
    for chrome in ("Home", "Related", "nothing to hide", "we will appeal", "cookies", "©"):
        assert chrome not in document.text


def test_a_page_without_an_article_keeps_its_text_but_not_its_menus() -> None:
    page = "<nav>Home World</nav><h1>Notice</h1><p>The office is closed.</p><aside>Ads</aside>"
    document = read_bytes(page.encode(), "notice.html")
    assert document.text == "Notice\n\nThe office is closed."
