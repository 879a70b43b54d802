"""Argument parsing and dispatch; errors become one clear line and exit code 2."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from casefile.domain.errors import CasefileError


@dataclass(frozen=True)
class Frontends:
    """What the core cannot do itself, injected by the composition root (ui.launcher)."""

    open_window: Callable[[Path | None], int] | None = None
    render_pdf: Callable[..., None] | None = None


class UsageError(CasefileError):
    pass


class _Parser(argparse.ArgumentParser):
    """Bad arguments: one line on stderr and exit 2 (argparse would print the whole usage)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _case_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", type=Path, metavar="CASE", help="the .casefile")
    p.add_argument(
        "--passphrase-file", type=Path, metavar="F", help="first line: the case passphrase"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")


def build_parser() -> argparse.ArgumentParser:
    from casefile.cli import analysis, intake, printing, records, security, sharing

    parser = _Parser(prog="casefile", description="Casefile: the case file of a story.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("open", help="open the window on a case")
    p.add_argument("case", type=Path, nargs="?", metavar="CASE")

    p = sub.add_parser("new", help="create a case (encrypted unless --no-encryption)")
    _case_arg(p)
    p.add_argument("--title", required=True)
    p.add_argument("--summary", default="")
    p.add_argument("--no-encryption", action="store_true", help="make a plain, unencrypted case")
    p.set_defaults(run=records.run_new)

    add = sub.add_parser("add", help="add a source, quote or claim").add_subparsers(
        dest="kind", parser_class=_Parser, metavar="KIND", required=True
    )
    records.add_parsers(add, _case_arg)

    p = sub.add_parser("list", help="list records of one kind")
    _case_arg(p)
    p.add_argument("what", choices=records.LISTABLE)
    p.set_defaults(run=records.run_list)

    p = sub.add_parser("search", help="full-text search of the whole case")
    _case_arg(p)
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=records.run_search)

    intake.add_parsers(sub, _case_arg)
    analysis.add_parsers(sub, _case_arg)
    sharing.add_parsers(sub, _case_arg)
    printing.add_parsers(sub, _case_arg)
    security.add_parsers(sub, _case_arg)
    return parser


def _report_error(message: str, as_json: bool) -> None:
    if as_json:
        sys.stderr.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
    else:
        sys.stderr.write(f"casefile: error: {message}\n")


def _open_window(frontends: Frontends, case: Path | None) -> int:
    if frontends.open_window is None:
        raise CasefileError("the window is not available in this installation")
    return frontends.open_window(case)


def main(argv: Sequence[str] | None = None, frontends: Frontends | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args_list
    frontends = frontends or Frontends()
    try:
        parser = build_parser()
        args = parser.parse_args(args_list)
        if args.command in (None, "open"):
            return _open_window(frontends, getattr(args, "case", None))
        args.frontends = frontends
        result: int = args.run(args)
        return result
    except CasefileError as error:
        _report_error(str(error), as_json)
        return error.exit_code
    except KeyboardInterrupt:
        _report_error("interrupted; the last completed change was saved", as_json)
        return 130
    except Exception as error:  # last line of defence: no traceback, no values
        from casefile.crash import describe

        logging.getLogger("casefile.cli").exception("internal error")
        _report_error(f"internal error ({describe(error)}); your case was not changed", as_json)
        return 70
