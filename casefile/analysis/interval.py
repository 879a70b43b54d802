"""Intervals of exact decimals with open or closed ends and unbounded sides (None)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal

NEG_INF = Decimal("-Infinity")
POS_INF = Decimal("Infinity")

# All analysis arithmetic runs in this context, not the caller's: 34 digits hold any claim value
# (below 10^15) times any unit factor exactly, so only a final division can round.
ARITH = Context(prec=34, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a claim allows: [low, high], None meaning unbounded on that side.

    An open end excludes its bound: "more than 2,000" is (2000, ∞), "less than 10" is [0, 10).
    """

    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both, honouring open ends (no tolerance at all)."""
        return _below(self.low, self.low_open, other.high, other.high_open) and _below(
            other.low, other.low_open, self.high, self.high_open
        )


def _below(low: Decimal | None, low_open: bool, high: Decimal | None, high_open: bool) -> bool:
    """Whether a lower bound and an upper bound leave room for a value between them."""
    if low is None or high is None:
        return True
    if low_open or high_open:
        return low < high
    return low <= high


def widened(interval: Interval, allowance: Decimal) -> tuple[Decimal, Decimal]:
    """The bounds grown outwards by a relative allowance, with ±Infinity for unbounded sides.

    Open ends are closed in the result: the allowance is far wider than the point an open end
    excludes, so "more than 2,000" and "2,000" touch and are never called a contradiction.
    """
    low, high = interval.low, interval.high
    return (
        NEG_INF if low is None else ARITH.subtract(low, ARITH.multiply(abs(low), allowance)),
        POS_INF if high is None else ARITH.add(high, ARITH.multiply(abs(high), allowance)),
    )
