"""Crash-safe file operations: fsync of files and folders, and atomic replacement."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from casefile.domain.errors import CasefileError, StorageFull


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_sibling(path: Path, purpose: str) -> Path:
    """A hidden, unpredictable name beside the target (same filesystem: rename is atomic)."""
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(6)}.tmp")


def remove_quietly(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def storage_error(error: OSError, what: str) -> CasefileError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(f"not enough space to {what}", hint="free some disk space and try again")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CasefileError(f"not allowed to {what}", hint="choose a folder you can write to")
    return CasefileError(f"could not {what} ({os.strerror(error.errno or 0)})")


@contextlib.contextmanager
def translated_os_errors(what: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise storage_error(error, what) from None


def atomic_write(
    target: Path,
    write: Callable[[Path], None],
    *,
    what: str = "save the file",
    verify: Callable[[Path], None] | None = None,
    overwrite: bool = True,
) -> None:
    """Writes `target` all-or-nothing: temp file in the same folder, fsync, verify, rename,
    fsync the folder. On any error the old target is intact and no temp file remains."""
    target = target.absolute()
    folder = target.parent
    if not folder.is_dir():
        raise CasefileError(
            f"the folder for {target.name} does not exist", hint="choose another folder"
        )
    if target.exists() and not target.is_file():
        raise CasefileError(f"{target.name} exists and is not a regular file")
    if not overwrite and target.exists():
        raise CasefileError(f"{target.name} already exists", hint="choose another name")
    temp = temp_sibling(target, "writing")
    try:
        write(temp)
        fsync_file(temp)
        if verify is not None:
            verify(temp)
        if overwrite:
            temp.replace(target)
        else:
            os.link(temp, target)  # fails if the target appeared meanwhile: never clobbers
            temp.unlink()
        fsync_dir(folder)
    except OSError as error:
        remove_quietly(temp)
        raise storage_error(error, what) from None
    except BaseException:
        remove_quietly(temp)
        raise
