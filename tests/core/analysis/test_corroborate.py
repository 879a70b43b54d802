"""Corroboration: figures independent sources agree on, and figures that stand alone."""

from __future__ import annotations

from hypothesis import given, settings

from casefile.analysis.corroborate import corroborate
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.normalise import overlaps
from tests.core.analysis.build import MAY_14, Said, facts
from tests.core.analysis.test_detect import cases


def claims(*items: tuple[str, Said]) -> list[ClaimFacts]:
    return [facts(claim_id, said) for claim_id, said in items]


def test_independent_sources_that_agree_are_grouped() -> None:
    report = corroborate(
        claims(
            ("a", Said("2000", "$", period="month", source="A")),
            ("b", Said("24000", "$", period="year", source="B")),
            ("c", Said("2000", "$", qualifier="about", period="month", source="C")),
            ("d", Said("1000", "$", period="month", source="D")),
        )
    )
    (group,) = report.groups
    assert group.members == ("a", "b", "c")
    assert group.source_ids == ("source-A", "source-B", "source-C")
    assert group.summary.endswith(": 3 sources agree")
    assert report.single_source == ("d",)


def test_one_source_on_two_dates_is_not_corroboration() -> None:
    report = corroborate(
        claims(
            ("a", Said("2000", "$", source="A")),
            ("b", Said("2000", "$", source="A", on=MAY_14)),
            ("c", Said("2000", "$", source=None)),
        )
    )
    assert report.groups == ()
    assert set(report.single_source) == {"a", "b", "c"}


def test_agreement_is_a_shared_value_not_a_chain() -> None:
    report = corroborate(
        claims(
            ("low", Said("100", "people", value_max="200", source="A")),
            ("middle", Said("200", "people", value_max="300", source="B")),
            ("high", Said("300", "people", value_max="400", source="C")),
        )
    )
    assert [g.members for g in report.groups] == [("low", "middle"), ("high", "middle")]
    assert report.single_source == ()


def test_claims_with_different_subjects_or_units_never_corroborate() -> None:
    report = corroborate(
        claims(
            ("a", Said("2000", "$", subject="pay", source="A")),
            ("b", Said("2000", "$", subject="rent", source="B")),
            ("c", Said("2000", "€", subject="pay", source="C")),
        )
    )
    assert report.groups == ()
    assert sorted(report.single_source) == ["a", "b", "c"]


@settings(max_examples=100, deadline=None)
@given(case=cases())
def test_every_group_shares_a_value_and_every_claim_is_accounted_for(
    case: list[ClaimFacts],
) -> None:
    report = corroborate(case)
    by_id = {f.id: f for f in case}
    grouped: set[str] = set()
    for group in report.groups:
        members = [by_id[i] for i in group.members]
        assert len(group.source_ids) >= 2
        assert all(overlaps(a.normalised, b.normalised) for a in members for b in members)
        grouped.update(group.members)
    assert grouped.isdisjoint(report.single_source)
    assert grouped | set(report.single_source) == set(by_id)
