"""Looking for a canary everywhere: in the forms a name can take on disk or in a stream."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path


def forms(canary: str) -> set[bytes]:
    """UTF-8, UTF-16 (both orders), case-folded and NFKD spellings of each word of a canary
    name, or of a canary number as a whole (with and without its spaces).

    A number is not split: its short groups ("+44", "7700") are the same in every canary and
    turn up by chance in any file full of digits (a timestamp's microseconds), while the whole
    number, random digits included, does not.
    """
    if any(ch.isalpha() for ch in canary):
        texts = set(canary.split())
    else:
        texts = {canary, "".join(ch for ch in canary if ch.isdigit())}
    out: set[bytes] = set()
    for token in texts:
        for text in {token, token.casefold(), token.upper(), unicodedata.normalize("NFKD", token)}:
            out |= {text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")}
    return out


def hits(blob: bytes, canaries: Iterable[str]) -> list[str]:
    lowered = blob.lower()
    found = []
    for canary in canaries:
        for form in forms(canary):
            if form in blob or form.lower() in lowered:
                found.append(canary)
                break
    return found


def scan_tree(
    root: Path, canaries: Iterable[str], *, allowed: Iterable[Path] = ()
) -> dict[str, list[str]]:
    """Every regular file under `root` that holds a canary, except the `allowed` ones."""
    allow = {p.resolve() for p in allowed}
    listed = list(canaries)
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.resolve() not in allow:
            got = hits(path.read_bytes(), listed)
            if got:
                found[str(path.relative_to(root))] = got
    return found
