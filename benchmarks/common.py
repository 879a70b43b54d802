"""Helpers for benchmark scripts: timing, and generated case files of a chosen size."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from casefile.domain.enums import Protection
from casefile.domain.records import QuoteDraft, SourceDraft
from casefile.services import bulk, sources
from casefile.services.case import OpenCase

WORDS = (
    "the",
    "recruits",
    "were",
    "promised",
    "monthly",
    "pay",
    "contract",
    "harbour",
    "agency",
    "ministry",
    "brigade",
    "division",
    "families",
    "transfer",
    "salary",
    "drivers",
    "returned",
    "permits",
    "statement",
    "officials",
    "convoy",
    "border",
)


@contextmanager
def timed(label: str, results: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    results[label] = time.perf_counter() - start


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def quote_drafts(count: int, source_ids: Sequence[str], seed: int = 1) -> Iterator[QuoteDraft]:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    for _ in range(count):
        yield QuoteDraft(
            text=sentence(rng),
            source_id=rng.choice(source_ids),  # type: ignore[arg-type]
            said_on=start + timedelta(days=rng.randrange(600)),
        )


def fill_case(case: OpenCase, *, quotes: int, n_sources: int = 1_000, seed: int = 1) -> None:
    rng = random.Random(seed)
    with case.transaction("bench") as s:
        ids = []
        for i in range(n_sources):
            protection = Protection.ANONYMOUS if i % 7 == 0 else Protection.NAMED
            draft = SourceDraft(
                name=f"Source {i} {rng.choice(WORDS)}",
                pseudonym=f"pseudonym {i}",
                protection=protection,
            )
            ids.append(sources.add(s, draft).id)
        bulk.add_quotes(s, quote_drafts(quotes, ids, seed), total=quotes)


def report(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n== {title}")
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def scratch(name: str) -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f"casefile-bench-{name}-"))
