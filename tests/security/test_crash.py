"""SECURITY.md tests 16 and 19: kill -9 during edits and during a passphrase change.

Each iteration starts a child process, lets it work, and kills it with SIGKILL at a random
moment; the case must then pass its integrity check, hold every acknowledged edit, and hold no
half-applied one. CI runs 50 and 20 iterations; CASEFILE_LONG=1 runs 500 and 200."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from casefile.domain.errors import WrongPassphrase
from casefile.domain.records import SourceDraft
from casefile.services import quotes, sources
from casefile.services.case import FAST_TEST_PARAMS, create_case, open_case
from tests.security.conftest import iterations

ROOT = Path(__file__).resolve().parents[2]
PASS, NEW = "correct horse battery staple", "a brand new passphrase"


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.security.worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_acks(
    proc: subprocess.Popen[str], until: float, *, marker: str = "", after_marker: float = 0.0
) -> list[int]:
    """Reads acknowledgements until the deadline (or `after_marker` seconds after the child
    prints `marker`), then kills the child with SIGKILL."""
    acks: list[int] = []
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    while time.monotonic() < until and proc.poll() is None:
        line = proc.stdout.readline()
        if line.startswith("ack "):
            acks.append(int(line.split()[1].rsplit("-", 1)[-1]))
        elif marker and line.strip() == marker:
            until = min(until, time.monotonic() + after_marker)
        elif not line:
            time.sleep(0.001)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rest = proc.stdout.read() or ""
    acks += [
        int(x.split()[1].rsplit("-", 1)[-1]) for x in rest.splitlines() if x.startswith("ack ")
    ]
    return acks


@pytest.mark.slow
def test_kill_9_during_edits_loses_no_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.casefile"
    create_case(path, title="Crash", passphrase=PASS, kdf=FAST_TEST_PARAMS).close()
    rng = random.Random(16)
    acknowledged = 0
    runs = iterations(50, 500)
    for run in range(runs):
        proc = spawn("edit-loop", str(path), PASS, str(run))
        # the child needs ~0.5 s to start: kill it before its first commit or well after
        acks = read_acks(proc, time.monotonic() + rng.uniform(0.3, 1.2))
        with open_case(path, passphrase=PASS) as case, case.read() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            names = {x.name for x in sources.list_all(s)}
            texts = {q.text for q in quotes.list_all(s)}
        for i in acks:
            assert f"Pair {run}-{i} source" in names and f"Pair {run}-{i} quote" in texts
        # no half-applied edit: every source of a pair has its quote and the reverse
        assert {n.replace(" source", "") for n in names} == {t.replace(" quote", "") for t in texts}
        acknowledged += len(acks)
    print(f"\nkill -9 during edits: {runs} kills, {acknowledged} acknowledged edits, none lost")


@pytest.mark.slow
def test_kill_9_during_a_passphrase_change_leaves_exactly_one_passphrase_working(
    tmp_path: Path,
) -> None:
    rng = random.Random(19)
    outcomes = {"old": 0, "new": 0}
    runs = iterations(20, 200)
    for n in range(runs):
        path = tmp_path / f"rekey{n}.casefile"
        with (
            create_case(path, title="Rekey", passphrase=PASS, kdf=FAST_TEST_PARAMS) as case,
            case.transaction() as s,
        ):
            for i in range(200):
                sources.add(s, SourceDraft(name=f"Source {i}"))
        proc = spawn("change-passphrase", str(path), PASS, NEW)
        # kill from just after it opened the case to after it finished the change
        read_acks(proc, time.monotonic() + 5, marker="opened", after_marker=rng.uniform(0, 0.12))
        opened = []
        for name, passphrase in (("old", PASS), ("new", NEW)):
            try:
                with open_case(path, passphrase=passphrase) as case, case.read() as s:
                    assert sources.count(s) == 200
                    assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
                opened.append(name)
            except WrongPassphrase:
                pass
        assert len(opened) == 1, opened
        outcomes[opened[0]] += 1
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(f".rekey{n}")]
        assert leftovers == []  # opening cleaned up any temp file of the interrupted change
    print(f"\nkill -9 during passphrase change: {runs} kills, outcomes {outcomes}")
