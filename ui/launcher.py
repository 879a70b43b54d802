"""The `casefile` command: the composition root of the process.

With no command (or `open`) it starts the window; every other command is the headless CLI of
casefile.cli, given the Qt-based pieces it cannot build itself (PDF rendering).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from casefile import hardening, logs
from casefile.cli import Frontends
from casefile.cli import main as cli_main

if TYPE_CHECKING:
    from casefile.report import PrintDocument


def _open_window(case: Path | None) -> int:
    from ui.app import run_app

    return run_app(case)


def _render_pdf(document: PrintDocument, path: Path) -> None:
    from ui.printing import render_pdf  # Qt is imported only by commands that print

    render_pdf(document, path)


def main() -> int:
    # Process-wide protections belong to the process, set here once: not in cli.main, which
    # tests and scripts also call in-process.
    hardening.install()  # private umask, no core dumps, no network
    logs.configure()
    return cli_main(sys.argv[1:], Frontends(open_window=_open_window, render_pdf=_render_pdf))


if __name__ == "__main__":
    sys.exit(main())
