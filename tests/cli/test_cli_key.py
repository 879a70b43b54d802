"""Your own sharing key: made inside an encrypted case, used to open exports sent to you."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_key_export_to_it_and_import_with_it(tmp_path: Path, cli: Any) -> None:
    mine, theirs = tmp_path / "mine.pass", tmp_path / "theirs.pass"
    mine.write_text("my case passphrase\n")
    theirs.write_text("their case passphrase\n")
    a, b = tmp_path / "a.casefile", tmp_path / "b.casefile"
    assert cli("new", a, "--title", "A", "--passphrase-file", theirs).code == 0
    assert cli("new", b, "--title", "B", "--passphrase-file", mine).code == 0
    assert cli("key", b, "--passphrase-file", mine).code == 2  # none yet: one line, clean
    key = cli("key", b, "--create", "--passphrase-file", mine, "--json").json()["public_key"]
    assert key.startswith("age1")
    assert cli("key", b, "--passphrase-file", mine, "--json").json()["public_key"] == key
    cli("add", "source", a, "--name", "Named Okafor", "--passphrase-file", theirs)
    out = tmp_path / "to-me.casefile.age"
    assert cli("export", a, "--out", out, "--recipient", key, "--passphrase-file", theirs).code == 0
    result = cli("import", b, out, "--my-key", "--passphrase-file", mine, "--json")
    assert result.code == 0, result.err
    names = {
        s["name"] for s in cli("list", b, "sources", "--passphrase-file", mine, "--json").json()
    }
    assert names == {"Named Okafor"}
    # the secret key never leaves in plaintext: a plain case refuses it, decrypting refuses too
    refused = cli("decrypt", b, "--yes", "--passphrase-file", mine)
    assert refused.code == 2 and "sharing key" in refused.err
    plain = tmp_path / "plain.casefile"
    cli("new", plain, "--title", "P", "--no-encryption")
    assert cli("key", plain, "--create").code == 2
