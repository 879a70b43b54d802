"""Claimed numbers as printouts show them: as stated, as compared, and who agrees with them.

The wording and the comparison come from casefile.analysis (the same normalisation and
corroboration the window and detection use), fed with the exchange rates set on the case and with
source labels taken from the redacted view, so a corroboration never names a protected source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from casefile.analysis.corroborate import Corroboration, corroborate
from casefile.analysis.describe import describe, describe_compared
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.normalise import BASE_CURRENCY, Normalised, normalise
from casefile.domain.records import Claim


@dataclass(frozen=True)
class NumberContext:
    """What normalisation needs from the case: its exchange rates and base currency."""

    rates: Mapping[str, Decimal] = field(default_factory=dict)
    base_currency: str = BASE_CURRENCY


class Numbers:
    """Normalises each claim once per printout and words it."""

    def __init__(self, context: NumberContext) -> None:
        self._context = context
        self._cache: dict[str, Normalised] = {}

    def normalised(self, claim: Claim) -> Normalised:
        found = self._cache.get(claim.id)
        if found is None:
            found = normalise(
                claim.value,
                claim.value_max,
                claim.qualifier,
                claim.unit,
                claim.period,
                claim.per,
                rates=self._context.rates,
                base_currency=self._context.base_currency,
            )
            self._cache[claim.id] = found
        return found

    def stated(self, claim: Claim) -> str:
        """The number as the source put it: "up to $2,000/month"."""
        return describe(self.normalised(claim))

    def compared(self, claim: Claim) -> str:
        """The number as it is compared ("$24,000/year" → "$2,000/month"), with how it was
        converted when it was."""
        n = self.normalised(claim)
        text = describe_compared(n)
        return f"{text} ({n.note})" if n.note else text

    def corroborations(
        self, claims: Iterable[Claim], label: Callable[[str | None], str]
    ) -> list[Corroboration]:
        """Agreement groups of two sources or more among `claims`; `label` names a source as
        this printout may."""
        facts = [
            ClaimFacts(
                id=c.id,
                subject=c.subject,
                normalised=self.normalised(c),
                source_id=c.source_id,
                source_label=label(c.source_id) if c.source_id else "",
                as_of=c.as_of,
                raw_text=c.raw_text,
            )
            for c in claims
        ]
        return list(corroborate(facts).groups)
