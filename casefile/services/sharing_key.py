"""The reporter's own age key pair, so colleagues can export to them by public key. The secret
half lives only inside an encrypted case (never in a plain one, settings or logs)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.domain.enums import ChangeAction, RecordKind
from casefile.domain.errors import CasefileError
from casefile.exchange.age import generate_identity, recipient_of
from casefile.services import changelog
from casefile.services._session import note_updated
from casefile.storage.records import CaseRecord


def _case(session: Session) -> CaseRecord:
    return session.scalars(select(CaseRecord)).one()


def public_key(session: Session) -> str | None:
    identity = _case(session).sharing_identity
    return recipient_of(identity) if identity else None


def identity(session: Session) -> str | None:
    """The secret key, for decrypting exports sent to this reporter (never shown or exported)."""
    return _case(session).sharing_identity or None


def create(session: Session, *, encrypted: bool) -> str:
    """Makes the key pair once; returns the public key. Refused in a plain case, where the
    secret would sit unencrypted on disk."""
    if not encrypted:
        raise CasefileError(
            "a sharing key is stored only in an encrypted case",
            hint="encrypt this case first (Case ▸ Encrypt Case)",
        )
    case = _case(session)
    if not case.sharing_identity:
        secret, public = generate_identity()
        case.sharing_identity = secret
        changelog.record(
            session, RecordKind.CASE, case.id, ChangeAction.UPDATE, {"sharing_identity": "new"}
        )
        note_updated(session, RecordKind.CASE, case.id)
        return public
    return recipient_of(case.sharing_identity)


def remove(session: Session) -> None:
    """Forgets the key pair (exports made to it can then no longer be opened here)."""
    case = _case(session)
    if case.sharing_identity:
        case.sharing_identity = ""
        changelog.record(
            session, RecordKind.CASE, case.id, ChangeAction.UPDATE, {"sharing_identity": "removed"}
        )
        note_updated(session, RecordKind.CASE, case.id)
