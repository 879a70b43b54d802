"""Normalised values and corroborations of claimed numbers, as printouts show them.

INTEGRATION POINT (analysis): casefile/analysis/normalise.py and corroborate.py are being written
alongside this package. Until they land, `normalised` returns "" (printed as "—") and
`corroborations` pairs claims of different sources on the same subject, unit and period whose
values overlap exactly. Wiring them in means replacing the bodies of these two functions only;
every caller goes through here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from casefile.domain.records import Claim


@dataclass(frozen=True)
class Corroboration:
    """Two claims of different sources that support each other."""

    claim: Claim
    other: Claim


def normalised(claim: Claim) -> str:
    """The value in the case's comparable unit (e.g. "2,000 USD / month"); "" when unknown."""
    del claim  # INTEGRATION POINT (analysis): describe(normalise(claim))
    return ""


def _key(claim: Claim) -> tuple[str, str, str]:
    return (" ".join(claim.subject.casefold().split()), claim.unit.casefold(), claim.period.value)


def _bounds(claim: Claim) -> tuple[Decimal, Decimal]:
    high = claim.value_max if claim.value_max is not None else claim.value
    return (min(claim.value, high), max(claim.value, high))


def corroborations(claims: Iterable[Claim], among: Iterable[Claim]) -> list[Corroboration]:
    """For each of `claims`, the claims in `among` from another source that agree with it."""
    # INTEGRATION POINT (analysis): corroborate(claims, among)
    by_key: dict[tuple[str, str, str], list[Claim]] = {}
    for other in among:
        if other.source_id is not None:
            by_key.setdefault(_key(other), []).append(other)
    found: list[Corroboration] = []
    for claim in claims:
        low, high = _bounds(claim)
        for other in by_key.get(_key(claim), []):
            if other.id == claim.id or other.source_id == claim.source_id:
                continue
            other_low, other_high = _bounds(other)
            if other_low <= high and low <= other_high:
                found.append(Corroboration(claim, other))
    return found
