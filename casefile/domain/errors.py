"""Typed errors: each carries a message a reporter can act on (what, where, what to do).

Messages never include field values of records: they may end up in logs or crash reports.
"""


class CasefileError(Exception):
    """Base of every error the core raises on purpose. `str(error)` is the user-facing message."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class InvalidValue(CasefileError):
    """A value given by the user cannot be stored (names the field, never echoes secrets)."""

    def __init__(self, field: str, problem: str, *, hint: str | None = None) -> None:
        super().__init__(f"{field} {problem}", hint=hint)
        self.field = field


class NotFound(CasefileError):
    def __init__(self, kind: str, record_id: str) -> None:
        super().__init__(f"no {kind} with id {record_id} in this case")
        self.kind = kind
        self.record_id = record_id


class InUse(CasefileError):
    """A record cannot be deleted because others point to it; the caller must choose."""

    def __init__(self, kind: str, count: int, what: str) -> None:
        super().__init__(
            f"this {kind} is referenced by {what}",
            hint="unlink them first, or delete with the 'unlink' option",
        )
        self.count = count


class CaseFileError(CasefileError):
    """Problems with a case file on disk."""


class CaseFileMissing(CaseFileError):
    pass


class NotACaseFile(CaseFileError):
    pass


class NewerCaseFile(CaseFileError):
    pass


class CaseFileDamaged(CaseFileError):
    pass


class CaseFileExists(CaseFileError):
    pass


class CaseLocked(CaseFileError):
    """The case is locked (or encrypted and no passphrase was given)."""


class WrongPassphrase(CaseFileError):
    pass


class KeyMaterialDamaged(CaseFileError):
    pass


class StorageFull(CasefileError):
    pass


class SearchSyntaxError(CasefileError):
    pass
