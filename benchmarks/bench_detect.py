"""Contradiction detection on 50k claims against an indexed SQL self-join over the same data.

Generates ~2k subjects with mixed units, periods and qualifiers (most figures agree, some are far
off), times `detect` (best of 5) and, in an in-memory sqlite3 database, a self-join on an index
that finds every disjoint pair within the same group; prints both, their ratio, and the time to
re-check one edited claim.

Run: .venv/bin/python benchmarks/bench_detect.py [CLAIMS]
"""

from __future__ import annotations

import dataclasses
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import WORDS, report
from casefile.analysis.detect import detect, recheck
from casefile.analysis.facts import ClaimFacts
from casefile.analysis.groups import group_key
from casefile.analysis.normalise import normalise
from casefile.domain.enums import Period, Qualifier

SUBJECTS = 2_000
SOURCES = 1_000
RATES = {"EUR": Decimal("1.08")}
# (unit, typical true value, periods a figure may be given in, per)
KINDS: tuple[tuple[str, int, tuple[Period, ...], str], ...] = (
    ("USD", 2_000, (Period.MONTH, Period.YEAR, Period.WEEK, Period.DAY), ""),
    ("US$", 1_500, (Period.MONTH, Period.YEAR), "fighter"),
    ("EUR", 1_800, (Period.MONTH, Period.YEAR), ""),
    ("USD", 12, (Period.HOUR,), ""),
    ("people", 350, (Period.TOTAL,), ""),
    ("recruits", 4_000, (Period.TOTAL, Period.MONTH), ""),
    ("months", 3, (Period.TOTAL,), ""),
    ("weeks", 12, (Period.TOTAL,), ""),
    ("permits", 40, (Period.TOTAL,), ""),
    ("%", 15, (Period.TOTAL, Period.YEAR), ""),
    ("km", 120, (Period.TOTAL,), ""),
)
QUALIFIERS = (
    [Qualifier.EXACT] * 10
    + [Qualifier.ABOUT] * 5
    + [Qualifier.NEARLY, Qualifier.UP_TO, Qualifier.AT_LEAST, Qualifier.MORE_THAN]
    + [Qualifier.LESS_THAN]
)
PER_MONTH = {
    Period.TOTAL: Decimal(1),
    Period.HOUR: Decimal(1),
    Period.MONTH: Decimal(1),
    Period.YEAR: Decimal(12),
    Period.WEEK: Decimal(12) / Decimal("52.18"),
    Period.DAY: Decimal(1) / Decimal("30.4"),
}


def best_of(n: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Best CPU time and best wall time of n runs, in seconds.

    Both sides of the comparison run in this one thread (sqlite3 too), so CPU time compares them
    fairly even on a busy machine, where wall time also counts other processes' turns.
    """
    cpu, wall = [], []
    for _ in range(n):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def generate(count: int, seed: int = 5) -> list[ClaimFacts]:
    return [ClaimFacts(**row) for row in claim_rows(count, seed)]


def claim_rows(count: int, seed: int = 5) -> list[dict[str, Any]]:
    """ClaimFacts fields for `count` claims, normalised (what a service builds from its rows)."""
    rng = random.Random(seed)
    per_subject = max(1, count // SUBJECTS)
    start = date(2024, 1, 1)
    rows: list[dict[str, Any]] = []
    for s in range(SUBJECTS):
        # One subject in a hundred is left blank, as reporters do under time pressure.
        subject = "" if s % 100 == 0 else f"{rng.choice(WORDS)} {rng.choice(WORDS)} {s}"
        unit, truth, periods, per = rng.choice(KINDS)
        for _ in range(per_subject if s < SUBJECTS - 1 else count - len(rows)):
            period = rng.choice(periods)
            # Most figures agree within 2 %; one in seven is far off.
            off = rng.uniform(0.98, 1.02) if rng.random() < 0.85 else rng.choice((0.5, 0.6, 1.8))
            step = Decimal(1) if truth >= 10 else Decimal("0.1")
            value = (Decimal(truth) * Decimal(str(round(off, 2))) * PER_MONTH[period]).quantize(
                step
            )
            value_max = (value * Decimal("1.2")).quantize(step) if rng.random() < 0.05 else None
            rows.append(
                {
                    "id": f"c{len(rows):06d}",
                    "subject": subject,
                    "normalised": (value, value_max, rng.choice(QUALIFIERS), unit, period, per),
                    "source_id": f"s{rng.randrange(SOURCES)}",
                    "source_label": f"Source {rng.randrange(SOURCES)}",
                    "as_of": start + timedelta(days=rng.randrange(600)),
                }
            )
    for row in rows:
        row["normalised"] = normalise(*row["normalised"], rates=RATES)
    return rows


def sql_join_seconds(facts: list[ClaimFacts]) -> tuple[tuple[float, float], int]:
    """The same question in SQL: disjoint pairs within a group, other source or other date."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE claims (id TEXT PRIMARY KEY, grp TEXT NOT NULL, lo REAL NOT NULL, "
        "hi REAL NOT NULL, source TEXT, as_of TEXT)"
    )
    db.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                f.id,
                "\x1f".join(group_key(f)),
                float(f.normalised.low_key),
                float(f.normalised.high_key),
                f.source_id,
                f.as_of.isoformat() if f.as_of else None,
            )
            for f in facts
        ],
    )
    db.execute("CREATE INDEX claims_by_group ON claims (grp, lo, hi, source, as_of, id)")
    db.execute("ANALYZE")
    query = (
        "SELECT a.id, b.id FROM claims a JOIN claims b ON b.grp = a.grp AND b.lo > a.hi "
        "WHERE a.source IS NOT b.source OR a.as_of IS NOT b.as_of"
    )
    pairs = len(db.execute(query).fetchall())
    seconds = best_of(5, lambda: db.execute(query).fetchall())
    db.close()
    return seconds, pairs


def main(count: int) -> None:
    rows = claim_rows(count)
    raw = [{**row, "normalised": row["normalised"].stated} for row in rows]

    def build() -> list[ClaimFacts]:
        built = []
        for row in raw:
            s = row["normalised"]
            normalised = normalise(
                s.value, s.value_max, s.qualifier, s.unit, s.period, s.per, rates=RATES
            )
            built.append(ClaimFacts(**{**row, "normalised": normalised}))
        return built

    facts = build()
    build_s, _ = best_of(1, build)

    candidates = detect(facts)
    ours = best_of(5, lambda: detect(facts))
    sql, pairs = sql_join_seconds(facts)
    with_reasons = best_of(1, lambda: [c.reason for c in detect(facts)])

    # One edit: a figure changes; only its group is re-checked.
    edited_at = len(facts) // 2
    before = facts[edited_at]
    after = dataclasses.replace(
        before,
        normalised=normalise(
            Decimal(99_999), None, Qualifier.EXACT, before.normalised.stated.unit,
            before.normalised.stated.period, before.normalised.stated.per, rates=RATES,
        ),
    )  # fmt: skip
    edited = [*facts[:edited_at], after, *facts[edited_at + 1 :]]
    recheck_s, _ = best_of(5, lambda: recheck([after.id], edited, before=[before]))
    rechecked = recheck([after.id], edited, before=[before])

    report(
        f"Contradiction detection, {len(facts):,} claims, {SUBJECTS:,} subjects",
        [
            ("normalise + ClaimFacts, CPU", f"{build_s * 1000:.0f} ms"),
            ("detect, CPU (best of 5)", f"{ours[0] * 1000:.0f} ms, {len(candidates):,} candidates"),
            ("SQL self-join, CPU (best of 5)", f"{sql[0] * 1000:.0f} ms, {pairs:,} disjoint pairs"),
            ("ratio detect / SQL, CPU", f"{ours[0] / sql[0]:.2f}  (aim ≤ 1.5)"),
            (
                "wall: detect, SQL, ratio",
                f"{ours[1] * 1000:.0f} ms, {sql[1] * 1000:.0f} ms, {ours[1] / sql[1]:.2f}",
            ),
            ("detect + every reason, CPU", f"{with_reasons[0] * 1000:.0f} ms"),
            (
                "recheck after one edit",
                f"{recheck_s * 1000:.1f} ms, {len(rechecked.candidates)} candidates  (aim < 50)",
            ),
        ],
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
