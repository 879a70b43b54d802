"""The scripted reporter session, headless: a whole day's work through the CLI with fresh HOME,
XDG and TMPDIR folders and the log at DEBUG, then every file and stream scanned for the
protected sources' canary names in all their encodings."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from tests import factories
from tests.cli.conftest import Result, run_cli
from tests.security.traces import hits, scan_tree

ARTICLE = (
    "Families say recruits were misled\n\n"
    '"They told my son he would get $2,000 a month," said Yusuf Demir. '
    '"Every recruit is paid $1,000 per month," said Elena Varga, a spokeswoman.\n'
)


def test_a_day_of_work_leaves_no_protected_name_outside_the_case(
    tmp_path: Path, monkeypatch: Any
) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    temp = tmp_path / "tmp"
    for folder in (home, work, temp):
        folder.mkdir()
    folders = {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
        "XDG_STATE_HOME": ".local/state",
    }
    for name, sub in folders.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("CASEFILE_LOG_LEVEL", "DEBUG")
    names = [factories.canary_name(), factories.canary_name()]
    phone = factories.canary_phone()
    canaries = [*names, phone]
    streams: list[tuple[str, Result]] = []

    def cli(*args: Any) -> Result:
        result = run_cli(*args)
        streams.append((str(args[0]), result))
        assert result.code == 0, (args, result.err)
        return result

    (work / "pass").write_text("case passphrase one two\n")
    (work / "xpass").write_text("export passphrase three four\n")
    case = work / "story.casefile"
    pw = ("--passphrase-file", work / "pass")
    cli("new", case, "--title", "Story", *pw)
    anon = cli(
        "add",
        "source",
        case,
        "--name",
        names[0],
        "--pseudonym",
        "a relative",
        "--protection",
        "anonymous",
        *pw,
        "--json",
    ).json()
    never = cli(
        "add",
        "source",
        case,
        "--name",
        names[1],
        "--pseudonym",
        "an insider",
        "--protection",
        "never_reveal",
        *pw,
        "--json",
    ).json()
    cli("add", "source", case, "--name", "Named Okafor", "--protection", "named", *pw)
    cli(
        "add",
        "quote",
        case,
        "--source",
        anon["id"],
        "--text",
        "They promised two thousand dollars",
        *pw,
    )
    cli("add", "quote", case, "--source", never["id"], "--text", "Bonus for every signature", *pw)
    cli(
        "add",
        "claim",
        case,
        "--source",
        anon["id"],
        "--subject",
        "monthly pay",
        "--value",
        "2000",
        "--unit",
        "USD",
        "--period",
        "month",
        *pw,
    )
    cli(
        "add",
        "claim",
        case,
        "--source",
        never["id"],
        "--subject",
        "monthly pay",
        "--value",
        "900",
        "--unit",
        "USD",
        "--period",
        "month",
        *pw,
    )
    (work / "article.txt").write_text(ARTICLE, encoding="utf-8")
    cli("intake", case, work / "article.txt", "--accept", *pw)
    cli("detect", case, *pw)
    cli("search", case, names[0].split()[0], *pw, "--json")
    cli("list", case, "sources", *pw, "--json")
    cli(
        "export",
        case,
        "--out",
        work / "red.casefile.age",
        "--export-passphrase-file",
        work / "xpass",
        *pw,
    )
    cli(
        "export",
        case,
        "--full",
        "--out",
        work / "full.casefile.age",
        "--export-passphrase-file",
        work / "xpass",
        *pw,
    )
    cli("print", case, "--case", "--pdf", work / "case.pdf", *pw)
    cli("print", case, "--source", anon["id"], "--pdf", work / "anon.pdf", *pw)
    cli("print", case, "--source", anon["id"], "--full", "--pdf", work / "anon-full.pdf", *pw)
    colleague = work / "colleague.casefile"
    cli("new", colleague, "--title", "Colleague", "--no-encryption")
    cli("import", colleague, work / "red.casefile.age", "--export-passphrase-file", work / "xpass")
    cli("backup", case, *pw)
    cli("passphrase", case, *pw, "--new-passphrase-file", work / "xpass")

    # positive controls: the name is in the case (decrypted) and in the full outputs
    listed = run_cli("list", case, "sources", "--passphrase-file", work / "xpass", "--json")
    assert names[0] in listed.out
    full_pdf_text = subprocess.run(
        ["pdftotext", str(work / "anon-full.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert names[0].split()[1] in full_pdf_text
    # the scan: everything under HOME, the temp folder and the work folder, and every stream
    allowed = [case, work / "full.casefile.age", work / "anon-full.pdf"]
    found = {
        **scan_tree(home, canaries),
        **scan_tree(temp, canaries),
        **scan_tree(work, canaries, allowed=allowed),
    }
    # the colleague's case is plain SQLite made from the redacted export: it is scanned too
    assert found == {}, found
    # streams: no error output ever names them; and only the commands whose job is to show the
    # reporter their own records (add, list, search) may print them on stdout
    for command, result in streams:
        assert hits(result.err.encode(), canaries) == [], command
        if command not in ("add", "list", "search"):
            assert hits(result.out.encode(), canaries) == [], command
    logs = list((home / ".local/state").rglob("*.log"))
    assert logs, "the log was written (and scanned above)"
