"""Typed errors of the age module, each with a message a reporter can act on."""

from __future__ import annotations

from casefile.domain.errors import CasefileError

# The categories named by the `expect:` line of the C2SP CCTV age test vectors.
CCTV_HEADER_FAILURE = "header failure"
CCTV_HMAC_FAILURE = "HMAC failure"
CCTV_NO_MATCH = "no match"
CCTV_PAYLOAD_FAILURE = "payload failure"
# Not a CCTV category: a feature Casefile does not offer (vectors for it are skipped).
UNSUPPORTED = "unsupported"


class AgeError(CasefileError):
    """Base of every error raised while reading or writing an age file."""

    cctv_category = CCTV_HEADER_FAILURE


class NotAnAgeFile(AgeError):
    def __init__(self) -> None:
        super().__init__(
            "this is not an encrypted Casefile export (age file)",
            hint="check that you chose the right file",
        )


class AgeHeaderDamaged(AgeError):
    """The header breaks the format; `detail` is for developers and logs, never user text."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "this file is damaged or incomplete",
            hint="ask the sender to export it again",
        )
        self.detail = detail


class AgeHeaderMacMismatch(AgeHeaderDamaged):
    """The file key was recovered but the header's MAC does not match: it was altered."""

    cctv_category = CCTV_HMAC_FAILURE

    def __init__(self) -> None:
        super().__init__("header MAC does not match")


class AgeWrongPassphrase(AgeError):
    cctv_category = CCTV_NO_MATCH

    def __init__(self) -> None:
        super().__init__("wrong passphrase", hint="check the passphrase and try again")


class AgePassphraseRequired(AgeError):
    """The file is protected by a passphrase but none was given."""

    cctv_category = CCTV_NO_MATCH

    def __init__(self) -> None:
        super().__init__(
            "this file is protected by a passphrase", hint="enter the passphrase to open it"
        )


class AgeNoMatchingIdentity(AgeError):
    cctv_category = CCTV_NO_MATCH

    def __init__(self, *, passphrase_given: bool = False) -> None:
        hint = (
            "it was encrypted to keys, not a passphrase; open it with your key"
            if passphrase_given
            else "ask the sender to encrypt it to your public key"
        )
        super().__init__("this file was not encrypted to any of your keys", hint=hint)


class AgePayloadDamaged(AgeError):
    """The encrypted contents fail to authenticate: damaged, truncated, extended or reordered."""

    cctv_category = CCTV_PAYLOAD_FAILURE

    def __init__(self, detail: str) -> None:
        super().__init__(
            "the contents of this file are damaged or incomplete",
            hint="nothing was imported; ask the sender to export it again",
        )
        self.detail = detail


class AgeUnsafeWorkFactor(AgeError):
    """The scrypt work factor is above the caller's limit; refused before any scrypt runs.

    `may_retry` says whether a caller could ask the user and retry with a higher limit
    (never above 2^22); when it is false the file is refused for good.
    """

    def __init__(self, log2_work: int | None, *, may_retry: bool) -> None:
        hint = (
            "opening it anyway can take a minute and several GiB of memory"
            if may_retry
            else "Casefile will not open it"
        )
        super().__init__(
            "this file asks for an unsafe amount of work — ask the sender to export again",
            hint=hint,
        )
        self.log2_work = log2_work
        self.may_retry = may_retry


class AgeUnsupported(AgeError):
    """A valid age feature that Casefile does not offer (armor, plugins, post-quantum keys)."""

    cctv_category = UNSUPPORTED

    def __init__(self, what: str) -> None:
        super().__init__(
            f"this file uses {what}, which Casefile does not support",
            hint="ask the sender to export again with a passphrase or an age1… key",
        )
        self.what = what


class AgeUnsupportedVersion(AgeUnsupported):
    """The file names an age format version other than v1."""

    cctv_category = CCTV_HEADER_FAILURE

    def __init__(self) -> None:
        super().__init__("a newer version of the age format")


class AgeInvalidKey(AgeError):
    """A key given by the user is not a valid age key (never echoes the key itself)."""

    def __init__(self, kind: str) -> None:
        super().__init__(
            f"this is not a valid age {kind}",
            hint="check that it was copied whole, with no spaces or line breaks",
        )
        self.kind = kind


def cctv_category(error: AgeError) -> str:
    """The CCTV `expect:` category an error stands for (or UNSUPPORTED)."""
    return error.cctv_category
