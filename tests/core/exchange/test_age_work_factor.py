"""The scrypt work factor is checked before any scrypt runs; unsafe or malformed ones refused."""

from __future__ import annotations

import re

import pytest

from casefile.exchange import age, age_recipients

PASSPHRASE = "work factor test"


@pytest.fixture
def scrypt_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record every call of our one scrypt entry point (and still run it)."""
    calls: list[int] = []
    real = age_recipients.scrypt_wrap_key

    def recording(passphrase: bytes, salt: bytes, log2_work: int) -> bytes:
        calls.append(log2_work)
        return real(passphrase, salt, log2_work)

    monkeypatch.setattr(age_recipients, "scrypt_wrap_key", recording)
    return calls


def with_work_factor(text: str) -> bytes:
    """A passphrase file whose header names `text` as its work factor (MAC left stale: the
    refusal must come before the MAC can even be checked)."""
    data = age.encrypt_with_passphrase(b"secret", PASSPHRASE, log2_work=4)
    return re.sub(rb"(-> scrypt \S+) 4\n", rb"\1 " + text.encode() + rb"\n", data, count=1)


def test_positive_control_the_spy_sees_scrypt(scrypt_calls: list[int]) -> None:
    data = age.encrypt_with_passphrase(b"secret", PASSPHRASE, log2_work=4)
    scrypt_calls.clear()
    assert age.decrypt(data, passphrase=PASSPHRASE) == b"secret"
    assert scrypt_calls == [4]


@pytest.mark.parametrize("log2_work", [21, 22])
def test_above_the_limit_asks_first_and_never_runs_scrypt(
    scrypt_calls: list[int], log2_work: int
) -> None:
    data = with_work_factor(str(log2_work))
    scrypt_calls.clear()
    with pytest.raises(age.AgeUnsafeWorkFactor) as refused:
        age.decrypt(data, passphrase=PASSPHRASE)
    assert scrypt_calls == []
    assert refused.value.may_retry
    assert refused.value.log2_work == log2_work
    assert "this file asks for an unsafe amount of work — ask the sender to export again" in str(
        refused.value
    )


@pytest.mark.parametrize("log2_work", ["23", "24", "30", "64", "255", "9223372036854775818"])
def test_above_22_is_refused_for_good(scrypt_calls: list[int], log2_work: str) -> None:
    data = with_work_factor(log2_work)
    scrypt_calls.clear()
    with pytest.raises(age.AgeUnsafeWorkFactor) as refused:
        age.decrypt(data, passphrase=PASSPHRASE, max_log2_work=22)
    assert not refused.value.may_retry
    assert scrypt_calls == []


@pytest.mark.parametrize(
    "text", ["018", "0", "00", "+18", "-18", "0x12", "1e1", "18.0", "١٨", "18a", "a18", "", " 18"]
)
def test_non_canonical_numbers_are_refused_before_scrypt(
    scrypt_calls: list[int], text: str
) -> None:
    data = with_work_factor(text)
    scrypt_calls.clear()
    with pytest.raises((age.AgeHeaderDamaged, age.AgeUnsafeWorkFactor)) as refused:
        age.decrypt(data, passphrase=PASSPHRASE)
    assert scrypt_calls == []
    assert not isinstance(refused.value, age.AgeUnsafeWorkFactor)


def test_a_raised_limit_lets_the_caller_retry(
    scrypt_calls: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the user agrees, the same file is tried with a higher limit (and scrypt runs)."""
    data = with_work_factor("21")
    scrypt_calls.clear()

    # Don't actually spend 2 GiB here: the real KDF is swapped for a cheap stand-in.
    def stand_in(passphrase: bytes, salt: bytes, log2_work: int) -> bytes:
        scrypt_calls.append(log2_work)
        return bytes(32)

    monkeypatch.setattr(age_recipients, "scrypt_wrap_key", stand_in)
    with pytest.raises(age.AgeWrongPassphrase):
        age.decrypt(data, passphrase=PASSPHRASE, max_log2_work=21)
    assert scrypt_calls == [21]


@pytest.mark.parametrize(
    ("max_log2_work", "allow_up_to"), [(23, 23), (21, 20), (0, 22), (20, 23), (22, 30)]
)
def test_limits_can_never_exceed_22(max_log2_work: int, allow_up_to: int) -> None:
    data = age.encrypt_with_passphrase(b"x", PASSPHRASE, log2_work=4)
    with pytest.raises(ValueError, match="22"):
        age.decrypt(
            data,
            passphrase=PASSPHRASE,
            max_log2_work=max_log2_work,
            allow_log2_work_up_to=allow_up_to,
        )


def test_a_lower_ceiling_refuses_for_good(scrypt_calls: list[int]) -> None:
    data = with_work_factor("21")
    scrypt_calls.clear()
    with pytest.raises(age.AgeUnsafeWorkFactor) as refused:
        age.decrypt(data, passphrase=PASSPHRASE, max_log2_work=18, allow_log2_work_up_to=20)
    assert not refused.value.may_retry
    assert scrypt_calls == []


def test_a_scrypt_stanza_must_be_alone(scrypt_calls: list[int]) -> None:
    data = age.encrypt_with_passphrase(b"x", PASSPHRASE, log2_work=4)
    doubled = re.sub(rb"(-> scrypt [^\n]+\n[^\n]*\n)", rb"\1\1", data, count=1)
    grease = re.sub(rb"(-> scrypt [^\n]+\n[^\n]*\n)", rb"-> grease\n\n\1", data, count=1)
    scrypt_calls.clear()
    for variant in (doubled, grease):
        with pytest.raises(age.AgeHeaderDamaged):
            age.decrypt(variant, passphrase=PASSPHRASE)
    assert scrypt_calls == []


@pytest.mark.parametrize("log2_work", [0, 23, -1])
def test_encryption_refuses_out_of_range_work(log2_work: int) -> None:
    with pytest.raises(ValueError, match="log2_work"):
        age.encrypt_with_passphrase(b"x", PASSPHRASE, log2_work=log2_work)
