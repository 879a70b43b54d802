"""`extract`: the one call, its progress reports, its speed on a long document, its imports."""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.bench_intake import generate_document
from casefile.intake import IntakeResult, extract


def test_extract_returns_quotes_numbers_and_dates_in_text_order() -> None:
    text = 'In 2024, Ana Lima said: "They paid us $400 a month." About 350 men left.'
    result = extract(text)
    assert isinstance(result, IntakeResult)
    assert [q.text for q in result.quotes] == ["They paid us $400 a month."]
    assert [n.raw for n in result.numbers] == ["$400 a month", "About 350"]
    assert [d.raw for d in result.dates] == ["2024"]
    assert result.numbers[0].speaker == "Ana Lima"


def test_progress_rises_to_its_total() -> None:
    calls: list[tuple[int, int]] = []
    extract(generate_document(60_000), lambda done, total: calls.append((done, total)))
    assert len(calls) >= 5
    totals = {total for _, total in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert done[0] == 0 and done[-1] == totals.pop()


def test_empty_text() -> None:
    calls: list[tuple[int, int]] = []
    assert extract("", lambda d, t: calls.append((d, t))) == IntakeResult((), (), ())
    assert calls[-1][0] == calls[-1][1]


def test_a_200_page_document_takes_a_few_seconds() -> None:
    text = generate_document(600_000)
    extract(generate_document(5000, seed=1))  # compile the patterns outside the timing
    started = time.perf_counter()
    result = extract(text)
    elapsed = time.perf_counter() - started
    assert len(result.quotes) > 1000 and len(result.numbers) > 1000
    # About 2 s on a laptop; the bound leaves room for a loaded test machine.
    assert elapsed < 15, f"{elapsed:.1f} s"


def test_importing_intake_loads_no_qt_and_no_database() -> None:
    code = (
        "import sys, casefile.intake\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy') or m.startswith(('casefile.storage', "
        "'casefile.services'))]\n"
        "print(','.join(bad))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == ""
