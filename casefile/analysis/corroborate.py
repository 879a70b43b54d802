"""Figures that independent sources agree on, and figures that stand on one source only."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from casefile.analysis.describe import cited_figures
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import group_facts, ordered
from casefile.analysis.subjects import SubjectMap


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Claims whose intervals share a value, from at least two different sources."""

    subject: str
    members: tuple[str, ...]  # claim ids, sorted
    source_ids: tuple[str, ...]  # the distinct sources, sorted
    summary: str  # "$2,000/month (Source A), about $2,100/month (Source B): 2 sources agree"


@dataclass(frozen=True, slots=True)
class CorroborationReport:
    groups: tuple[Corroboration, ...]
    # Claims no other source backs: alone in their group, contradicted, or backed only by the
    # same source (on another day) or by unattributed claims. By group, then by value.
    single_source: tuple[str, ...]


def corroborate(
    facts: Iterable[ClaimFacts], *, subject_map: SubjectMap | None = None
) -> CorroborationReport:
    """Agreement groups and single-source figures, grouped exactly as detection groups claims.

    Agreement means one value fits every member's interval (with the comparison allowance), so a
    chain like [1, 2], [2, 3], [3, 4] gives two groups, never one that holds 1 and 4 together.
    """
    groups = group_facts(facts, subject_map)
    agreements: list[Corroboration] = []
    single: list[str] = []
    for key in sorted(groups):
        members = ordered(groups[key])
        backed: set[str] = set()
        for clique in _common_value_sets(members):
            sources = sorted({f.source_id for f in clique if f.source_id})
            if len(sources) < 2:
                continue
            backed.update(f.id for f in clique)
            summary = f"{cited_figures(clique)}: {len(sources)} sources agree"
            agreements.append(
                Corroboration(
                    subject=clique[0].subject,
                    members=tuple(sorted(f.id for f in clique)),
                    source_ids=tuple(sources),
                    summary=summary,
                )
            )
        single.extend(f.id for f in members if f.id not in backed)
    return CorroborationReport(tuple(agreements), tuple(single))


def _common_value_sets(members: list[ClaimFacts]) -> list[list[ClaimFacts]]:
    """The maximal sets of claims sharing a value, by one sweep over claims sorted by low bound.

    The claims open when a claim closes, if any opened since the last such moment, are one set.
    """
    found: list[list[ClaimFacts]] = []
    open_by_end: list[tuple[Decimal, int]] = []
    active: dict[int, ClaimFacts] = {}
    opened_since = False
    for index, f in enumerate(members):
        while open_by_end and open_by_end[0][0] < f.normalised.low_key:
            if opened_since:
                found.append(ordered(active.values()))
                opened_since = False
            _, ended = heapq.heappop(open_by_end)
            del active[ended]
        heapq.heappush(open_by_end, (f.normalised.high_key, index))
        active[index] = f
        opened_since = True
    if opened_since and len(active) > 0:
        found.append(ordered(active.values()))
    return [s for s in found if len(s) > 1]
