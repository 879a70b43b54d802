"""Contradiction candidates: claims about the same thing whose figures cannot all be true.

Within a group (same subject key and compatible units, see groups.py) the claims are sorted by
their widened intervals and swept once into *overlap clusters*: runs of claims that chain
together by overlapping. Any claim of one cluster is apart from every claim of another, so a
candidate is a pair of clusters, lower vs higher, and says so in one sentence.

* Different sources or different dates are needed: a pair whose every cross pair comes from the
  same source on the same date (or both undated) is not a candidate. Unattributed claims count
  as separate sources, since nothing says they came from one.
* A group with up to 6 clusters reports every pair of clusters (at most 15). A bigger group
  reports each cluster against the next one it can conflict with, plus the lowest against the
  highest: at most k candidates for k clusters, never the k² a table of all pairs would be.
* Each side is capped at 25 claims (those nearest the gap), so that a candidate fits the ledger's
  50 members.
* The signature hashes the kind and the sorted member ids: detection run again yields the same
  signatures, and a caller that stores dismissed signatures keeps them dismissed. A new claim
  joining a cluster makes a new candidate (new evidence deserves a new look).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import sha256

from casefile.analysis.describe import (
    citation,
    cited_figures,
    describe,
    describe_compared,
    stated_form,
)
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import GroupKey, group_facts, group_key, ordered
from casefile.analysis.normalise import why_not_comparable
from casefile.analysis.subjects import SubjectMap
from casefile.analysis.units import UnitFamily
from casefile.domain.enums import ContradictionKind

ALL_PAIRS_UP_TO = 6
MAX_SIDE = 25

type Origins = frozenset[tuple[str, object]]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected contradiction for the reporter to confirm or dismiss."""

    kind: ContradictionKind
    members: tuple[str, ...]  # claim ids, sorted
    reason: str
    signature: str
    subject: str = ""  # the subject as most members write it


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
    text = f"{kind.value}:{','.join(sorted(set(member_ids)))}"
    return sha256(text.encode()).hexdigest()[:32]


def detect(
    facts: Iterable[ClaimFacts], *, subject_map: SubjectMap | None = None
) -> list[Candidate]:
    """Every candidate in the case, in a stable order (by group, then by value)."""
    groups = group_facts(facts, subject_map)
    texts: dict[str, str] = {}
    found: list[Candidate] = []
    for key in sorted(groups):
        members = groups[key]
        if len(members) > 1:
            found.extend(_detect_group(key, members, texts))
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
    # The subject-key test is a cheap string lookup; only its hits pay for a full group key.
    touched = [
        f for f in facts if f.subject_key in subject_keys and group_key(f, subject_map) in keys
    ]
    groups = group_facts(touched, subject_map)
    texts: dict[str, str] = {}
    found: list[Candidate] = []
    for key in sorted(groups):
        if len(groups[key]) > 1:
            found.extend(_detect_group(key, groups[key], texts))
    return Recheck(
        groups=frozenset(keys),
        claim_ids=frozenset({f.id for f in touched} | changed),
        candidates=tuple(found),
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


def _detect_group(
    key: GroupKey, members: list[ClaimFacts], texts: dict[str, str]
) -> list[Candidate]:
    clusters = _clusters(ordered(members))
    if len(clusters) < 2:
        return []
    origins: list[Origins] = [frozenset(f.origin for f in c) for c in clusters]
    kind = (
        ContradictionKind.DURATION
        if key[1].startswith(f"{UnitFamily.DURATION}:")
        else ContradictionKind.NUMERIC
    )
    found = []
    for i, j in _cluster_pairs(origins):
        lower = [f for f in clusters[i] if _has_partner(f, origins[j])]
        upper = [f for f in clusters[j] if _has_partner(f, origins[i])]
        # Nearest the gap: the highest of the lower cluster, the lowest of the upper one.
        if len(lower) > MAX_SIDE:
            nearest = sorted(lower, key=lambda f: (f.normalised.high_key, f.id))[-MAX_SIDE:]
            lower = ordered(nearest)
        upper = upper[:MAX_SIDE]
        ids = tuple(sorted(f.id for f in (*lower, *upper)))
        found.append(
            Candidate(
                kind=kind,
                members=ids,
                reason=_reason(lower, upper, texts),
                signature=signature_of(kind, ids),
                subject=_subject_text([*lower, *upper]),
            )
        )
    return found


def _clusters(members: list[ClaimFacts]) -> list[list[ClaimFacts]]:
    """Sorted claims split where the next one starts above everything so far."""
    clusters: list[list[ClaimFacts]] = []
    current = [members[0]]
    reach = members[0].normalised.high_key
    for f in members[1:]:
        n = f.normalised
        if n.low_key > reach:
            clusters.append(current)
            current = [f]
            reach = n.high_key
        else:
            current.append(f)
            reach = max(reach, n.high_key)
    clusters.append(current)
    return clusters


def _can_conflict(a: Origins, b: Origins) -> bool:
    """False only when both clusters hold nothing but one and the same origin."""
    return len(a) > 1 or a != b


def _has_partner(f: ClaimFacts, other: Origins) -> bool:
    return len(other) > 1 or f.origin not in other


def _cluster_pairs(origins: list[Origins]) -> list[tuple[int, int]]:
    k = len(origins)
    if k <= ALL_PAIRS_UP_TO:
        return [
            (i, j)
            for i in range(k)
            for j in range(i + 1, k)
            if _can_conflict(origins[i], origins[j])
        ]
    # next_other[j]: the first cluster after j whose origins differ from j's, found backwards in
    # one pass so that a long run of one source's figures is skipped in O(1).
    next_other = [k] * k
    for j in range(k - 2, -1, -1):
        next_other[j] = next_other[j + 1] if origins[j + 1] == origins[j] else j + 1
    pairs: set[tuple[int, int]] = set()
    for i in range(k - 1):
        j = i + 1 if _can_conflict(origins[i], origins[i + 1]) else next_other[i + 1]
        if j < k:
            pairs.add((i, j))
    if _can_conflict(origins[0], origins[-1]):
        pairs.add((0, k - 1))
    return sorted(pairs)


def _reason(lower: list[ClaimFacts], upper: list[ClaimFacts], texts: dict[str, str]) -> str:
    reason = f"{cited_figures(lower, texts)} vs {cited_figures(upper, texts)}: no overlap"
    both = (*lower, *upper)
    if any(f.normalised.converted for f in both) and len({stated_form(f) for f in both}) > 1:
        # Figures written in different units or periods: show what was actually compared.
        near_low = max(lower, key=lambda f: (f.normalised.high_key, f.id)).normalised
        near_high = upper[0].normalised
        reason += f" ({describe_compared(near_low)} vs {describe_compared(near_high)})"
    return reason


def _figure(f: ClaimFacts) -> str:
    return f"{describe(f)} ({citation(f)})"


def _subject_text(facts: list[ClaimFacts]) -> str:
    counts = Counter(" ".join(f.subject.split()) for f in facts)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else ""
