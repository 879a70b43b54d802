"""Runs a worker on a tiny tmpfs (in its own user and mount namespace) to fill the disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _namespace() -> list[str]:
    """The `unshare` command giving the child its own mounts.

    A user namespace (`-r`) lets anyone mount a tmpfs; a chroot refuses user namespaces, but
    there the tests run as root and a plain mount namespace does, once its mounts are made
    private (the caller's script does that) so nothing leaks to the host."""
    if _works(["unshare", "-rm", "true"]):
        return ["unshare", "-rm"]
    plain = ["unshare", "-m", "--propagation", "unchanged"]
    if _works([*plain, "true"]):
        return plain
    raise RuntimeError(
        "the disk-full tests need a private mount namespace: allow user namespaces "
        "(sysctl kernel.unprivileged_userns_clone=1) or run the tests as root"
    )


def _works(command: list[str]) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def run_on_small_disk(
    folder: Path, size: str, *worker_args: str, setup: str = ""
) -> dict[str, Any]:
    """Mounts a tmpfs of `size` on `folder` (private to the child), optionally runs the shell
    `setup`, then the worker; returns its last JSON line."""
    if shutil.which("unshare") is None:
        raise RuntimeError("the disk-full tests need util-linux's unshare")
    namespace = _namespace()
    private = (
        ""
        if namespace[1] == "-rm"
        else f'mount --make-rprivate "$(findmnt -n -o TARGET --target {folder})" && '
    )
    script = (
        f"{private}mount -t tmpfs -o size={size} tmpfs {folder} && {setup or 'true'} && "
        f"{sys.executable} -m tests.security.worker {' '.join(worker_args)}"
    )
    proc = subprocess.run(
        [*namespace, "sh", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise AssertionError(
            f"worker gave no result (exit {proc.returncode}): {proc.stderr[-2000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    result["stderr"] = proc.stderr
    return result
