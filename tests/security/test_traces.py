"""The canary scanner itself: it must find a canary in every form it can take, and must not
cry wolf on digits that merely look like part of one."""

from __future__ import annotations

from tests import factories
from tests.security.traces import hits


def test_a_name_is_found_by_any_of_its_words_in_any_encoding() -> None:
    name = factories.canary_name()
    surname = name.split()[-1]
    for blob in (
        surname.encode(),
        surname.upper().encode("utf-16-le"),
        f"x{surname.casefold()}y".encode("utf-16-be"),
    ):
        assert hits(blob, [name]) == [name]


def test_a_phone_number_is_found_whole_with_or_without_spaces() -> None:
    phone = factories.canary_phone()
    digits = "".join(ch for ch in phone if ch.isdigit())
    for blob in (phone.encode(), phone.encode("utf-16-le"), f"tel:{digits};".encode()):
        assert hits(blob, [phone]) == [phone]


def test_digits_shared_by_every_phone_canary_are_not_a_hit() -> None:
    phone = factories.canary_phone()
    # a timestamp whose microseconds contain the fixed "7700" group, and the country code
    blob = b"2026-11-26T11:47:00.177004+00:00 +44 " + phone[-6:-3].encode()
    assert hits(blob, [phone]) == []
