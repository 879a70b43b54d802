"""Figures that independent sources agree on, and figures that stand on one source only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casefile.analysis.describe import cited_figures
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import group_facts, ordered
from casefile.analysis.positions import positions
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

    Agreement means one value fits every member's interval (with the comparison allowance): the
    groups are detection's agreement positions (positions.py) that hold two sources or more. So
    a chain like [1, 2], [2, 3], [3, 4] gives two groups, never one that holds 1 and 4 together.
    """
    groups = group_facts(facts, subject_map)
    agreements: list[Corroboration] = []
    single: list[str] = []
    for key in sorted(groups):
        members = ordered(groups[key])
        backed: set[str] = set()
        current: dict[str, ClaimFacts] = {}
        for position in positions(members):
            # Members carry over from the previous position, minus those that left it.
            current.update((f.id, f) for f in position.entered)
            sources = sorted({f.source_id for f in current.values() if f.source_id})
            if len(sources) >= 2:
                together = ordered(current.values())
                backed.update(current)
                agreements.append(
                    Corroboration(
                        subject=together[0].subject,
                        members=tuple(sorted(current)),
                        source_ids=tuple(sources),
                        summary=f"{cited_figures(together)}: {len(sources)} sources agree",
                    )
                )
            for f in position.left:
                del current[f.id]
        single.extend(f.id for f in members if f.id not in backed)
    return CorroborationReport(tuple(agreements), tuple(single))
