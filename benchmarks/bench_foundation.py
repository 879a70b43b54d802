"""Foundation figures: bulk insert of 200k quotes through the services against raw
sqlite3.executemany of the same rows into the same schema, and open-to-first-page time.

Run: ./dev bench   (or .venv/bin/python benchmarks/bench_foundation.py [N])
"""

from __future__ import annotations

import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import quote_drafts, report, scratch
from casefile.domain.enums import RecordKind
from casefile.domain.ids import new_id
from casefile.domain.records import SourceDraft
from casefile.services import bulk, listing, sources
from casefile.services.case import create_case, open_case
from casefile.services.listing import ListQuery
from casefile.storage.engine import connect_raw


def main(count: int) -> None:
    folder = scratch("foundation")
    try:
        ours = folder / "services.casefile"
        raw = folder / "raw.casefile"
        for path in (ours, raw):
            create_case(path, title="Bench", passphrase=None).close()

        case = open_case(ours)
        with case.transaction("bench") as s:
            source_ids = [sources.add(s, SourceDraft(name=f"Source {i}")).id for i in range(1_000)]
        drafts = list(quote_drafts(count, source_ids))
        start = time.perf_counter()
        with case.transaction("bench") as s:
            bulk.add_quotes(s, drafts, total=count)
        services_s = time.perf_counter() - start
        case.close()

        # The same rows through raw sqlite3 executemany, same schema, triggers and pragmas.
        conn = connect_raw(raw, None)
        now = datetime.now(UTC).isoformat()
        conn.executemany(
            "INSERT INTO sources (id, created_at, updated_at, created_by, kind, name, pseudonym, "
            "protection, role, affiliation, location, contact, reliability_note, "
            "first_contact_how, notes) "
            "VALUES (?, ?, ?, '', 'person', ?, '', 'named', '', '', '', '', '', '', '')",
            [(sid, now, now, f"Source {i}") for i, sid in enumerate(source_ids)],
        )
        rows = [
            (
                new_id(),
                now,
                now,
                "bench",
                d.text,
                d.source_id,
                d.said_on.isoformat() if d.said_on else None,
            )
            for d in drafts
        ]
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO quotes (id, created_at, updated_at, created_by, text, source_id, said_on, "
            "place, context, status, kind, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '', '', 'unverified', 'direct', '')",
            rows,
        )
        conn.execute("COMMIT")
        raw_s = time.perf_counter() - start
        conn.close()

        first_page = []
        for _ in range(5):
            start = time.perf_counter()
            opened = open_case(ours)
            with opened.read() as s:
                query = ListQuery(RecordKind.QUOTE)
                listing.count(s, query)
                first = listing.keys(s, query, limit=200)
                listing.rows(s, RecordKind.QUOTE, first[:100])
            first_page.append(time.perf_counter() - start)
            opened.close()

        report(
            f"foundation: {count:,} quotes (plain case)",
            [
                ("services bulk path", f"{count / services_s:,.0f} rows/s ({services_s:.2f} s)"),
                ("raw sqlite3.executemany", f"{count / raw_s:,.0f} rows/s ({raw_s:.2f} s)"),
                ("ratio services/raw", f"{raw_s / services_s:.0%} (aim ≥ 50%)"),
                (
                    "open → first page (best of 5)",
                    f"{min(first_page) * 1000:.0f} ms (aim < 300 ms)",
                ),
                ("open → first page (median)", f"{sorted(first_page)[2] * 1000:.0f} ms"),
            ],
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
