"""Disk full while editing: a clear "not enough space", and every acknowledged edit kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from casefile.domain.records import SourceDraft
from casefile.services import sources
from casefile.services.case import create_case, open_case
from tests.security.disk_full import run_on_small_disk


def test_disk_full_during_edits_says_so_and_keeps_every_acknowledged_edit(tmp_path: Path) -> None:
    seed = tmp_path / "seed.casefile"
    create_case(seed, title="Full", passphrase=None).close()
    small = tmp_path / "small"
    small.mkdir()
    kept = tmp_path / "kept"
    kept.mkdir()
    target = small / "full.casefile"
    # the tmpfs lives only in the child's mount namespace: copy the case out when it is done
    result = run_on_small_disk(
        small,
        "2m",
        "fill-until-full",
        str(target),
        setup=f"cp {seed} {target} && trap 'cp {small}/full.casefile* {kept}/' EXIT",
    )
    assert result["acknowledged"] > 10
    assert "not enough disk space" in result["message"]
    assert "Traceback" not in result["stderr"]
    with open_case(kept / "full.casefile") as case, case.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        names = {x.name for x in sources.list_all(s)}
    assert {f"Filler {i}" for i in range(result["acknowledged"])} <= names


@pytest.mark.parametrize("kind", ["export", "pdf"])
def test_disk_full_while_writing_an_export_or_a_pdf(tmp_path: Path, kind: str) -> None:
    case = tmp_path / "c.casefile"
    with create_case(case, title="Full", passphrase=None) as opened, opened.transaction() as s:
        for i in range(400):
            sources.add(s, SourceDraft(name=f"Source number {i}", notes="n" * 200))
    small = tmp_path / "small"
    small.mkdir()
    kept = tmp_path / "kept"
    kept.mkdir()
    out = small / ("x.casefile.age" if kind == "export" else "x.pdf")
    result = run_on_small_disk(
        small,
        "24k",
        "write-once",
        kind,
        str(case),
        str(out),
        setup=f"echo old > {out} && trap 'cp -a {small}/. {kept}/' EXIT",
    )
    assert "not enough space" in result["message"]
    assert "Traceback" not in result["stderr"]
    # the old file is intact and nothing else was left on the full disk
    assert sorted(p.name for p in kept.iterdir()) == [out.name]
    assert (kept / out.name).read_text() == "old\n"
