"""The printable document model: plain blocks of text that any renderer can lay out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casefile.privacy.policy import Audience


class Tone(StrEnum):
    """How a paragraph stands out: a renderer maps these to colours or weights."""

    NORMAL = "normal"
    MUTED = "muted"
    WARNING = "warning"


@dataclass(frozen=True)
class Heading:
    """A title (level 1), section (2) or subsection (3)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Text; each line (split on newlines) is its own paragraph with its own direction."""

    text: str
    tone: Tone = Tone.NORMAL


@dataclass(frozen=True)
class KeyValues:
    """Labelled facts, one per row; an empty value means the row is left out."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class QuoteBlock:
    """A verbatim quote and the facts of where it comes from, one per line."""

    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page); cells may hold several lines.
    `widths` are relative column widths in percent (empty: equal widths); `lead`: the first
    line of each body cell is its title (printed bold)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()
    lead: bool = False

    def __post_init__(self) -> None:
        if any(len(row) != len(self.header) for row in self.rows):
            raise ValueError("every row needs one cell per header column")
        if self.widths and len(self.widths) != len(self.header):
            raise ValueError("one width per column")


@dataclass(frozen=True)
class PageBreak:
    """The next block starts on a new page."""


Block = Heading | Paragraph | KeyValues | QuoteBlock | Table | PageBreak


@dataclass(frozen=True)
class PrintDocument:
    """A summary ready to render: neutral `title` and `job_name` for the PDF and the print queue
    (they never carry case data), the audience and its label for every footer, the header for
    every page, and the blocks. Built only from a snapshot already redacted for `audience`."""

    title: str
    job_name: str
    audience: Audience
    audience_label: str
    header_text: str
    printed_on: date
    blocks: tuple[Block, ...]

    def strings(self) -> Iterator[str]:
        """Every piece of text the document carries, for checks of what it would reveal."""
        yield from (self.title, self.job_name, self.audience_label, self.header_text)
        for block in self.blocks:
            yield from block_strings(block)


def block_strings(block: Block) -> Iterator[str]:
    match block:
        case Heading(text=text) | Paragraph(text=text):
            yield text
        case KeyValues(rows=rows):
            for key, value in rows:
                yield key
                yield value
        case QuoteBlock(text=text, details=details):
            yield text
            yield from details
        case Table(header=header, rows=rows):
            yield from header
            for row in rows:
                yield from row
        case PageBreak():
            pass
