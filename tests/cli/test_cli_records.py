"""The headless CLI contract (DESIGN.md section 7) through the real entry point."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

Cli = Any


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plain(tmp_path: Path, cli: Cli) -> Path:
    path = tmp_path / "t.casefile"
    result = cli("new", path, "--title", "Bar case", "--no-encryption", "--json")
    assert result.code == 0, result.err
    assert result.json()["title"] == "Bar case"
    assert result.json()["encrypted"] is False
    return path


def test_add_list_and_search_round_trip(plain: Path, cli: Cli) -> None:
    s1 = cli(
        "add", "source", plain, "--name", "Akram Testname", "--protection", "named", "--json"
    ).json()
    s2 = cli(
        "add",
        "source",
        plain,
        "--name",
        "Hidden Person",
        "--pseudonym",
        "a relative",
        "--protection",
        "anonymous",
        "--json",
    ).json()
    assert s2["protection"] == "anonymous" and s2["pseudonym"] == "a relative"
    q = cli(
        "add",
        "quote",
        plain,
        "--source",
        s1["id"],
        "--text",
        "The offer was rejected by the majority",
        "--json",
    ).json()
    assert q["source_id"] == s1["id"]
    c = cli(
        "add",
        "claim",
        plain,
        "--source",
        s1["id"],
        "--subject",
        "monthly pay",
        "--value",
        "2000",
        "--unit",
        "USD",
        "--period",
        "month",
        "--qualifier",
        "up_to",
        "--json",
    ).json()
    assert (c["value"], c["unit"], c["period"], c["qualifier"], c["currency"]) == (
        "2000",
        "USD",
        "month",
        "up_to",
        "USD",
    )
    listed = cli("list", plain, "sources", "--json").json()
    assert sorted(x["name"] for x in listed) == ["Akram Testname", "Hidden Person"]
    assert all("id" in x and "protection" in x for x in listed)
    claims = cli("list", plain, "claims", "--json").json()
    assert float(claims[0]["value"]) == 2000
    hits = cli("search", plain, "rejected", "--json").json()
    assert [h["id"] for h in hits] == [q["id"]]
    human = cli("list", plain, "quotes")
    assert "rejected by the majority" in human.out


@pytest.mark.parametrize(
    "args",
    [
        ("add", "claim", "{case}", "--subject", "x", "--value", "notanumber", "--unit", "USD"),
        ("add", "source", "{case}", "--name", "X", "--protection", "secret"),
        ("add", "quote", "{case}", "--text", "hi", "--source", "not-an-id"),
        ("add", "quote", "{case}", "--text", "hi", "--said-on", "yesterday"),
        (
            "add",
            "claim",
            "{case}",
            "--subject",
            "x",
            "--value",
            "5",
            "--unit",
            "USD",
            "--period",
            "fortnight",
        ),
        ("add", "source", "{case}"),
        ("list", "{case}", "widgets"),
        ("frobnicate",),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    plain: Path, cli: Cli, args: tuple[str, ...]
) -> None:
    before = sha(plain)
    result = cli(*[a.replace("{case}", str(plain)) for a in args])
    assert result.code == 2
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.startswith("casefile: error:")
    assert sha(plain) == before


def test_json_errors_go_to_stderr_as_an_object(plain: Path, cli: Cli) -> None:
    result = cli(
        "add", "claim", plain, "--subject", "x", "--value", "NaN", "--unit", "USD", "--json"
    )
    assert result.code == 2 and result.out == ""
    import json

    assert "value" in json.loads(result.err)["error"]


def test_missing_and_bogus_case_files(tmp_path: Path, cli: Cli) -> None:
    missing = cli("list", tmp_path / "missing.casefile", "sources", "--json")
    assert missing.code == 2 and "no case file" in missing.err
    bogus = tmp_path / "bogus.casefile"
    bogus.write_text("not a case\n")
    result = cli("list", bogus, "sources")
    assert result.code == 2 and "Traceback" not in result.err
    assert bogus.read_text() == "not a case\n"


def test_stray_search_syntax_is_not_an_error(plain: Path, cli: Cli) -> None:
    result = cli("search", plain, '"unbalanced AND (', "--json")
    assert result.code == 0 and result.json() == []


def test_new_without_passphrase_or_opt_out_is_refused(tmp_path: Path, cli: Cli) -> None:
    result = cli("new", tmp_path / "x.casefile", "--title", "T")
    assert result.code == 2 and "passphrase" in result.err
    assert not (tmp_path / "x.casefile").exists()
