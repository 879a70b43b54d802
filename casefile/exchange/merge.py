"""Merge planning: an incoming export against the current case, as additions, updates and
conflicts. Pure: the services apply a plan in one transaction.

Records are matched by their links (or, for a file imported before, by its export ids) to the
exchange table. A matched record merges field by field, three ways: the base is the fingerprint
of what both sides last agreed on. Only their change → taken; only mine → kept; both, and
different → a conflict, settled by the reporter's choice, or `prefer`, or left open (mine kept;
it shows again next time). Withheld fields never count, and a blank from a side with no base is
not taken over a value. The case record itself (title, summary) is never merged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from casefile.domain.enums import RecordKind
from casefile.domain.ids import RecordId
from casefile.domain.records import MemberRef
from casefile.domain.snapshot import CaseSnapshot
from casefile.exchange.merge_base import field_print, join, split
from casefile.exchange.payload import link_of, records_of
from casefile.exchange.payload_fields import REFERENCES, SECTIONS, is_blank, merged_fields
from casefile.exchange.payload_incoming import IncomingExport, IncomingRecord
from casefile.privacy.policy import PROTECTED_PLACEHOLDER

Side = Literal["mine", "theirs"]


@dataclass(frozen=True)
class ExchangeRow:
    """A row of the exchange table, as the services read it."""

    export_id: str
    kind: RecordKind
    record_id: str
    at: datetime
    fingerprint: str


@dataclass(frozen=True)
class Conflict:
    kind: RecordKind
    record_id: str
    field: str
    mine: Any
    theirs: Any
    resolution: Side | None = None

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.record_id}:{self.field}"


@dataclass(frozen=True)
class Addition:
    kind: RecordKind
    record_id: str
    values: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Update:
    kind: RecordKind
    record_id: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class MappingRow:
    export_id: str
    kind: RecordKind
    record_id: str
    fingerprint: str


@dataclass(frozen=True)
class MergePlan:
    additions: tuple[Addition, ...] = ()
    updates: tuple[Update, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    tag_links: tuple[tuple[str, RecordKind, str], ...] = ()
    mappings: tuple[MappingRow, ...] = ()
    unchanged: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def unresolved(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.resolution is None)


@dataclass(frozen=True)
class _Match:
    record_id: str
    base: dict[str, str]


def _local_records(local: CaseSnapshot) -> dict[tuple[RecordKind, str], Any]:
    found: dict[tuple[RecordKind, str], Any] = {(RecordKind.CASE, local.case.id): local.case}
    for _, kind in SECTIONS:
        found.update(((kind, r.id), r) for r in records_of(local, kind))
    return found


def match(
    incoming: IncomingExport, local: CaseSnapshot, rows: Sequence[ExchangeRow]
) -> dict[str, _Match]:
    """Incoming export id → the local record it continues (with the last agreed base)."""
    existing = _local_records(local)
    by_link = {link_of(r.export_id, incoming.nonce): r for r in rows}
    by_id = {r.export_id: r for r in rows}
    matches: dict[str, _Match] = {}
    claimed: set[tuple[RecordKind, str]] = set()
    tag_names = {t.name.casefold(): t.id for t in local.tags}
    for record in incoming.all_records():
        found = [by_link[link] for link in record.links if link in by_link]
        if record.id in by_id:
            found.append(by_id[record.id])
        if record.kind is RecordKind.CASE:
            found = [r for r in found if r.record_id == local.case.id]
            claimed.discard((RecordKind.CASE, local.case.id))
        candidates = [
            r
            for r in found
            if r.kind is record.kind
            and (r.kind, r.record_id) in existing
            and (r.kind, r.record_id) not in claimed
        ]
        if candidates:
            row = max(candidates, key=lambda r: r.at)
            chosen = _Match(row.record_id, split(record.kind, row.fingerprint))
        elif record.kind is RecordKind.CASE:
            chosen = _Match(local.case.id, {})
        elif record.kind is RecordKind.TAG and (
            (tag_id := tag_names.get(str(record.values.get("name", "")).casefold()))
            and (RecordKind.TAG, tag_id) not in claimed
        ):
            chosen = _Match(tag_id, {})  # one tag name means one tag in a case
        else:
            continue
        claimed.add((record.kind, chosen.record_id))
        matches[record.id] = chosen
    return matches


def _defaults(kind: RecordKind) -> dict[str, Any]:
    from dataclasses import MISSING, fields

    from casefile.exchange.payload_fields import DRAFTS

    out: dict[str, Any] = {"created_by": ""}
    for f in fields(DRAFTS[kind]):
        if f.default is not MISSING:
            out[f.name] = f.default
    return out


def plan(
    incoming: IncomingExport,
    local: CaseSnapshot,
    rows: Sequence[ExchangeRow],
    *,
    resolutions: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
    make_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> MergePlan:
    choices = resolutions or {}
    matches = match(incoming, local, rows)
    existing = _local_records(local)
    local_id = {rid: m.record_id for rid, m in matches.items()}
    for record in incoming.all_records():
        local_id.setdefault(record.id, make_id())

    def translated(record: IncomingRecord) -> dict[str, Any]:
        values = dict(record.values)
        for name, _ in REFERENCES.get(record.kind, {}).items():
            if values.get(name) is not None:
                values[name] = local_id[values[name]]
        if record.kind is RecordKind.CONTRADICTION and "members" in values:
            values["members"] = tuple(
                MemberRef(m.kind, RecordId(local_id[m.id])) for m in values["members"]
            )
        if record.kind is RecordKind.NOTE and values.get("target_id") is not None:
            values["target_id"] = local_id[values["target_id"]]
        return values

    additions: list[Addition] = []
    updates: list[Update] = []
    conflicts: list[Conflict] = []
    mappings: list[MappingRow] = []
    counts: dict[str, dict[str, int]] = {"added": {}, "updated": {}, "unchanged": {}}
    unchanged = 0
    for record in incoming.all_records():
        if record.kind is RecordKind.CASE:
            continue  # a case's title and summary are each reporter's own: shown, never merged
        target = local_id[record.id]
        theirs = translated(record)
        if record.id not in matches:
            values = {**_defaults(record.kind), **theirs}
            if record.kind is RecordKind.SOURCE:
                values["name_withheld"] = "name" in record.withheld
                if values["name_withheld"]:
                    values["name"] = values.get("pseudonym") or PROTECTED_PLACEHOLDER
            additions.append(
                Addition(record.kind, target, values, record.created_at, record.updated_at)
            )
            prints = {
                n: field_print(target, n, theirs[n])
                for n in merged_fields(record.kind)
                if n in theirs
            }
            mappings.append(MappingRow(record.id, record.kind, target, join(record.kind, prints)))
            _count(counts, "added", record.kind)
            continue
        mine = existing[(record.kind, target)]
        changes, found, base = _merge_fields(
            record, mine, theirs, matches[record.id].base, _Choice(choices, prefer)
        )
        conflicts.extend(found)
        mappings.append(MappingRow(record.id, record.kind, target, join(record.kind, base)))
        if changes:
            updates.append(Update(record.kind, target, changes))
            _count(counts, "updated", record.kind)
        else:
            unchanged += 1
            _count(counts, "unchanged", record.kind)
    current_links = {(t.tag_id, t.record_kind, t.record_id) for t in local.tag_links}
    tag_links = tuple(
        dict.fromkeys(
            link
            for tag, kind, record_id in incoming.tag_links
            if (link := (local_id[tag], kind, local_id[record_id])) not in current_links
        )
    )
    return MergePlan(
        additions=tuple(additions),
        updates=tuple(updates),
        conflicts=tuple(conflicts),
        tag_links=tag_links,
        mappings=tuple(mappings),
        unchanged=unchanged,
        counts=counts,
    )


def _count(counts: dict[str, dict[str, int]], what: str, kind: RecordKind) -> None:
    bucket = counts[what]
    bucket[kind.value] = bucket.get(kind.value, 0) + 1


def _decide(known: str | None, my_print: str, their_print: str, mine: Any, theirs: Any) -> str:
    """For two different values: "theirs", "mine" or "conflict"."""
    if known is not None:
        if my_print == known:
            return "theirs"  # only they changed it
        if their_print == known:
            return "mine"  # only I changed it; they have not seen it yet
        return "conflict"
    if is_blank(theirs):
        return "mine"  # a blank from a side we never agreed with is no information
    if is_blank(mine):
        return "theirs"
    return "conflict"


@dataclass(frozen=True)
class _Choice:
    resolutions: Mapping[str, Side]
    prefer: Side | None


def _merge_fields(
    record: IncomingRecord, mine: Any, theirs: dict[str, Any], base: dict[str, str], choice: _Choice
) -> tuple[dict[str, Any], list[Conflict], dict[str, str]]:
    """Field-by-field three-way merge of one matched record: changes, conflicts, new base."""
    changes: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    new_base: dict[str, str] = {}
    for name in merged_fields(record.kind):
        known = base.get(name)
        if name not in theirs:  # withheld: never a value, never a conflict
            if known is not None:
                new_base[name] = known
            continue
        their_value, my_value = theirs[name], getattr(mine, name)
        their_print = field_print(mine.id, name, their_value)
        if record.kind is RecordKind.SOURCE and name == "name" and mine.name_withheld:
            changes.update(name=their_value, name_withheld=False)  # a real name arrived
            new_base[name] = their_print
            continue
        if my_value == their_value:
            new_base[name] = their_print
            continue
        verdict = _decide(
            known, field_print(mine.id, name, my_value), their_print, my_value, their_value
        )
        if verdict == "conflict":
            conflict = Conflict(record.kind, mine.id, name, my_value, their_value)
            side = choice.resolutions.get(conflict.key, choice.prefer)
            conflicts.append(replace(conflict, resolution=side))
            if side == "theirs":
                changes[name] = their_value
            if side is not None:
                new_base[name] = their_print  # settled: not asked again for this version
            elif known is not None:
                new_base[name] = known  # left open: asked again next time
        elif verdict == "theirs":
            changes[name] = their_value
            new_base[name] = their_print
        elif known is not None:
            new_base[name] = known
    return changes, conflicts, new_base
