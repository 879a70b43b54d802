"""Interop: our files open with the `age` CLI and pyrage, and theirs open with ours."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest

from casefile.exchange import age

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
if AGE is None or AGE_KEYGEN is None:
    # CI installs age (./dev setup); a missing oracle there is a failure, not a quiet skip.
    if os.environ.get("CI"):
        pytest.fail("the age CLI is needed for the interop tests", pytrace=False)
    pytest.skip("the age CLI is not installed", allow_module_level=True)

PLAINTEXT = b"Quote: 'the numbers do not add up' - Zorvath Quillenby\n" * 2000  # ~110 KB
PASSPHRASE = "velvet-anchor-orbit Quillenby 77"

# age reads passphrases from the terminal only, so it runs under a pty in a child interpreter
# (forking the test process itself is not safe under pytest-xdist's threads).
PTY_DRIVER = r"""
import os, pty, sys, time
passphrase, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
seen, answered, deadline = b"", 0, time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    # Answer each prompt once: age -d asks once, age -p asks twice (enter, confirm).
    while answered < seen.count(b"assphrase") and answered < 2:
        os.write(fd, passphrase.encode() + b"\n")
        answered += 1
_, status = os.waitpid(pid, 0)
sys.stderr.write(seen.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def age_with_passphrase(passphrase: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PTY_DRIVER, passphrase, "age", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def age_plain(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["age", *args], capture_output=True, timeout=60, check=False)


def test_our_passphrase_export_opens_with_age_cli(tmp_path: Path) -> None:
    source = tmp_path / "export.age"
    source.write_bytes(age.encrypt_with_passphrase(PLAINTEXT, PASSPHRASE))  # default work, 18
    out = tmp_path / "plain"
    result = age_with_passphrase(PASSPHRASE, "-d", "-o", str(out), str(source))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == PLAINTEXT


def test_age_cli_refuses_our_export_with_a_wrong_passphrase(tmp_path: Path) -> None:
    """Negative control: the pty driver really types, and age really checks."""
    source = tmp_path / "export.age"
    source.write_bytes(age.encrypt_with_passphrase(b"x", PASSPHRASE, log2_work=10))
    result = age_with_passphrase("not it", "-d", "-o", str(tmp_path / "plain"), str(source))
    assert result.returncode != 0
    assert "incorrect passphrase" in result.stderr


def test_our_passphrase_export_opens_with_pyrage() -> None:
    data = age.encrypt_with_passphrase(PLAINTEXT, PASSPHRASE)
    assert pyrage.passphrase.decrypt(data, PASSPHRASE) == PLAINTEXT


def test_age_cli_passphrase_file_opens_with_ours(tmp_path: Path) -> None:
    source = tmp_path / "plain"
    source.write_bytes(PLAINTEXT)
    target = tmp_path / "cli.age"
    result = age_with_passphrase(PASSPHRASE, "-p", "-o", str(target), str(source))
    assert result.returncode == 0, result.stderr
    assert age.decrypt(target.read_bytes(), passphrase=PASSPHRASE) == PLAINTEXT
    with pytest.raises(age.AgeWrongPassphrase):
        age.decrypt(target.read_bytes(), passphrase=PASSPHRASE + "!")


def test_pyrage_passphrase_file_opens_with_ours() -> None:
    # pyrage calibrates its work factor (2^19 here), still within our default limit of 2^20.
    data = pyrage.passphrase.encrypt(PLAINTEXT, PASSPHRASE)
    assert age.decrypt(data, passphrase=PASSPHRASE) == PLAINTEXT


def test_pyrage_x25519_file_opens_with_ours_and_ours_with_pyrage() -> None:
    theirs = pyrage.x25519.Identity.generate()
    data = pyrage.encrypt(PLAINTEXT, [theirs.to_public()])
    assert age.decrypt(data, identities=[str(theirs)]) == PLAINTEXT
    assert age.recipient_of(str(theirs)) == str(theirs.to_public())

    secret, public = age.generate_identity()
    ours = age.encrypt_to_recipients(PLAINTEXT, [public, str(theirs.to_public())])
    assert pyrage.decrypt(ours, [pyrage.x25519.Identity.from_str(secret)]) == PLAINTEXT
    assert pyrage.decrypt(ours, [theirs]) == PLAINTEXT


def keygen(path: Path) -> tuple[str, str]:
    """(secret, public) of a fresh key made by age-keygen into `path`."""
    subprocess.run(["age-keygen", "-o", str(path)], capture_output=True, check=True, timeout=60)
    secret = next(
        line for line in path.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-1")
    )
    public = subprocess.run(
        ["age-keygen", "-y", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    return secret, public


def test_x25519_age_cli_to_ours(tmp_path: Path) -> None:
    secret, public = keygen(tmp_path / "key.txt")
    assert age.recipient_of(secret) == public
    assert age.is_valid_recipient(public)
    source = tmp_path / "plain"
    source.write_bytes(PLAINTEXT)
    target = tmp_path / "cli.age"
    result = age_plain("-r", public, "-o", str(target), str(source))
    assert result.returncode == 0, result.stderr
    assert age.decrypt(target.read_bytes(), identities=[secret]) == PLAINTEXT
    other, _ = age.generate_identity()
    with pytest.raises(age.AgeNoMatchingIdentity):
        age.decrypt(target.read_bytes(), identities=[other])


def test_x25519_ours_to_age_cli(tmp_path: Path) -> None:
    secret, public = age.generate_identity()
    key_file = tmp_path / "ours.txt"
    key_file.write_text(f"# made by Casefile\n{secret}\n")
    cli_secret, cli_public = keygen(tmp_path / "cli-key.txt")
    source = tmp_path / "export.age"
    source.write_bytes(age.encrypt_to_recipients(PLAINTEXT, [public, cli_public]))
    for identity_file in (key_file, tmp_path / "cli-key.txt"):
        out = tmp_path / f"plain-{identity_file.stem}"
        result = age_plain("-d", "-i", str(identity_file), "-o", str(out), str(source))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes() == PLAINTEXT
    # age derives the same public key from our secret as we do.
    derived = subprocess.run(
        ["age-keygen", "-y", str(key_file)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert derived == public
    assert cli_secret != secret


def test_age_cli_refuses_a_tampered_export_of_ours(tmp_path: Path) -> None:
    secret, public = age.generate_identity()
    key_file = tmp_path / "ours.txt"
    key_file.write_text(secret + "\n")
    data = bytearray(age.encrypt_to_recipients(PLAINTEXT, [public]))
    data[-100] ^= 1
    source = tmp_path / "tampered.age"
    source.write_bytes(bytes(data))
    result = age_plain("-d", "-i", str(key_file), "-o", str(tmp_path / "out"), str(source))
    assert result.returncode != 0
