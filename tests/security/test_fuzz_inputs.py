"""Fuzzing the CLI's argument parsing and every editor dialog's fields: only our typed errors
and clean messages, never a traceback, and nothing written by refused input."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.cli import main
from casefile.domain.errors import CasefileError
from casefile.services.case import create_case
from tests.security.conftest import iterations

WORDS = st.sampled_from(
    ["new", "add", "source", "quote", "claim", "list", "search", "detect", "intake", "export",
     "import", "print", "passphrase", "--json", "--name", "--text", "--value", "--unit",
     "--protection", "--source", "--title", "--pdf", "--case", "--full", "anonymous", "x",
     "NaN", "1e999", "-1", "", "\x00", "\u202e", "سمير", "--passphrase-file", "/dev/null"]
)  # fmt: skip
ARG = st.one_of(WORDS, st.text(max_size=40))


@pytest.mark.slow
def test_cli_arguments_never_escape_as_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "f.casefile"
    create_case(case, title="Fuzz", passphrase=None).close()
    before = case.read_bytes()
    cwd = Path.cwd()
    os.chdir(tmp_path)

    @settings(
        max_examples=iterations(300, 3000),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(args=st.lists(ARG, max_size=8), on_case=st.booleans())
    def run(args: list[str], on_case: bool) -> None:
        if not args or args[0] == "open":
            return  # the window is not part of this fuzz
        argv = [*args[:2], str(case), *args[2:]] if on_case else args
        code = main(argv)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert code in (0, 2, 130), (argv, code, err)
        if code == 2:
            assert err.strip(), argv

    try:
        run()
    finally:
        os.chdir(cwd)
    # random additions may have succeeded; refused ones changed nothing, and the file still opens
    from casefile.services.case import open_case

    open_case(case).close()
    assert before[:16] == case.read_bytes()[:16]


def test_dialog_fields_take_anything_without_crashing(qtbot: object) -> None:
    from casefile.domain.records import ClaimDraft, SourceDraft
    from ui.dialogs.claim_dialog import ClaimDialog
    from ui.dialogs.source_dialog import SourceDialog

    nasty = [
        "",
        " ",
        "x" * 100_000,
        "\x00\x01\x1b",
        "\u202eevil",
        "<img src=x>",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "1e999",
        "NaN",
    ]
    for text in nasty:
        source = SourceDialog(None, draft=None)
        source.name.setText(text)
        source.pseudonym.setText(text)
        problem = source.problem()
        if not problem:
            assert isinstance(source.values(), SourceDraft)
        claim = ClaimDialog(
            None,
            draft=None,
            find_sources=lambda _t: [],
            source_label=lambda _i: None,
            subjects=lambda _p: [],
        )
        claim.subject.setText(text)
        claim.value.setText(text)
        if not claim.problem():
            with contextlib.suppress(CasefileError):  # refusing a value is allowed; crashing is not
                assert isinstance(claim.values(), ClaimDraft)
        for dialog in (source, claim):
            dialog.deleteLater()
