"""SECURITY.md test 21: a redacted export holds no canary in any form; the full one does."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from casefile.exchange import age
from casefile.services.exchange import export_case, recipients_sealing
from tests.core.exchange.helpers import fill, new_case


def forms(token: str) -> set[str]:
    """Every way a token could sit in the decrypted JSON."""
    variants = {token, token.casefold(), token.upper(), unicodedata.normalize("NFKC", token)}
    variants |= {json.dumps(v)[1:-1] for v in list(variants)}  # as JSON escapes it
    variants |= {json.dumps(v, ensure_ascii=True)[1:-1] for v in list(variants)}
    return {v for v in variants if v}


def leaks(plaintext: bytes, tokens: list[str]) -> list[str]:
    text = plaintext.decode("utf-8")
    views = [text, text.casefold(), unicodedata.normalize("NFKC", text).casefold()]
    unescaped = json.dumps(json.loads(text), ensure_ascii=False)
    views += [unescaped, unescaped.casefold()]
    views += [v.replace(" ", "").replace("-", "") for v in views]  # phone numbers, however spaced
    return [t for t in tokens for form in forms(t) for view in views if form.casefold() in view]


def test_a_redacted_export_carries_no_canary_and_the_full_one_does(tmp_path: Path) -> None:
    secret, public = age.generate_identity()
    with new_case(tmp_path, "a") as case:
        made = fill(case)
        tokens = [*made["canary"].split(), made["phone"], made["phone"].replace(" ", "")]
        tokens += [made["never"].name, *made["never"].name.split()]
        sealing = recipients_sealing([public])
        export_case(case, tmp_path / "red.casefile.age", sealing=sealing)
        export_case(case, tmp_path / "full.casefile.age", sealing=sealing, full=True)
    raw = (tmp_path / "red.casefile.age").read_bytes()
    assert all(t.encode() not in raw for t in tokens)
    redacted = age.decrypt(raw, identities=[secret])
    assert leaks(redacted, tokens) == []
    assert b"They promised two thousand" in redacted  # the material itself travels
    full = age.decrypt((tmp_path / "full.casefile.age").read_bytes(), identities=[secret])
    assert set(leaks(full, tokens)) == set(tokens)  # positive control: the detector sees them
    assert json.loads(full)["export_kind"] == "full"


def test_protected_details_blanked_by_redaction_do_not_travel(tmp_path: Path) -> None:
    with new_case(tmp_path, "a") as case:
        fill(case)
        from tests.core.exchange.helpers import export

        text = json.dumps(export(case, tmp_path / "x.casefile.age"), ensure_ascii=False)
    for hidden in ("Lives near the port", "Bonus per recruit"):
        assert hidden not in text
