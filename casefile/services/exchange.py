"""Exports of a case: redacted by default, reviewed, sealed with age and written atomically.

The encryption is a parameter (a `Sealing`), so the window, the CLI and tests choose how a
file is protected; `passphrase_sealing` and `recipients_sealing` are the two the product offers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from casefile.domain.errors import CasefileError
from casefile.domain.snapshot import CaseSnapshot
from casefile.exchange import strict_json
from casefile.exchange.payload import build
from casefile.exchange.payload_errors import ExportRefused, ReviewNeeded
from casefile.exchange.review import Finding, review_findings, unacknowledged
from casefile.privacy.redaction import RedactionOptions
from casefile.services import exchange_ids, snapshot
from casefile.services.case import OpenCase
from casefile.storage.files import atomic_write, remove_quietly

log = logging.getLogger(__name__)

EXPORT_SUFFIX = ".casefile.age"


@dataclass(frozen=True)
class Sealing:
    """How an export is encrypted, and how the written file is checked before it replaces
    anything (`check` gets the written bytes and the plaintext; None: compare bytes only)."""

    encrypt: Callable[[bytes], bytes]
    check: Callable[[bytes, bytes], None] | None = None
    label: str = ""


def passphrase_sealing(passphrase: str, *, log2_work: int = 18) -> Sealing:
    from casefile.exchange import age

    def check(sealed: bytes, plaintext: bytes) -> None:
        if age.decrypt(sealed, passphrase=passphrase) != plaintext:
            raise ExportRefused("the written export did not read back; nothing was saved")

    return Sealing(
        encrypt=lambda p: age.encrypt_with_passphrase(p, passphrase, log2_work=log2_work),
        check=check,
        label="passphrase",
    )


def recipients_sealing(recipients: Sequence[str]) -> Sealing:
    from casefile.exchange import age

    if not recipients:
        raise ExportRefused("an export to keys needs at least one age1… recipient")
    return Sealing(
        encrypt=lambda p: age.encrypt_to_recipients(p, list(recipients)),
        label=f"{len(recipients)} recipient{'s' if len(recipients) > 1 else ''}",
    )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    full: bool
    size_bytes: int
    counts: dict[str, int]
    acknowledged_findings: int


def pending_findings(case: OpenCase, *, include_never_reveal: bool = False) -> list[Finding]:
    """What the review before a redacted export shows (the window lists these)."""
    with case.read() as s:
        whole = snapshot.take(s)
    return review_findings(whole, RedactionOptions(include_never_reveal=include_never_reveal))


def export_case(
    case: OpenCase,
    target: Path,
    *,
    sealing: Sealing,
    full: bool = False,
    include_never_reveal: bool = False,
    acknowledged: Collection[str] | bool = (),
    actor: str = "",
) -> ExportResult:
    """Writes one export. A redacted export refuses (ReviewNeeded) while review findings are
    neither edited away nor acknowledged (`acknowledged`: their keys, or True for all).
    The exchange table records the new export ids in the same unit of work as the file: if
    either fails, neither stays."""
    options = RedactionOptions(include_never_reveal=include_never_reveal)
    with case.read() as s:
        whole: CaseSnapshot = snapshot.take(s)
        previous = exchange_ids.previous_ids(s)
    findings = [] if full else review_findings(whole, options)
    if acknowledged is not True:
        keys = frozenset(acknowledged) if not isinstance(acknowledged, bool) else frozenset()
        waiting = unacknowledged(findings, keys)
        if waiting:
            raise ReviewNeeded(len(waiting))
    built = build(whole, full=full, options=options, previous_ids=previous)
    plaintext = strict_json.dumps(built.payload)
    sealed = sealing.encrypt(plaintext)

    def write(temp: Path) -> None:
        temp.write_bytes(sealed)

    def verify(temp: Path) -> None:
        written = temp.read_bytes()
        if written != sealed:
            raise ExportRefused("the written export did not read back; nothing was saved")
        if sealing.check is not None:
            sealing.check(written, plaintext)

    target = target.absolute()
    written = False
    try:
        with case.transaction(actor) as s:
            exchange_ids.record_sent(s, built.nonce, built.sent)
            s.flush()
            atomic_write(target, write, what="write the export", verify=verify)
            written = True
    except CasefileError:
        if written:  # the file went out but its ids were not recorded: take it back
            remove_quietly(target)
        raise
    log.info("export written (%s, %d bytes)", "full" if full else "redacted", len(sealed))
    return ExportResult(target, full, len(sealed), built.counts, len(findings))
