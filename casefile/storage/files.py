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


def _unnamed_file(folder: Path) -> int | None:
    """An O_TMPFILE file in `folder`: it has no name until linked, so a crash (even kill -9)
    while writing leaves nothing behind. None where the filesystem or system lacks it (FAT
    sticks, network shares), and the caller falls back to a named temp file."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _link_unnamed(content: Path, name: Path) -> None:
    """Gives the unnamed file a name. os.link follows the /proc magic link only through
    linkat(AT_SYMLINK_FOLLOW), which CPython uses when a dir fd is passed (plain link(2)
    would try to link the /proc entry itself and fail with EXDEV)."""
    folder_fd = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(content, name, src_dir_fd=folder_fd, follow_symlinks=True)
    finally:
        os.close(folder_fd)


def _stale_named_temps(target: Path) -> list[Path]:
    return list(target.parent.glob(f".{target.name}.writing-*.tmp"))


def atomic_write(
    target: Path,
    write: Callable[[Path], object],
    *,
    what: str = "save the file",
    verify: Callable[[Path], None] | None = None,
    overwrite: bool = True,
) -> None:
    """Writes `target` all-or-nothing: an unnamed file in the same folder (or a hidden temp
    file where the filesystem has none), fsync, verify, link into place, fsync the folder.
    On any error — or a kill — the old target is intact and no temp file remains. `write` and
    `verify` get a path to the new file."""
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
    remove_quietly(*_stale_named_temps(target))  # left by a write interrupted on a FAT stick
    with translated_os_errors(what):
        fd = _unnamed_file(folder)
    if fd is None:
        _write_named(target, write, what=what, verify=verify, overwrite=overwrite)
        return
    temp = temp_sibling(target, "writing")
    try:
        with _no_temp_left(temp, what):
            content = Path(f"/proc/self/fd/{fd}")
            write(content)
            os.fsync(fd)
            if verify is not None:
                verify(content)
            if overwrite:
                # named for a moment only: link, then rename over the target
                _link_unnamed(content, temp)
                temp.replace(target)
            else:
                _link_unnamed(content, target)  # never clobbers
            fsync_dir(folder)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _no_temp_left(temp: Path, what: str) -> Iterator[None]:
    """On any failure the temp file goes, and an OSError becomes our storage error."""
    try:
        yield
    except OSError as error:
        remove_quietly(temp)
        raise storage_error(error, what) from None
    except BaseException:
        remove_quietly(temp)
        raise


def _write_named(
    target: Path,
    write: Callable[[Path], object],
    *,
    what: str,
    verify: Callable[[Path], None] | None,
    overwrite: bool,
) -> None:
    temp = temp_sibling(target, "writing")
    with _no_temp_left(temp, what):
        write(temp)
        fsync_file(temp)
        if verify is not None:
            verify(temp)
        if overwrite:
            temp.replace(target)
        else:
            os.link(temp, target)  # fails if the target appeared meanwhile: never clobbers
            temp.unlink()
        fsync_dir(target.parent)


def raise_if_disk_full(folder: Path, what: str, *, margin: int = 256 * 1024) -> None:
    """For writers that report failure without a reason (Qt's PDF writer): says "not enough
    space" when the folder's filesystem is (nearly) full, else returns."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return
    if stats.f_bavail * stats.f_frsize < margin:
        raise StorageFull(f"not enough space to {what}", hint="free some disk space and try again")
