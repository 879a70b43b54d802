"""Getting passphrases for the CLI: from a file (first line) or, on a terminal, a prompt."""

from __future__ import annotations

import getpass
import stat
import sys
from pathlib import Path

from casefile.domain.errors import CasefileError, InvalidValue

MAX_PASSPHRASE_FILE = 4096
MIN_NEW_PASSPHRASE = 8


def read_passphrase_file(path: Path, *, what: str = "passphrase file") -> str:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise CasefileError(f"the {what} {path} does not exist") from None
    except OSError:
        raise CasefileError(f"the {what} {path} cannot be read") from None
    if not stat.S_ISREG(st.st_mode):
        raise CasefileError(f"the {what} {path} is not a regular file")
    if st.st_size > MAX_PASSPHRASE_FILE:
        raise CasefileError(f"the {what} {path} is too large to hold a passphrase")
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise CasefileError(f"the {what} {path} is not UTF-8 text") from None
    except OSError:
        raise CasefileError(f"the {what} {path} cannot be read") from None
    lines = raw.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase:
        raise CasefileError(
            f"the {what} {path} is empty", hint="put the passphrase on its first line"
        )
    return passphrase


def prompt(label: str, *, confirm: bool = False) -> str | None:
    """Asks on the terminal; None when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        return None
    try:
        first = getpass.getpass(f"{label}: ")
        if confirm and getpass.getpass(f"{label} (again): ") != first:
            raise CasefileError("the two passphrases differ; nothing was created")
    except (EOFError, KeyboardInterrupt):
        raise CasefileError("no passphrase given") from None
    return first


def check_new(passphrase: str) -> str:
    if len(passphrase) < MIN_NEW_PASSPHRASE:
        raise InvalidValue(
            "passphrase",
            f"is shorter than {MIN_NEW_PASSPHRASE} characters",
            hint="use several unrelated words",
        )
    return passphrase
