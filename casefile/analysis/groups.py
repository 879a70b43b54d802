"""Which claims are compared: the same subject key (after merges) and compatible units."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from operator import attrgetter

from casefile.analysis.facts import ClaimFacts
from casefile.analysis.subjects import SubjectMap

# (canonical subject key, Normalised.compat). Claims without a subject share the key "" and so
# are compared with every other subject-less claim of the same unit family, unit and period (and,
# in detection, with the claims of every subject of it: see `group_facts(with_unknown=True)`).
type GroupKey = tuple[str, str]

_ORDER = attrgetter("order")


def group_key(facts: ClaimFacts, subject_map: SubjectMap | None = None) -> GroupKey:
    key = facts.subject_key if subject_map is None else subject_map.key_of(facts.subject_key)
    return (key, facts.normalised.compat)


def group_facts(
    facts: Iterable[ClaimFacts],
    subject_map: SubjectMap | None = None,
    *,
    with_unknown: bool = False,
    subjects: Counter[str] | None = None,
) -> dict[GroupKey, list[ClaimFacts]]:
    """Claims by group, each group in input order (claim ids are unique: they are record ids).

    `with_unknown`: a claim whose subject is unknown ("paid $1,000 a month") is most likely
    about the one subject its unit family and period has ("a salary of $2,000 per month"), so
    where there is just one it joins that group as well as its own. Where there are several,
    which one it is about nobody can tell, and setting it against each would bury the ledger in
    guesses: it is compared with the other claims of unknown subject only. `subjects` gives
    the count of subjects per unit family and period when `facts` is only part of a case.
    """
    groups: dict[GroupKey, list[ClaimFacts]] = {}
    if subject_map is None:
        for f in facts:
            groups.setdefault((f.subject_key, f.normalised.compat), []).append(f)
    else:
        key_of = subject_map.key_of
        for f in facts:
            groups.setdefault((key_of(f.subject_key), f.normalised.compat), []).append(f)
    if with_unknown:
        _lend_unknown(groups, subjects)
    return groups


class _Lender:
    """The claims of unknown subject of one unit family and period, sorted so that those that
    can conflict with a group are found by bisection: only a claim lying wholly below some
    member or wholly above some member can."""

    def __init__(self, members: list[ClaimFacts]) -> None:
        self.by_high = sorted(members, key=lambda f: (f.normalised.high_key, f.id))
        self.highs = [f.normalised.high_key for f in self.by_high]
        self.by_low = sorted(members, key=lambda f: (f.normalised.low_key, f.id))
        self.lows = [f.normalised.low_key for f in self.by_low]

    def lent_to(self, group: list[ClaimFacts]) -> list[ClaimFacts]:
        highest_low = max(f.normalised.low_key for f in group)
        lowest_high = min(f.normalised.high_key for f in group)
        below = self.by_high[: bisect_left(self.highs, highest_low)]
        above = self.by_low[bisect_right(self.lows, lowest_high) :]
        if not above:
            return below
        seen = {f.id for f in below}
        return [*below, *(f for f in above if f.id not in seen)]


def _lend_unknown(groups: dict[GroupKey, list[ClaimFacts]], subjects: Counter[str] | None) -> None:
    unknown = {compat: members for (key, compat), members in groups.items() if not key}
    if not unknown:
        return
    if subjects is None:
        subjects = Counter(compat for key, compat in groups if key and compat in unknown)
    for (key, compat), members in list(groups.items()):
        if key and subjects[compat] == 1:
            extra = _Lender(unknown[compat]).lent_to(members)
            if extra:
                groups[(key, compat)] = [*members, *extra]


def subjects_by_kind(facts: Iterable[ClaimFacts], subject_map: SubjectMap | None) -> Counter[str]:
    """How many known subjects each unit family and period has (see `group_facts`)."""
    keys = {group_key(f, subject_map) for f in facts}
    return Counter(compat for key, compat in keys if key)


def has_subject(members: Iterable[ClaimFacts]) -> bool:
    """True when some claim says what it counts (a group's own, not only lent ones)."""
    return any(f.subject_key for f in members)


def ordered(members: Iterable[ClaimFacts]) -> list[ClaimFacts]:
    """Claims by widened low bound, then high bound, then id: the same order for any input order."""
    return sorted(members, key=_ORDER)
