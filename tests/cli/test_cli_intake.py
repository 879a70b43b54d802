"""`casefile intake` and `casefile detect` through the real entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTICLE = (
    "Recruits say they were promised more than they got\n"
    "\n"
    'PORT VELMAR, 12 May 2026 — "They promised us $2,000 a month," said Karim Haddad,'
    " a recruit who returned in April.\n"
    "\n"
    'The agency disputed that. "The salary was $1,000 per month, as the contract '
    'says," said Marta Lind, a spokeswoman for Northstar Placement Services.\n'
    "\n"
    "About 350 young men have signed up since January, according to the ministry.\n"
)


def test_intake_accept_then_detect_finds_the_pay_conflict(tmp_path: Path, cli: Any) -> None:
    case = tmp_path / "i.casefile"
    assert cli("new", case, "--title", "Intake", "--no-encryption").code == 0
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = cli("intake", case, article, "--accept", "--published", "2026-05-12", "--json")
    assert result.code == 0, result.err
    out = result.json()
    speakers = {q["speaker"] for q in out["quotes"]}
    assert {"Karim Haddad", "Marta Lind"} <= speakers
    for q in out["quotes"]:
        assert ARTICLE[q["start"] : q["end"]] == q["text"]
    values = {(c["value"], c["unit"], c["period"]) for c in out["claims"]}
    assert ("2000", "USD", "month") in values and ("1000", "USD", "month") in values
    sources = {s["name"] for s in cli("list", case, "sources", "--json").json()}
    assert {"Karim Haddad", "Marta Lind"} <= sources
    detected = cli("detect", case, "--json").json()
    pay = [d for d in detected if "$2,000/month" in d["reason"] and "$1,000/month" in d["reason"]]
    assert len(pay) == 1 and pay[0]["new"] is True
    # detect again: nothing new, the same entry
    again = cli("detect", case, "--json").json()
    assert [d["contradiction_id"] for d in again] == [d["contradiction_id"] for d in detected]
    assert all(d["new"] is False for d in again)


def test_intake_refuses_unknown_and_missing_files_cleanly(tmp_path: Path, cli: Any) -> None:
    case = tmp_path / "i.casefile"
    cli("new", case, "--title", "Intake", "--no-encryption")
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    for target in (junk, tmp_path / "missing.txt", tmp_path):
        result = cli("intake", case, target)
        assert result.code == 2 and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1


def test_a_figure_without_a_unit_waits_and_the_rest_is_stored(tmp_path: Path, cli: Any) -> None:
    """One figure that does not say what it counts must not sink the whole intake."""
    case = tmp_path / "i.casefile"
    cli("new", case, "--title", "Intake", "--no-encryption")
    article = tmp_path / "article.txt"
    article.write_text(
        ARTICLE + "\nIndependent groups put the figure at more than 15,000.\n", encoding="utf-8"
    )
    result = cli("intake", case, article, "--accept", "--json")
    assert result.code == 0, result.err
    accepted = result.json()["accepted"]
    assert [n["raw"] for n in accepted["needs_unit"]] == ["more than 15,000"]
    assert len(accepted["claims"]) >= 3  # $2,000, $1,000 and the 350 young men
    said = cli("intake", case, article, "--accept")
    assert said.code == 0
    assert "not stored: 1 numbers" in said.out and "more than 15,000" in said.out


def test_accept_stores_the_proposed_and_holds_back_the_unsure(tmp_path: Path, cli: Any) -> None:
    case = tmp_path / "i.casefile"
    cli("new", case, "--title", "Intake", "--no-encryption")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE + '\nCampaigners want the so-called "transit visa" ended.\n')
    out = cli("intake", case, article, "--accept", "--json").json()
    unsure = [q["text"] for q in out["quotes"] if q["confidence"] < 0.3]
    assert unsure == ["transit visa"]
    assert out["accepted"]["held_back"] == 1
    stored = {q["text"] for q in cli("list", case, "quotes", "--json").json()}
    assert "transit visa" not in stored and "They promised us $2,000 a month" in stored
    said = cli("intake", case, article, "--accept-all")
    assert said.code == 0 and "held back" not in said.out
    stored = {q["text"] for q in cli("list", case, "quotes", "--json").json()}
    assert "transit visa" in stored
