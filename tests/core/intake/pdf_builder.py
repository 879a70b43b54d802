"""Multi-page PDFs with a text layer, written by hand (no PDF library), for the PDF reader."""

from __future__ import annotations


def _content(lines: list[str]) -> bytes:
    commands = ["BT", "/F1 11 Tf", "72 740 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"({escaped}) Tj T*")
    commands.append("ET")
    return "\n".join(commands).encode("latin-1")


def pdf_of_pages(pages: list[list[str]], *, title: str = "") -> bytes:
    """A PDF whose page n shows the lines of pages[n], top to bottom, in Helvetica, with
    `title` in its metadata when given."""
    count = len(pages)
    page_ids = [4 + 2 * n for n in range(count)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (
            b"<< /Type /Pages /Kids ["
            + b" ".join(f"{pid} 0 R".encode() for pid in page_ids)
            + f"] /Count {count} >>".encode()
        ),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for pid, lines in zip(page_ids, pages, strict=True):
        content = _content(lines)
        objects[pid] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents " + f"{pid + 1} 0 R >>".encode()
        )
        objects[pid + 1] = (
            b"<< /Length "
            + str(len(content)).encode()
            + b" >>\nstream\n"
            + content
            + b"\nendstream"
        )
    info = ""
    if title:
        info_id = max(objects) + 1
        escaped = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        objects[info_id] = f"<< /Title ({escaped}) /Producer (pdf_builder.py) >>".encode("latin-1")
        info = f" /Info {info_id} 0 R"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
