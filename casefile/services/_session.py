"""What a unit of work carries besides the database session: who acts, and what changed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from casefile.domain.changes import ChangeCollector
from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId

ACTOR = "casefile.actor"
CHANGES = "casefile.changes"


def actor_of(session: Session) -> str:
    return str(session.info.get(ACTOR, ""))


def collector_of(session: Session) -> ChangeCollector:
    collector = session.info.get(CHANGES)
    if collector is None:
        collector = session.info[CHANGES] = ChangeCollector()
    assert isinstance(collector, ChangeCollector)
    return collector


def note_created(session: Session, kind: RecordKind, record_id: str) -> None:
    collector_of(session).created(kind, RecordId(record_id))


def note_updated(session: Session, kind: RecordKind, record_id: str) -> None:
    collector_of(session).updated(kind, RecordId(record_id))


def note_deleted(session: Session, kind: RecordKind, record_id: str) -> None:
    collector_of(session).deleted(kind, RecordId(record_id))
