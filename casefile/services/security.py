"""Passphrases and encryption of an open case: change the passphrase, encrypt a plain case,
decrypt an encrypted one. Each rewrites the file crash-safely (storage.whole_file.rewrite)."""

from __future__ import annotations

import logging

from casefile.domain.errors import CasefileError, WrongPassphrase
from casefile.services.case import OpenCase
from casefile.storage.case_store import CaseStore
from casefile.storage.kdf import DEFAULT_PARAMS, CaseKey, KdfParams, KeyHeader
from casefile.storage.page_check import KeyVerdict, check_key
from casefile.storage.whole_file import rewrite

log = logging.getLogger(__name__)
MIN_PASSPHRASE = 8


def _check_new(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise CasefileError(
            f"the new passphrase is shorter than {MIN_PASSPHRASE} characters",
            hint="use several unrelated words",
        )


def _confirm_current(case: OpenCase, passphrase: str) -> CaseKey:
    key = case.store.key
    if key is None:
        raise CasefileError("this case is not encrypted", hint="encrypt it first")
    candidate = CaseKey.derive(passphrase, key.header)
    if check_key(case.path, candidate.key, key.header.raw) is not KeyVerdict.KEY_OK:
        candidate.wipe()
        raise WrongPassphrase("the current passphrase is wrong; nothing was changed")
    return candidate


def check_passphrase(case: OpenCase, passphrase: str) -> bool:
    """Whether `passphrase` is the open case's (asked again before a full export)."""
    key = case.store.key
    if key is None:
        return False
    candidate = CaseKey.derive(passphrase, key.header)
    try:
        return check_key(case.path, candidate.key, key.header.raw) is KeyVerdict.KEY_OK
    finally:
        candidate.wipe()


def _swap(case: OpenCase, new_key: CaseKey | None) -> None:
    store = case.store
    old_key = store.key
    path = store.path
    store.checkpoint()
    store.engine.dispose()  # the key stays until the new file is in place
    try:
        rewrite(path, old_key, new_key)
    except BaseException:
        case.replace_store(CaseStore.open(path, passphrase=None, key=old_key))
        raise
    if old_key is not None:
        old_key.wipe()
    case.replace_store(CaseStore.open(path, passphrase=None, key=new_key))


def change_passphrase(
    case: OpenCase, current: str, new: str, *, kdf: KdfParams = DEFAULT_PARAMS
) -> None:
    """Re-encrypts the case under `new` (with a fresh salt). Afterwards exactly one of the two
    passphrases opens the file, whatever happens in between."""
    _check_new(new)
    _confirm_current(case, current).wipe()
    _swap(case, CaseKey.derive(new, KeyHeader.new(kdf)))
    log.info("passphrase changed")


def encrypt(case: OpenCase, passphrase: str, *, kdf: KdfParams = DEFAULT_PARAMS) -> None:
    if case.encrypted:
        raise CasefileError("this case is already encrypted")
    _check_new(passphrase)
    _swap(case, CaseKey.derive(passphrase, KeyHeader.new(kdf)))


def decrypt(case: OpenCase, current: str) -> None:
    """Leaves the case as plain SQLite: anyone with the laptop can then read it. Refused while
    the case holds the reporter's secret sharing key, which must never sit unencrypted."""
    from casefile.services import sharing_key

    with case.read() as s:
        if sharing_key.identity(s):
            raise CasefileError(
                "this case holds your secret sharing key, which would be left unencrypted",
                hint="remove the key first (Case ▸ My Sharing Key), then remove the encryption",
            )
    _confirm_current(case, current).wipe()
    _swap(case, None)
