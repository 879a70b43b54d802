"""Commands that share a case: `export` (an age-encrypted, redacted-by-default file) and
`import` (a hostile file merged all-or-nothing, with a report of what arrived)."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path
from typing import Any

from casefile.cli.common import actor, open_from_args
from casefile.cli.output import emit_json, emit_lines, jsonable, short
from casefile.cli.passphrases import check_new, prompt, read_passphrase_file
from casefile.domain.errors import CasefileError
from casefile.exchange.merge import Conflict
from casefile.privacy.classification import FieldClass, field_class
from casefile.services.changelog import TABLE_OF_KIND
from casefile.services.exchange import export_case, passphrase_sealing, recipients_sealing
from casefile.services.exchange_import import (
    MergeReport,
    identity_opener,
    import_export,
    passphrase_opener,
    read_export,
)

MAX_IDENTITY_FILE = 64 * 1024
HIDDEN = "(identifying: not shown)"


def add_parsers(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser("export", help="write an encrypted export (redacted unless --full)")
    case_arg(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="NAME.casefile.age")
    p.add_argument("--full", action="store_true", help="include protected identities (FULL)")
    p.add_argument(
        "--recipient", action="append", default=[], metavar="age1…", help="a colleague's key"
    )
    p.add_argument(
        "--export-passphrase-file", type=Path, metavar="F", help="first line: export passphrase"
    )
    p.add_argument(
        "--include-never-reveal",
        action="store_true",
        help="keep quotes and numbers of never-reveal sources (under their pseudonym)",
    )
    p.add_argument(
        "--acknowledge-findings",
        action="store_true",
        help="export although the review found identifying details in shared passages",
    )
    p.set_defaults(run=run_export)

    p = sub.add_parser("import", help="merge an export into the case")
    case_arg(p)
    p.add_argument("file", type=Path, metavar="FILE", help="a .casefile.age export")
    key = p.add_mutually_exclusive_group()
    key.add_argument(
        "--export-passphrase-file", type=Path, metavar="F", help="first line: export passphrase"
    )
    key.add_argument("--identity", type=Path, metavar="FILE", help="your age identity file")
    key.add_argument(
        "--my-key",
        action="store_true",
        help="decrypt with this case's own sharing key (casefile key)",
    )
    p.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help="settle every conflict this way (otherwise yours is kept and the conflict listed)",
    )
    p.set_defaults(run=run_import)
    add_key_parser(sub, case_arg)


def _export_passphrase(args: argparse.Namespace) -> str:
    if args.export_passphrase_file is not None:
        return read_passphrase_file(args.export_passphrase_file, what="export passphrase file")
    typed = prompt("Passphrase for the export", confirm=True)
    if typed is None:
        raise CasefileError(
            "an export needs a passphrase or a recipient",
            hint="give --export-passphrase-file F or --recipient age1…",
        )
    return check_new(typed)


def run_export(args: argparse.Namespace) -> int:
    if args.recipient and args.export_passphrase_file is not None:
        raise CasefileError("choose either recipients or an export passphrase, not both")
    sealing = (
        recipients_sealing(args.recipient)
        if args.recipient
        else passphrase_sealing(_export_passphrase(args))
    )
    with open_from_args(args) as case:
        result = export_case(
            case,
            args.out,
            sealing=sealing,
            full=args.full,
            include_never_reveal=args.include_never_reveal,
            acknowledged=bool(args.acknowledge_findings),
            actor=actor(),
        )
    kind = "full" if result.full else "redacted"
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "export_kind": kind,
                "encrypted_to": sealing.label,
                "size_bytes": result.size_bytes,
                "counts": result.counts,
                "acknowledged_findings": result.acknowledged_findings,
            }
        )
    else:
        what = ", ".join(f"{n} {k}" for k, n in result.counts.items() if n)
        lines = [f"exported {'FULL (protected identities included)' if result.full else kind} "
                 f"export to {result.path} ({what or 'no records'})"]  # fmt: skip
        if result.acknowledged_findings:
            lines.append(f"{result.acknowledged_findings} review findings were acknowledged")
        emit_lines(lines)
    return 0


def _identities(path: Path) -> list[str]:
    try:
        info = path.stat()
    except OSError:
        raise CasefileError(f"the identity file {path} cannot be read") from None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IDENTITY_FILE:
        raise CasefileError(f"the identity file {path} is not a small regular file")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise CasefileError(f"the identity file {path} is not readable text") from None
    keys = [line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise CasefileError(f"the identity file {path} holds no AGE-SECRET-KEY-1… line")
    return keys


def _case_identity(args: argparse.Namespace) -> list[str]:
    from casefile.services import sharing_key

    with open_from_args(args) as case, case.read() as s:
        secret = sharing_key.identity(s)
    if secret is None:
        raise CasefileError(
            "this case has no sharing key", hint="make one with 'casefile key --create'"
        )
    return [secret]


def run_import(args: argparse.Namespace) -> int:
    if args.my_key:
        decrypt = identity_opener(_case_identity(args))
    elif args.identity is not None:
        decrypt = identity_opener(_identities(args.identity))
    else:
        if args.export_passphrase_file is not None:
            passphrase = read_passphrase_file(
                args.export_passphrase_file, what="export passphrase file"
            )
        else:
            typed = prompt("Passphrase of the export")
            if typed is None:
                raise CasefileError(
                    "the export's passphrase is needed",
                    hint="give --export-passphrase-file F, or --identity FILE for a key",
                )
            passphrase = typed
        decrypt = passphrase_opener(passphrase)
    # Everything about the file is checked before the case is opened for writing.
    incoming = read_export(args.file, decrypt=decrypt)
    with open_from_args(args) as case:
        report = import_export(case, incoming, prefer=args.prefer, actor=actor())
    if args.json:
        emit_json(report_json(report))
    else:
        emit_lines(report_lines(report))
    return 0


def _shown(conflict: Conflict, value: Any) -> Any:
    table = TABLE_OF_KIND[conflict.kind]
    if field_class(table, conflict.field) is FieldClass.IDENTIFYING:
        return HIDDEN
    return jsonable(value)


def report_json(report: MergeReport) -> dict[str, Any]:
    return {
        "export_kind": report.export_kind,
        "format_version": report.format_version,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "tag_links_added": report.tag_links_added,
        "conflicts": [
            {
                "kind": c.kind.value,
                "record_id": c.record_id,
                "field": c.field,
                "yours": _shown(c, c.mine),
                "theirs": _shown(c, c.theirs),
                "resolution": c.resolution,
            }
            for c in report.conflicts
        ],
        "unresolved": len(report.unresolved),
    }


def report_lines(report: MergeReport) -> list[str]:
    def listing(counts: dict[str, int]) -> str:
        return ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"

    lines = [
        f"imported a {report.export_kind.upper()} export (format {report.format_version})",
        f"added: {listing(report.added)}",
        f"updated: {listing(report.updated)}",
        f"unchanged: {report.unchanged}",
    ]
    for c in report.conflicts:
        settled = f"kept {c.resolution}" if c.resolution else "UNRESOLVED, yours kept"
        yours, theirs = short(str(_shown(c, c.mine)), 30), short(str(_shown(c, c.theirs)), 30)
        lines.append(
            f"conflict {c.kind.value} {c.record_id} {c.field}: "
            f"yours {yours!r} / theirs {theirs!r} ({settled})"
        )
    if report.unresolved:
        lines.append(
            f"{len(report.unresolved)} conflicts left open: import again with "
            "--prefer mine|theirs, or settle them in the window"
        )
    return lines


def add_key_parser(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser("key", help="show (or with --create, make) your public key for exports")
    case_arg(p)
    p.add_argument("--create", action="store_true", help="make the key pair if there is none")
    p.set_defaults(run=run_key)


def run_key(args: argparse.Namespace) -> int:
    from casefile.services import sharing_key

    public: str | None
    with open_from_args(args) as case:
        if args.create:
            with case.transaction(actor()) as s:
                public = sharing_key.create(s, encrypted=case.encrypted)
        else:
            with case.read() as s:
                public = sharing_key.public_key(s)
    if public is None:
        raise CasefileError("this case has no sharing key yet", hint="run with --create")
    if args.json:
        emit_json({"public_key": public})
    else:
        emit_lines([public])
    return 0
