"""Which claims are compared: the same subject key (after merges) and compatible units."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from casefile.analysis.facts import ClaimFacts
from casefile.analysis.subjects import SubjectMap

# (canonical subject key, Normalised.compat). Claims without a subject share the key "" and so
# are compared with every other subject-less claim of the same unit family, unit and period.
type GroupKey = tuple[str, str]

_ORDER = attrgetter("order")


def group_key(facts: ClaimFacts, subject_map: SubjectMap | None = None) -> GroupKey:
    key = facts.subject_key if subject_map is None else subject_map.key_of(facts.subject_key)
    return (key, facts.normalised.compat)


def group_facts(
    facts: Iterable[ClaimFacts], subject_map: SubjectMap | None = None
) -> dict[GroupKey, list[ClaimFacts]]:
    """Claims by group, each group in input order (claim ids are unique: they are record ids)."""
    groups: dict[GroupKey, list[ClaimFacts]] = {}
    if subject_map is None:
        for f in facts:
            groups.setdefault((f.subject_key, f.normalised.compat), []).append(f)
    else:
        key_of = subject_map.key_of
        for f in facts:
            groups.setdefault((key_of(f.subject_key), f.normalised.compat), []).append(f)
    return groups


def ordered(members: Iterable[ClaimFacts]) -> list[ClaimFacts]:
    """Claims by widened low bound, then high bound, then id: the same order for any input order."""
    return sorted(members, key=_ORDER)
