"""The one error intake raises: a document cannot be read, and what the reporter can do about it."""

from __future__ import annotations

from casefile.domain.errors import CasefileError


class IntakeError(CasefileError):
    """A document cannot be read. The message names the file and the problem, never its content."""
