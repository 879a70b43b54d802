"""Detection: candidates, their reasons and signatures, big groups, re-checks, and properties."""

from __future__ import annotations

import dataclasses
import random
import time
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.analysis.detect import (
    MAX_SIDE,
    Candidate,
    detect,
    incomparable,
    recheck,
    signature_of,
)
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import group_key, ordered
from casefile.analysis.normalise import Normalised, normalise, overlaps
from casefile.analysis.positions import positions
from casefile.analysis.subjects import SubjectMap
from casefile.domain.enums import ContradictionKind
from tests.core.analysis.build import MAY_12, MAY_14, Said, facts


def said_all(*claims: tuple[str, Said]) -> list[ClaimFacts]:
    return [facts(claim_id, said) for claim_id, said in claims]


def test_the_example_from_the_issue() -> None:
    found = detect(
        said_all(
            ("a", Said("2000", "$", period="month", source="A", on=MAY_12)),
            ("b", Said("1000", "dollars", period="month", source="B", on=MAY_14)),
        )
    )
    assert [(c.kind, c.members) for c in found] == [(ContradictionKind.NUMERIC, ("a", "b"))]
    assert found[0].reason == (
        "$1,000/month (Source B, 14 May 2025) vs $2,000/month (Source A, 12 May 2025): no overlap"
    )
    assert found[0].subject == "monthly pay"
    assert found[0].signature == signature_of(ContradictionKind.NUMERIC, ["b", "a"])


def test_a_reason_shows_what_was_compared_when_units_differ() -> None:
    found = detect(
        said_all(
            ("a", Said("12000", "USD", period="year")),
            ("b", Said("2000", "$", period="month", source="B", on=None)),
        )
    )
    assert found[0].reason == (
        "$12,000/year (Source A, 12 May 2025) vs $2,000/month (Source B): no overlap "
        "($1,000/month vs $2,000/month)"
    )


def test_durations_are_their_own_kind() -> None:
    found = detect(
        said_all(
            ("a", Said("3", "months", subject="contracts")),
            ("b", Said("2", "month", subject="contract", source="B")),
        )
    )
    assert found[0].kind is ContradictionKind.DURATION
    assert found[0].reason.startswith("2 months (Source B, 12 May 2025) vs 3 months (Source A")


def test_open_ended_claims_do_not_hide_a_conflict_and_join_only_where_they_conflict() -> None:
    found = detect(
        said_all(
            ("low-1", Said("1000", "$", source="A")),
            ("low-2", Said("1000", "$", source="B")),
            ("at-least-500", Said("500", "$", qualifier="at_least", source="C")),
            ("up-to-1200", Said("1200", "$", qualifier="up_to", source="D")),
            ("high", Said("2000", "$", source="E")),
        )
    )
    assert [c.members for c in found] == [("high", "low-1", "low-2", "up-to-1200")]
    assert [f.id for f in found[0].lower] == ["up-to-1200", "low-1", "low-2"]


def test_one_sources_statement_is_not_set_against_itself() -> None:
    found = detect(
        said_all(
            ("a", Said("1000", "$", source="X")),
            ("b", Said("2000", "$", source="X")),
            ("c", Said("2000", "$", source="Y")),
        )
    )
    assert [c.members for c in found] == [("a", "c")]


def test_a_big_group_gives_at_most_one_candidate_per_position() -> None:
    many = said_all(*((f"c{i:02}", Said(str(100 * 2**i), "people", source=str(i)))
                      for i in range(12)))  # fmt: skip
    found = detect(many)
    assert 4 < len(found) <= 12
    assert all(len(c.members) == 2 for c in found[:-1])
    extremes = found[-1]
    assert extremes.members == ("c00", "c11")


def test_sides_are_capped_nearest_the_gap() -> None:
    # Two camps of 100 claims each, spread by less than the rounding allowance.
    low = [(f"low{i:03}", Said(f"{1000 + i / 10}", "people", source=f"L{i}")) for i in range(100)]
    high = [(f"high{i:03}", Said(f"{2000 + i / 10}", "people", source=f"H{i}")) for i in range(100)]
    candidate, *rest = detect(said_all(*low, *high))
    assert len(candidate.members) == 2 * MAX_SIDE
    assert {f.id for f in candidate.lower} == {f"low{i:03}" for i in range(100 - MAX_SIDE, 100)}
    assert {f.id for f in candidate.upper} == {f"high{i:03}" for i in range(MAX_SIDE)}
    assert candidate.reason.startswith("1,009.9 people (Source L99, 12 May 2025), 1,009.8 people")
    assert "22 more claims vs 2,000.0 people (Source H0, 12 May 2025)" in candidate.reason
    # The claims left out of it are still flagged: against the farthest claim of the other camp,
    # in candidates that fit the ledger.
    flagged = {m for c in (candidate, *rest) for m in c.members}
    assert flagged == {claim_id for claim_id, _ in (*low, *high)}
    assert all(len(c.lower) <= MAX_SIDE and len(c.upper) <= MAX_SIDE for c in rest)
    assert {c.upper[0].id for c in rest if len(c.upper) == 1} == {"high099"}
    assert {c.lower[0].id for c in rest if len(c.lower) == 1} == {"low000"}


def test_claims_whose_neighbours_share_their_source_are_still_flagged() -> None:
    # Five positions, so only neighbours and the extremes are paired; A's own neighbours are not
    # set against each other, yet each of A's figures conflicts with A's later one.
    found = detect(
        said_all(
            ("c00", Said("1", "$", period="month", on=MAY_12)),
            ("c01", Said("1", "$", period="year", on=MAY_12)),
            ("c02", Said("2", "$", period="month", on=MAY_12)),
            ("c03", Said("3", "$", period="month", on=MAY_12)),
            ("c04", Said("10", "$", period="month", on=MAY_14)),
        )
    )
    assert {m for c in found for m in c.members} == {"c00", "c01", "c02", "c03", "c04"}
    assert all("c04" in c.members for c in found)


def test_running_detection_again_gives_the_same_signatures() -> None:
    case = _random_case(random.Random(3), 400)
    first = detect(case)
    again = detect(list(reversed(case)))
    assert [c.signature for c in first] == [c.signature for c in again]
    assert len({c.signature for c in first}) == len(first)
    assert all(c.signature == signature_of(c.kind, c.members) for c in first)


def test_recheck_of_one_edit_gives_exactly_the_candidates_of_its_group() -> None:
    case = _random_case(random.Random(4), 600)
    before = case[123]
    after = dataclasses.replace(before, normalised=_value(before, "99999"))
    edited = [after if f.id == before.id else f for f in case]
    result = recheck([after.id], edited, before=[before])
    group = {f.id for f in edited if group_key(f) == group_key(after)}
    expected = [c for c in detect(edited) if set(c.members) & group]
    assert list(result.candidates) == expected
    assert expected, "the edit should have made a conflict"
    assert result.claim_ids == group
    assert result.groups == {group_key(after)}


def test_recheck_covers_the_group_a_claim_left_and_a_deleted_claim() -> None:
    case = _random_case(random.Random(5), 300)
    moved = case[10]
    elsewhere = dataclasses.replace(moved, subject="a brand new subject")
    edited = [elsewhere if f.id == moved.id else f for f in case]
    result = recheck([moved.id], edited, before=[moved])
    assert result.groups == {group_key(moved), group_key(elsewhere)}
    old_group = {f.id for f in edited if group_key(f) == group_key(moved)}
    assert list(result.candidates) == [c for c in detect(edited) if set(c.members) & old_group]

    deleted = [f for f in case if f.id != moved.id]
    gone = recheck([moved.id], deleted, before=[moved])
    assert moved.id in gone.claim_ids
    assert all(moved.id not in c.members for c in gone.candidates)


def test_a_claim_of_unknown_subject_is_compared_with_the_one_subject_of_its_kind() -> None:
    salary = ("salary", Said("2000", "$", subject="monthly salary"))
    paid = ("paid", Said("1000", "$", subject="", source="B"))
    other = ("other", Said("1000", "$", subject="", source="D"))
    assert [c.members for c in detect(said_all(salary, paid, other))] == [
        ("other", "paid", "salary")
    ]
    # with a second subject of the kind, which one "paid $1,000 a month" is about is a guess
    rent = ("rent", Said("300", "$", subject="rent", source="C"))
    assert detect(said_all(salary, paid, other, rent)) == []


@pytest.mark.parametrize("seed", [6, 7, 8])
def test_recheck_with_claims_of_unknown_subject_agrees_with_full_detection(seed: int) -> None:
    """Edits that give a kind its first or second subject, or take one away, included."""
    rng = random.Random(seed)
    case = [
        f if not f.subject else dataclasses.replace(f, subject="subject 1")
        for f in _random_case(rng, 300, unknown=0.3)
    ]
    for _ in range(12):
        before = rng.choice(case)
        after = dataclasses.replace(
            before,
            subject=rng.choice(["", "subject 1", "subject 2"]),
            normalised=_value(before, rng.choice(["999", "5000", "1200"])),
        )
        case = [after if f.id == before.id else f for f in case]
        result = recheck([after.id], case, before=[before])
        full = detect(case)
        # every candidate touching the re-checked claims, and no other, is in the recheck
        assert list(result.candidates) == [c for c in full if set(c.members) & result.claim_ids]
        # where claims of unknown subject meet the one subject of the kind, all of it was seen
        same_kind = [f for f in case if f.normalised.compat == after.normalised.compat]
        subjects = {f.subject_key for f in same_kind} - {""}
        if len(subjects) <= 1 and any(not f.subject_key for f in same_kind):
            assert {f.id for f in same_kind} <= result.claim_ids


def test_subject_merges_apply_before_grouping() -> None:
    claims = said_all(
        ("a", Said("1000", "$", subject="monthly pay")),
        ("b", Said("2000", "$", subject="wages", source="B")),
    )
    assert detect(claims) == []
    merges = SubjectMap.of([("wages", "monthly pay")])
    assert [c.members for c in detect(claims, subject_map=merges)] == [("a", "b")]
    assert [c.members for c in recheck(["b"], claims, subject_map=merges).candidates] == [
        ("a", "b")
    ]


def test_incomparable_claims_are_reported_with_the_reason() -> None:
    claims = said_all(
        ("a", Said("1000", "€", period="month")),
        ("b", Said("2000", "$", period="month", source="B")),
        ("c", Said("2000", "$", period="month", subject="", source="B")),
    )
    (found,) = incomparable(claims)
    assert found.members == ("a", "b")
    assert found.reason.endswith("EUR vs USD: no exchange rate on the case")
    assert detect(claims) == []


# --- properties ------------------------------------------------------------------------------

SUBJECTS = ["pay", "monthly pay", "", "Pay"]
KINDS = [("$", "month"), ("$", "year"), ("people", "total"), ("months", "total")]
DATES = [MAY_12, MAY_14, None]


@st.composite
def cases(draw: st.DrawFn) -> list[ClaimFacts]:
    size = draw(st.integers(min_value=0, max_value=30))
    out = []
    for i in range(size):
        unit, period = draw(st.sampled_from(KINDS))
        said = Said(
            str(draw(st.sampled_from([1, 2, 3, 10, 12, 100, 120, 1000, 1200, 2000]))),
            unit,
            value_max=draw(st.sampled_from([None, None, None, "2500"])),
            qualifier=draw(st.sampled_from(["exact", "exact", "about", "nearly", "up_to",
                                            "less_than", "at_least", "more_than"])),
            period=period,
            subject=draw(st.sampled_from(SUBJECTS)),
            source=draw(st.sampled_from(["A", "B", "C", None])),
            on=draw(st.sampled_from(DATES)),
        )  # fmt: skip
        if said.value_max is not None and Decimal(said.value_max) < Decimal(said.value):
            said = dataclasses.replace(said, value_max=None)
        out.append(facts(f"c{i:02}", said))
    return out


def _view(found: list[Candidate]) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [(c.signature, c.members, c.reason, c.subject) for c in found]


@settings(max_examples=150, deadline=None)
@given(case=cases(), seed=st.integers())
def test_detection_does_not_depend_on_input_order(case: list[ClaimFacts], seed: int) -> None:
    shuffled = case.copy()
    random.Random(seed).shuffle(shuffled)
    assert _view(detect(shuffled)) == _view(detect(case))


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_every_candidate_is_sound(case: list[ClaimFacts]) -> None:
    for candidate in detect(case):
        assert candidate.signature == signature_of(candidate.kind, candidate.members)
        members = (*candidate.lower, *candidate.upper)
        # one unit family and period; one subject, claims of unknown subject aside
        assert len({f.normalised.compat for f in members}) == 1
        assert len({f.subject_key for f in members} - {""}) <= 1
        for low in candidate.lower:
            assert any(low.origin != high.origin for high in candidate.upper)
            for high in candidate.upper:
                assert not overlaps(low.normalised, high.normalised)
                assert low.normalised.high_key < high.normalised.low_key


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_every_conflicting_pair_is_flagged_in_a_small_group(case: list[ClaimFacts]) -> None:
    found = detect(case)
    together = [set(c.members) for c in found]
    members = set().union(*together)
    for a in case:
        for b in case:
            if (
                _comparable(a, b, case)
                and a.normalised.high_key < b.normalised.low_key
                and a.origin != b.origin
            ):
                # Every claim in a conflict is flagged; where every pair of positions is reported
                # (groups this small), the two claims are flagged together.
                assert {a.id, b.id} <= members
                if _positions(case, a, b) <= 4:
                    assert any({a.id, b.id} <= ids for ids in together)


def _comparable(a: ClaimFacts, b: ClaimFacts, case: list[ClaimFacts]) -> bool:
    """The same unit family and period, and the same subject; or one of them of unknown
    subject where the kind has no other subject than the other's."""
    if a.normalised.compat != b.normalised.compat:
        return False
    if a.subject_key == b.subject_key:
        return True
    kind = {f.subject_key for f in case if f.normalised.compat == a.normalised.compat} - {""}
    return (not a.subject_key or not b.subject_key) and len(kind) == 1


def _positions(case: list[ClaimFacts], a: ClaimFacts, b: ClaimFacts) -> int:
    """Positions of the group the two are compared in: the subject's (unknowns lent to it)."""
    subject = a.subject_key or b.subject_key
    group = [
        f
        for f in case
        if f.normalised.compat == a.normalised.compat and f.subject_key in {subject, ""}
    ]
    return len(positions(ordered(group)))


def _random_case(rng: random.Random, size: int, unknown: float = 0.0) -> list[ClaimFacts]:
    """`unknown`: the share of claims whose subject is not known."""
    out = []
    for i in range(size):
        unit, period = rng.choice(KINDS)
        said = Said(
            str(rng.choice([1000, 1010, 1200, 2000, 2400])),
            unit,
            qualifier=rng.choice(["exact", "about", "at_least", "up_to"]),
            period=period,
            subject="" if rng.random() < unknown else f"subject {rng.randrange(size // 20)}",
            source=str(rng.randrange(30)),
            on=date(2025, 1, 1 + rng.randrange(28)),
        )
        out.append(facts(f"c{i:04}", said))
    return out


def _value(claim: ClaimFacts, value: str) -> Normalised:
    s = claim.normalised.stated
    return normalise(Decimal(value), None, "exact", s.unit, s.period, s.per)


def test_a_huge_disagreeing_group_stays_linear() -> None:
    """10k different figures plus 1,000 open-ended ones that sit in every position: no k²."""
    spread = [
        (f"v{i:05}", Said(str(1000 + 50 * i), "people", source=str(i))) for i in range(10_000)
    ]
    open_ended = [(f"o{i:04}", Said("1", "people", qualifier="at_least", source=f"o{i}"))
                  for i in range(1_000)]  # fmt: skip
    case = said_all(*spread, *open_ended)
    start = time.process_time()
    found = detect(case)
    assert time.process_time() - start < 5  # all pairs would be 50 million comparisons
    assert len(found) <= 10_000
    assert all(len(c.members) <= 2 * MAX_SIDE for c in found)
    assert not any(m.startswith("o") for c in found for m in c.members)
