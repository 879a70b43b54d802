"""Commands for passphrases, encryption and backups of a case."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casefile import settings
from casefile.cli.common import case_passphrase, open_from_args
from casefile.cli.output import emit_json, emit_lines
from casefile.cli.passphrases import check_new, prompt, read_passphrase_file
from casefile.domain.errors import CasefileError
from casefile.services import backups, security


def add_parsers(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser("passphrase", help="change the passphrase of an encrypted case")
    case_arg(p)
    p.add_argument("--new-passphrase-file", type=Path, metavar="F")
    p.set_defaults(run=run_change)

    p = sub.add_parser("encrypt", help="encrypt a plain case in place")
    case_arg(p)
    p.add_argument("--new-passphrase-file", type=Path, metavar="F")
    p.set_defaults(run=run_encrypt)

    p = sub.add_parser("decrypt", help="store an encrypted case as plain SQLite (not recommended)")
    case_arg(p)
    p.add_argument(
        "--yes", action="store_true", help="confirm: anyone with the file can then read it"
    )
    p.set_defaults(run=run_decrypt)

    p = sub.add_parser("backup", help="take a backup of the case now")
    case_arg(p)
    p.set_defaults(run=run_backup)

    p = sub.add_parser("backups", help="list the backups of the case")
    case_arg(p)
    p.set_defaults(run=run_list_backups)

    p = sub.add_parser("restore", help="replace the case with one of its backups")
    case_arg(p)
    p.add_argument("--backup", type=Path, required=True, metavar="FILE")
    p.add_argument(
        "--backup-passphrase-file", type=Path, metavar="F", help="if it differs from the case's"
    )
    p.set_defaults(run=run_restore)


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file is not None:
        return check_new(read_passphrase_file(args.new_passphrase_file, what="new passphrase file"))
    typed = prompt("New passphrase", confirm=True)
    if typed is None:
        raise CasefileError("no new passphrase", hint="give --new-passphrase-file F")
    return check_new(typed)


def _current(args: argparse.Namespace) -> str:
    current = case_passphrase(args, args.case)
    if current is None:
        raise CasefileError("this case is not encrypted")
    return current


def run_change(args: argparse.Namespace) -> int:
    current = _current(args)
    new = _new_passphrase(args)
    with open_from_args(args) as case:
        security.change_passphrase(case, current, new)
    return _done(args, "passphrase changed; the old one no longer opens the case")


def run_encrypt(args: argparse.Namespace) -> int:
    new = _new_passphrase(args)
    with open_from_args(args) as case:
        security.encrypt(case, new)
    return _done(args, "the case is now encrypted")


def run_decrypt(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CasefileError(
            "decrypting leaves the case readable by anyone with the file",
            hint="add --yes if that is really what you want",
        )
    current = _current(args)
    with open_from_args(args) as case:
        security.decrypt(case, current)
    return _done(args, "the case is now NOT encrypted")


def run_backup(args: argparse.Namespace) -> int:
    with open_from_args(args) as case:
        path = backups.make_backup(case, keep=settings.load().backup_keep)
    if args.json:
        emit_json({"backup": str(path)})
    else:
        emit_lines([f"backup written: {path}"])
    return 0


def run_list_backups(args: argparse.Namespace) -> int:
    found = backups.list_backups(args.case)
    if args.json:
        emit_json(
            [
                {"path": str(b.path), "taken_at": b.taken_at, "size_bytes": b.size_bytes}
                for b in found
            ]
        )
    else:
        emit_lines(
            [
                f"{b.taken_at:%Y-%m-%d %H:%M:%S} UTC  {b.size_bytes:>12,} bytes  {b.path}"
                for b in found
            ]
            or ["no backups"]
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    backup_passphrase = None
    if args.backup_passphrase_file is not None:
        backup_passphrase = read_passphrase_file(
            args.backup_passphrase_file, what="backup passphrase file"
        )
    with open_from_args(args) as case:
        passphrase = backup_passphrase or (
            case_passphrase(args, args.case) if case.encrypted else None
        )
        backups.restore(case, args.backup, passphrase=passphrase, keep=settings.load().backup_keep)
    return _done(args, "the case was restored from the backup (its state before was backed up too)")


def _done(args: argparse.Namespace, message: str) -> int:
    if args.json:
        emit_json({"ok": True, "message": message})
    else:
        emit_lines([message])
    return 0
