"""Builders of valid drafts with overrides, and canary names that cannot appear by chance."""

from __future__ import annotations

import secrets
from dataclasses import replace
from decimal import Decimal
from typing import Any

from casefile.domain.enums import Period, Protection
from casefile.domain.records import ClaimDraft, QuoteDraft, SourceDraft

_SYLLABLES = ["zor", "vath", "quil", "len", "by", "mar", "tek", "osh", "wyn", "dra", "pel", "gux"]


def canary_name() -> str:
    """A fresh two-word name ("Zorvath Quillenby"-like) made per test."""

    def word() -> str:
        return "".join(secrets.choice(_SYLLABLES) for _ in range(3)).capitalize()

    return f"{word()} {word()}"


def canary_phone() -> str:
    return f"+44 7700 9{secrets.randbelow(10**5):05d}"


def source(**overrides: Any) -> SourceDraft:
    return replace(SourceDraft(name="Akram Testname", protection=Protection.NAMED), **overrides)


def protected_source(**overrides: Any) -> SourceDraft:
    base = SourceDraft(
        name=canary_name(),
        pseudonym="a relative of a recruit",
        protection=Protection.ANONYMOUS,
        contact=canary_phone(),
    )
    return replace(base, **overrides)


def quote(**overrides: Any) -> QuoteDraft:
    return replace(QuoteDraft(text="The offer was rejected by the majority"), **overrides)


def claim(**overrides: Any) -> ClaimDraft:
    base = ClaimDraft(subject="monthly pay", value=Decimal(2000), unit="USD", period=Period.MONTH)
    return replace(base, **overrides)
