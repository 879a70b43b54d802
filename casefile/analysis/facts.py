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
    # Worked out once here, not in every detection run: grouping 50k claims is then a dictionary
    # lookup per claim, and sorting compares ready-made keys.
    subject_key: str = field(init=False, repr=False, compare=False)
    # Where and when the figure was said ("source|date"); an unattributed claim is an origin of
    # its own. A string, because detection puts origins in sets and strings cache their hash.
    origin: str = field(init=False, repr=False, compare=False)
    # Widened low bound, widened high bound, id: the order detection sweeps a group in.
    order: tuple[Decimal, Decimal, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_field = object.__setattr__  # the one way to fill derived fields of a frozen value
        set_field(self, "subject_key", subject_key(self.subject))
        source = self.source_id or f"unattributed:{self.id}"
        set_field(self, "origin", f"{source}|{self.as_of.isoformat() if self.as_of else ''}")
        set_field(self, "order", (self.normalised.low_key, self.normalised.high_key, self.id))


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
