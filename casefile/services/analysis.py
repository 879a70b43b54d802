"""Numbers compared: detection of contradictions into the ledger, re-checks after edits,
corroboration, subjects, and the exchange rates set on the case.

Detected candidates are stored as open contradictions (origin "detected") keyed by their
signature: running detection again never stores one twice, and never brings back one the
reporter dismissed (any contradiction with that signature, whatever its status, stays as is).
Reasons cite sources the way a redacted output would (pseudonyms), since they are shown and
printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from casefile.analysis.corroborate import CorroborationReport, corroborate
from casefile.analysis.describe import describe_compared
from casefile.analysis.detect import Candidate, detect, recheck
from casefile.analysis.facts import ClaimFacts, facts_of
from casefile.analysis.normalise import normalise
from casefile.domain.enums import (
    ChangeAction,
    ContradictionOrigin,
    ContradictionStatus,
    RecordKind,
)
from casefile.domain.errors import InvalidValue
from casefile.domain.records import Claim, ClaimDraft, Contradiction, ContradictionDraft, MemberRef
from casefile.domain.validation import clean_line, parse_decimal
from casefile.privacy.policy import Audience
from casefile.privacy.redaction import cited, neutral_labels
from casefile.services import changelog, claims, contradictions, sources
from casefile.services._session import note_updated
from casefile.services.case import get_case
from casefile.storage.records import CaseRecord, ClaimRecord, ContradictionRecord

MAX_REASON = 2_000


@dataclass(frozen=True)
class DetectionResult:
    candidates: tuple[Candidate, ...]
    added: tuple[Contradiction, ...]
    already_known: tuple[Contradiction, ...]
    # The ledger entry of each candidate, by candidate signature.
    stored: dict[str, Contradiction]

    def is_new(self, candidate: Candidate) -> bool:
        return any(k.id == self.stored[candidate.signature].id for k in self.added)


# -- rates ---------------------------------------------------------------------------------
def rates(session: Session) -> tuple[dict[str, Decimal], str]:
    case = session.scalars(select(CaseRecord)).one()
    stored = json.loads(case.currency_rates or "{}")
    return {code: Decimal(value) for code, value in stored.items()}, case.base_currency


def set_rate(session: Session, code: str, rate: str | Decimal | None) -> dict[str, Decimal]:
    """Sets (or with None, removes) the value of 1 `code` in the case's base currency."""
    code = clean_line("currency", code, required=True, max_len=3).upper()
    if not (len(code) == 3 and code.isalpha()):
        raise InvalidValue("currency", "must be a three-letter code such as EUR")
    current, base = rates(session)
    if code == base:
        raise InvalidValue("currency", f"{base} is the case's base currency")
    if rate is None:
        current.pop(code, None)
    else:
        value = parse_decimal("rate", rate)
        if value <= 0:
            raise InvalidValue("rate", "must be more than zero")
        current[code] = value
    case = session.scalars(select(CaseRecord)).one()
    before = case.currency_rates
    case.currency_rates = json.dumps({k: str(v) for k, v in sorted(current.items())})
    changelog.record(
        session, RecordKind.CASE, case.id, ChangeAction.UPDATE,
        {"currency_rates": case.currency_rates}, before={"currency_rates": before},
    )  # fmt: skip
    note_updated(session, RecordKind.CASE, case.id)
    return current


# -- facts ---------------------------------------------------------------------------------
def _labels(session: Session) -> dict[str, str]:
    everyone = sources.list_all(session)
    from casefile.domain.snapshot import CaseSnapshot

    labels = neutral_labels(CaseSnapshot(case=get_case(session), sources=tuple(everyone)))
    return {s.id: cited(s, Audience.REDACTED, labels) for s in everyone}


def facts(session: Session, claim_list: Sequence[Claim] | None = None) -> list[ClaimFacts]:
    """The analysis view of the case's claims (or of `claim_list`), sources cited by pseudonym."""
    case_rates, base = rates(session)
    labels = _labels(session)
    chosen = claims.list_all(session) if claim_list is None else claim_list
    return [
        facts_of(
            c, source_label=labels.get(c.source_id or "", ""), rates=case_rates, base_currency=base
        )
        for c in chosen
    ]


def compared_form(session: Session, claim: Claim) -> str:
    """The claim as compared: "$24,000/year" → "$2,000/month"."""
    case_rates, base = rates(session)
    n = normalise(
        claim.value, claim.value_max, claim.qualifier, claim.unit, claim.period, claim.per,
        rates=case_rates, base_currency=base,
    )  # fmt: skip
    return describe_compared(n)


# -- detection -----------------------------------------------------------------------------
def _store(session: Session, candidates: Iterable[Candidate]) -> DetectionResult:
    known = {
        r.signature: r.id
        for r in session.scalars(
            select(ContradictionRecord).where(ContradictionRecord.signature != "")
        )
    }
    # A contradiction the reporter made by hand over the same claims is the same finding.
    by_members: dict[frozenset[str], str] = {
        frozenset(str(m.id) for m in k.members): k.id for k in contradictions.list_all(session)
    }
    added: list[Contradiction] = []
    existing: list[Contradiction] = []
    stored: dict[str, Contradiction] = {}
    listed = tuple(candidates)
    for candidate in listed:
        same = known.get(candidate.signature) or by_members.get(frozenset(candidate.members))
        if same is not None:
            existing.append(contradictions.get(session, same))
            stored[candidate.signature] = existing[-1]
            continue
        added.append(
            contradictions.add(
                session,
                ContradictionDraft(
                    members=tuple(MemberRef(RecordKind.CLAIM, m) for m in candidate.members),  # type: ignore[arg-type]
                    kind=candidate.kind,
                    origin=ContradictionOrigin.DETECTED,
                    status=ContradictionStatus.OPEN,
                    description=candidate.reason[:MAX_REASON],
                    signature=candidate.signature,
                ),
            )
        )
        known[candidate.signature] = added[-1].id
        stored[candidate.signature] = added[-1]
    return DetectionResult(listed, tuple(added), tuple(existing), stored)


def run_detection(session: Session) -> DetectionResult:
    """Detects every candidate and stores the new ones as open contradictions."""
    return _store(session, detect(facts(session)))


def recheck_claims(
    session: Session, changed_ids: Iterable[str], *, before: Sequence[Claim] = ()
) -> DetectionResult:
    """After claims changed (added, edited, deleted): re-detects only their groups. Stores new
    candidates; removes detected contradictions of those groups that no longer hold, if the
    reporter has not touched them (still open, no resolution or note of what would settle it)."""
    changed = list(changed_ids)
    result = recheck(changed, facts(session), before=facts(session, list(before)))
    current = {c.signature for c in result.candidates}
    stale = session.scalars(
        select(ContradictionRecord).where(
            ContradictionRecord.origin == ContradictionOrigin.DETECTED,
            ContradictionRecord.status == ContradictionStatus.OPEN,
            ContradictionRecord.resolution == "",
            ContradictionRecord.settle_by == "",
        )
    ).all()
    from casefile.services import deletion

    for record in stale:
        if record.signature in current:
            continue
        members = {m.id for m in contradictions.get(session, record.id).members}
        if members & result.claim_ids or not members:
            deletion.delete(session, RecordKind.CONTRADICTION, record.id)
    return _store(session, result.candidates)


def corroborations(session: Session) -> CorroborationReport:
    return corroborate(facts(session))


def standing(session: Session, claim: Claim) -> str:
    """Whether independent sources back this figure, in a few words (looks only at claims of
    the same subject, so a claim's page stays quick on a big case)."""
    same = [
        claims.SPEC.value_of(session, r)
        for r in session.scalars(
            select(ClaimRecord).where(func.lower(ClaimRecord.subject) == claim.subject.lower())
        )
    ]
    report = corroborate(facts(session, same))
    for group in report.groups:
        if claim.id in group.members:
            return f"Corroborated: {len(group.source_ids)} sources agree"
    if claim.id in report.single_source:
        return "Stands on one source only"
    return ""


# -- subjects ------------------------------------------------------------------------------
def merge_subjects(session: Session, merged: str, into: str) -> list[str]:
    """Renames the subject `merged` to `into` on every claim ("salary per fighter" is "monthly
    pay"). Returns the ids of the claims changed (for undo)."""
    into = clean_line("subject", into, required=True)
    merged = clean_line("subject", merged, required=True)
    ids = list(session.scalars(select(ClaimRecord.id).where(ClaimRecord.subject == merged)))
    if ids:
        session.execute(update(ClaimRecord).where(ClaimRecord.id.in_(ids)).values(subject=into))
        for claim_id in ids:
            changelog.record(
                session, RecordKind.CLAIM, claim_id, ChangeAction.UPDATE,
                {"subject": into}, before={"subject": merged},
            )  # fmt: skip
            note_updated(session, RecordKind.CLAIM, claim_id)
        session.expire_all()
    return ids


def set_subject(session: Session, claim_ids: Sequence[str], subject: str) -> None:
    """Puts one subject on the given claims (the undo of a merge)."""
    subject = clean_line("subject", subject, required=True)
    session.execute(
        update(ClaimRecord).where(ClaimRecord.id.in_(list(claim_ids))).values(subject=subject)
    )
    for claim_id in claim_ids:
        note_updated(session, RecordKind.CLAIM, claim_id)
    session.expire_all()


def open_count(session: Session) -> int:
    return contradictions.count(session, status=ContradictionStatus.OPEN)


def parse_rates(text: str) -> Mapping[str, Decimal]:
    """ "EUR=1.08, GBP=1.27" → {"EUR": 1.08, "GBP": 1.27} (for forms and the CLI)."""
    out: dict[str, Decimal] = {}
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        code, _, value = part.partition("=")
        try:
            out[code.strip().upper()] = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidValue("rates", f"cannot read the rate for {code.strip()[:3]}") from None
    return out


class ClaimsWithRecheck:
    """The claims service for editors: every add and edit re-checks what it touches, so the
    ledger follows the numbers as they change (used by the window)."""

    @staticmethod
    def get(session: Session, claim_id: str) -> Claim:
        return claims.get(session, claim_id)

    @staticmethod
    def add(session: Session, draft: ClaimDraft) -> Claim:
        added = claims.add(session, draft)
        recheck_claims(session, [added.id])
        return added

    @staticmethod
    def update(session: Session, claim_id: str, draft: ClaimDraft) -> Claim:
        before = claims.get(session, claim_id)
        updated = claims.update(session, claim_id, draft)
        recheck_claims(session, [claim_id], before=[before])
        return updated


CLAIMS_WITH_RECHECK = ClaimsWithRecheck()
