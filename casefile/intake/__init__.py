"""Intake: document files to text, and text to candidate quotes, numbers and dates (pure)."""

from casefile.intake.as_said import as_said
from casefile.intake.candidates import (
    PROPOSED,
    DateCandidate,
    IntakeResult,
    NumberCandidate,
    NumberKind,
    QuoteCandidate,
)
from casefile.intake.document import MAX_FILE_BYTES, ReadDocument
from casefile.intake.errors import IntakeError
from casefile.intake.extract import Progress, extract, extract_dates
from casefile.intake.names import names_match, normalise_name
from casefile.intake.numbers import extract_numbers
from casefile.intake.quotes import extract_quotes
from casefile.intake.readers import read_bytes, read_file

__all__ = [
    "MAX_FILE_BYTES",
    "PROPOSED",
    "DateCandidate",
    "IntakeError",
    "IntakeResult",
    "NumberCandidate",
    "NumberKind",
    "Progress",
    "QuoteCandidate",
    "ReadDocument",
    "as_said",
    "extract",
    "extract_dates",
    "extract_numbers",
    "extract_quotes",
    "names_match",
    "normalise_name",
    "read_bytes",
    "read_file",
]
