"""Decoding text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, old Windows text."""

from __future__ import annotations

import codecs
import re

from casefile.intake.errors import IntakeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, line feed, form feed and carriage return.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_LINE_ENDS = re.compile(r"\r\n?")


def decode_text(data: bytes, name: str) -> str:
    """The text of a text file, with line ends made "\\n". Binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalised(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise IntakeError(
                    f"{name} starts like {encoding.upper()} text but is damaged "
                    f"near byte {error.start}",
                    hint="open it in a text editor and save it again as UTF-8",
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _normalised(utf16)
    if _looks_binary(data):
        raise IntakeError(
            f"{name} does not contain text (it looks like binary data)",
            hint="if it is a document, open it in its program and save it as .txt, .docx or .pdf",
        )
    try:
        return _normalised(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        # Not UTF-8: most likely an older Windows text file.
        return _normalised(data.decode("cp1252"))
    except UnicodeDecodeError:
        raise IntakeError(
            f"{name} is not in a text encoding Casefile can read",
            hint="open it in a text editor and save it as UTF-8",
        ) from None


def _normalised(text: str) -> str:
    return _LINE_ENDS.sub("\n", text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    return len(_CONTROL_BYTES.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows as ASCII letters every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    encoding = None
    if odd_zeros > 0.4 and even_zeros < 0.05:
        encoding = "utf-16-le"
    elif even_zeros > 0.4 and odd_zeros < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL_BYTES.search(text.encode("utf-8")) else text
