"""What detection and corroboration know about one claim: ClaimFacts, built from a Claim."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from casefile.analysis.normalise import BASE_CURRENCY, Normalised, normalise
from casefile.analysis.subjects import subject_key
from casefile.domain.records import Claim


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """One claim as the analysis sees it; `source_label` is how outputs may cite the source."""

    id: str
    subject: str
    normalised: Normalised
    source_id: str | None = None
    source_label: str = ""
    as_of: date | None = None
    raw_text: str = ""
    # Computed once here so that grouping 50k claims is a dictionary lookup per claim.
    subject_key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "subject_key", subject_key(self.subject))

    @property
    def origin(self) -> tuple[str, date | None]:
        """Where and when the figure was said; an unattributed claim is an origin of its own."""
        return (self.source_id or f"unattributed:{self.id}", self.as_of)


def facts_of(
    claim: Claim,
    *,
    source_label: str = "",
    rates: Mapping[str, Decimal] | None = None,
    base_currency: str = BASE_CURRENCY,
) -> ClaimFacts:
    """The facts of a stored claim; the caller chooses the label (a pseudonym when protected)."""
    return ClaimFacts(
        id=claim.id,
        subject=claim.subject,
        normalised=normalise(
            claim.value,
            claim.value_max,
            claim.qualifier,
            claim.unit,
            claim.period,
            claim.per,
            rates=rates,
            base_currency=base_currency,
        ),
        source_id=claim.source_id,
        source_label=source_label,
        as_of=claim.as_of,
        raw_text=claim.raw_text,
    )
