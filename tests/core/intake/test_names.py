"""Name matching across spellings: case, accents, articles, hyphens, Arabic script."""

from __future__ import annotations

import pytest

from casefile.intake import names_match, normalise_name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Samir Al-Halabi", "samir al halabi"),
        ("Samir al-Halabi", "Samir Halabi"),
        ("Samír Halabi", "SAMIR AL-HALABI"),
        ("Nour El-Din Haddad", "Nour el Din Haddad"),
        ("Abdulrahman Saleh", "Abdul-Rahman Saleh"),
        ("Abd al-Rahman Saleh", "Abdul Rahman Saleh"),
        ("José Ferreira", "Jose Ferreira"),
        ("Dr. Ana Lima", "Ana Lima"),
        ("سمير الحلبي", "سَمِير حلبي"),  # tashkeel and the article
        ("أحمد", "احمد"),  # alef with hamza
        ("إبراهيم", "ابراهيم"),
        ("فاطمة", "فاطمه"),  # ta marbuta typed as ha
        ("مصطفى", "مصطفي"),  # alef maqsura typed as ya
    ],
)
def test_spellings_of_one_name_match(first: str, second: str) -> None:
    assert names_match(first, second)
    assert names_match(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lucas Ferreira", "Ana Ferreira"),
        ("Ferreira", "Lucas Ferreira"),
        ("Samir Halabi", "Samira Halabi"),
        ("", ""),
        ("Al", "El"),
    ],
)
def test_different_names_do_not_match(first: str, second: str) -> None:
    assert not names_match(first, second)


def test_the_key_is_lower_case_without_accents_or_articles() -> None:
    assert normalise_name("  Samír  AL-Halabi ") == "samir halabi"
    assert normalise_name("سَمِير الحَلَبي") == "سمير حلبي"
