"""`casefile export` and `casefile import` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casefile.exchange import age
from tests import factories


def make_case(cli: Any, tmp: Path) -> tuple[Path, str, str]:
    case = tmp / "a.casefile"
    canary = factories.canary_name()
    assert cli("new", case, "--title", "Share", "--no-encryption").code == 0
    added = cli(
        "add",
        "source",
        case,
        "--name",
        canary,
        "--pseudonym",
        "a cousin",
        "--protection",
        "anonymous",
        "--json",
    )
    source_id = added.json()["id"]
    assert (
        cli("add", "quote", case, "--source", source_id, "--text", "Two thousand a month").code == 0
    )
    return case, canary, source_id


def passfile(tmp: Path, text: str, name: str = "xpass") -> Path:
    path = tmp / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_export_and_import_with_a_passphrase(cli: Any, tmp_path: Path) -> None:
    case, canary, _ = make_case(cli, tmp_path)
    xpass = passfile(tmp_path, "alpha bravo charlie delta")
    out = tmp_path / "red.casefile.age"
    done = cli("export", case, "--out", out, "--export-passphrase-file", xpass, "--json")
    assert done.code == 0, done.err
    info = done.json()
    assert info["export_kind"] == "redacted" and info["counts"]["quotes"] == 1
    assert (
        canary.split()[0]
        not in age.decrypt(out.read_bytes(), passphrase="alpha bravo charlie delta").decode()
    )
    other = tmp_path / "b.casefile"
    cli("new", other, "--title", "Colleague", "--no-encryption")
    merged = cli("import", other, out, "--export-passphrase-file", xpass, "--json")
    assert merged.code == 0, merged.err
    report = merged.json()
    assert report["added"] == {"source": 1, "quote": 1} and report["conflicts"] == []
    again = cli("import", other, out, "--export-passphrase-file", xpass, "--json").json()
    assert again["added"] == {} and again["unchanged"] == 2


def test_full_export_says_full(cli: Any, tmp_path: Path) -> None:
    case, canary, _ = make_case(cli, tmp_path)
    xpass = passfile(tmp_path, "alpha bravo charlie delta")
    out = tmp_path / "full.casefile.age"
    done = cli("export", case, "--out", out, "--full", "--export-passphrase-file", xpass)
    assert done.code == 0 and "FULL" in done.out
    assert canary in age.decrypt(out.read_bytes(), passphrase="alpha bravo charlie delta").decode()


def test_export_to_a_recipient_and_import_with_an_identity(cli: Any, tmp_path: Path) -> None:
    case, _, _ = make_case(cli, tmp_path)
    secret, public = age.generate_identity()
    identity = passfile(tmp_path, f"# my key\n{secret}", "key.txt")
    out = tmp_path / "k.casefile.age"
    assert cli("export", case, "--out", out, "--recipient", public).code == 0
    other = tmp_path / "b.casefile"
    cli("new", other, "--title", "Colleague", "--no-encryption")
    merged = cli("import", other, out, "--identity", identity, "--json")
    assert merged.code == 0 and merged.json()["added"]["source"] == 1


def test_the_review_stops_a_redacted_export_until_acknowledged(cli: Any, tmp_path: Path) -> None:
    case, canary, source_id = make_case(cli, tmp_path)
    cli("add", "quote", case, "--source", source_id, "--text", f"I am {canary}")
    xpass = passfile(tmp_path, "alpha bravo charlie delta")
    out = tmp_path / "x.casefile.age"
    refused = cli("export", case, "--out", out, "--export-passphrase-file", xpass, "--json")
    assert refused.code == 2 and "review" in json.loads(refused.err)["error"]
    assert canary not in refused.err and not out.exists()
    done = cli(
        "export", case, "--out", out, "--export-passphrase-file", xpass, "--acknowledge-findings"
    )
    assert done.code == 0 and "1 review findings were acknowledged" in done.out


def test_errors_are_one_json_line_and_the_case_is_untouched(cli: Any, tmp_path: Path) -> None:
    case, _, _ = make_case(cli, tmp_path)
    xpass = passfile(tmp_path, "alpha bravo charlie delta")
    out = tmp_path / "x.casefile.age"
    cli("export", case, "--out", out, "--export-passphrase-file", xpass)
    other = tmp_path / "b.casefile"
    cli("new", other, "--title", "Colleague", "--no-encryption")
    before = other.read_bytes()
    wrong = cli(
        "import",
        other,
        out,
        "--export-passphrase-file",
        passfile(tmp_path, "not the one", "bad"),
        "--json",
    )
    assert wrong.code == 2 and "passphrase" in json.loads(wrong.err)["error"]
    folder = cli("import", other, tmp_path, "--export-passphrase-file", xpass, "--json")
    assert folder.code == 2 and "folder" in json.loads(folder.err)["error"]
    no_key = cli("import", other, out, "--json")
    assert no_key.code == 2 and "passphrase" in json.loads(no_key.err)["error"]
    assert "Traceback" not in wrong.err + folder.err + no_key.err
    assert other.read_bytes() == before


def test_a_round_trip_through_a_colleague_brings_nothing_new(cli: Any, tmp_path: Path) -> None:
    case, _, source_id = make_case(cli, tmp_path)
    xpass = passfile(tmp_path, "alpha bravo charlie delta")
    first = tmp_path / "1.casefile.age"
    cli("export", case, "--out", first, "--full", "--export-passphrase-file", xpass)
    other = tmp_path / "b.casefile"
    cli("new", other, "--title", "Colleague", "--no-encryption")
    cli("import", other, first, "--export-passphrase-file", xpass)
    # the colleague re-exports; the original reporter sees nothing new
    back = tmp_path / "2.casefile.age"
    cli("export", other, "--out", back, "--full", "--export-passphrase-file", xpass)
    report = cli(
        "import", case, back, "--export-passphrase-file", xpass, "--prefer", "theirs", "--json"
    ).json()
    assert report["added"] == {} and report["updated"] == {} and report["unresolved"] == 0
    del source_id
