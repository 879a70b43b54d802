"""`casefile print`: a source or case summary to PDF, redacted unless --full."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casefile.cli.common import open_from_args
from casefile.cli.output import emit_json, emit_lines
from casefile.domain.errors import CasefileError
from casefile.privacy.policy import Audience
from casefile.services import report


def add_parsers(sub: Any, case_arg: Any) -> None:
    p = sub.add_parser(
        "print", help="print a source or case summary to PDF (redacted unless --full)"
    )
    case_arg(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--source", metavar="ID", help="a source summary of this source")
    what.add_argument("--case", dest="whole_case", action="store_true", help="a case summary")
    p.add_argument("--pdf", type=Path, metavar="FILE", required=True, help="the PDF to write")
    p.add_argument(
        "--full",
        action="store_true",
        help="include protected identities (real names of anonymous sources)",
    )
    p.set_defaults(run=run_print)


def run_print(args: argparse.Namespace) -> int:
    render = args.frontends.render_pdf
    if render is None:
        raise CasefileError(
            "printing needs the window package", hint="install Casefile with its window (PySide6)"
        )
    audience = Audience.FULL if args.full else Audience.REDACTED
    with open_from_args(args) as case, case.read() as s:
        if args.whole_case:
            document = report.print_case(s, audience)
        else:
            document = report.print_source(s, args.source, audience)
    path: Path = args.pdf
    render(document, path)
    kind = "case" if args.whole_case else "source"
    if args.json:
        emit_json(
            {
                "path": str(path.absolute()),
                "summary": kind,
                "audience": audience.value,
                "label": document.audience_label,
            }
        )
    else:
        emit_lines([f"printed the {kind} summary ({document.audience_label}) to {path}"])
    return 0
