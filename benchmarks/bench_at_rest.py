"""Encryption at rest, measured: unlock time (Argon2id at the shipped parameters), and the bulk
insert and search figures of a plain and an encrypted case side by side in the same run.

Run: .venv/bin/python benchmarks/bench_at_rest.py [QUOTES]
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import WORDS, p95, quote_drafts, report, scratch
from casefile.domain.records import SourceDraft
from casefile.services import bulk, search, sources
from casefile.services.case import create_case, open_case

PASSPHRASE = "correct horse battery staple"


def measure(folder: Path, count: int, passphrase: str | None) -> dict[str, float]:
    path = folder / ("enc.casefile" if passphrase else "plain.casefile")
    create_case(path, title="Bench", passphrase=passphrase).close()
    start = time.perf_counter()
    case = open_case(path, passphrase=passphrase)
    unlock = time.perf_counter() - start
    with case.transaction("bench") as s:
        ids = [sources.add(s, SourceDraft(name=f"Source {i}")).id for i in range(1_000)]
    drafts = list(quote_drafts(count, ids))
    start = time.perf_counter()
    with case.transaction("bench") as s:
        bulk.add_quotes(s, drafts, total=count)
    insert = time.perf_counter() - start
    case.close()
    case = open_case(path, passphrase=passphrase)
    latencies = []
    for word in WORDS * 3:
        t = time.perf_counter()
        with case.read() as s:
            search.search(s, word[:4], limit=50)
        latencies.append(time.perf_counter() - t)
    case.close()
    return {
        "unlock": unlock,
        "rows_per_s": count / insert,
        "search_p95": p95(latencies),
        "size": path.stat().st_size,
    }


def main(count: int) -> None:
    folder = scratch("at-rest")
    try:
        plain = measure(folder, count, None)
        enc = measure(folder, count, PASSPHRASE)
        report(
            f"at rest: {count:,} quotes, plain vs encrypted (SQLCipher, Argon2id 256 MiB t=3 p=2)",
            [
                ("open / unlock (plain)", f"{plain['unlock'] * 1000:.0f} ms"),
                (
                    "open / unlock (encrypted)",
                    f"{enc['unlock'] * 1000:.0f} ms (Argon2id + key check)",
                ),
                ("bulk insert (plain)", f"{plain['rows_per_s']:,.0f} rows/s"),
                ("bulk insert (encrypted)", f"{enc['rows_per_s']:,.0f} rows/s"),
                ("insert overhead", f"{plain['rows_per_s'] / enc['rows_per_s'] - 1:+.0%}"),
                ("search p95 (plain)", f"{plain['search_p95'] * 1000:.1f} ms"),
                ("search p95 (encrypted)", f"{enc['search_p95'] * 1000:.1f} ms"),
                (
                    "file size plain / encrypted",
                    f"{plain['size'] / 1e6:.0f} MB / {enc['size'] / 1e6:.0f} MB",
                ),
            ],
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
