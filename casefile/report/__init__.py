"""Printable summaries as a document model: what to print, already redacted for its audience."""

from casefile.report.case_summary import case_summary
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
from casefile.report.source_summary import source_summary

__all__ = [
    "Block",
    "Heading",
    "KeyValues",
    "PageBreak",
    "Paragraph",
    "PrintDocument",
    "QuoteBlock",
    "Table",
    "Tone",
    "case_summary",
    "source_summary",
]
