"""Contradiction candidates: claims about the same thing whose figures cannot all be true."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from hashlib import sha256

from casefile.analysis.describe import (
    citation,
    cited_figures,
    describe,
    describe_compared,
    stated_form,
)
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import (
    GroupKey,
    group_facts,
    group_key,
    has_subject,
    ordered,
    subjects_by_kind,
)
from casefile.analysis.normalise import why_not_comparable
from casefile.analysis.positions import Position, positions
from casefile.analysis.subjects import SubjectMap
from casefile.analysis.units import UnitFamily
from casefile.domain.enums import ContradictionKind

ALL_PAIRS_UP_TO = 4
MAX_SIDE = 25


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected contradiction for the reporter to confirm or dismiss.

    `reason` and `subject` are worked out from the two sides when asked for, not during
    detection: a run over a whole case yields thousands of candidates, and a caller needs the
    text only of those it shows or has not stored yet.
    """

    kind: ContradictionKind
    members: tuple[str, ...]  # claim ids, sorted
    signature: str
    lower: tuple[ClaimFacts, ...] = field(repr=False, compare=False)  # by value, lowest first
    upper: tuple[ClaimFacts, ...] = field(repr=False, compare=False)

    @property
    def reason(self) -> str:
        """One sentence: "$1,000/month (Source B, 14 May 2025) vs $2,000/month (A): no overlap"."""
        return _reason(self.lower, self.upper)

    @property
    def subject(self) -> str:
        """The subject as most members write it."""
        counts = Counter(" ".join(f.subject.split()) for f in (*self.lower, *self.upper))
        return min(counts, key=lambda s: (-counts[s], s)) if counts else ""


@dataclass(frozen=True, slots=True)
class Recheck:
    """The complete, current candidates of the groups an edit touched.

    A stored detected candidate with a member in `claim_ids` whose signature is not among
    `candidates` no longer holds.
    """

    groups: frozenset[GroupKey]
    claim_ids: frozenset[str]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class Incomparable:
    """Claims with the same subject that cannot be compared, and why (e.g. no exchange rate)."""

    subject: str
    members: tuple[str, ...]
    reason: str


def signature_of(kind: ContradictionKind, member_ids: Iterable[str]) -> str:
    """A stable name for a candidate: the same kind and claims give the same signature."""
    return _signature(kind, tuple(sorted(set(member_ids))))


def _signature(kind: ContradictionKind, sorted_ids: tuple[str, ...]) -> str:
    text = kind.value + ":" + ",".join(sorted_ids)
    return sha256(text.encode()).hexdigest()[:32]


def detect(
    facts: Iterable[ClaimFacts], *, subject_map: SubjectMap | None = None
) -> list[Candidate]:
    """Every candidate in the case, in a stable order (by group, then by value).

    Within a group (same subject key and compatible units, see groups.py) the claims are swept into
    agreement *positions* (positions.py): maximal sets of claims that share a value. Positions are
    ordered by value; a candidate sets the claims of a lower position that end below a higher one
    against the claims of the higher one that start above all of those, so every claim on one side
    is apart from every claim on the other. Open-ended claims ("at least $500") sit in many
    positions and join a candidate only where they really conflict.

    * Different sources or different dates are needed: a claim joins a candidate only if some claim
      on the other side has another source or another date. Unattributed claims count as separate
      sources, since nothing says they came from one.
    * A group with up to 4 positions reports every pair of positions (at most 6 candidates). A
      bigger group reports each position against the next, plus the lowest against the highest: at
      most k candidates for k positions, never the k² of a table of all pairs. Pairs left out are
      implied by the ones shown ($1,000 < $2,000 < $3,000), and a reporter reading one subject wants
      a handful of disagreements, not every combination of them.
    * Each side is capped at 25 claims (those nearest the gap), so that a candidate fits the
      ledger's 50 members; a candidate that repeats another's members is dropped.
    * Every claim that conflicts with another source or date is in some candidate: a claim the
      pairs above leave out (capped, or whose neighbours share its origin) is set against the
      farthest claim of another origin.
    * The signature hashes the kind and the sorted member ids: detection run again yields the same
      signatures, and a caller that stores dismissed signatures keeps them dismissed. A new claim
      joining a side makes a new candidate (new evidence deserves a new look).
    """
    return _detect_groups(group_facts(facts, subject_map, with_unknown=True))


def _detect_groups(groups: dict[GroupKey, list[ClaimFacts]]) -> list[Candidate]:
    found: list[Candidate] = []
    for key in sorted(groups):
        members = groups[key]
        if len(members) < 2:
            continue
        for candidate in _detect_group(key, members):
            # In a subject's group, claims of unknown subject set only against each other are
            # the unknown group's own candidate already.
            if not key[0] or has_subject((*candidate.lower, *candidate.upper)):
                found.append(candidate)
    return found


def recheck(
    changed_ids: Iterable[str],
    facts: Sequence[ClaimFacts],
    *,
    before: Iterable[ClaimFacts] = (),
    subject_map: SubjectMap | None = None,
) -> Recheck:
    """Re-detects only the groups the changed claims belong to, now and (via `before`) before.

    `facts` is the whole case as it is now (a deleted claim is simply absent); `before` holds the
    changed claims as they were, so that the group a claim left is re-checked too.
    """
    changed = set(changed_ids)
    keys = {group_key(f, subject_map) for f in before}
    keys.update(group_key(f, subject_map) for f in facts if f.id in changed)
    subject_keys = {subject for subject, _ in keys}
    if subject_map is not None:
        subject_keys = subject_map.keys_into(subject_keys)
    # Claims of unknown subject are compared with the subject of their unit family and period
    # when it has just one (groups.py): where the edit may have made or ended that, all of the
    # family and period is re-checked.
    compats = {compat for _, compat in keys}
    with_unknown = {f.normalised.compat for f in facts if not f.subject_key} & compats
    with_unknown.update(compat for subject, compat in keys if not subject)
    subjects = subjects_by_kind(
        (f for f in facts if f.normalised.compat in with_unknown), subject_map
    )
    reach = 1 + len(changed) + len(keys)
    whole = {compat for compat in with_unknown if subjects[compat] <= reach}
    # The subject-key test is a cheap string lookup; only its hits pay for a full group key.
    touched = [
        f
        for f in facts
        if f.normalised.compat in whole
        or (f.subject_key in subject_keys and group_key(f, subject_map) in keys)
    ]
    groups = group_facts(touched, subject_map, with_unknown=True, subjects=subjects)
    return Recheck(
        groups=frozenset(keys | set(groups)),
        claim_ids=frozenset({f.id for f in touched} | changed),
        candidates=tuple(_detect_groups(groups)),
    )


def incomparable(
    facts: Iterable[ClaimFacts], *, subject_map: SubjectMap | None = None, limit: int = 10
) -> list[Incomparable]:
    """Same subject, units that cannot be compared: one entry per pair of unit kinds, capped."""
    by_subject: dict[str, dict[str, list[ClaimFacts]]] = {}
    for f in {f.id: f for f in facts}.values():
        key = f.subject_key if subject_map is None else subject_map.key_of(f.subject_key)
        if key:
            by_subject.setdefault(key, {}).setdefault(f.normalised.compat, []).append(f)
    found: list[Incomparable] = []
    for key in sorted(by_subject):
        kinds = by_subject[key]
        compats = sorted(kinds)
        pairs = [(a, b) for i, a in enumerate(compats) for b in compats[i + 1 :]][:limit]
        for a, b in pairs:
            left, right = ordered(kinds[a]), ordered(kinds[b])
            why = why_not_comparable(left[0].normalised, right[0].normalised)
            members = tuple(sorted(f.id for f in (*left, *right)))
            reason = f"{_figure(left[0])} vs {_figure(right[0])}: {why}"
            found.append(Incomparable(_subject_text([*left, *right]), members, reason))
    return found


def _detect_group(key: GroupKey, members: list[ClaimFacts]) -> list[Candidate]:
    # Most groups agree, and one shared value is cheaper to see than to sort for.
    if max([f.order[0] for f in members]) <= min([f.order[1] for f in members]):
        return []
    group = ordered(members)
    found = positions(group)
    if len(found) < 2:
        return []
    kind = (
        ContradictionKind.DURATION
        if key[1].startswith(f"{UnitFamily.DURATION}:")
        else ContradictionKind.NUMERIC
    )
    candidates: dict[str, Candidate] = {}
    for below, above in _sides(group, found):
        lower, upper = _attributable(below, above)
        if not lower or not upper:
            continue
        # Nearest the gap: the highest of the lower side, the lowest of the upper side.
        if len(lower) > MAX_SIDE:
            lower = ordered(sorted(lower, key=lambda f: (f.normalised.high_key, f.id))[-MAX_SIDE:])
        upper = upper[:MAX_SIDE]
        ids = tuple(sorted([f.id for f in lower] + [f.id for f in upper]))
        signature = _signature(kind, ids)
        if signature not in candidates:
            candidates[signature] = Candidate(kind, ids, signature, tuple(lower), tuple(upper))
    flagged = {member for c in candidates.values() for member in c.members}
    for lower, upper in _stragglers(group, flagged):
        ids = tuple(sorted([f.id for f in lower] + [f.id for f in upper]))
        signature = _signature(kind, ids)
        if signature not in candidates:
            candidates[signature] = Candidate(kind, ids, signature, tuple(lower), tuple(upper))
    return list(candidates.values())


def _stragglers(
    group: list[ClaimFacts], flagged: set[str]
) -> Iterator[tuple[list[ClaimFacts], list[ClaimFacts]]]:
    """Claims that conflict with another source or date but sit in no candidate yet, each set
    against the farthest such opponent.

    The pairs of positions reported leave claims out when a pair's only opponents share their
    source and date ($1, $2, $3 from A against $10 from B: neighbours $2/$3 are dropped, $1/$10
    kept), or when a side is capped. No claim in a conflict may go unflagged, so the stragglers
    below one opponent share a candidate with it (in chunks that fit a side), and likewise above.
    """
    # Only a claim ending below the highest start, or starting above the lowest end, can
    # conflict with anyone (the group is ordered by start, so the highest start is last).
    highest_low = group[-1].order[0]
    lowest_high = min([f.order[1] for f in group])
    unflagged = [
        f
        for f in group
        if (f.order[1] < highest_low or f.order[0] > lowest_high) and f.id not in flagged
    ]
    if not unflagged:
        return  # the usual case: the reported pairs already cover everyone in a conflict
    top = _farthest(group, lambda f: (f.order[0], f.id))
    bottom = _farthest(group, lambda f: (-f.order[1], f.id))
    below: dict[str, tuple[ClaimFacts, list[ClaimFacts]]] = {}
    above: dict[str, tuple[ClaimFacts, list[ClaimFacts]]] = {}
    for f in unflagged:
        high = top[0] if top[0].origin != f.origin else top[1]
        if high is not None and high.order[0] > f.order[1]:
            below.setdefault(high.id, (high, []))[1].append(f)
            continue
        low = bottom[0] if bottom[0].origin != f.origin else bottom[1]
        if low is not None and low.order[1] < f.order[0]:
            above.setdefault(low.id, (low, []))[1].append(f)
    for high, lows in below.values():
        for start in range(0, len(lows), MAX_SIDE):
            yield lows[start : start + MAX_SIDE], [high]
    for low, highs in above.values():
        for start in range(0, len(highs), MAX_SIDE):
            yield [low], highs[start : start + MAX_SIDE]


def _farthest(
    group: list[ClaimFacts], key: Callable[[ClaimFacts], tuple[Decimal, str]]
) -> tuple[ClaimFacts, ClaimFacts | None]:
    """The claim with the greatest key, and the one with the greatest key of another origin."""
    first = max(group, key=key)
    others = [f for f in group if f.origin != first.origin]
    return first, (max(others, key=key) if others else None)


def _sides(
    group: list[ClaimFacts], found: list[Position]
) -> Iterator[tuple[list[ClaimFacts], list[ClaimFacts]]]:
    """(lower side, upper side) for each pair of positions reported (see the module docstring)."""
    k = len(found)
    if k <= ALL_PAIRS_UP_TO:
        members = [p.members(group) for p in found]
        for i in range(k):
            for j in range(i + 1, k):
                yield _apart(members[i], found[j].low, members[j])
        return
    for i in range(k - 1):
        # Neighbours: who left position i is exactly who ends below position i + 1 (positions.py).
        yield _apart(found[i].left, found[i + 1].low, found[i + 1].entered)
    yield _apart(found[0].members(group), found[-1].low, found[-1].members(group))


def _apart(
    lower: list[ClaimFacts], upper_low: Decimal, upper: list[ClaimFacts]
) -> tuple[list[ClaimFacts], list[ClaimFacts]]:
    """Lower claims ending below the upper position, against upper claims starting above them."""
    # f.order is (widened low, widened high, id), ready-made on every ClaimFacts.
    below = [f for f in lower if f.order[1] < upper_low]
    if not below:
        return [], []
    ceiling = max([f.order[1] for f in below])
    return below, [f for f in upper if f.order[0] > ceiling]


def _attributable(
    lower: list[ClaimFacts], upper: list[ClaimFacts]
) -> tuple[list[ClaimFacts], list[ClaimFacts]]:
    """Each side without the claims whose only opponents share their source and date."""
    lower_origins = {f.origin for f in lower}
    upper_origins = {f.origin for f in upper}
    if len(lower_origins) > 1 and len(upper_origins) > 1:
        return lower, upper  # every claim has an opponent from elsewhere
    return (
        [f for f in lower if len(upper_origins) > 1 or f.origin not in upper_origins],
        [f for f in upper if len(lower_origins) > 1 or f.origin not in lower_origins],
    )


def _reason(lower: Sequence[ClaimFacts], upper: Sequence[ClaimFacts]) -> str:
    # Each side lists the figures nearest the gap first: those are the disagreement.
    nearest_first = sorted(lower, key=lambda f: (f.order[1], f.id), reverse=True)
    reason = f"{cited_figures(nearest_first)} vs {cited_figures(upper)}: no overlap"
    both = (*lower, *upper)
    if any(f.normalised.converted for f in both) and len({stated_form(f) for f in both}) > 1:
        # Figures written in different units or periods: show what was actually compared.
        near_low = nearest_first[0].normalised
        near_high = upper[0].normalised
        reason += f" ({describe_compared(near_low)} vs {describe_compared(near_high)})"
    return reason


def _figure(f: ClaimFacts) -> str:
    return f"{describe(f)} ({citation(f)})"


def _subject_text(facts: list[ClaimFacts]) -> str:
    counts = Counter(" ".join(f.subject.split()) for f in facts)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else ""
