"""A child process for fault tests: does work and prints an acknowledgement after each commit,
until the test kills it with SIGKILL. Run as `python -m tests.security.worker MODE ...`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from casefile.domain.records import QuoteDraft, SourceDraft
from casefile.services import quotes, security, sources
from casefile.services.case import FAST_TEST_PARAMS, open_case


def edit_loop(path: Path, passphrase: str, run: str) -> None:
    """Each unit of work adds a source and a quote that names it: both or neither survive."""
    case = open_case(path, passphrase=passphrase or None)
    i = 0
    while True:
        with case.transaction("worker") as s:
            src = sources.add(s, SourceDraft(name=f"Pair {run}-{i} source"))
            quotes.add(s, QuoteDraft(text=f"Pair {run}-{i} quote", source_id=src.id))
        print(f"ack {i}", flush=True)
        i += 1


def change_passphrase(path: Path, old: str, new: str) -> None:
    case = open_case(path, passphrase=old)
    print("opened", flush=True)
    security.change_passphrase(case, old, new, kdf=FAST_TEST_PARAMS)
    print("changed", flush=True)
    case.close()


def fill_until_full(path: Path) -> None:
    """Adds sources until the disk is full; prints the message the reporter would see and how
    many edits were acknowledged before it."""
    import json

    from casefile.domain.errors import CasefileError

    case = open_case(path)
    done = 0
    message = ""
    try:
        while True:
            with case.transaction("worker") as s:
                sources.add(s, SourceDraft(name=f"Filler {done}", notes="n" * 1500))
            done += 1
    except CasefileError as error:
        message = str(error)
    print(json.dumps({"acknowledged": done, "message": message}), flush=True)
    case.close()


def acknowledge_forever(step: Callable[[], object]) -> None:
    """Says the case is open, then does `step` again and again, acknowledging each one (the
    test kills the process somewhere inside one of them)."""
    print("opened", flush=True)
    n = 0
    while True:
        step()
        n += 1
        print(f"ack {n}", flush=True)


def export_loop(path: Path, passphrase: str, out: Path) -> None:
    """Writes the same export again and again."""
    from casefile.services.exchange import export_case, passphrase_sealing

    case = open_case(path, passphrase=passphrase or None)
    sealing = passphrase_sealing("export passphrase long", log2_work=10)
    acknowledge_forever(lambda: export_case(case, out, sealing=sealing, acknowledged=True))


def import_loop(path: Path, export: Path) -> None:
    """Imports an export into the case again and again."""
    from casefile.services.exchange_import import import_file, passphrase_opener

    case = open_case(path)
    opener = passphrase_opener("export passphrase long")
    acknowledge_forever(lambda: import_file(case, export, decrypt=opener))


def backup_loop(path: Path, root: Path) -> None:
    from casefile.services.backups import make_backup

    case = open_case(path)
    acknowledge_forever(lambda: make_backup(case, keep=3, root=root))


def print_loop(path: Path, out: Path) -> None:
    from casefile.privacy.policy import Audience
    from casefile.services.report import print_case
    from ui.printing import render_pdf

    case = open_case(path)

    def one_pdf() -> None:
        with case.read() as s:
            document = print_case(s, Audience.REDACTED)
        render_pdf(document, out)

    acknowledge_forever(one_pdf)


def write_once(kind: str, path: Path, out: Path) -> None:
    """One export or PDF to `out`; prints the outcome as JSON (the disk-full tests)."""
    import json

    from casefile.domain.errors import CasefileError

    case = open_case(path)
    message = ""
    try:
        if kind == "export":
            from casefile.services.exchange import export_case, passphrase_sealing

            export_case(
                case,
                out,
                sealing=passphrase_sealing("export passphrase long", log2_work=10),
                acknowledged=True,
            )
        else:
            from casefile.privacy.policy import Audience
            from casefile.services.report import print_case
            from ui.printing import render_pdf

            with case.read() as s:
                document = print_case(s, Audience.REDACTED)
            render_pdf(document, out)
    except CasefileError as error:
        message = str(error)
    print(json.dumps({"message": message}), flush=True)


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "edit-loop":
        edit_loop(Path(rest[0]), rest[1], rest[2])
    elif mode == "export-loop":
        export_loop(Path(rest[0]), rest[1], Path(rest[2]))
    elif mode == "import-loop":
        import_loop(Path(rest[0]), Path(rest[1]))
    elif mode == "backup-loop":
        backup_loop(Path(rest[0]), Path(rest[1]))
    elif mode == "print-loop":
        print_loop(Path(rest[0]), Path(rest[1]))
    elif mode == "write-once":
        write_once(rest[0], Path(rest[1]), Path(rest[2]))
    elif mode == "fill-until-full":
        fill_until_full(Path(rest[0]))
    elif mode == "change-passphrase":
        change_passphrase(Path(rest[0]), rest[1], rest[2])
    else:
        raise SystemExit(f"unknown mode {mode}")
