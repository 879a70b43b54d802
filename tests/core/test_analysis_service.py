"""The contradiction ledger fed by detection: stored once, dismissed stays dismissed, edits
re-check only what they touch, rates make currencies comparable, subjects merge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from casefile.domain.enums import ContradictionOrigin, ContradictionStatus, Period, Protection
from casefile.services import analysis, claims, contradictions, sources
from casefile.services.case import OpenCase
from tests import factories


def two_sources(case: OpenCase) -> tuple[str, str]:
    with case.transaction() as s:
        a = sources.add(s, factories.source(name="Named Worker"))
        b = sources.add(s, factories.protected_source(pseudonym="a relative of a recruit"))
    return a.id, b.id


def test_detection_stores_each_conflict_once_and_respects_dismissal(case: OpenCase) -> None:
    a, b = two_sources(case)
    with case.transaction() as s:
        claims.add(s, factories.claim(value=Decimal(2000), source_id=a, as_of=date(2026, 5, 12)))
        claims.add(s, factories.claim(value=Decimal(1000), source_id=b, as_of=date(2026, 5, 14)))
        claims.add(
            s,
            factories.claim(
                subject="contract length",
                value=Decimal(3),
                unit="months",
                period=Period.TOTAL,
                source_id=a,
            ),
        )
        claims.add(
            s,
            factories.claim(
                subject="contract length",
                value=Decimal(2),
                unit="months",
                period=Period.TOTAL,
                source_id=b,
            ),
        )
    with case.transaction() as s:
        first = analysis.run_detection(s)
    assert len(first.added) == 2
    pay = next(k for k in first.added if "month" in k.description and "$" in k.description)
    assert pay.origin is ContradictionOrigin.DETECTED and pay.status is ContradictionStatus.OPEN
    assert "$2,000/month" in pay.description and "$1,000/month" in pay.description
    assert "a relative of a recruit" in pay.description  # cited by pseudonym, never by name
    with case.transaction() as s:
        again = analysis.run_detection(s)
        contradictions.set_status(s, pay.id, ContradictionStatus.DISMISSED)
    assert again.added == () and len(again.already_known) == 2
    with case.transaction() as s:
        third = analysis.run_detection(s)
        assert contradictions.count(s) == 2
    assert third.added == ()
    with case.read() as s:
        assert contradictions.get(s, pay.id).status is ContradictionStatus.DISMISSED


def test_yearly_and_monthly_figures_compare_and_agree(case: OpenCase) -> None:
    a, b = two_sources(case)
    with case.transaction() as s:
        claims.add(s, factories.claim(value=Decimal(24000), period=Period.YEAR, source_id=a))
        claims.add(s, factories.claim(value=Decimal(2000), period=Period.MONTH, source_id=b))
        result = analysis.run_detection(s)
    assert result.added == ()
    with case.read() as s:
        report = analysis.corroborations(s)
    assert len(report.groups) == 1 and len(report.groups[0].source_ids) == 2


def test_different_currencies_compare_only_with_a_rate_on_the_case(case: OpenCase) -> None:
    a, b = two_sources(case)
    with case.transaction() as s:
        claims.add(s, factories.claim(value=Decimal(2000), unit="USD", source_id=a))
        claims.add(s, factories.claim(value=Decimal(1000), unit="EUR", source_id=b))
        assert analysis.run_detection(s).added == ()
    with case.transaction() as s:
        analysis.set_rate(s, "EUR", "1.08")
        result = analysis.run_detection(s)
    assert len(result.added) == 1


def test_editing_a_claim_rechecks_its_group(case: OpenCase) -> None:
    a, b = two_sources(case)
    with case.transaction() as s:
        high = claims.add(s, factories.claim(value=Decimal(2000), source_id=a))
        claims.add(s, factories.claim(value=Decimal(1000), source_id=b))
        (found,) = analysis.run_detection(s).added
    # the figures now agree: the untouched machine-made entry goes away
    with case.transaction() as s:
        before = claims.get(s, high.id)
        claims.update(s, high.id, replace(before.draft(), value=Decimal(1000)))
        analysis.recheck_claims(s, [high.id], before=[before])
        assert contradictions.count(s) == 0
    # and a new conflict after an edit is found without a full run
    with case.transaction() as s:
        before = claims.get(s, high.id)
        claims.update(s, high.id, replace(before.draft(), value=Decimal(5000)))
        result = analysis.recheck_claims(s, [high.id], before=[before])
    assert len(result.added) == 1
    assert found.signature == result.added[0].signature


def test_merging_subjects_makes_them_one_group(case: OpenCase) -> None:
    a, b = two_sources(case)
    with case.transaction() as s:
        claims.add(s, factories.claim(subject="monthly pay", value=Decimal(2000), source_id=a))
        claims.add(
            s, factories.claim(subject="salary per fighter", value=Decimal(1000), source_id=b)
        )
        assert analysis.run_detection(s).added == ()
        changed = analysis.merge_subjects(s, "salary per fighter", "monthly pay")
        assert len(changed) == 1
        assert len(analysis.run_detection(s).added) == 1
        assert [x for x, _ in claims.subjects(s)] == ["monthly pay"]


def test_protected_source_names_never_enter_reasons(case: OpenCase) -> None:
    canary = factories.canary_name()
    with case.transaction() as s:
        hidden = sources.add(
            s,
            factories.protected_source(
                name=canary, pseudonym="", protection=Protection.NEVER_REVEAL
            ),
        )
        named = sources.add(s, factories.source())
        claims.add(s, factories.claim(value=Decimal(2000), source_id=hidden.id))
        claims.add(s, factories.claim(value=Decimal(1000), source_id=named.id))
        (k,) = analysis.run_detection(s).added
    for token in canary.split():
        assert token not in k.description
    assert "protected source 1" in k.description
