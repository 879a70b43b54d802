"""Subjects: keys, suggestions from a claim's text, look-alikes while typing, merges."""

from __future__ import annotations

import pytest

from casefile.analysis.subjects import SubjectMap, similar_subjects, subject_key, suggest_subject


@pytest.mark.parametrize(
    ("subject", "key"),
    [
        (" The Monthly Salaries ", "monthly salary"),
        ("monthly salary", "monthly salary"),
        ("a death-toll", "death toll"),
        ("Fighters' wages", "fighter wage"),
        ("number of people", "number of person"),
        ("taxes", "tax"),
        ("losses", "loss"),
        ("census", "census"),
        ("news reports", "news report"),
        ("", ""),
        ("الرواتب الشهرية", "الرواتب الشهرية"),
    ],
)
def test_subject_key(subject: str, key: str) -> None:
    assert subject_key(subject) == key


@pytest.mark.parametrize(
    ("raw_text", "suggested"),
    [
        ("a monthly salary of $1,000", "monthly salary"),
        ("They were promised a monthly salary of $1,000", "monthly salary"),
        ("The death toll stood at 300", "death toll"),
        ("350 fighters", "fighters"),
        ("about 400 recruits from the north", "recruits"),
        ("paid $2,000 a month in wages", "wages"),
        ("three-month contracts", "contract length"),
        ("between 1,500 and 2,000 men", "men"),
        ("$2000 a month", ""),
        ("", ""),
    ],
)
def test_suggest_subject(raw_text: str, suggested: str) -> None:
    assert suggest_subject(raw_text) == suggested


def test_suggest_subject_falls_back_to_the_context() -> None:
    context = "Recruiters said so. The recruits were promised a monthly salary of $1,000 by them."
    assert suggest_subject("$1,000", context) == "monthly salary"
    assert suggest_subject("$1,000", "Nothing to see here.") == ""


def test_suggest_subject_is_quick_on_a_pasted_paragraph() -> None:
    assert suggest_subject("word " * 5_000 + "of $5") == ""


EXISTING = [
    "monthly salary",
    "Monthly salaries",
    "monthly pay per fighter",
    "death toll",
    "contract length",
    "number of recruits",
    "salary in Syria",
]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("monthly salaries", ["monthly salary"]),
        ("mon", ["monthly salary", "monthly pay per fighter"]),
        ("sal", ["salary in Syria", "monthly salary"]),
        ("salery", ["monthly salary", "salary in Syria"]),
        ("deth", ["death toll"]),
        ("recruit", ["number of recruits"]),
        ("contrct", ["contract length"]),
        ("xyz", []),
        ("", []),
    ],
)
def test_similar_subjects(typed: str, offered: list[str]) -> None:
    assert similar_subjects(typed, EXISTING) == offered


def test_similar_subjects_is_capped() -> None:
    many = [f"salary {i}" for i in range(50)]
    assert len(similar_subjects("salary", many)) == 10
    assert len(similar_subjects("salary", many, limit=3)) == 3


def test_subject_map_merges_and_follows_chains() -> None:
    merges = SubjectMap.of([("monthly pay", "monthly salary"), ("Wages", "monthly pay")])
    assert merges.canonical("The monthly salaries") == "monthly salary"
    assert merges.canonical("monthly pay") == "monthly salary"
    assert merges.canonical("wage") == "monthly salary"
    assert merges.canonical("rent") == "rent"
    assert merges.keys_into(["monthly salary"]) == {"monthly salary", "monthly pay", "wage"}


def test_subject_map_is_immutable_and_merged_returns_a_new_map() -> None:
    before = SubjectMap()
    after = before.merged("pay", "salary")
    assert before.canonical("pay") == "pay"
    assert after.canonical("pay") == "salary"
    assert hash(after) == hash(SubjectMap.of([("pay", "salary")]))


def test_subject_map_survives_a_cycle() -> None:
    cyclic = SubjectMap.of([("pay", "wage"), ("wage", "pay")])
    assert {cyclic.canonical("pay"), cyclic.canonical("wage")} <= {"pay", "wage"}


def test_the_latest_merge_wins() -> None:
    merges = SubjectMap().merged("pay", "wage").merged("wage", "pay")
    assert merges.canonical("wage") == "pay"
    assert merges.canonical("pay") == "pay"


def test_subject_map_ignores_self_and_empty_merges() -> None:
    assert SubjectMap.of([("pay", "Pay"), ("", "x"), ("x", "")]).merges == ()
