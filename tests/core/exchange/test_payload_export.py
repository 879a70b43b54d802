"""Writing an export: the review before a redacted one, atomic writes, the exchange table."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from casefile.domain.enums import RecordKind
from casefile.domain.errors import CasefileError, StorageFull
from casefile.domain.records import NoteDraft, QuoteDraft
from casefile.exchange.payload_errors import ReviewNeeded
from casefile.exchange.review import review_findings
from casefile.services import exchange_ids, notes, quotes
from casefile.services.exchange import Sealing, export_case, passphrase_sealing, pending_findings
from tests.core.exchange.helpers import PLAIN, fill, new_case, take


def test_passages_naming_their_protected_source_are_found(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as case:
        made = fill(case)
        first = made["canary"].split()[0]
        with case.transaction() as s:
            q = quotes.add(
                s, QuoteDraft(text=f"I, {first.upper()}, saw it", source_id=made["anon"].id)
            )
            quotes.add(
                s,
                QuoteDraft(
                    text=f"call me on {made['phone'].replace(' ', '-')}", source_id=made["anon"].id
                ),
            )
            notes.add(
                s,
                NoteDraft(text=f"{first} confirmed", target_kind=RecordKind.QUOTE, target_id=q.id),
            )
            quotes.add(s, QuoteDraft(text=f"{first} is a common word", source_id=made["named"].id))
        found = review_findings(take(case))
        assert sorted((f.record_kind.value, f.field, f.what) for f in found) == [
            ("note", "text", "name"),
            ("quote", "text", "name"),
            ("quote", "text", "phone"),
        ]
        assert all(first not in f.key and made["phone"] not in f.key for f in found)
        assert pending_findings(case) == found


def test_a_redacted_export_waits_for_the_review_and_writes_nothing(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as case:
        made = fill(case)
        with case.transaction() as s:
            quotes.add(
                s, QuoteDraft(text=f"My name is {made['canary']}", source_id=made["anon"].id)
            )
        target = tmp_path / "x.casefile.age"
        with pytest.raises(ReviewNeeded, match="1 passage") as caught:
            export_case(case, target, sealing=PLAIN)
        assert made["canary"] not in str(caught.value)
        assert not target.exists()
        keys = [f.key for f in pending_findings(case)]
        export_case(case, target, sealing=PLAIN, acknowledged=keys)
        assert target.exists()
        # a full export is separate and needs no review
        export_case(case, tmp_path / "full.casefile.age", sealing=PLAIN, full=True)


def test_every_export_records_its_ids_in_the_case(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as case:
        fill(case)
        export_case(case, tmp_path / "x.casefile.age", sealing=PLAIN)
        payload = json.loads((tmp_path / "x.casefile.age").read_bytes())
        with case.read() as s:
            rows = exchange_ids.rows(s)
        sent = {r.export_id for r in rows}
        assert payload["sources"][0]["id"] in sent and payload["case"]["id"] in sent
        assert len(rows) == 1 + sum(
            len(payload[k])
            for k in ("sources", "documents", "quotes", "claims", "contradictions", "tags", "notes")
        )


def _broken(error: BaseException) -> Sealing:
    def check(sealed: bytes, plaintext: bytes) -> None:
        raise error

    return Sealing(encrypt=lambda p: p, check=check)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (CasefileError("read-back failed"), "read-back failed"),
        (OSError(errno.ENOSPC, "No space left on device"), "not enough space"),
    ],
)
def test_a_failed_write_keeps_the_old_file_and_the_case_and_leaves_no_temp(
    tmp_path: Path, error: BaseException, expected: str
) -> None:
    with new_case(tmp_path, "a") as case:
        fill(case)
        target = tmp_path / "out" / "x.casefile.age"
        target.parent.mkdir()
        target.write_bytes(b"the previous export")
        with pytest.raises(CasefileError, match=expected) as caught:
            export_case(case, target, sealing=_broken(error))
        if isinstance(error, OSError):
            assert isinstance(caught.value, StorageFull)
        assert target.read_bytes() == b"the previous export"
        assert sorted(p.name for p in target.parent.iterdir()) == ["x.casefile.age"]
        with case.read() as s:
            assert exchange_ids.rows(s) == []


def test_a_passphrase_export_is_checked_by_decrypting_it(tmp_path: Path) -> None:
    from casefile.exchange import age

    with new_case(tmp_path, "a") as case:
        fill(case)
        target = tmp_path / "x.casefile.age"
        export_case(case, target, sealing=passphrase_sealing("alpha bravo charlie", log2_work=10))
        plain = age.decrypt(target.read_bytes(), passphrase="alpha bravo charlie")
        assert json.loads(plain)["export_kind"] == "redacted"
