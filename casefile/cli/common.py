"""Helpers every command shares: opening the case named on the command line, and who acts."""

from __future__ import annotations

import argparse
from pathlib import Path

from casefile import settings
from casefile.cli.passphrases import prompt, read_passphrase_file
from casefile.domain.errors import CaseLocked
from casefile.services.case import OpenCase, is_encrypted, open_case


def actor() -> str:
    return settings.load().display_name


def case_passphrase(args: argparse.Namespace, path: Path) -> str | None:
    if not is_encrypted(path):
        return None
    if args.passphrase_file is not None:
        return read_passphrase_file(args.passphrase_file)
    typed = prompt(f"Passphrase for {path.name}")
    if typed is None:
        raise CaseLocked(
            f"{path.name} is encrypted",
            hint="give its passphrase with --passphrase-file F (or run in a terminal to be asked)",
        )
    return typed


def open_from_args(args: argparse.Namespace) -> OpenCase:
    path: Path = args.case
    return open_case(path, passphrase=case_passphrase(args, path))
