"""What a unit of work changed, so views refresh only what they show."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId

Ref = tuple[RecordKind, RecordId]


@dataclass(frozen=True)
class Changes:
    created: frozenset[Ref] = field(default_factory=frozenset)
    updated: frozenset[Ref] = field(default_factory=frozenset)
    deleted: frozenset[Ref] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.created | other.created,
            self.updated | other.updated,
            self.deleted | other.deleted,
        )

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def kinds(self) -> frozenset[RecordKind]:
        return frozenset(kind for kind, _ in self.created | self.updated | self.deleted)

    def touches(self, kind: RecordKind) -> bool:
        return kind in self.kinds()


class ChangeCollector:
    """Accumulates refs during one transaction; a record created then deleted is not reported."""

    def __init__(self) -> None:
        self._created: set[Ref] = set()
        self._updated: set[Ref] = set()
        self._deleted: set[Ref] = set()

    def created(self, kind: RecordKind, record_id: RecordId) -> None:
        self._created.add((kind, record_id))
        self._deleted.discard((kind, record_id))

    def updated(self, kind: RecordKind, record_id: RecordId) -> None:
        if (kind, record_id) not in self._created:
            self._updated.add((kind, record_id))

    def deleted(self, kind: RecordKind, record_id: RecordId) -> None:
        ref = (kind, record_id)
        if ref in self._created:
            self._created.discard(ref)
        else:
            self._deleted.add(ref)
        self._updated.discard(ref)

    def freeze(self) -> Changes:
        return Changes(frozenset(self._created), frozenset(self._updated), frozenset(self._deleted))
