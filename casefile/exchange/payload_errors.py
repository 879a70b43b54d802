"""Typed errors of exports and imports; messages name the place and the problem, never a value."""

from __future__ import annotations

from casefile.domain.errors import CasefileError


class InvalidExport(CasefileError):
    """An import was refused: not a well-formed Casefile export. Nothing was written."""

    def __init__(self, problem: str, *, hint: str | None = None) -> None:
        super().__init__(
            f"this export cannot be imported: {problem}",
            hint=hint or "nothing was imported; ask the sender for a new export",
        )
        self.problem = problem


class ExportRefused(CasefileError):
    """An export was not written (the case is unchanged and no file was created)."""


class ReviewNeeded(ExportRefused):
    """A redacted export waits for the reporter to edit or acknowledge review findings."""

    def __init__(self, count: int) -> None:
        noun = "passage" if count == 1 else "passages"
        super().__init__(
            f"the redacted export needs a review: {count} {noun} linked to protected sources "
            "mention their identifying details",
            hint="edit them, or acknowledge them (--acknowledge-findings) and export again",
        )
        self.count = count
