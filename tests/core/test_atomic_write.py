"""All-or-nothing writes, on both paths: the unnamed O_TMPFILE file of Linux filesystems and
the hidden named temp file used where there is none (FAT sticks, network shares)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casefile.domain.errors import CasefileError
from casefile.storage.files import atomic_write


@pytest.fixture(params=["unnamed", "named"])
def path_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "named":
        # a system without O_TMPFILE: the writer must fall back to a named temp file
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    return str(request.param)


def test_the_new_content_replaces_the_old(tmp_path: Path, path_kind: str) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    atomic_write(target, lambda p: p.write_bytes(b"new content"))
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_a_failed_check_leaves_the_old_file_and_no_temp(tmp_path: Path, path_kind: str) -> None:
    target = tmp_path / "out.casefile.age"
    target.write_bytes(b"old")

    def refuse(_written: Path) -> None:
        raise CasefileError("the written export did not read back; nothing was saved")

    with pytest.raises(CasefileError, match="did not read back"):
        atomic_write(target, lambda p: p.write_bytes(b"half"), verify=refuse)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.casefile.age"]


def test_without_overwrite_an_existing_file_is_never_clobbered(
    tmp_path: Path, path_kind: str
) -> None:
    target = tmp_path / "mine.casefile.age"
    target.write_bytes(b"someone else's")
    with pytest.raises(CasefileError, match="already exists"):
        atomic_write(target, lambda p: p.write_bytes(b"mine"), overwrite=False)
    assert target.read_bytes() == b"someone else's"
    fresh = tmp_path / "new.casefile.age"
    atomic_write(fresh, lambda p: p.write_bytes(b"mine"), overwrite=False)
    assert fresh.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.casefile.age", "new.casefile.age"]
