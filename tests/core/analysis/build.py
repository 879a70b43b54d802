"""Builders for analysis tests: claims as ClaimFacts from a few readable keywords."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from casefile.analysis.detect import detect
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.normalise import comparable, normalise, overlaps

MAY_12 = date(2025, 5, 12)
MAY_14 = date(2025, 5, 14)


@dataclass(frozen=True)
class Said:
    """A claim as a test writes it: Said("2000", "$", period="month", source="A")."""

    value: str
    unit: str
    value_max: str | None = None
    qualifier: str = "exact"
    period: str = "total"
    per: str = ""
    subject: str = "monthly pay"
    source: str | None = "A"
    on: date | None = MAY_12


def facts(claim_id: str, said: Said, rates: Mapping[str, Decimal] | None = None) -> ClaimFacts:
    return ClaimFacts(
        id=claim_id,
        subject=said.subject,
        normalised=normalise(
            Decimal(said.value),
            None if said.value_max is None else Decimal(said.value_max),
            said.qualifier,
            said.unit,
            said.period,
            said.per,
            rates=rates,
        ),
        source_id=None if said.source is None else f"source-{said.source}",
        source_label="" if said.source is None else f"Source {said.source}",
        as_of=said.on,
    )


CONFLICT = "conflict"
AGREE = "agree"
NOT_COMPARABLE = "not comparable"
NOT_COMPARED = "different subjects: not compared"
ONE_STATEMENT = "apart, but one source on one date: no candidate"


def verdict(a: Said, b: Said, rates: Mapping[str, Decimal] | None = None) -> str:
    """What detection makes of two claims, in the words of the pair table."""
    first, second = facts("a", a, rates), facts("b", b, rates)
    # a claim of unknown subject may be about any subject: it is compared
    known = {first.subject_key, second.subject_key} - {""}
    if len(known) > 1:
        assert detect([first, second]) == []
        return NOT_COMPARED
    if not comparable(first.normalised, second.normalised):
        assert detect([first, second]) == []
        return NOT_COMPARABLE
    if detect([first, second]):
        return CONFLICT
    return AGREE if overlaps(first.normalised, second.normalised) else ONE_STATEMENT
