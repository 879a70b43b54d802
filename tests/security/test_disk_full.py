"""Disk full while editing: a clear "not enough space", and every acknowledged edit kept."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

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
