"""`casefile print` through the real entry point: PDFs with every quote and number, Arabic,
redaction by default with a positive control, FULL said out loud, clear errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from casefile.cli import Frontends, main
from casefile.services import claims, quotes, sources
from casefile.services.case import create_case
from tests import factories
from tests.ui.test_printing_leaks import leaks, pdf_text

Cli = Any
PASS = "correct horse battery staple"


@pytest.fixture
def story(tmp_path: Path) -> dict[str, Any]:
    """Built in-process through the services (the CLI's own `add` commands have their tests)."""
    path = tmp_path / "p.casefile"
    name = factories.canary_name()
    case = create_case(path, title="Print case", passphrase=None)
    with case, case.transaction("Reporter") as s:
        arabic = sources.add(s, factories.source(name="سمير الحلبي"))
        anon = sources.add(s, factories.protected_source(name=name))
        quotes.add(s, factories.quote(text="The convoy left at dawn", source_id=arabic.id))
        quotes.add(
            s, factories.quote(text="They promised us two thousand dollars", source_id=anon.id)
        )
        claims.add(s, factories.claim(source_id=anon.id, raw_text="two thousand dollars"))
    return {"path": path, "arabic": arabic.id, "anon": anon.id, "tokens": name.split()}


def test_source_summary_pdf_with_arabic_name(
    story: dict[str, Any], cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "a.pdf"
    result = cli("print", story["path"], "--source", story["arabic"], "--pdf", out)
    assert result.code == 0, result.err
    assert "Redacted — for editor" in result.out and "FULL" not in result.out
    text = unicodedata.normalize("NFKC", pdf_text(out))
    assert "The convoy left at dawn" in text
    assert "الحلبي" in text or "الحلبي"[::-1] in text


def test_redacted_by_default_and_full_only_with_the_flag(
    story: dict[str, Any], cli: Cli, tmp_path: Path
) -> None:
    redacted, full = tmp_path / "r.pdf", tmp_path / "f.pdf"
    assert cli("print", story["path"], "--source", story["anon"], "--pdf", redacted).code == 0
    assert leaks(redacted, story["tokens"]) == []
    text = " ".join(pdf_text(redacted).split())
    assert "They promised us two thousand dollars" in text and "$2,000/month" in text
    result = cli("print", story["path"], "--source", story["anon"], "--full", "--pdf", full)
    assert result.code == 0, result.err
    assert "FULL — contains protected identities" in result.out
    assert story["tokens"][1] in pdf_text(full)  # positive control


def test_case_summary_json_output(story: dict[str, Any], cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    result = cli("print", story["path"], "--case", "--pdf", out, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data == {
        "path": str(out),
        "summary": "case",
        "audience": "redacted",
        "label": "Redacted — for editor",
    }
    assert leaks(out, story["tokens"]) == []
    assert "Timeline" in pdf_text(out)
    for token in story["tokens"]:
        assert token not in result.out + result.err


def test_encrypted_case_with_passphrase_file(cli: Cli, tmp_path: Path) -> None:
    path, secret = tmp_path / "e.casefile", tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    assert cli("new", path, "--title", "Secret", "--passphrase-file", secret).code == 0
    out = tmp_path / "e.pdf"
    result = cli("print", path, "--case", "--pdf", out, "--passphrase-file", secret)
    assert result.code == 0, result.err
    assert "Secret" in pdf_text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case"], "--pdf"),
        (["--pdf", "x.pdf"], "--source"),
        (
            ["--case", "--source", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "--pdf", "x.pdf"],
            "not allowed",
        ),
        (["--source", "not-an-id", "--pdf", "x.pdf"], "not a record id"),
        (["--source", "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "--pdf", "x.pdf"], "no source"),
    ],
)
def test_bad_requests_get_one_clear_line(
    story: dict[str, Any], cli: Cli, args: list[str], message: str
) -> None:
    result = cli("print", story["path"], *args)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_missing_folder_is_reported_and_nothing_is_left(
    story: dict[str, Any], cli: Cli, tmp_path: Path
) -> None:
    result = cli("print", story["path"], "--case", "--pdf", tmp_path / "none" / "x.pdf")
    assert result.code == 2 and "does not exist" in result.err
    assert not (tmp_path / "none").exists()


def test_without_the_window_package_printing_says_so(
    story: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(
        ["print", str(story["path"]), "--case", "--pdf", str(tmp_path / "x.pdf")], Frontends()
    )
    assert code == 2
    assert "printing needs the window package" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
