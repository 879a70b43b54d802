"""Agreement positions: the maximal sets of claims in a group that share a value, in one sweep."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from casefile.analysis.facts import ClaimFacts


@dataclass(slots=True)
class Position:
    """Claims that share the values [low, high] (widened bounds), and no claim outside does."""

    low: Decimal
    high: Decimal
    entered: list[ClaimFacts]  # members that were not in the previous position
    left: list[ClaimFacts] = field(default_factory=list)  # members not in the next position

    def members(self, group: list[ClaimFacts]) -> list[ClaimFacts]:
        """The position's claims, found by a scan of its group (in the group's order)."""
        low, high = self.low, self.high
        return [f for f in group if f.order[0] <= low and f.order[1] >= high]


def positions(group: list[ClaimFacts]) -> list[Position]:
    """The positions of a group already in `groups.ordered` order, lowest first.

    The claims' starts (widened low bounds, in group order) and ends (widened high bounds, sorted)
    are walked together like two sorted lists being merged, by binary search rather than one claim
    at a time. Whenever a claim ends before the next one starts, the claims open at that moment all
    share a value and no later claim can join them: that is one position. Positions come out ordered
    by value, and each claim belongs to a run of consecutive positions. Only what changes between
    neighbours is kept (who entered, who left), so the sweep is O(n log n) even when open-ended
    claims ("at least 500") belong to every position.
    """
    if not group:
        return []
    n = len(group)
    starts = [f.order[0] for f in group]  # ascending: the group is in order
    ends = [f.order[1] for f in group]
    by_end = sorted(range(n), key=ends.__getitem__)  # stable: ties keep group order
    sorted_ends = [ends[k] for k in by_end]
    found: list[Position] = []
    i = j = entered_from = left_from = 0
    while True:
        # Every claim starting no later than the earliest open end enters...
        i = bisect_right(starts, sorted_ends[j], i)
        if i == n:
            break
        # ...and the next one starts after it: the open claims share [starts[i-1], that end].
        found.append(Position(starts[i - 1], sorted_ends[j], group[entered_from:i]))
        if len(found) > 1:
            found[-2].left = [group[k] for k in by_end[left_from:j]]
        entered_from, left_from = i, j
        # Every claim ending before the next start leaves.
        j = bisect_left(sorted_ends, starts[i], j)
    found.append(Position(starts[-1], sorted_ends[j], group[entered_from:]))
    if len(found) > 1:
        found[-2].left = [group[k] for k in by_end[left_from:j]]
    found[-1].left = [group[k] for k in by_end[j:]]
    return found
